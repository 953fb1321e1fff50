// Evaluates effect lists and applies them now or schedules them for later turns.
import type { ExprEnv } from './expr/index.js';
import { evaluate, type LeverageEnv } from './env.js';
import { scalesChange } from './modes.js';
import { unreachable } from './unreachable.js';
import type { Cause, CEffect, PendingEffect } from './types.js';
import type { Work } from './work.js';

/** The factor by which `actor`'s leverage over the effect's target scales it (1 when it does not apply). */
export function effectFactor(e: CEffect, lev: LeverageEnv, actor: number): number {
  return e.leveraged && actor >= 0 && e.owner >= 0 && e.owner !== actor ? lev.leverageFactor(actor, e.owner) : 1;
}

/** The amount of an effect evaluated against `env`, scaled by the actor's leverage over the target when it applies. */
export function effectAmount(e: CEffect, env: ExprEnv, lev: LeverageEnv, actor: number): number {
  const base = evaluate(e.amount, env);
  return base * effectFactor(e, lev, actor);
}

/**
 * Applies `effects` to `w`: amounts from `env` (the start-of-turn state for actions), delayed and spread
 * parts queued as pending effects. `scale` weights every amount (the AI's expected values); `discount`
 * makes the AI value delayed parts less, and with it nothing is queued but all is applied at once.
 */
export function runEffects(w: Work, effects: readonly CEffect[], env: ExprEnv, lev: LeverageEnv, actor: number, cause: Cause, scale = 1, discount = 0): void {
  for (let k = 0; k < effects.length; k++) {
    const e = effects[k]!;
    const base = evaluate(e.amount, env);
    // Tested here as well as in effectFactor: most effects are not leveraged, and the call is not inlined this deep.
    const factor = e.leveraged ? effectFactor(e, lev, actor) : 1;
    const amount = base * factor * scale;
    // The share of the amount that leverage added (or removed), for the ledger; a "set" has none.
    const share = factor === 1 || !scalesChange(e.mode) || amount === 0 ? 0 : (factor - 1) / factor;
    if (e.delay !== 0 || e.over !== 1) deferEffect(w, e, amount, cause, discount, share);
    // The commonest effects, an indicator raised or lowered and a stance changed now, skip applyTo's dispatch on kind and mode.
    else if (e.kind === 'indicator' && e.mode === 'add') w.addToIndicator(e.index, amount, cause, share);
    else if (e.kind === 'stance') w.addToStance(e.index, amount, e.label, e.decay, cause, share, e.slot);
    else w.applyTo(e.kind, e.index, e.mode, amount, e.label, e.decay, cause, share);
  }
}

/** A delayed or spread effect: queued as pending parts, or for the AI (discount > 0) valued now at a discount. */
function deferEffect(w: Work, e: CEffect, amount: number, cause: Cause, discount: number, share: number): void {
  const r = { kind: e.kind, index: e.index, mode: e.mode, amount, label: e.label, decay: e.decay };
  if (discount > 0) {
    let weight = 1;
    for (let k = 0; k < e.delay; k++) weight *= discount;
    switch (e.mode) {
      case 'add':
        w.apply({ ...r, amount: amount * weight }, cause);
        return;
      // A "set" cannot be weighted: it counts when it is more likely than not to land before the discount fades it.
      case 'set':
        if (weight >= 0.5) w.apply(r, cause);
        return;
      default:
        unreachable(e.mode, 'effect mode');
    }
  }
  const part = scalesChange(e.mode) ? amount / e.over : amount;
  for (let k = 0; k < e.over; k++) {
    const due = w.turnNo + e.delay + k;
    const label = e.label ?? cause.label;
    if (due === w.turnNo) w.applyTo(r.kind, r.index, r.mode, part, r.label, r.decay, cause, share);
    else {
      const p: PendingEffect = {
        due,
        kind: e.kind,
        index: e.index,
        mode: e.mode,
        amount: part,
        label,
        decay: e.decay,
        cause: { ...cause, kind: 'delayed', label: `${label} (from turn ${w.turnNo})` },
      };
      if (share !== 0) p.leverage = share;
      w.pending.push(p);
    }
  }
}

/** Applies the pending effects due on the working turn, in the order they were queued. */
export function applyDue(w: Work): void {
  const keep = [];
  for (const p of w.pending) {
    if (p.due === w.turnNo) w.applyTo(p.kind, p.index, p.mode, p.amount, p.label, p.decay, p.cause, p.leverage ?? 0);
    else if (p.due > w.turnNo) keep.push(p);
  }
  w.pending = keep;
}
