// Effect modes: how an effect's amount meets the value it changes. The one list every mode-dependent rule reads.
import { unreachable } from './unreachable.js';

/** The modes, in the order messages name them. */
export const EFFECT_MODES = ['add', 'set'] as const;
export type EffectMode = (typeof EFFECT_MODES)[number];

/** pure; the value after an effect of `mode` with `amount` meets `before` (before any range limit). */
export function modeResult(mode: EffectMode, before: number, amount: number): number {
  switch (mode) {
    case 'add':
      return before + amount;
    case 'set':
      return amount;
    default:
      return unreachable(mode, 'effect mode');
  }
}

/** pure; whether a scaling of the amount (leverage, a probability, a spread over turns) scales the change itself. */
export function scalesChange(mode: EffectMode): boolean {
  switch (mode) {
    case 'add':
      return true;
    case 'set':
      return false;
    default:
      return unreachable(mode, 'effect mode');
  }
}
