// Arrays of numbers that V8 keeps as doubles from the start.

/**
 * pure; `values` in an array whose elements V8 stores as doubles. The state's numbers become fractional as a game goes
 * on; an array of whole numbers that is copied every turn would otherwise be converted to doubles every turn.
 */
export function asDoubles(values: readonly number[]): number[] {
  const out = [0.5];
  out.pop();
  for (const v of values) out.push(v);
  return out;
}
