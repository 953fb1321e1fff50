// Reads a replay file's text: strict JSON, then the replay schema, every problem at file:line:column and its JSON path.
import { REPLAY_FORMAT, REPLAY_VERSION, replaySchema, type JsonPath, type Replay } from '../engine/compiler.js';
import { parseJsonDocument, type JsonDocument } from './json.js';
import type { LocatedDiagnostic } from './loadScenario.js';
import { findNode, startOf } from './tree.js';
import { explainIssues } from './zodIssues.js';

export type ParsedDocument = Extract<JsonDocument, { ok: true }>;

export type ReplayLoad = { ok: true; replay: Replay; doc: ParsedDocument } | { ok: false; diagnostics: LocatedDiagnostic[] };

/** Most schema problems listed for one replay file. */
const MAX_LISTED = 20;

/** pure; a diagnostic at the node of `path` in `doc` (at its key when `atKey`), or its nearest existing ancestor. */
export function diagnosticAt(doc: ParsedDocument, file: string, path: JsonPath, message: string, atKey = false): LocatedDiagnostic {
  const found = findNode(doc.root, path);
  const { line, column } = doc.lines.at(startOf(atKey && found.complete && found.member ? found.member.name : found.node));
  return { file, line, column, path, message, severity: 'error' };
}

/** pure; whether strict JSON text claims to be a replay (its top-level "format" is the replay format). */
export function claimsReplay(doc: JsonDocument): boolean {
  return doc.ok && typeof doc.value === 'object' && doc.value !== null && (doc.value as { format?: unknown }).format === REPLAY_FORMAT;
}

/** pure; never throws: the replay in `text`, or every problem located (syntax, structure, then schema, in file order). */
export function loadReplay(text: string, file: string): ReplayLoad {
  const doc = parseJsonDocument(text);
  if (!doc.ok) return { ok: false, diagnostics: [{ file, ...doc.lines.at(doc.offset), path: [], message: doc.message, severity: 'error' }] };
  if (doc.problems.length > 0)
    return {
      ok: false,
      diagnostics: doc.problems.map((p) => ({ file, ...doc.lines.at(p.offset), path: p.path, message: p.message, severity: 'error' as const })),
    };
  // A file that does not claim to be a replay (a scenario, a save) gets one line, not a list of every field it lacks.
  if (!claimsReplay(doc)) {
    const format = typeof doc.value === 'object' && doc.value !== null && !Array.isArray(doc.value) ? (doc.value as { format?: unknown }).format : undefined;
    const got = format === undefined ? 'it has no "format" property' : `its "format" is ${JSON.stringify(format)}`;
    return {
      ok: false,
      diagnostics: [
        diagnosticAt(doc, file, format === undefined ? [] : ['format'], `not a valid replay: ${got}; a replay file has "format": "${REPLAY_FORMAT}"`),
      ],
    };
  }
  const version = (doc.value as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version !== REPLAY_VERSION) {
    return {
      ok: false,
      diagnostics: [diagnosticAt(doc, file, ['formatVersion'], `this replay uses format version ${version}; this engine reads version ${REPLAY_VERSION}`)],
    };
  }
  const r = replaySchema.safeParse(doc.value);
  if (r.success) return { ok: true, replay: r.data, doc };
  const explained = explainIssues(r.error.issues, doc.root, replaySchema, MAX_LISTED);
  const diagnostics = explained.slice(0, MAX_LISTED).map((x) => diagnosticAt(doc, file, x.path, `not a valid replay: ${x.message}`, x.atKey));
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, diagnostics };
}
