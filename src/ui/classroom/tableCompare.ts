// The dashboard's live comparison across a class's tables: the tables' replays verified and compared with compareGames,
// shown with the same compare view as the title screen's "Compare games" (endings, scores, "k of N tables chose X", charts).
import { compareGames, type Comparison } from '../../analysis/compare.js';
import { verifyReplay, type Replay, type Scenario } from '../../engine/index.js';
import { compareView } from '../dom/compareView.js';
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

/** The comparison as a section of the dashboard. */
export function comparisonPanel(sc: Scenario, c: Comparison, failed: readonly string[]): HTMLElement {
  return el(
    'section',
    { class: 'class-box', id: 'class-compare', 'aria-labelledby': 'class-compare-title' },
    el('h2', { id: 'class-compare-title', text: 'Across the tables' }),
    ...failed.map((f) => el('p', { class: 'problem', text: `Not compared: ${f}` })),
    c.turns.length === 0 ? el('p', { class: 'muted', text: 'No turn has been played yet.' }) : null,
    compareView(sc, c, 'table'),
  );
}
