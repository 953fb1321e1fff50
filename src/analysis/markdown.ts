// The one Markdown writer: scenario text goes in escaped, so it can add words but never structure, HTML or links.
import { showControls } from './controls.js';

/** Markdown the program wrote itself (trusted); anything else that reaches a document goes through mdText. */
export class Md {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type MdValue = string | number | Md;

const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * pure; `s` as inline Markdown that reads as exactly `s` (line breaks as spaces, outer white space trimmed, control
 * characters shown as \u001b): no HTML, no emphasis, code, links or autolinks (`//` and `www.` are broken up), no table cell break, and no block
 * (heading, list item, quote, rule, fence, indented code, a heading's closing #s) even at the start of a line or a list item.
 */
export function mdText(s: string): string {
  const flat = showControls(s.replace(/\r\n?|[\n\u2028\u2029\v\f]/g, ' ')).trim();
  return flat
    .replace(/[<>&]/g, (c) => ENTITY[c]!)
    .replace(/[\\`*_[\]~|$@]/g, '\\$&')
    .replace(/\/(?=\/)|(?<=\/)\//g, '\\/')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2')
    .replace(/^(?:#{1,6}(?=[ \t]|$)|[-+](?=[ \t]|$)|([-=])(?=(?:\1|[ \t])*$))/, '\\$&')
    .replace(/(^|[ \t])#(?=#*$)/, '$1\\#');
}

function value(v: MdValue): string {
  if (v instanceof Md) return v.text;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : mdText(String(v));
  return mdText(v);
}

/** pure; a tagged template: the literal parts are the program's Markdown, every interpolated string is escaped by mdText. */
export function md(parts: TemplateStringsArray, ...values: MdValue[]): Md {
  let out = parts[0]!;
  let i = 0;
  while (i < values.length) {
    // Adjacent strings are escaped as one, so that "1" then ". x" cannot meet as a list marker.
    let run = values[i]!;
    while (typeof run === 'string' && parts[i + 1] === '' && typeof values[i + 1] === 'string') run += values[++i] as string;
    out += value(run) + parts[i + 1]!;
    i++;
  }
  return new Md(out);
}

/** pure; `s` as an inline code span, fenced by more backticks than any run inside it (line breaks as spaces; '' as nothing). */
export function mdCode(s: string): Md {
  if (s === '') return new Md('');
  const flat = showControls(s.replace(/\r\n?|[\n\u2028\u2029\v\f]/g, ' '));
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  // One space each side is stripped by readers when both are present, so padding keeps edge backticks and spaces intact.
  const pad = /[^ ]/.test(flat) && /^[` ]|[` ]$/.test(flat) ? ' ' : '';
  return new Md(`${fence}${pad}${flat}${pad}${fence}`);
}

/** pure; `v` in bold. */
export function mdStrong(v: MdValue): Md {
  return md`**${v}**`;
}

/** pure; `v` in italics. */
export function mdEmph(v: MdValue): Md {
  return md`*${v}*`;
}

/** pure; one table row; every cell escaped, so a `|` or a line break in it cannot add or split cells. */
export function mdRow(cells: readonly MdValue[]): Md {
  return new Md(`| ${cells.map(value).join(' | ')} |`);
}

/** pure; a table: header row, delimiter row, then the rows. */
export function mdTable(header: readonly MdValue[], rows: ReadonlyArray<readonly MdValue[]>): Md[] {
  return [mdRow(header), new Md(`|${header.map(() => ' --- |').join('')}`), ...rows.map(mdRow)];
}

/** pure; lines joined into a document ending with a line break. */
export function mdDocument(lines: readonly Md[]): string {
  return `${lines.map((l) => l.text).join('\n')}\n`;
}
