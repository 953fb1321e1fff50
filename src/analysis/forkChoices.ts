// What a what-if fork can change at one turn of a game: each role's recorded action and dilemma answers, and what was open.
import { createGame, legalChoices, step, type Choice, type GameState, type Scenario } from '../engine/index.js';
import { actorName } from './debrief.js';

export interface ForkSeat {
  actor: string;
  name: string;
  /** The action this role took in the game, and the actions open to it at that turn (closed ones marked). */
  recorded: string;
  actions: Array<{ id: string; label: string; available: boolean }>;
  dilemmas: Array<{ event: string; title: string; recorded: string | null; options: Array<{ id: string; label: string }> }>;
}

/** pure; the state as the turn `turn` (1 = the first) opened: the game re-played from its seed with its recorded choices. */
export function stateBefore(sc: Scenario, original: GameState, turn: number): GameState {
  let g = createGame(sc, { seed: original.seed, seats: original.seats, aiFuzz: original.aiFuzz });
  for (const rec of original.history) if (rec.turn > 0 && rec.turn < turn) g = step(sc, g, rec.choices).state;
  return g;
}

/** pure; for each role, what it chose at `turn` and what it could have chosen instead. */
export function forkSeatsAt(sc: Scenario, original: GameState, turn: number): ForkSeat[] {
  const before = stateBefore(sc, original, turn);
  const rec = original.history.find((r) => r.turn === turn);
  return sc.def.actors.map((a) => {
    const legal = legalChoices(sc, before, a.id);
    const took = rec?.events.find((e) => e.type === 'action' && e.result.actor === a.id);
    const recorded = took?.type === 'action' ? took.result.action : (rec?.choices[a.id]?.action ?? '');
    return {
      actor: a.id,
      name: actorName(sc, a.id),
      recorded,
      actions: legal.actions.map((x) => ({ id: x.id, label: x.label, available: x.available })),
      dilemmas: legal.dilemmas.map((d) => {
        const answer = rec?.events.find((e) => e.type === 'dilemma-answer' && e.actor === a.id && e.event === d.event);
        return {
          event: d.event,
          title: d.title,
          recorded: answer?.type === 'dilemma-answer' ? answer.option : null,
          options: d.options.map((o) => ({ id: o.id, label: o.label })),
        };
      }),
    };
  });
}

/** pure; the roles whose picks differ from the recording, as forkGame's `choose` takes them (with the action always, so an AI seat's stays as picked). */
export function changedChoices(seats: readonly ForkSeat[], picked: Record<string, Choice>): Record<string, Partial<Choice>> {
  const out: Record<string, Partial<Choice>> = {};
  for (const s of seats) {
    const p = picked[s.actor];
    if (!p) continue;
    const c: Partial<Choice> = {};
    if (p.action !== s.recorded) c.action = p.action;
    const dilemmas = Object.fromEntries(
      s.dilemmas.flatMap((d) => (p.dilemmas?.[d.event] !== undefined && p.dilemmas[d.event] !== d.recorded ? [[d.event, p.dilemmas[d.event]!]] : [])),
    );
    if (Object.keys(dilemmas).length) c.dilemmas = dilemmas;
    if (c.action !== undefined || c.dilemmas) out[s.actor] = { ...c, action: p.action };
  }
  return out;
}
