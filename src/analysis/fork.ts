// What-if forks: a game re-played from its seed with some choices changed at one turn, then played on.
import {
  chooseAi,
  chooseDilemmaOption,
  createGame,
  EngineError,
  legalChoices,
  scoreObjectives,
  step,
  type Choice,
  type Choices,
  type GameState,
  type Scenario,
} from '../engine/index.js';

/** How the turns after the changed one are played: the recorded choices where they are still legal (else the AI), or the AI for every seat. */
export type ForkThen = 'same' | 'ai';

export interface ForkOptions {
  /** The turn whose choices change (1 = the first turn). */
  turn: number;
  /** Per actor, the new action and/or dilemma answers for that turn; what is not given stays as recorded. */
  choose: Record<string, Partial<Choice>>;
  then?: ForkThen;
}

export interface Fork {
  state: GameState;
  /** Per turn after the change, the seats whose recorded choice was no longer legal and was made by the AI instead. */
  replaced: Array<{ turn: number; actor: string; recorded: string; chosen: string }>;
}

/** pure; `original` re-played from its seed with `options.choose` at `options.turn`, then played to its end. */
export function forkGame(sc: Scenario, original: GameState, options: ForkOptions): Fork {
  const records = original.history.filter((r) => r.turn > 0);
  if (!Number.isInteger(options.turn) || options.turn < 1 || options.turn > records.length) {
    throw new EngineError(`there is no turn ${options.turn} to change; the game has turns 1 to ${records.length}`);
  }
  for (const actor of Object.keys(options.choose))
    if (!sc.actorIndex.has(actor)) throw new EngineError(`unknown actor "${actor}"; actors: ${[...sc.actorIndex.keys()].join(', ')}`);
  const then = options.then ?? 'same';
  let g = createGame(sc, { seed: original.seed, seats: original.seats, aiFuzz: original.aiFuzz });
  const replaced: Fork['replaced'] = [];
  for (const rec of records) {
    if (g.over) break;
    let choices: Choices;
    if (rec.turn < options.turn) choices = rec.choices;
    else if (rec.turn === options.turn) choices = changed(rec.choices, options.choose);
    else choices = then === 'same' ? keptWhereLegal(sc, g, rec.choices, replaced) : aiChoices(sc, g);
    g = step(sc, g, choices).state;
  }
  for (let guard = 0; !g.over && guard < 10_000; guard++) g = step(sc, g, aiChoices(sc, g)).state;
  return { state: g, replaced };
}

function changed(recorded: Choices, choose: Record<string, Partial<Choice>>): Choices {
  const out: Choices = { ...recorded };
  for (const [actor, c] of Object.entries(choose)) {
    const was = recorded[actor];
    const dilemmas = { ...(was?.dilemmas ?? {}), ...(c.dilemmas ?? {}) };
    out[actor] = Object.keys(dilemmas).length > 0 ? { action: c.action ?? was?.action ?? '', dilemmas } : { action: c.action ?? was?.action ?? '' };
  }
  return out;
}

/** Every seat's choice made by the AI, human seats included, so the game can go on without them. */
function aiChoices(sc: Scenario, g: GameState): Choices {
  const out: Choices = {};
  for (const a of sc.def.actors) out[a.id] = aiChoice(sc, g, a.id);
  return out;
}

function aiChoice(sc: Scenario, g: GameState, actor: string): Choice {
  const pending = g.dilemmas.filter((d) => d.actor === actor);
  const action = chooseAi(sc, g, actor).action;
  return pending.length ? { action, dilemmas: Object.fromEntries(pending.map((d) => [d.event, chooseDilemmaOption(sc, g, actor, d.event)])) } : { action };
}

