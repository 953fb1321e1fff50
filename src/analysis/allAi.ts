// All-AI runs measured for the balance report: endings, action mixes, indicators at a bound, objectives, scores per
// ending, events, dilemma answers, the sets of events fired, and how often the AI's fuzz changed its choice.
import { chooseAi, createGame, scoreObjectives, step, type GameState, type Scenario } from '../engine/index.js';
import { addBit, bitSet, type BitSet } from './stats.js';

/** Runs per ending id, every ending of the scenario in order (zeros included), then "none" if a run ended without one. */
export type EndingCounts = Record<string, number>;

/** Events fired at the start of turns 1..OPENING_TURNS make up a game's opening. */
export const OPENING_TURNS = 4;

/** Which indicator values the at-bound shares cover: the definition of `statecraft batch`'s atBoundShare. */
export const BOUND_SAMPLE = "indicator values after every played turn (turns 1..end) of every all-AI run, exactly at the indicator's min or max";

export interface AllAiOptions {
  runs: number;
  /** Run i (1-based) uses the seed `${seedPrefix}-${i}`, as `statecraft batch --seed` does. */
  seedPrefix: string;
  aiFuzz: number | null;
  /** Also compare every AI decision with the AI's at fuzz 0 in the same state (about doubles the time). */
  fuzzCheck: boolean;
  /** Called after every game. */
  onGame?: () => void;
}

export interface ObjectiveTally {
  actor: string;
  id: string;
  label: string;
  points: number;
  metAtStart: number;
  metAtEnd: number;
}

export interface AllAiStats {
  runs: number;
  meanTurns: number;
  endings: EndingCounts;
  /** Per actor id: how often it took each of its actions over all its turns (every action listed, then "pass" if taken). */
  actionMix: Record<string, Record<string, number>>;
  /** Per indicator id: the share of values at min or max (see BOUND_SAMPLE). */
  atBoundShare: Record<string, number>;
  boundValues: number;
  /** Per actor id: AI decisions, and those whose action differs from the AI's at fuzz 0 in the same state (0 when not checked). */
  fuzz: Record<string, { decisions: number; differ: number }>;
  objectives: ObjectiveTally[];
  /** Per actor id: the sum of its points over all runs. */
  scoreSum: Record<string, number>;
  /** Per actor id, per ending id: the sum of the actor's points and the runs ending so. */
  scoreByEnding: Record<string, Record<string, { sum: number; runs: number }>>;
  /** Per event id: the runs in which it fired at least once. */
  eventRuns: Record<string, number>;
  /** Per dilemma event id, per option id (every option listed): how often it was the answer. */
  dilemmaAnswers: Record<string, Record<string, number>>;
  /** Per run: the events fired in the whole game, and at the start of turns 1..OPENING_TURNS, as sets of event indices. */
  fired: BitSet[];
  firedOpening: BitSet[];
}

function emptyEndings(sc: Scenario): EndingCounts {
  const out: EndingCounts = {};
  for (const e of sc.endings) out[e.id] = 0;
  return out;
}

