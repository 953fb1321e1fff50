// A choice's preview in words a student reads on a card: what moves, by how much, when, and which objectives it serves.
import type { ChoicePreview, PreviewBranch, PreviewChange } from '../engine/index.js';

const signed = (x: number): string => {
  const r = Math.round(x * 10) / 10;
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r)}`;
};

/** pure; when a change lands: "now", "next turn", "in 3 turns", or spread "over 3 turns from next turn". */
export function timingOf(c: Pick<PreviewChange, 'delay' | 'over'>): string {
  const start = c.delay === 0 ? 'now' : c.delay === 1 ? 'next turn' : `in ${c.delay} turns`;
  if (c.over <= 1) return start;
  return `over ${c.over} turns from ${c.delay === 0 ? 'now' : c.delay === 1 ? 'next turn' : `${c.delay} turns ahead`}`;
}

/** pure; one change in words: "Escalation +4 now", "Talks under way: on next turn", with leverage's part named. */
export function changeText(c: PreviewChange): string {
  if (c.mode === 'set') {
    const value = c.kind === 'flag' ? (c.amount !== 0 ? 'on' : 'off') : String(Math.round(c.amount * 10) / 10);
    return `${c.label}: ${c.kind === 'flag' ? '' : 'set to '}${value} ${timingOf(c)}`;
  }
  const notes = [c.kind === 'stance' && c.note ? c.note : '', c.leverage !== 0 ? `${signed(c.amount * c.leverage)} of it from leverage` : ''].filter(Boolean);
  return `${c.label} ${signed(c.amount)} ${timingOf(c)}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

const HEADS: Record<PreviewBranch, (pct: number) => string> = {
  cost: () => 'Cost',
  always: () => 'Does',
  success: (pct) => `If it succeeds (${pct}%)`,
  failure: (pct) => `If it fails (${100 - pct}%)`,
};

/** pure; the preview as lines: cost, sure changes, each branch with its chance, then the objectives it helps or hurts. */
export function previewLines(p: ChoicePreview): string[] {
  const pct = p.chance === null ? 100 : Math.round(p.chance * 100);
  const lines: string[] = [];
  for (const branch of ['cost', 'always', 'success', 'failure'] as const) {
    const parts = p.changes.filter((c) => c.branch === branch && !(c.mode === 'add' && Math.abs(c.amount) < 0.05));
    if (parts.length > 0) lines.push(`${HEADS[branch](pct)}: ${parts.map(changeText).join('; ')}`);
    else if (branch === 'failure' && p.chance !== null && p.chance < 1) lines.push(`${HEADS.failure(pct)}: nothing more`);
  }
  if (lines.length === 0) lines.push('Changes nothing directly');
  const helps = p.objectives.filter((o) => o.effect === 'helps').map((o) => o.label);
  const hurts = p.objectives.filter((o) => o.effect === 'hurts').map((o) => o.label);
  if (helps.length > 0) lines.push(`Helps your objective${helps.length > 1 ? 's' : ''}: ${helps.join('; ')}`);
  if (hurts.length > 0) lines.push(`Works against your objective${hurts.length > 1 ? 's' : ''}: ${hurts.join('; ')}`);
  return lines;
}
