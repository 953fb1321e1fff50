// Problems found in a scenario, located by JSON path (and, inside an expression string, by character).
export type JsonPath = Array<string | number>;

export interface Diagnostic {
  severity: 'error' | 'warning';
  path: JsonPath;
  message: string;
  /** Character range inside the string value at `path`, for expression errors. */
  span?: { start: number; end: number };
}

/** pure; "actions[3].effects[0].add" style text for a JSON path. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(root)' : out;
}
