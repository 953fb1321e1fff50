// Reads a scenario file's text: syntax, schema, compilation and static analysis, every problem at file:line:column.
import { compileScenario, formatPath, FORMAT_VERSION, scenarioSchema, type Diagnostic, type JsonPath, type Scenario } from '../engine/compiler.js';
import { analyzeScenario } from './analyze.js';
import { MAX_FILE_BYTES } from './decodeText.js';
import { parseJsonDocument } from './json.js';
import { findNode, offsetInString, startOf } from './tree.js';
import { describeNode, explainIssues, type Issue } from './zodIssues.js';

export interface LocatedDiagnostic extends Diagnostic {
  file: string;
  line: number;
  column: number;
}

export type LoadResult = { ok: true; scenario: Scenario; diagnostics: LocatedDiagnostic[] } | { ok: false; diagnostics: LocatedDiagnostic[] };

export { MAX_FILE_BYTES } from './decodeText.js';

// pure; UTF-8 length of `text`, counting no further than `limit + 1`.
function utf8Length(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Most diagnostics reported for one file; beyond that a note at the top says some are left out. */
export const MAX_REPORTED = 200;

// Sorted by line then column (stable); when there are too many, the first MAX_REPORTED after a note.
function sorted(list: LocatedDiagnostic[]): LocatedDiagnostic[] {
  const all = list
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.line - b.d.line || a.d.column - b.d.column || a.i - b.i)
    .map((x) => x.d);
  if (all.length <= MAX_REPORTED) return all;
  const first = all[0]!;
  const note: LocatedDiagnostic = {
    file: first.file,
    line: 1,
    column: 1,
    severity: all.some((d) => d.severity === 'error') ? 'error' : 'warning',
    path: [],
    message: `too many problems to list: showing the first ${MAX_REPORTED}; fix these and load the file again`,
  };
  return [note, ...all.slice(0, MAX_REPORTED)];
}

function failed(diagnostics: LocatedDiagnostic[]): LoadResult {
  return { ok: false, diagnostics: sorted(diagnostics) };
}

/** pure; "file:line:column: error: message (at actions[3].effects[0].add)". */
export function formatDiagnostic(d: LocatedDiagnostic): string {
  const at = d.path.length > 0 ? ` (at ${formatPath(d.path)})` : '';
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}${at}`;
}

/** pure; never throws: every problem in a scenario file's text, located; the compiled scenario when there is no error. */
export function loadScenario(text: string, file: string): LoadResult {
  const size = utf8Length(text, MAX_FILE_BYTES);
  if (size > MAX_FILE_BYTES) {
    const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
    return failed([
      {
        file,
        line: 1,
        column: 1,
        severity: 'error',
        path: [],
        message: `the file is too large (over ${mb(MAX_FILE_BYTES)}); a scenario file must be at most ${mb(MAX_FILE_BYTES)}`,
      },
    ]);
  }
  const doc = parseJsonDocument(text);
  const { body, lines } = doc;
  const at = (offset: number, severity: Diagnostic['severity'], path: JsonPath, message: string, span?: Diagnostic['span']): LocatedDiagnostic => {
    const p = lines.at(offset);
    return { file, line: p.line, column: p.column, severity, path, message, ...(span ? { span } : {}) };
  };
  if (!doc.ok) return failed([at(doc.offset, 'error', [], doc.message)]);
  const { root, value, problems } = doc;
  const structural = problems.map((p) => at(p.offset, 'error', p.path, p.message));
  const locate = (d: Diagnostic, atKey = false): LocatedDiagnostic => {
    const found = findNode(root, d.path);
    let offset = startOf(atKey && found.complete && found.member ? found.member.name : found.node);
    if (d.span && found.complete && found.node.type === 'String') offset = offsetInString(body, found.node, d.span.start);
    return at(offset, d.severity, d.path, d.message, d.span);
  };

  const version = root.type === 'Object' ? findNode(root, ['formatVersion']) : null;
  if (version?.complete && !(version.node.type === 'Number' && version.node.value === FORMAT_VERSION)) {
    const n = version.node;
    const message =
      n.type === 'Number'
        ? `this scenario uses format version ${n.value}; this engine reads version ${FORMAT_VERSION}`
        : `"formatVersion" must be the number ${FORMAT_VERSION}, got ${describeNode(n)}`;
    return failed([...structural, locate({ severity: 'error', path: ['formatVersion'], message })]);
  }

  const checked = scenarioSchema.safeParse(value);
  if (!checked.success) {
    const taken = new Set(problems.map((p) => formatPath(p.path)));
    const explained = explainIssues(checked.error.issues as readonly Issue[], root, scenarioSchema, MAX_REPORTED)
      .filter((x) => !taken.has(formatPath(x.path)))
      .map((x) => locate({ severity: 'error', path: x.path, message: x.message }, x.atKey));
    return failed([...structural, ...explained]);
  }
  if (structural.length > 0) return failed(structural);

  try {
    const compiled = compileScenario(checked.data);
    const located = compiled.diagnostics.map((d) => locate(d));
    if (!compiled.ok) return failed(located);
    const analysis = analyzeScenario(compiled.scenario).map((d) => locate(d));
    const all = sorted([...located, ...analysis]);
    if (all.some((d) => d.severity === 'error')) return { ok: false, diagnostics: all };
    return { ok: true, scenario: compiled.scenario, diagnostics: all };
  } catch (e) {
    return failed([at(0, 'error', [], `internal error while checking the scenario: ${e instanceof Error ? e.message : String(e)}`)]);
  }
}
