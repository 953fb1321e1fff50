import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGame, legalChoices, objectiveStatus, scoreObjectives, viewFor } from '../../engine/index.js';
import { loadScenario } from '../../format/loadScenario.js';
import { aiPlayedText, countdown, endingSummary, holdLine, indicatorRows, seatObjectives, turnLine, waitingLine } from './seatText.js';
import type { SeatState } from './wire.js';

const r = loadScenario(readFileSync('scenarios/tutorial.json', 'utf8'), 'tutorial.json');
if (!r.ok) throw new Error('the tutorial does not load');
const sc = r.scenario;

/** A seat's state as the server builds it, for Lowland at the start of a tutorial game. */
function lowland(extra: Partial<SeatState> = {}): SeatState {
  const g = createGame(sc, { seed: 'seat' });
  const view = viewFor(sc, g, 'lowland');
  return {
    code: 'ABCD23',
    table: 0,
    role: 'lowland',
    label: 'Lowland',
    scenario: 'tutorial',
    turn: 1,
    over: false,
    ending: null,
    seed: null,
    paused: false,
    stopped: false,
    ai: false,
    deadline: null,
    view,
    legal: legalChoices(sc, g, 'lowland'),
    objectives: extra.over || extra.stopped ? scoreObjectives(sc, g).find((o) => o.actor === 'lowland')! : null,
    status: objectiveStatus(
      sc,
      g,
      'lowland',
      view.indicators.map((x) => x.value),
    ),
    submitted: [],
    news: g.news,
    previews: { actions: {}, options: {} },
    aiPlayed: [],
    hash: '',
    ...extra,
  };
}

describe('a classroom seat in words', () => {
  it('marks an estimated indicator with its ± and says so in words', () => {
    const row = indicatorRows(sc, lowland()).find((x) => x.id === 'upland_economy')!;
    expect(row.estimate).toBe(true);
    expect(row.text).toMatch(/^≈ \d+ \(\d+–\d+\) ±5$/);
    expect(row.words).toMatch(/an estimate: the true value is between/);
  });

  it('names who the AI played for last turn, the seat itself as "you", and nobody on turn 1', () => {
    expect(aiPlayedText(sc, lowland({ turn: 2, aiPlayed: ['harbor', 'lowland'] }))).toBe('Played by the AI last turn: Harbor, you.');
    expect(aiPlayedText(sc, lowland({ turn: 2 }))).toBeNull();
    expect(aiPlayedText(sc, lowland({ turn: 1, aiPlayed: ['harbor'] }))).toBeNull();
  });

  it('keeps the score back until the game is over', () => {
    expect(endingSummary(sc, lowland()).score).toBe('Your score is shown when the game is over.');
    const objectives = lowland({ over: true }).objectives!;
    expect(endingSummary(sc, lowland({ over: true })).score).toBe(`Your score: ${objectives.score} of ${objectives.max} points`);
  });

  it("puts the role's own indicators first", () => {
    expect(indicatorRows(sc, lowland())[0]!.id).toBe('lowland_economy');
  });

  it('gives each objective its distance from being met', () => {
    const lines = seatObjectives(sc, lowland());
    expect(lines.map((l) => l.state)).toContain('Not met');
    expect(lines.flatMap((l) => l.details).join(' ')).toMatch(/needs/);
  });

  it('names who is still choosing, and nobody once all are in', () => {
    const seats = [
      { role: 'upland', label: 'Upland', submitted: true },
      { role: 'lowland', label: 'Lowland', submitted: true },
      { role: 'harbor', label: 'Harbor', submitted: false },
    ];
    expect(waitingLine(seats, 'lowland')).toBe('Waiting for 1 other player: Harbor');
    expect(
      waitingLine(
        seats.map((x) => ({ ...x, submitted: true })),
        'lowland',
      ),
    ).toBeNull();
  });

  it('says why the seat cannot play: paused, handed to the AI, ended', () => {
    expect(holdLine(lowland())).toBeNull();
    expect(holdLine(lowland({ paused: true }))).toMatch(/paused/);
    expect(holdLine(lowland({ ai: true }))).toMatch(/AI/);
    expect(holdLine(lowland({ stopped: true }))).toMatch(/ended/);
  });

  it('tells the ending with the score and the seed once the game is over', () => {
    const e = endingSummary(sc, lowland({ over: true, ending: 'treaty', seed: 'seat' }));
    expect(e.title).toBe('Water treaty');
    expect(e.score).toMatch(/^Your score: \d+ of \d+ points$/);
    expect(e.seed).toMatch(/"seat"/);
  });

  it('counts down to the deadline in minutes and seconds', () => {
    expect(countdown(10_000 + 62_000, 10_000)).toBe('1:02');
    expect(countdown(null, 0)).toBeNull();
    expect(turnLine(sc, 2, false)).toBe('Year 1, Q2 — turn 2 of 6');
  });
});
