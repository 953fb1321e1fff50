// Several groups' replay files read for a comparison: each parsed, matched to the first one's scenario and verified,
// or refused with a message naming the file.
import { verifyReplay, type Scenario } from '../engine/index.js';
import { loadReplay } from '../format/loadReplay.js';
import { formatDiagnostic } from '../format/loadScenario.js';
import type { GroupGame } from './compare.js';

export interface ReplayText {
  name: string;
  text: string;
}

export interface GroupReplays {
  /** The scenario of the first replay that could be read (null when none could). */
  scenario: Scenario | null;
  games: GroupGame[];
  /** Each file not compared, with why, its name first. */
  refused: Array<{ file: string; message: string }>;
}

/** pure; group names from file names ("table-1.replay.json" is "table-1"), a repeated one numbered "(2)", "(3)". */
export function groupNames(files: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return files.map((f) => {
    const base = (f.split(/[\\/]/).at(-1) ?? f).replace(/\.replay\.json$|\.json$/i, '');
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k > 1 ? `${base} (${k})` : base;
  });
}

/** pure; never throws: the replays of one scenario verified for compareGames; `scenarioFor` finds a scenario by id. */
export function readGroupReplays(files: readonly ReplayText[], scenarioFor: (id: string) => Scenario | null): GroupReplays {
  const names = groupNames(files.map((f) => f.name));
  const out: GroupReplays = { scenario: null, games: [], refused: [] };
  let first = '';
  files.forEach((f, k) => {
    const refuse = (message: string) => out.refused.push({ file: f.name, message: `${f.name}: ${message}` });
    const r = loadReplay(f.text, f.name);
    if (!r.ok) {
      const more = r.diagnostics.length > 1 ? ` (and ${r.diagnostics.length - 1} more problems)` : '';
      out.refused.push({ file: f.name, message: `${formatDiagnostic(r.diagnostics[0]!)}${more}` });
      return;
    }
    const id = r.replay.scenario.id;
    if (out.scenario && id !== out.scenario.def.id)
      return refuse(`a replay of the scenario "${id}", not of "${out.scenario.def.id}" like ${first}; compare games of one scenario`);
    const sc = out.scenario ?? scenarioFor(id);
    if (!sc) return refuse(`a replay of the scenario "${id}", which is not bundled with this game, so it cannot be verified`);
    const check = verifyReplay(sc, r.replay);
    if (!check.ok) return refuse(`not verified${check.turn === null ? '' : ` at turn ${check.turn}`}: ${check.message}`);
    if (!out.scenario) {
      out.scenario = sc;
      first = f.name;
    }
    out.games.push({ name: names[k]!, state: check.state });
  });
  return out;
}
