// What a seed may be: 1 to 200 characters (code points, so an emoji counts once), with no unpaired surrogate.

/** Most characters (code points) in a seed. */
export const MAX_SEED_CHARS = 200;

/** pure; the number of characters (code points) in `s`. */
export function charCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** pure; why `seed` cannot be a seed of at most `max` characters, or null when it can. */
export function seedProblem(seed: unknown, max = MAX_SEED_CHARS): string | null {
  if (typeof seed !== 'string') return `a seed must be text, not ${seed === null ? 'null' : typeof seed}`;
  const n = charCount(seed);
  if (n === 0 || n > max) return `a seed must be 1 to ${max} characters (this one has ${n})`;
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const d = seed.charCodeAt(i + 1);
    if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff))
      return `a seed cannot hold an unpaired surrogate (\\u${c.toString(16).toUpperCase()} at position ${i + 1}), which is not a character`;
    i++;
  }
  return null;
}
