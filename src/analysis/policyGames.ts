// Games with one role's seat on a policy and every other seat on the AI: one at a time, or many as a shared tree.
// The role's seat is a 'human' seat fed by the policy; its dilemmas are answered by the AI (chooseDilemmaOption),
// as a student following one rule for actions would still have to answer a dilemma somehow.
import {
  chooseAi,
  chooseDilemmaOption,
  createGame,
  legalChoices,
  step,
  type AiDecision,
  type Choice,
  type Choices,
  type GameState,
  type Scenario,
} from '../engine/index.js';
import { pointsOf, policyAction, type Policy, type TurnView } from './policies.js';

/** pure; the AI's answers to the dilemmas pending for `actorId` in `state`, by event id (undefined when none). */
export function aiDilemmaAnswers(sc: Scenario, state: GameState, actorId: string): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const d of state.dilemmas) {
    if (d.actor !== actorId) continue;
    out ??= {};
    out[d.event] = chooseDilemmaOption(sc, state, actorId, d.event);
  }
  return out;
}

/** pure; the AI's whole choice for a seat, exactly as `step` fills in an AI seat's. */
export function aiChoice(sc: Scenario, state: GameState, actorId: string): Choice {
  const action = chooseAi(sc, state, actorId).action;
  const dilemmas = aiDilemmaAnswers(sc, state, actorId);
  return dilemmas ? { action, dilemmas } : { action };
}

/**
 * One state of a policy game, shared by every policy that reaches it: the other seats' AI choices, the AI's view of
 * the role's seat and the steps taken from here are each computed once, on first use.
 */
export class PolicyTurn implements TurnView {
  readonly available: readonly string[];
  private others: Choices | null = null;
  private decision: AiDecision | null = null;
  private dilemmas: Record<string, string> | undefined | null = null;
  private readonly steps = new Map<string, GameState>();

  constructor(
    readonly sc: Scenario,
    readonly state: GameState,
    readonly role: string,
  ) {
    this.available = legalChoices(sc, state, role)
      .actions.filter((a) => a.available)
      .map((a) => a.id);
  }

  ai(): AiDecision {
    return (this.decision ??= chooseAi(this.sc, this.state, this.role));
  }

  /** The other seats' choices this turn (all AI). */
  otherChoices(): Choices {
    if (this.others === null) {
      this.others = {};
      for (const a of this.sc.actors) if (a.id !== this.role) this.others[a.id] = aiChoice(this.sc, this.state, a.id);
    }
    return this.others;
  }

  next(action: string): GameState {
    let s = this.steps.get(action);
    if (s === undefined) {
      if (this.dilemmas === null) this.dilemmas = aiDilemmaAnswers(this.sc, this.state, this.role);
      const mine: Choice = this.dilemmas ? { action, dilemmas: this.dilemmas } : { action };
      s = step(this.sc, this.state, { ...this.otherChoices(), [this.role]: mine }, { ledger: false }).state;
      this.steps.set(action, s);
    }
    return s;
  }
}

/** pure; a new game with `role` on a 'human' seat fed by a policy and every other seat the AI. */
export function policyGame(sc: Scenario, seed: string, role: string, aiFuzz: number | null = null): GameState {
  return createGame(sc, { seed, seats: { [role]: 'human' }, aiFuzz });
}

/** pure; one game to its end with `role` on `policy`. */
export function playPolicy(sc: Scenario, seed: string, role: string, policy: Policy, aiFuzz: number | null = null): GameState {
  let s = policyGame(sc, seed, role, aiFuzz);
  while (!s.over) {
    const t = new PolicyTurn(sc, s, role);
    s = t.next(policyAction(policy, t));
  }
  return s;
}

/** The outcome of one policy's game. */
export interface PolicyGameResult {
  ending: string | null;
  /** The role's objective points at the end. */
  score: number;
  /** For policies asked to track it: per action of the scenario (sc.actions order), then "pass" per actor (actor order), how often another seat took it. */
  otherActions: number[] | null;
}

/** pure; the index of an action in a PolicyGameResult's otherActions (pass counted per actor after every action). */
export function mixIndex(sc: Scenario, actorIndex: number, action: string): number {
  const i = sc.actionIndex.get(action);
  return i === undefined ? sc.actions.length + actorIndex : i;
}

/**
 * pure; plays one seed once for each of `policies` on `role`'s seat and returns each game's outcome, in order.
 * Games are played as a tree: policies that take the same action in the same state share the step, and each state's
 * AI choices and look-ahead steps are computed once (a greedy policy's look-ahead is the step its branch then takes).
 * `step` is a pure function of the state and the choices, so each outcome is exactly that of the policy's game
 * played on its own (playPolicy). `track[i]` asks for policy i's count of the other seats' actions.
 */
export function playRolePolicies(
  sc: Scenario,
  seed: string,
  role: string,
  policies: readonly Policy[],
  aiFuzz: number | null = null,
  track: readonly boolean[] = [],
): PolicyGameResult[] {
  const width = sc.actions.length + sc.actors.length;
  const results: PolicyGameResult[] = policies.map((_, i) => ({ ending: null, score: 0, otherActions: track[i] ? new Array<number>(width).fill(0) : null }));
  const stack: Array<{ state: GameState; members: number[] }> = [{ state: policyGame(sc, seed, role, aiFuzz), members: policies.map((_, i) => i) }];
  while (stack.length) {
    const { state, members } = stack.pop()!;
    if (state.over) {
      const score = pointsOf(sc, state, role);
      for (const m of members) {
        results[m]!.ending = state.ending;
        results[m]!.score = score;
      }
      continue;
    }
    const t = new PolicyTurn(sc, state, role);
    const byAction = new Map<string, number[]>();
    for (const m of members) {
      const action = policyAction(policies[m]!, t);
      const group = byAction.get(action);
      if (group) group.push(m);
      else byAction.set(action, [m]);
    }
    if (members.some((m) => results[m]!.otherActions !== null)) {
      const others = t.otherChoices();
      const picks = sc.actors.filter((a) => a.id !== role).map((a) => mixIndex(sc, a.index, others[a.id]!.action));
      for (const m of members) {
        const mix = results[m]!.otherActions;
        if (mix) for (const k of picks) mix[k]! += 1;
      }
    }
    for (const [action, group] of byAction) stack.push({ state: t.next(action), members: group });
  }
  return results;
}
