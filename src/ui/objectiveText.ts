// A role's objectives in words for the main screen: met or not now, with an icon, and how far each comparison is.
import type { ObjectiveStatus, ObjectiveTerm, Reading } from '../engine/index.js';
import { readingShort, rangeText } from './readings.js';
import { fmt } from './theme.js';

export interface ObjectiveLine {
  id: string;
  label: string;
  met: boolean;
  icon: string;
  state: string;
  points: number;
  details: string[];
}

/** A threshold in words: "60 or more", "below 58", "35 or less". */
export function thresholdText(op: ObjectiveTerm['op'], t: string): string {
  switch (op) {
    case '>=':
      return `${t} or more`;
    case '>':
      return `more than ${t}`;
    case '<=':
      return `${t} or less`;
    case '<':
      return `below ${t}`;
    case '==':
      return `exactly ${t}`;
    case '!=':
      return `anything but ${t}`;
  }
}

const num = (kind: ObjectiveTerm['kind'], x: number): string => (kind === 'leverage' ? x.toFixed(2) : fmt(x));

/** Whether a flag comparison asks for the flag on (e.g. "flag(freeze) >= 1"), off, or neither. */
function flagWants(t: ObjectiveTerm): boolean | null {
  if (
    (t.op === '>=' && t.threshold === 1) ||
    (t.op === '>' && t.threshold === 0) ||
    (t.op === '!=' && t.threshold === 0) ||
    (t.op === '==' && t.threshold === 1)
  )
    return true;
  if ((t.op === '<' && t.threshold === 1) || (t.op === '<=' && t.threshold === 0) || (t.op === '==' && t.threshold === 0)) return false;
  return null;
}

/**
 * pure; one comparison in words: "South Korean public confidence: needs 60 or more, now 48 (12 to go)". With an
 * estimate (`seen`), the seat's reading instead of any exact value: "needs 60 or more, your estimate ≈ 48 (40–56)".
 */
export function termText(t: ObjectiveTerm, seen?: Reading): string {
  if (t.kind === 'flag') {
    const wants = flagWants(t);
    if (wants !== null) return `${t.label}: needs ${wants ? 'yes' : 'no'}, now ${t.value !== 0 ? 'yes' : 'no'}`;
  }
  const needs = `needs ${thresholdText(t.op, num(t.kind, t.threshold))}`;
  if (seen && !seen.exact) return `${t.label}: ${needs}, your estimate ${readingShort(seen)} (${rangeText(seen)})`;
  const gap = Math.abs(t.threshold - t.value);
  // A strict comparison can be unmet at a gap of 0 ("more than 20, now 20"): "0 to go" would read as met.
  const togo = t.met || t.op === '==' || t.op === '!=' ? '' : gap === 0 ? ' (just short: it must pass it)' : ` (${num(t.kind, gap)} to go)`;
  return `${t.label}: ${needs}, now ${num(t.kind, t.value)}${togo}`;
}

/** pure; each objective's line: ✓ "Met" or ✗ "Not met" now (by the estimate where one is read), and its comparisons. */
export function objectiveLines(list: readonly ObjectiveStatus[], readingOf: (indicatorId: string) => Reading | undefined): ObjectiveLine[] {
  return list.map((o) => {
    const estimated = o.terms.some((t) => t.kind === 'indicator' && readingOf(t.id)?.exact === false);
    const details = o.terms.map((t, k) => `${k > 0 && o.join === 'or' ? 'or ' : ''}${termText(t, t.kind === 'indicator' ? readingOf(t.id) : undefined)}`);
    const by = estimated ? ' by your estimate' : '';
    return {
      id: o.id,
      label: o.label,
      met: o.met,
      points: o.points,
      icon: o.met ? '✓' : '✗',
      state: o.met ? `Met${by}` : `Not met${by}`,
      details,
    };
  });
}
