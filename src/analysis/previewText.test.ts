import { describe, expect, it } from 'vitest';
import type { ChoicePreview, PreviewChange } from '../engine/index.js';
import { changeText, previewLines, timingOf } from './previewText.js';

const change = (over: Partial<PreviewChange>): PreviewChange => ({
  target: 'indicator:x',
  kind: 'indicator',
  label: 'Escalation',
  note: null,
  from: 40,
  mode: 'add',
  amount: 4,
  branch: 'always',
  delay: 0,
  over: 1,
  leverage: 0,
  ...over,
});

describe('previewText', () => {
  it('says when a change lands: now, next turn, in N turns, or spread', () => {
    expect([timingOf({ delay: 0, over: 1 }), timingOf({ delay: 1, over: 1 }), timingOf({ delay: 2, over: 1 }), timingOf({ delay: 1, over: 3 })]).toEqual([
      'now',
      'next turn',
      'in 2 turns',
      'over 3 turns from next turn',
    ]);
  });

  it("writes signed amounts with a true minus, a stance change with its own name and leverage's part", () => {
    expect(changeText(change({ amount: -3.04, delay: 2 }))).toBe('Escalation −3 in 2 turns');
    expect(changeText(change({ kind: 'stance', label: 'China toward North Korea', note: 'Beijing warns', amount: 5, leverage: 0.2 }))).toBe(
      'China toward North Korea +5 now (Beijing warns; +1 of it from leverage)',
    );
    expect(changeText(change({ kind: 'flag', label: 'Talks under way', mode: 'set', amount: 1 }))).toBe('Talks under way: on now');
  });

  it('lists cost, sure changes and both branches with their chances, then the objectives it serves or harms', () => {
    const p: ChoicePreview = {
      actor: 'a',
      choice: 'gamble',
      label: 'Gamble',
      chance: 0.7,
      changes: [change({ branch: 'cost', label: 'Capital', amount: -3 }), change({ amount: 2 }), change({ branch: 'success', amount: 10 })],
      objectives: [
        { id: 'o', label: 'Escalation below 30', met: false, effect: 'hurts' },
        { id: 'p', label: 'Other', met: true, effect: 'none' },
      ],
    };
    expect(previewLines(p)).toEqual([
      'Cost: Capital −3 now',
      'Does: Escalation +2 now',
      'If it succeeds (70%): Escalation +10 now',
      'If it fails (30%): nothing more',
      'Works against your objective: Escalation below 30',
    ]);
  });
});
