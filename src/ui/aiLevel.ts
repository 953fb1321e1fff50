// How sharply the AI plays, as the setup screen offers it: a name for each AI fuzz override (null: the scenario's own).

export interface AiLevel {
  id: 'sharp' | 'normal' | 'erratic';
  name: string;
  fuzz: number | null;
  text: string;
}

export const AI_LEVELS: readonly AiLevel[] = [
  { id: 'sharp', name: 'sharp', fuzz: 0, text: 'the AI always plays its best-scoring option' },
  { id: 'normal', name: 'normal', fuzz: null, text: 'the AI plays as the scenario sets it' },
  { id: 'erratic', name: 'erratic', fuzz: 0.8, text: 'the AI often picks a weaker option' },
];

/** pure; the level whose fuzz this is (a fuzz from a link that matches none is described by its number). */
export function aiLevelOf(fuzz: number | null): AiLevel {
  return (
    AI_LEVELS.find((l) => l.fuzz === fuzz) ?? { id: 'normal', name: `fuzz ${fuzz}`, fuzz, text: `the AI's scores carry noise ${fuzz} (0 sharp, 1 erratic)` }
  );
}
