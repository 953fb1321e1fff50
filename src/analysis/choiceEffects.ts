// What one role's own choice did in a turn, read from the turn's ledger: its cost, its effects, its outcome, its dilemma answers.
import type { ActionResult, Scenario, TurnRecord } from '../engine/index.js';
import { keyLabel, outcomeText, signed } from './debrief.js';

/** Which part of the role's choice a change came from. */
export type ChoicePart = 'cost' | 'effect' | 'success' | 'failure' | 'answer' | 'delayed';

export interface ChoiceChange {
  target: string;
  label: string;
  part: ChoicePart;
  delta: number;
  value: number;
}

/** One role's own part of a turn: its action's result (with the scenario's outcome text), its answers and the changes they caused. */
export interface ChoiceEffects {
  actor: string;
  result: ActionResult | null;
  outcome: string | null;
  answers: Array<{ event: string; title: string; option: string }>;
  changes: ChoiceChange[];
}

const PART_OF: Record<string, ChoicePart | undefined> = { cost: 'cost', action: 'effect', dilemma: 'answer', delayed: 'delayed' };

/** pure; the changes `actor` caused in turn record `rec`, summed per number and part, in ledger order. */
export function choiceEffects(sc: Scenario, rec: TurnRecord, actor: string): ChoiceEffects {
  const ev = rec.events.find((e) => e.type === 'action' && e.result.actor === actor);
  const result = ev?.type === 'action' ? ev.result : null;
  const answers = rec.events.flatMap((e) => {
    if (e.type !== 'dilemma-answer' || e.actor !== actor) return [];
    const def = sc.def.events?.find((x) => x.id === e.event);
    return [{ event: e.event, title: def?.title ?? e.event, option: def?.dilemma?.options.find((o) => o.id === e.option)?.label ?? e.option }];
  });
  const sums = new Map<string, ChoiceChange>();
  for (const e of rec.ledger) {
    if (e.cause.actor !== actor) continue;
    const part = e.cause.kind === 'outcome' ? (result?.success ? 'success' : 'failure') : PART_OF[e.cause.kind];
    if (!part) continue;
    if ((part === 'cost' || part === 'effect' || part === 'success' || part === 'failure') && e.cause.id !== result?.action) continue;
    const key = `${part}\u0000${e.target}`;
    const c = sums.get(key) ?? { target: e.target, label: keyLabel(sc, e.target), part, delta: 0, value: e.value };
    c.delta += e.delta;
    c.value = e.value;
    sums.set(key, c);
  }
  return {
    actor,
    result,
    outcome: result ? outcomeText(sc, result) : null,
    answers,
    changes: [...sums.values()].filter((c) => Math.abs(c.delta) >= 0.05 || c.target.startsWith('flag:')),
  };
}

const HEADS: Record<ChoicePart, string> = {
  cost: 'It cost',
  effect: 'It did',
  success: 'Because it succeeded',
  failure: 'Because it failed',
  answer: 'Your dilemma answers did',
  delayed: 'Arriving now from your earlier choices',
};

/** pure; the changes in words, one line per part ("It cost: Political capital −4"); `hidden(target)` names numbers the viewers see only as estimates (their size is not told). */
export function choiceEffectLines(fx: ChoiceEffects, hidden: (target: string) => boolean = () => false): string[] {
  const lines: string[] = [];
  for (const part of ['cost', 'effect', 'success', 'failure', 'answer', 'delayed'] as const) {
    const parts = fx.changes
      .filter((c) => c.part === part)
      .map((c) => {
        if (c.target.startsWith('flag:')) return `${c.label}: ${c.value !== 0 ? 'on' : 'off'}`;
        if (hidden(c.target)) return `${c.label} ${c.delta > 0 ? 'up' : 'down'} (seen only as an estimate)`;
        return `${c.label} ${signed(c.delta).replace(/^-/, '−')}`;
      });
    if (parts.length) lines.push(`${HEADS[part]}: ${parts.join('; ')}`);
  }
  if (lines.length === 0) lines.push('It changed no number directly this turn.');
  return lines;
}
