// Seeded noise for the AI's fuzz: a pure hash of (seed, turn, actor, option), apart from the game's generator.

/** pure; a 32-bit FNV-1a hash of a string. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** An integer finalizer that spreads every input bit over the output. */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** pure; a number in [0, 1) determined by its four inputs alone. Integer operations only, so identical in every engine. */
export function noise(seedKey: number, turn: number, actor: number, option: number): number {
  let h = mix(seedKey ^ 0x9e3779b9);
  h = mix(h ^ Math.imul(turn + 1, 0x85ebca6b));
  h = mix(h ^ Math.imul(actor + 1, 0xc2b2ae35));
  h = mix(h ^ Math.imul(option + 2, 0x27d4eb2f));
  return h / 0x100000000;
}
