// The one clamp every engine rule uses (values, stances, leverage, odds and chances in percent).

/** pure; x limited to [lo, hi] (lo when lo > hi); NaN stays NaN. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
