// How a seat's reading of an indicator is written: exact figures as they are, estimates as "≈ 34 (29–39)" with the word.
import type { Estimate, Reading } from '../engine/index.js';
import { fmt } from './theme.js';

/** "29–39" (or "−5 to 3" when a negative end would make the dash ambiguous). */
export function rangeText(e: Estimate): string {
  return e.low < 0 ? `${fmt(e.low)} to ${fmt(e.high)}` : `${fmt(e.low)}–${fmt(e.high)}`;
}

/** "34.5" for an exact reading, "≈ 34 (29–39)" for an estimate. */
export function readingText(r: Reading): string {
  return r.exact ? fmt(r.value) : `≈ ${fmt(r.value)} (${rangeText(r)})`;
}

/** The figure alone, for tight spaces: "34.5" or "≈ 34". */
export function readingShort(r: Reading): string {
  return r.exact ? fmt(r.value) : `≈ ${fmt(r.value)}`;
}

/** For screen readers and announcements: "34.5", or "about 34, an estimate: the true value is between 29 and 39". */
export function readingWords(r: Reading): string {
  return r.exact ? fmt(r.value) : `about ${fmt(r.value)}, an estimate: the true value is between ${fmt(r.low)} and ${fmt(r.high)}`;
}
