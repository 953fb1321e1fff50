// Several groups' games of one scenario side by side: endings and scores, who chose what each turn, where they parted.
import { scoreObjectives, type GameState, type Scenario } from '../engine/index.js';

/** One group's finished (or stopped) game, as a verified replay gives it. */
export interface GroupGame {
  name: string;
  state: GameState;
}

export interface GroupSummary {
  name: string;
  seed: string;
  turns: number;
  ending: string | null;
  endingTitle: string;
  /** Per role: points scored and the most it could score. */
  scores: Array<{ actor: string; name: string; score: number; max: number }>;
}

/** What the groups chose for one role in one turn: each choice with how many groups made it and which. */
export interface ChoiceSplit {
  actor: string;
  name: string;
  options: Array<{ id: string; label: string; groups: string[] }>;
}

export interface TurnComparison {
  turn: number;
  actions: ChoiceSplit[];
  /** Dilemma answers by event, with the role that answered. */
  dilemmas: Array<ChoiceSplit & { event: string; title: string }>;
  /** How far the groups' choices split this turn: the sum over roles of 1 − the most common choice's share. */
  split: number;
  /** The groups' mean distance from one another across the indicators after this turn (each scaled to its range). */
  spread: number;
}

export interface Comparison {
  scenario: string;
  groups: GroupSummary[];
  endings: Array<{ id: string | null; title: string; groups: string[] }>;
  turns: TurnComparison[];
  /** Per indicator, each group's value after every turn (index 0: the start). */
  trajectories: Array<{ id: string; name: string; groups: Array<{ name: string; values: number[] }> }>;
  /** The turn whose choices split the groups most (null with one group or no turns), and the turn their numbers drew apart most. */
  mostSplit: number | null;
  mostDiverged: number | null;
}

/** pure; compares the games of several groups of one scenario. */
export function compareGames(sc: Scenario, games: readonly GroupGame[]): Comparison {
  const def = sc.def;
  const endingTitle = (id: string | null) => (id === null ? 'No ending yet' : (def.endings.find((e) => e.id === id)?.title ?? id));
  const groups: GroupSummary[] = games.map((g) => ({
    name: g.name,
    seed: g.state.seed,
    turns: g.state.history.filter((r) => r.turn > 0).length,
    ending: g.state.ending,
    endingTitle: endingTitle(g.state.ending),
    scores: scoreObjectives(sc, g.state).map((o, i) => ({ actor: o.actor, name: def.actors[i]!.name, score: o.score, max: o.max })),
  }));
  const endings = new Map<string | null, string[]>();
  for (const g of groups) endings.set(g.ending, [...(endings.get(g.ending) ?? []), g.name]);
  const lastTurn = Math.max(0, ...groups.map((g) => g.turns));
  const turns: TurnComparison[] = [];
  for (let t = 1; t <= lastTurn; t++) turns.push(turnOf(sc, games, t));
  const trajectories = def.indicators.map((ind, i) => ({
    id: ind.id,
    name: ind.name,
    groups: games.map((g) => ({ name: g.name, values: valuesOf(g.state, i) })),
  }));
  const pick = (key: 'split' | 'spread', gain: boolean): number | null => {
    let best: number | null = null;
    let bestValue = 0;
    turns.forEach((x, k) => {
      const value = gain ? x[key] - (k > 0 ? turns[k - 1]![key] : 0) : x[key];
      if (value > bestValue + 1e-12) {
        bestValue = value;
        best = x.turn;
      }
    });
    return games.length > 1 ? best : null;
  };
  return {
    scenario: def.id,
    groups,
    endings: [...endings].map(([id, names]) => ({ id, title: endingTitle(id), groups: names })).sort((a, b) => b.groups.length - a.groups.length),
    turns,
    trajectories,
    mostSplit: pick('split', false),
    mostDiverged: pick('spread', true),
  };
}

function valuesOf(s: GameState, indicator: number): number[] {
  return s.history.map((r) => r.indicators[indicator] ?? Number.NaN);
}

function turnOf(sc: Scenario, games: readonly GroupGame[], turn: number): TurnComparison {
  const def = sc.def;
  const actions: ChoiceSplit[] = def.actors.map((a) => ({ actor: a.id, name: a.name, options: [] }));
  const dilemmas: TurnComparison['dilemmas'] = [];
  const add = (split: ChoiceSplit, id: string, label: string, group: string) => {
    const o = split.options.find((x) => x.id === id);
    if (o) o.groups.push(group);
    else split.options.push({ id, label, groups: [group] });
  };
  for (const g of games) {
    const rec = g.state.history.find((r) => r.turn === turn);
    if (!rec) continue;
    for (const e of rec.events) {
      if (e.type === 'action') {
        const split = actions.find((x) => x.actor === e.result.actor);
        if (split) add(split, e.result.action, e.result.label, g.name);
      } else if (e.type === 'dilemma-answer') {
        let split = dilemmas.find((x) => x.event === e.event && x.actor === e.actor);
        if (!split) {
          const ev = def.events?.find((x) => x.id === e.event);
          split = { event: e.event, title: ev?.title ?? e.event, actor: e.actor, name: def.actors.find((a) => a.id === e.actor)?.name ?? e.actor, options: [] };
          dilemmas.push(split);
        }
        const label = def.events?.find((x) => x.id === e.event)?.dilemma?.options.find((o) => o.id === e.option)?.label ?? e.option;
        add(split, e.option, label, g.name);
      }
    }
  }
  for (const s of [...actions, ...dilemmas]) s.options.sort((a, b) => b.groups.length - a.groups.length);
  let split = 0;
  for (const s of [...actions, ...dilemmas]) {
    const total = s.options.reduce((n, o) => n + o.groups.length, 0);
    if (total > 0) split += 1 - s.options[0]!.groups.length / total;
  }
  return { turn, actions: actions.filter((a) => a.options.length > 0), dilemmas, split, spread: spreadOf(sc, games, turn) };
}

/** The mean pairwise distance of the groups' indicator vectors after `turn`, each indicator scaled to its range. */
function spreadOf(sc: Scenario, games: readonly GroupGame[], turn: number): number {
  const rows = games.map((g) => g.state.history.find((r) => r.turn === turn)?.indicators).filter((r): r is number[] => r !== undefined);
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < rows.length; a++) {
    for (let b = a + 1; b < rows.length; b++) {
      let d = 0;
      sc.indicators.forEach((ind, i) => {
        const range = ind.max - ind.min || 1;
        d += Math.abs(rows[a]![i]! - rows[b]![i]!) / range;
      });
      sum += d / Math.max(1, sc.indicators.length);
      pairs++;
    }
  }
  return pairs === 0 ? 0 : sum / pairs;
}
