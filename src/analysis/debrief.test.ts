import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { createGame, step, type GameState } from '../engine/index.js';
import { debriefMarkdown, num, signed, turnLabel } from './debrief.js';

const tutorial = loadScenario('tutorial');

function playOut(seed: string, aiFuzz: number | null = null): GameState {
  let s = createGame(tutorial, { seed, aiFuzz });
  while (!s.over) s = step(tutorial, s, {}).state;
  return s;
}

describe('debriefMarkdown', () => {
  it('tells the whole game: roles, every turn, causes, the ending, objectives and the discussion questions', () => {
    const s = playOut('debrief');
    const md = debriefMarkdown(tutorial, s);
    const ending = tutorial.def.endings.find((e) => e.id === s.ending)!;
    expect(md).toMatch(/^# Debrief: Tutorial: the river dispute\n/);
    expect(md).toContain('- Seed: `debrief`');
    expect(md).toContain('| Upland | AI |');
    for (let t = 1; t < s.history.length; t++) expect(md).toContain(`### Turn ${t} · ${turnLabel(tutorial, t)}`);
    expect(md).toContain("(AI's reasons: ");
    expect(md).toContain('## What changed and why');
    expect(md).toContain(`## Ending: ${ending.title}`);
    expect(md).toContain('## Objectives');
    expect(md).toContain('## Discussion questions');
    expect(md).toContain('1. Why did Harbor');
    expect(md.endsWith('\n')).toBe(true);
  });

  it('is a pure function of the scenario and the state (same game, same text) and names the AI fuzz', () => {
    const a = playOut('same', 0.8);
    expect(debriefMarkdown(tutorial, a)).toBe(debriefMarkdown(tutorial, playOut('same', 0.8)));
    expect(debriefMarkdown(tutorial, a)).toContain('AI fuzz 0.8');
  });

  it('says so when the game has not ended', () => {
    const s = step(tutorial, createGame(tutorial, { seed: 'early' }), {}).state;
    const md = debriefMarkdown(tutorial, s);
    expect(md).toContain('- Ending: none (the game was not finished)');
    expect(md).toContain('The game stopped before an ending was reached.');
  });

  it('writes numbers for people', () => {
    expect(num(-0.04)).toBe('0');
    expect(num(2.25)).toBe('2.3');
    expect(signed(3)).toBe('+3');
    expect(signed(-1.5)).toBe('-1.5');
  });
});
