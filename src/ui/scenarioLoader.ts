// Turns scenario text into a compiled scenario or located diagnostics, through src/format's loadScenario.
import { formatPath, type Scenario } from '../engine/index.js';
import { formatDiagnostic, loadScenario, type LocatedDiagnostic } from '../format/loadScenario.js';

/** One problem in a scenario file, located by line, column and JSON path (as text). */
export interface UiDiagnostic {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
  severity: 'error' | 'warning';
  text: string;
}

export type LoadOutcome = { ok: true; scenario: Scenario; diagnostics: UiDiagnostic[] } | { ok: false; diagnostics: UiDiagnostic[] };

/** A located diagnostic as the title screen lists it (path and text formatted). */
export function normalise(d: LocatedDiagnostic): UiDiagnostic {
  return { file: d.file, line: d.line, column: d.column, path: formatPath(d.path), message: d.message, severity: d.severity, text: formatDiagnostic(d) };
}

/** Loads scenario text; never throws. */
export function loadScenarioText(text: string, file: string): LoadOutcome {
  try {
    const r = loadScenario(text, file);
    const diagnostics = r.diagnostics.map(normalise);
    return r.ok ? { ok: true, scenario: r.scenario, diagnostics } : { ok: false, diagnostics };
  } catch (e) {
    const message = `could not be read: ${(e as Error).message}`;
    return { ok: false, diagnostics: [{ file, line: 1, column: 1, path: '(root)', message, severity: 'error', text: `${file}:1:1: error: ${message}` }] };
  }
}
