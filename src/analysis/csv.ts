// The one CSV writer (RFC 4180): fields quoted when needed, text that a spreadsheet would run as a formula defused.

export type CsvValue = string | number;

/** The line ending of RFC 4180. */
export const CSV_EOL = '\r\n';

/**
 * pure; one field. A number is written as a number (unquoted; '' when not finite). Text starting with = + - @, tab
 * or CR gets a leading ' so that a spreadsheet shows it instead of running it; text with a comma, quote, CR or LF is
 * quoted, its quotes doubled.
 */
export function csvField(v: CsvValue): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** pure; one record with its line ending. */
export function csvRow(cells: readonly CsvValue[]): string {
  return `${cells.map(csvField).join(',')}${CSV_EOL}`;
}

/** pure; a whole table, one record per row. */
export function csvText(rows: ReadonlyArray<readonly CsvValue[]>): string {
  return rows.map(csvRow).join('');
}
