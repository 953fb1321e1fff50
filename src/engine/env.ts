// Read-only expression environments over a game state.
import { clamp } from './clamp.js';
import type { ExprEnv } from './expr/index.js';
import type { Amount, GameState, Scenario } from './types.js';

/** pure; net dependency of `to` on `from` over the scenario's leverage scale, in [-1, 1]. */
export function leverageOf(sc: Scenario, flows: readonly number[], from: number, to: number): number {
  const terms = sc.leverageTerms[from * sc.actors.length + to]!;
  if (terms.length === 0) return 0;
  let net = 0;
  for (const t of terms) net += t > 0 ? flows[t - 1]! : -flows[-t - 1]!;
  return clamp(net / sc.leverageScale, -1, 1);
}

/** pure; how far leverage scales an actor's effect on another: 1 + leverage * strength when it has leverage; never below 1. */
export function leverageFactorOf(leverage: number, strength: number): number {
  return leverage > 0 ? 1 + leverage * strength : 1;
}

/** The value of an amount: its constant when it has one, else its expression evaluated against `env`. */
export function evaluate(a: Amount, env: ExprEnv): number {
  const c = a.constant;
  return c !== null ? c : a.fn(env);
}

/** Reads a state without copying it; never mutates it. */
export class StateEnv implements ExprEnv {
  private readonly n: number;
  constructor(
    readonly sc: Scenario,
    readonly s: GameState,
  ) {
    this.n = sc.actors.length;
  }
  indicator(i: number): number {
    return this.s.indicators[i] ?? 0;
  }
  stance(from: number, to: number): number {
    return this.s.stances[from * this.n + to] ?? 0;
  }
  leverage(from: number, to: number): number {
    return leverageOf(this.sc, this.s.flows, from, to);
  }
  leverageFactor(actor: number, target: number): number {
    return leverageFactorOf(this.leverage(actor, target), this.sc.leverageStrength);
  }
  flow(i: number): number {
    return this.s.flows[i] ?? 0;
  }
  flag(i: number): number {
    return this.s.flags[i] ?? 0;
  }
  situation(i: number): number {
    return this.s.situations[i] ?? 0;
  }
  fired(i: number): number {
    return this.s.eventCounts[i] ?? 0;
  }
  taken(i: number): number {
    return this.s.actionCounts[i] ?? 0;
  }
  turn(): number {
    return this.s.turn;
  }
}

/** An environment that can also say how far one actor's effects on another are scaled. */
export interface LeverageEnv extends ExprEnv {
  leverageFactor(actor: number, target: number): number;
}
