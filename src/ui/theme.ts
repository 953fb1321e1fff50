// The visual style: one palette, one type scale and the stance-band styles shared by canvas and DOM.
export const FONT = '"IBM Plex Sans", "Segoe UI", system-ui, sans-serif';

export const COLOR = {
  bg: 0x0d1620,
  sea: 0x0b1a26,
  seaLine: 0x12283a,
  land: 0x1d2c38,
  landOwn: 0x243747,
  border: 0x3a5266,
  panel: 0x142230,
  panelEdge: 0x2b4154,
  card: 0x1a2b3b,
  cardHover: 0x223a4f,
  cardOff: 0x131e29,
  cardSelected: 0x3b3219,
  accent: 0xf2b84b,
  text: 0xe8edf2,
  muted: 0x9fb1c2,
  good: 0x6cc59b,
  bad: 0xe86a5a,
  neutral: 0x9fb1c2,
} as const;

export const CSS = {
  text: '#e8edf2',
  muted: '#9fb1c2',
  accent: '#f2b84b',
  good: '#6cc59b',
  bad: '#e86a5a',
  dark: '#0d1620',
} as const;

/** The colour of a stance band by its position from most hostile (0) to most aligned (count - 1). */
export function bandColour(position: number, count: number): number {
  const ramp = [0xe0524d, 0xe8924a, 0xc9b458, 0x5fb3a1, 0x4fa3e0];
  if (count <= 1) return ramp[2]!;
  const t = Math.round((position / (count - 1)) * (ramp.length - 1));
  return ramp[Math.max(0, Math.min(ramp.length - 1, t))]!;
}

/** The dash pattern of a stance band (a second carrier besides colour): hostile short dashes … aligned solid double. */
export function bandDash(position: number, count: number): { dash: number; gap: number; double: boolean } {
  const t = count <= 1 ? 0.5 : position / (count - 1);
  if (t < 0.2) return { dash: 4, gap: 5, double: false };
  if (t < 0.45) return { dash: 10, gap: 6, double: false };
  if (t < 0.55) return { dash: 2, gap: 4, double: false };
  if (t < 0.8) return { dash: 0, gap: 0, double: false };
  return { dash: 0, gap: 0, double: true };
}

/** "#rrggbb" to a Phaser colour number. */
export function hexColour(hex: string): number {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return Number.isFinite(n) ? n : COLOR.muted;
}

/** A colour number to "#rrggbb". */
export function cssColour(n: number): string {
  return `#${n.toString(16).padStart(6, '0')}`;
}

/** A number shown to a player: at most one decimal, a proper minus sign. */
export function fmt(value: number): string {
  const r = Math.round(value * 10) / 10;
  return (r < 0 ? '−' : '') + Math.abs(r).toString();
}

/** A signed change: "+3", "−2.5". */
export function fmtDelta(value: number): string {
  const r = Math.round(value * 10) / 10;
  return (r < 0 ? '−' : '+') + Math.abs(r).toString();
}
