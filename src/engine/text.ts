// Words for messages about what an author wrote: the nearest known name, and a character made visible.

const lowerAscii = (s: string): string => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

// Levenshtein distance, or 3 as soon as it is certain to exceed 2.
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev: number[] = [];
  for (let j = 0; j <= b.length; j++) prev.push(j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > 2) return 3;
    prev = row;
  }
  return prev[b.length] ?? 3;
}

/**
 * pure; the "did you mean" rule: a candidate equal but for ASCII case, else the nearest within 2 edits and fewer
 * edits than the shorter name is long; ties go to the smallest name, so the answer never depends on the order given.
 */
export function closest(word: string, candidates: Iterable<string>): string | null {
  const low = lowerAscii(word);
  let best: string | null = null;
  let bestD = 3;
  for (const c of candidates) {
    const lc = lowerAscii(c);
    const d = lc === low ? 0 : distance(low, lc);
    if (d > 0 && (d > 2 || d >= Math.min(low.length, lc.length))) continue;
    if (d < bestD || (d === bestD && best !== null && c < best)) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** pure; a character for a message: quoted, or as U+XXXX when invisible (controls, format characters, line separators). */
export function showChar(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 32 || (c >= 127 && c < 161) || c === 0xfeff || (c >= 0x2000 && c <= 0x200f) || c === 0x2028 || c === 0x2029) {
    return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return ch === "'" ? `"'"` : `'${ch}'`;
}