function keptWhereLegal(sc: Scenario, g: GameState, recorded: Choices, replaced: Fork['replaced']): Choices {
  const out: Choices = {};
  for (const a of sc.def.actors) {
    const was = recorded[a.id];
    const legal = legalChoices(sc, g, a.id);
    const ai = aiChoice(sc, g, a.id);
    const actionOk = was !== undefined && legal.actions.some((x) => x.id === was.action && x.available);
    const action = actionOk ? was.action : ai.action;
    if (!actionOk && was) replaced.push({ turn: g.turn, actor: a.id, recorded: was.action, chosen: action });
    const dilemmas: Record<string, string> = {};
    for (const d of legal.dilemmas) {
      const answer = was?.dilemmas?.[d.event];
      dilemmas[d.event] = answer !== undefined && d.options.some((o) => o.id === answer) ? answer : ai.dilemmas![d.event]!;
    }
    out[a.id] = Object.keys(dilemmas).length ? { action, dilemmas } : { action };
  }
  return out;
}

/** One number's difference at the end of two timelines, with the causes (by turn) that account for it. */
export interface NumberDiff {
  target: string;
  label: string;
  original: number;
  fork: number;
  /** Each cause's part in the difference (`delta` = its change in the fork − in the original), with both parts. */
  causes: Array<{ label: string; turn: number; delta: number; inOriginal: number; inFork: number }>;
}

export interface TimelineComparison {
  endings: { original: string | null; fork: string | null };
  scores: Array<{ actor: string; name: string; original: number; fork: number; max: number }>;
  /** The first turn whose choices differ. */
  divergedAt: number | null;
  /** Indicators after every turn in each timeline (index 0: the start). */
  indicators: Array<{ id: string; name: string; original: number[]; fork: number[] }>;
  /** The indicators that end differently, largest first, each with the causes that differ most in its direction. */
  differences: NumberDiff[];
}

/** pure; two timelines of one scenario side by side: endings, scores, trajectories and the causes of each difference. */
export function compareTimelines(sc: Scenario, original: GameState, fork: GameState): TimelineComparison {
  const so = scoreObjectives(sc, original);
  const sf = scoreObjectives(sc, fork);
  let divergedAt: number | null = null;
  for (const rec of fork.history) {
    const o = original.history.find((r) => r.turn === rec.turn);
    if (rec.turn > 0 && (!o || JSON.stringify(o.choices) !== JSON.stringify(rec.choices))) {
      divergedAt = rec.turn;
      break;
    }
  }
  const indicators = sc.def.indicators.map((ind, i) => ({
    id: ind.id,
    name: ind.name,
    original: original.history.map((r) => r.indicators[i]!),
    fork: fork.history.map((r) => r.indicators[i]!),
  }));
  const differences: NumberDiff[] = [];
  sc.def.indicators.forEach((ind, i) => {
    const a = original.indicators[i]!;
    const b = fork.indicators[i]!;
    if (Math.abs(b - a) < 0.05) return;
    const target = sc.keys.indicator[i]!;
    const sums = new Map<string, NumberDiff['causes'][number]>();
    const add = (s: GameState, side: 'inFork' | 'inOriginal') => {
      for (const rec of s.history) {
        for (const e of rec.ledger) {
          if (e.target !== target) continue;
          const key = `${rec.turn}\u0000${e.cause.label}`;
          const x = sums.get(key) ?? { label: e.cause.label, turn: rec.turn, delta: 0, inOriginal: 0, inFork: 0 };
          x[side] += e.delta;
          x.delta = x.inFork - x.inOriginal;
          sums.set(key, x);
        }
      }
    };
    add(fork, 'inFork');
    add(original, 'inOriginal');
    const causes = [...sums.values()]
      .filter((c) => Math.sign(c.delta) === Math.sign(b - a) && Math.abs(c.delta) >= 0.05)
      .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.turn - y.turn)
      .slice(0, 3);
    differences.push({ target, label: ind.name, original: a, fork: b, causes });
  });
  differences.sort((x, y) => Math.abs(y.fork - y.original) - Math.abs(x.fork - x.original));
  return {
    endings: { original: original.ending, fork: fork.ending },
    scores: so.map((o, k) => ({ actor: o.actor, name: sc.def.actors[k]!.name, original: o.score, fork: sf[k]!.score, max: o.max })),
    divergedAt,
    indicators,
    differences,
  };
}
