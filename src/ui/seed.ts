// A fresh, readable seed for a new game (the UI's only source of randomness; the engine never draws one).
const WORDS = [
  'amber',
  'basalt',
  'cedar',
  'delta',
  'ember',
  'fjord',
  'granite',
  'harbor',
  'iris',
  'juniper',
  'kestrel',
  'lumen',
  'meadow',
  'nimbus',
  'onyx',
  'prairie',
  'quartz',
  'raven',
  'sierra',
  'tundra',
  'umber',
  'vesper',
  'willow',
  'yarrow',
];

/** A seed such as "cedar-kestrel-4821", from crypto.getRandomValues. */
export function freshSeed(): string {
  const r = new Uint32Array(3);
  crypto.getRandomValues(r);
  return `${WORDS[r[0]! % WORDS.length]}-${WORDS[r[1]! % WORDS.length]}-${1000 + (r[2]! % 9000)}`;
}