/** Adds one to `counts[key]` (the caller's own tally). */
export function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** pure; `runs` all-AI games of `sc`, measured. */
export function playAllAi(sc: Scenario, options: AllAiOptions): AllAiStats {
  const { runs, seedPrefix, aiFuzz } = options;
  const endings = emptyEndings(sc);
  const actionMix: AllAiStats['actionMix'] = {};
  const fuzz: AllAiStats['fuzz'] = {};
  const scoreSum: AllAiStats['scoreSum'] = {};
  const scoreByEnding: AllAiStats['scoreByEnding'] = {};
  for (const a of sc.actors) {
    actionMix[a.id] = Object.fromEntries((sc.actionsByActor[a.index] ?? []).map((x) => [x.id, 0]));
    fuzz[a.id] = { decisions: 0, differ: 0 };
    scoreSum[a.id] = 0;
    scoreByEnding[a.id] = {};
  }
  const objectives: ObjectiveTally[] = sc.actors.flatMap((a) =>
    a.objectives.map((o) => ({ actor: a.id, id: o.id, label: o.label, points: o.points, metAtStart: 0, metAtEnd: 0 })),
  );
  const eventRuns: Record<string, number> = Object.fromEntries(sc.events.map((e) => [e.id, 0]));
  const dilemmaAnswers: AllAiStats['dilemmaAnswers'] = {};
  for (const e of sc.events) if (e.dilemma) dilemmaAnswers[e.id] = Object.fromEntries(e.dilemma.options.map((o) => [o.id, 0]));
  const nInd = sc.indicators.length;
  const atBound = new Array<number>(nInd).fill(0);
  let boundValues = 0;
  let turns = 0;
  const fired: BitSet[] = [];
  const firedOpening: BitSet[] = [];

  const tallyObjectives = (s: GameState, field: 'metAtStart' | 'metAtEnd') => {
    let k = 0;
    for (const o of scoreObjectives(sc, s)) for (const x of o.objectives) if (x.kind === 'objective') objectives[k++]![field] += x.met ? 1 : 0;
  };

  for (let i = 1; i <= runs; i++) {
    let s = createGame(sc, { seed: `${seedPrefix}-${i}`, aiFuzz });
    tallyObjectives(s, 'metAtStart');
    const states: GameState[] = [];
    while (!s.over) {
      if (options.fuzzCheck) states.push(s);
      s = step(sc, s, {}, { ledger: false }).state;
    }
    bump(endings, s.ending ?? 'none');
    turns += s.history.length - 1;
    tallyObjectives(s, 'metAtEnd');
    for (const o of scoreObjectives(sc, s)) {
      scoreSum[o.actor]! += o.score;
      const byEnding = scoreByEnding[o.actor]!;
      const cell = (byEnding[s.ending ?? 'none'] ??= { sum: 0, runs: 0 });
      cell.sum += o.score;
      cell.runs += 1;
    }
    const all = bitSet(sc.events.length);
    const opening = bitSet(sc.events.length);
    for (const rec of s.history) {
      // A record of turn t holds the events that opened turn t + 1 (the record of turn 0, those of turn 1).
      for (const ev of rec.events) {
        if (ev.type !== 'event') continue;
        const k = sc.eventIndex.get(ev.id)!;
        addBit(all, k);
        if (rec.turn < OPENING_TURNS) addBit(opening, k);
      }
      if (rec.turn < 1) continue;
      for (const a of sc.actors) {
        const c = rec.choices[a.id];
        if (!c) continue;
        bump(actionMix[a.id]!, c.action);
        for (const [event, option] of Object.entries(c.dilemmas ?? {})) bump((dilemmaAnswers[event] ??= {}), option);
      }
      boundValues++;
      for (let k = 0; k < nInd; k++) {
        const v = rec.indicators[k]!;
        const ind = sc.indicators[k]!;
        if (v === ind.min || v === ind.max) atBound[k]! += 1;
      }
    }
    fired.push(all);
    firedOpening.push(opening);
    sc.events.forEach((e, k) => {
      if ((all[k >>> 5]! >>> (k & 31)) & 1) eventRuns[e.id]! += 1;
    });
    states.forEach((before, t) => {
      const rec = s.history.at(t + 1)!;
      for (const a of sc.actors) {
        if ((before.aiFuzz ?? a.fuzz) === 0) {
          // At fuzz 0 already: the same decision by definition.
          fuzz[a.id]!.decisions += 1;
          continue;
        }
        fuzz[a.id]!.decisions += 1;
        if (chooseAi(sc, { ...before, aiFuzz: 0 }, a.id).action !== rec.choices[a.id]?.action) fuzz[a.id]!.differ += 1;
      }
    });
    options.onGame?.();
  }
  const atBoundShare: Record<string, number> = {};
  sc.indicators.forEach((ind, k) => (atBoundShare[ind.id] = boundValues ? atBound[k]! / boundValues : 0));
  return {
    runs,
    meanTurns: runs ? turns / runs : 0,
    endings,
    actionMix,
    atBoundShare,
    boundValues,
    fuzz,
    objectives,
    scoreSum,
    scoreByEnding,
    eventRuns,
    dilemmaAnswers,
    fired,
    firedOpening,
  };
}
