// The seeded random driver that plays the comparison workload: it stands in for the players, not the AI.
import seedrandom from 'seedrandom';

export interface Driver {
  /** An index in [0, n). */
  pick(n: number): number;
}

/** A driver for game `game`: seedrandom's alea, seeded per game so every engine sees the same choices. */
export function driverFor(game: number): Driver {
  const next = seedrandom.alea(`bench-driver-${game}`);
  return { pick: (n) => Math.floor(next() * n) };
}
