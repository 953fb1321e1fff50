import { describe, expect, it } from 'vitest';
import { compileOk, loadScenario } from '../../tests/unit/fixtures.js';
import { eventLine, turnLabel } from '../analysis/debrief.js';
import { createGame, step, type GameState } from '../engine/index.js';
import { describeEvents, newsFeed } from './news.js';

const tutorial = loadScenario('tutorial');

function playOut(seed: string): GameState {
  let s = createGame(tutorial, { seed });
  while (!s.over) s = step(tutorial, s, {}).state;
  return s;
}

describe('the news', () => {
  it('tells every event in the words of the debrief and the CLI', () => {
    const s = playOut('news-words');
    let told = 0;
    for (const rec of s.history) {
      describeEvents(tutorial, rec.events, rec.turn).forEach((item, k) => {
        const line = eventLine(tutorial, rec.events[k]!);
        if (line === null) return;
        expect(line).toBe(item.text ? `${item.title}: ${item.text}` : item.title);
        told++;
      });
    }
    expect(told).toBeGreaterThan(0);
  });

  it('puts actions and dilemma answers under the turn that resolved them, the rest under the turn they opened', () => {
    // The first of these seeds whose game has an event after its opening.
    const games = ['news-turns', 'news-2', 'news-3', 'news-4', 'news-5', 'news-6'].map(playOut);
    const s = games.find((g) => g.history.some((r) => r.turn >= 1 && r.events.some((e) => e.type === 'event')))!;
    const rec = s.history.find((r) => r.turn >= 1 && r.events.some((e) => e.type === 'event'))!;
    for (const item of describeEvents(tutorial, rec.events, rec.turn)) {
      expect(item.turn).toBe(item.kind === 'action' || item.kind === 'dilemma-answer' ? rec.turn : rec.turn + 1);
    }
    expect(newsFeed(tutorial, s).length).toBeGreaterThan(0);
  });

  it('never tells news under a turn after the last one: the ending belongs to the last turn', () => {
    const flagship = loadScenario('party-congress');
    let s = createGame(flagship, { seed: 'x1' });
    while (!s.over) s = step(flagship, s, {}).state;
    const last = s.history.at(-1)!;
    expect(last.turn).toBe(flagship.turnCount);
    const items = describeEvents(flagship, last.events, last.turn);
    expect(items.find((n) => n.kind === 'ending')?.turn).toBe(flagship.turnCount);
    for (const n of newsFeed(flagship, s)) expect(n.turn).toBeLessThanOrEqual(flagship.turnCount);
  });
});

describe('turnLabel', () => {
  it('names a turn of a scenario without labels by its unit, in the browser as in the debrief', () => {
    const def = structuredClone(tutorial.def);
    delete def.turns.labels;
    delete def.turns.startLabel;
    const sc = compileOk(def);
    expect(turnLabel(sc, 3)).toBe('Quarter 3');
    expect(turnLabel(tutorial, 1)).toBe('Year 1, Q1');
  });
});
