// After the class: every table's replay, one CSV of all tables' histories, and the comparison debrief.
import { compareGames } from '../analysis/compare.js';
import { comparisonMarkdown } from '../analysis/compareFormat.js';
import { csvText } from '../analysis/csv.js';
import { turnLabel } from '../analysis/debrief.js';
import { historyRows } from '../analysis/historyCsv.js';
import { recordReplay, type GameState, type Replay, type Scenario } from '../engine/index.js';

export interface ClassExport {
  replays: Array<{ table: number; replay: Replay }>;
  csv: string;
  debrief: string;
}

/** pure; the export of a class's tables (numbered from 1 in the CSV and the debrief, as the screens show them). */
export function classExport(sc: Scenario, tables: readonly GameState[]): ClassExport {
  const label = (t: number) => turnLabel(sc, t);
  const rows = tables.flatMap((s, i) => {
    const [header, ...body] = historyRows(sc, s, label);
    return [...(i === 0 ? [['table', ...header!]] : []), ...body.map((r) => [i + 1, ...r])];
  });
  const games = tables.map((state, i) => ({ name: `Table ${i + 1}`, state }));
  return {
    replays: tables.map((s, table) => ({ table, replay: recordReplay(sc, s) })),
    csv: csvText(rows),
    debrief: comparisonMarkdown(sc, compareGames(sc, games)),
  };
}
