// The dashboard's live comparison across a class's tables: endings so far and "k of N tables chose X" per turn and
// role, from the tables' replays through compareGames. Its own module so a fuller compare view can replace it.
import { compareGames, type Comparison } from '../../analysis/compare.js';
import { turnLabel } from '../../analysis/debrief.js';
import { verifyReplay, type Replay, type Scenario } from '../../engine/index.js';
import { el } from '../dom/el.js';

/** pure; the comparison of the tables whose replays verify, with the tables that did not (and why). */
export function compareTables(sc: Scenario, replays: ReadonlyArray<{ table: number; replay: Replay }>): { comparison: Comparison; failed: string[] } {
  const games = [];
  const failed: string[] = [];
  for (const r of replays) {
    const check = verifyReplay(sc, r.replay);
    if (check.ok) games.push({ name: `Table ${r.table + 1}`, state: check.state });
    else failed.push(`Table ${r.table + 1}: ${check.message}`);
  }
  return { comparison: compareGames(sc, games), failed };
}

/** pure; the comparison in lines: the endings, then per turn and role "2 of 3 tables chose Build the dam (Table 1, Table 3)". */
export function comparisonLines(sc: Scenario, c: Comparison): { endings: string[]; turns: Array<{ title: string; lines: string[] }> } {
  const n = c.groups.length;
  const endings = c.endings.map((e) => `${e.groups.length} of ${n} table${n === 1 ? '' : 's'}: ${e.title} (${e.groups.join(', ')})`);
  const turns = c.turns.map((t) => {
    const lines: string[] = [];
    for (const s of [...t.actions, ...t.dilemmas]) {
      const made = s.options.reduce((k, o) => k + o.groups.length, 0);
      const what = 'title' in s ? `${s.name}, ${s.title}` : s.name;
      for (const o of s.options) lines.push(`${what}: ${o.groups.length} of ${made} table${made === 1 ? '' : 's'} chose ${o.label} (${o.groups.join(', ')})`);
    }
    return { title: turnLabel(sc, t.turn), lines };
  });
  return { endings, turns };
}

/** The comparison as a section of the dashboard. */
export function comparisonPanel(sc: Scenario, c: Comparison, failed: readonly string[]): HTMLElement {
  const { endings, turns } = comparisonLines(sc, c);
  return el('section', { class: 'class-box', id: 'class-compare', 'aria-labelledby': 'class-compare-title' },
    el('h2', { id: 'class-compare-title', text: 'Across the tables' }),
    el('h3', { text: 'Endings so far' }), el('ul', { id: 'compare-endings' }, ...endings.map((t) => el('li', { text: t }))),
    ...failed.map((f) => el('p', { class: 'problem', text: `Not compared: ${f}` })),
    turns.length === 0 ? el('p', { class: 'muted', text: 'No turn has been played yet.' }) : null,
    ...turns.slice().reverse().map((t) => el('details', { class: 'compare-turn' }, el('summary', { text: t.title }), el('ul', {}, ...t.lines.map((l) => el('li', { text: l }))))));
}
