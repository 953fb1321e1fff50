import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { compileOk, loadScenario } from '../../tests/unit/fixtures.js';
import { createGame, step, viewFor, type GameState } from '../engine/index.js';
import { debriefMarkdown, keyLabel, num, signed, turnLabel } from './debrief.js';
import { estimateNotes } from './estimates.js';
import { mdText } from './markdown.js';
import { reflectionPrompts } from './reflection.js';
import { playOut as playTo, loadScenario as load } from '../../tests/unit/fixtures.js';

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

  it('shows the true figures and notes which numbers were seen only as estimates, with what a human seat last read', () => {
    let s = createGame(tutorial, { seed: 'estimates', seats: { lowland: 'human' } });
    while (!s.over)
      s = step(tutorial, s, {
        lowland: {
          action: 'lowland_wait',
          dilemmas: Object.fromEntries(s.dilemmas.map((d) => [d.event, tutorial.def.events!.find((e) => e.id === d.event)!.dilemma!.options[0]!.id])),
        },
      }).state;
    const md = debriefMarkdown(tutorial, s);
    const i = tutorial.indicatorIndex.get('upland_economy')!;
    const truth = s.indicators[i]!;
    const read = viewFor(tutorial, s, 'lowland').indicators[i]!;
    if (read.exact) throw new Error("Lowland should see an estimate of Upland's economy");
    expect(md).toContain(`- **Upland's economy** *(estimated in play; true figures)*: 50 → ${num(truth)}`);
    expect(md).toContain('## Numbers seen only as estimates');
    expect(md).toContain(
      `- Upland's economy: seen only as an estimate, ±5 by Lowland (human). Lowland last read ≈ ${num(read.value)} (${num(read.low)}–${num(read.high)}); the true value at the end is ${num(truth)}.`,
    );
    const { exact: _, ...reading } = read;
    expect(estimateNotes(tutorial, s)).toEqual([
      { indicator: 'upland_economy', name: "Upland's economy", groups: [{ error: 5, actors: ['lowland'] }], truth, seen: [{ actor: 'lowland', reading }] },
    ]);
  });

  it('says nothing of estimates when no role sees any', () => {
    const plain = compileOk({ ...tutorial.def, indicators: tutorial.def.indicators.map(({ estimate: _, ...d }) => d) });
    let s = createGame(plain, { seed: 'plain' });
    while (!s.over) s = step(plain, s, {}).state;
    expect(debriefMarkdown(plain, s)).not.toContain('estimate');
  });

  it("starts every indicator and relation where the game started (after the opening events), not at the file's initial value", () => {
    const sc = load('party-congress');
    const s = playTo(sc, createGame(sc, { seed: 'start-values' }));
    const md = debriefMarkdown(sc, s);
    const start = s.history.at(0)!.indicators;
    let moved = 0;
    sc.def.indicators.forEach((ind, i) => {
      expect(md).toContain(`- **${mdText(ind.name)}**`);
      const row = md.split('\n').find((l) => l.startsWith(`- **${mdText(ind.name)}**`))!;
      expect(row, ind.id).toContain(`: ${num(start[i]!)} → ${num(s.indicators[i]!)}`);
      if (num(start[i]!) !== num(ind.initial)) moved++;
    });
    // The flagship's opening events move some numbers before the first screen (regime security 70 → 74).
    expect(moved).toBeGreaterThan(0);
    const first = createGame(sc, { seed: 'start-values' });
    const n = sc.actors.length;
    for (const r of sc.def.stances.relations) {
      const from = first.stances[sc.actorIndex.get(r.from)! * n + sc.actorIndex.get(r.to)!]!;
      expect(md).toContain(`- ${mdText(keyLabel(sc, `stance:${r.from}>${r.to}`))}: ${num(from)} → `);
    }
  });

  it('has a Reflect section: one subsection per human role with its own reflection prompts, escaped', () => {
    let s = createGame(tutorial, { seed: 'reflect', seats: { lowland: 'human' } });
    while (!s.over)
      s = step(tutorial, s, {
        lowland: {
          action: 'lowland_wait',
          dilemmas: Object.fromEntries(s.dilemmas.map((d) => [d.event, tutorial.def.events!.find((e) => e.id === d.event)!.dilemma!.options[0]!.id])),
        },
      }).state;
    const md = debriefMarkdown(tutorial, s);
    const reflect = md.slice(md.indexOf('## Reflect\n'));
    expect(md).toContain('## Reflect\n');
    expect(reflect).toContain('### Lowland (human)');
    expect(reflect).not.toContain('### Upland');
    const prompts = reflectionPrompts(tutorial, s, 'lowland');
    expect(prompts.length).toBeGreaterThan(0);
    prompts.forEach((p, i) => expect(reflect).toContain(`${i + 1}. ${mdText(p)}`));
  });

  it("gives every role its reflection prompts when the AI played them all, and says each ending's rating in words", () => {
    const s = playOut('reflect-all');
    const md = debriefMarkdown(tutorial, s);
    const ending = tutorial.def.endings.find((e) => e.id === s.ending)!;
    for (const a of tutorial.def.actors) {
      if (reflectionPrompts(tutorial, s, a.id).length) expect(md).toContain(`### ${a.name} (AI)\n\n1. `);
      const r = ending.ratings?.[a.id];
      if (r !== undefined) expect(md).toMatch(new RegExp(`For ${a.name} this ending is an? (disaster|setback|stalemate|gain|triumph): [−+]?\\d`));
    }
  });

  it('writes numbers for people', () => {
    expect(num(-0.04)).toBe('0');
    expect(num(2.25)).toBe('2.3');
    expect(signed(3)).toBe('+3');
    expect(signed(-1.5)).toBe('-1.5');
  });
});

