// What an action card says, in words: cost, odds and each factor for and against, the preview's main changes, stable slots.
import type { ActionView, ChoicePreview, OddsView, PreviewChange } from '../engine/index.js';
import { changeText, previewLines } from '../analysis/previewText.js';
import { fmt, fmtDelta } from './theme.js';

/** One card's place on the board: the action's view, or null while the scenario keeps it hidden (its slot stays). */
export interface CardSlot {
  id: string;
  view: ActionView | null;
  preview: ChoicePreview | null;
}

/** pure; the seat's cards keyed by action id in scenario order, a hidden action keeping its place, extra views (the pass) last. */
export function cardSlots(order: readonly string[], views: readonly ActionView[], previewOf: (id: string) => ChoicePreview | null): CardSlot[] {
  const byId = new Map(views.map((v) => [v.id, v]));
  const slots: CardSlot[] = order.map((id) => {
    const view = byId.get(id) ?? null;
    return { id, view, preview: view ? previewOf(id) : null };
  });
  for (const v of views) if (!order.includes(v.id)) slots.push({ id: v.id, view: v, preview: previewOf(v.id) });
  return slots;
}

/** "Odds 55%: base 40; +20 Harbor backs the talks; −15 high tension (not in force)". */
export function oddsText(o: OddsView, withInactive = true): string {
  const parts = [`base ${fmt(o.base)}`];
  for (const f of o.factors) if (f.applies || withInactive) parts.push(`${fmtDelta(f.add)} ${f.label}${f.applies ? '' : ' (not in force)'}`);
  return `Odds ${fmt(o.total)}%: ${parts.join('; ')}`;
}

/** pure; each odds factor as "For: +20 Harbor backs the talks" or "Against: −15 high tension (not in force now)". */
export function oddsFactorLines(o: OddsView): string[] {
  return o.factors.map((f) => `${f.add >= 0 ? 'For' : 'Against'}: ${fmtDelta(f.add)} ${f.label}${f.applies ? '' : ' (not in force now)'}`);
}

/** "Cost: 4 President Lee's political capital", or "No cost". */
export function costText(a: ActionView): string {
  return a.cost.length ? `Cost: ${a.cost.map((c) => `${fmt(c.amount)} ${c.name}`).join(', ')}` : 'No cost';
}

/** How much a change weighs in the short preview: its expected size, a flag or a value set counting as large. */
function weight(c: PreviewChange, chance: number | null): number {
  const w = c.branch === 'success' ? (chance ?? 1) : c.branch === 'failure' ? 1 - (chance ?? 1) : 1;
  const size = c.kind === 'flag' ? 10 : c.mode === 'set' ? Math.abs(c.amount - c.from) : Math.abs(c.amount);
  return size * w;
}

/** pure; the one or two main changes of a preview for the face of a card: "Escalation +4 now; if it succeeds: Talks +6 next turn". */
export function previewShort(p: ChoicePreview | null, count = 2): string {
  if (!p) return 'Changes nothing directly';
  const main = p.changes
    .map((c, k) => ({ c, k, w: weight(c, p.chance) }))
    .filter((x) => x.c.branch !== 'cost' && x.w >= 0.05)
    .sort((x, y) => y.w - x.w || x.k - y.k)
    .slice(0, count);
  if (main.length === 0) return 'Changes nothing directly';
  return main.map(({ c }) => `${c.branch === 'success' ? 'if it succeeds: ' : c.branch === 'failure' ? 'if it fails: ' : ''}${changeText(c)}`).join('; ');
}

/** pure; the preview's full list of lines (previewLines), or the pass's. */
export function previewFull(p: ChoicePreview | null): string[] {
  return p ? previewLines(p) : ['Changes nothing directly'];
}

/** Everything a card says, as one sentence list for its twin's description (what a screen reader announces on focus). */
export function cardDescription(a: ActionView, preview: ChoicePreview | null): string {
  const parts = [a.description, costText(a) + '.'];
  if (a.odds) parts.push(oddsText(a.odds) + '.');
  else parts.push('Certain outcome.');
  if (!a.available) parts.push(`Not available. Still missing: ${a.missing.join('; ')}.`);
  parts.push(`What it will do: ${previewFull(preview).join('. ')}.`);
  return parts.join(' ');
}
