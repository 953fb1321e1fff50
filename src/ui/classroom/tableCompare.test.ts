import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGame, legalChoices, recordReplay, step, type Choices } from '../../engine/index.js';
import { loadScenario } from '../../format/loadScenario.js';
import { compareTables } from './tableCompare.js';

const r = loadScenario(readFileSync('scenarios/tutorial.json', 'utf8'), 'tutorial.json');
if (!r.ok) throw new Error('the tutorial does not load');
const sc = r.scenario;

function table(first: string) {
  let g = createGame(sc, { seed: 'class', seats: { upland: 'human' } });
  g = step(sc, g, { upland: { action: first } } as Choices).state;
  return recordReplay(sc, g);
}

describe('compareTables', () => {
  it('counts how many tables chose each action in a turn', () => {
    const actions = legalChoices(sc, createGame(sc, { seed: 'class' }), 'upland')
      .actions.filter((a) => a.available)
      .map((a) => a.id);
    const { comparison, failed } = compareTables(sc, [
      { table: 0, replay: table(actions[0]!) },
      { table: 1, replay: table(actions[0]!) },
      { table: 2, replay: table(actions[1]!) },
    ]);
    expect(failed).toEqual([]);
    const upland = comparison.turns[0]!.actions.find((a) => a.actor === 'upland')!;
    expect(upland.options.map((o) => o.groups)).toEqual([['Table 1', 'Table 2'], ['Table 3']]);
    expect(comparison.endings).toEqual([{ id: null, title: 'No ending yet', groups: ['Table 1', 'Table 2', 'Table 3'] }]);
  });

  it('leaves out a table whose replay does not verify, saying why', () => {
    const bad = { ...table(legalChoices(sc, createGame(sc, { seed: 'class' }), 'upland').actions.find((a) => a.available)!.id), finalHash: 'x' };
    bad.turns = bad.turns.map((t) => ({ ...t, hash: 'wrong' }));
    const { comparison, failed } = compareTables(sc, [{ table: 4, replay: bad }]);
    expect(comparison.groups).toEqual([]);
    expect(failed[0]).toMatch(/^Table 5: state hash differs after turn 1/);
  });
});