describe('debriefMarkdown on hostile scenario text (the browser export and the CLI report)', () => {
  const reader = new MarkdownIt({ html: true, linkify: true });
  reader.validateLink = () => true;
  reader.linkify.set({ fuzzyLink: false });
  const units = [
    '<img src=x onerror=alert(1)>',
    '<script>',
    '[x](javascript:alert(1))',
    '\n# heading',
    '\n- item',
    '\n> quote',
    '\n```',
    '\n---',
    '\n1. x',
    '|',
    '`',
    '*',
    '_',
    '\\',
    '&amp;',
    'www.x.org',
    'http://x.org',
    'a@b.org',
    '\u001b[31m',
    '\u202e',
    ' ',
    'word',
    '#',
    '-',
    '1.',
  ];
  const hostile = fc.string({ unit: fc.constantFrom(...units), minLength: 1, maxLength: 6 }).filter((s) => s.trim() !== '' && s.length <= 200);
  const blocks = (text: string) =>
    reader
      .parse(text, {})
      .filter((t) => t.type !== 'inline')
      .map((t) => `${t.type}@${t.level}`);
  const inlineKinds = (text: string) => new Set(reader.parse(text, {}).flatMap((t) => (t.children ?? []).map((c) => c.type)));
  const s0 = playOut('hostile-text');
  const baseline = blocks(debriefMarkdown(tutorial, s0));

  it('keeps the structure of the plain debrief whatever the title, names, texts and questions hold: no HTML, no links', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 8, maxLength: 8 }), (t) => {
        const def = structuredClone(tutorial.def);
        def.title = t[0]!;
        def.summary = t[1]!;
        def.actors[0]!.name = t[2]!;
        def.instructor!.discussionQuestions = [t[3]!, t[4]!, ...def.instructor!.discussionQuestions!.slice(2)];
        for (const e of def.endings) e.text = t[5]!;
        for (const e of def.events!) e.text = t[6]!;
        def.actions[0]!.label = t[7]!;
        const sc = compileOk(def);
        let s = createGame(sc, { seed: 'hostile-text' });
        while (!s.over) s = step(sc, s, {}).state;
        const text = debriefMarkdown(sc, s);
        expect(blocks(text)).toEqual(baseline);
        const kinds = inlineKinds(text);
        for (const k of ['html_inline', 'link_open', 'image']) expect(kinds.has(k)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe('debrief: causes, class plan and glossary', () => {
  it('names first the causes that pushed each number the way it went, and those against it as holding it back', () => {
    const sc = loadScenario('party-congress');
    let s = createGame(sc, { seed: 'causes-1' });
    while (!s.over) s = step(sc, s, {}).state;
    const md = debriefMarkdown(sc, s);
    let checked = 0;
    for (const l of md.split('\n')) {
      const m = /^- \*\*.+?\*\*.*?: (-?[\d.]+) → (-?[\d.]+).*; largest causes: (.+)$/.exec(l);
      if (!m) continue;
      const net = Number(m[2]) - Number(m[1]);
      if (Math.abs(net) < 0.5) continue;
      const first = /([+-][\d.]+)(?:,|;|$)/.exec(m[3]!);
      expect(Math.sign(Number(first![1])), l).toBe(Math.sign(net));
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('ends with the class plan and the glossary', () => {
    const sc = loadScenario('party-congress');
    let s = createGame(sc, { seed: 'causes-2' });
    while (!s.over) s = step(sc, s, {}).state;
    const md = debriefMarkdown(sc, s);
    expect(md).toContain('\n## Class plan\n');
    expect(md).toContain('\n## Glossary\n');
    expect(md).toContain(`- **${sc.def.instructor!.glossary![0]!.term}**:`);
  });
});
