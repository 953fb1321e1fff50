// Plays N comparison games in a variant of the workload, for counting instructions under valgrind (see PROFILE.md).
// Run from the repository root: npx tsx bench/instructions.ts N [--variant full|bare|outcomes|noeffects|nostance|noevents|create|constexpr|stancex2|indicatorx2|floor] [--ledger]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compileScenario, createGame, type ScenarioFile } from '../src/engine/index.js';
import { BATCH_STEP, playGame } from './comparison.js';
import { engineDraw, playFloor } from './lib/floor.js';

type Fx = { flag?: string; stance?: unknown };
/** Each variant strips part of the work, so the difference between two counts prices that part. */
const VARIANTS: Record<string, (def: ScenarioFile) => void> = {
  full: () => {},
  noeffects: (def) =>
    def.actions.forEach((a) => {
      a.effects = (a.effects ?? []).filter((e: Fx) => e.flag);
    }),
  nostance: (def) =>
    def.actions.forEach((a) => {
      a.effects = (a.effects ?? []).filter((e: Fx) => !e.stance);
    }),
  noevents: (def) => {
    def.events = [];
  },
  outcomes: (def) => {
    def.actions.forEach((a) => {
      a.effects = [];
    });
    def.events = [];
  },
  bare: (def) => {
    def.actions.forEach((a) => {
      a.effects = [];
      delete a.outcome;
    });
    def.events = [];
  },
  create: () => {},
  // The hand-written floor loop of the same games (bench/lib/floor.ts) with the engine's keyed draws: the work itself.
  floor: () => {},
  // Every expression amount and odds a constant (the factors kept): what expressions, and the fractions they give, cost.
  constexpr: (def) =>
    def.actions.forEach((a) => {
      (a.effects ?? []).forEach((e: { add?: unknown }) => {
        if (typeof e.add === 'string') e.add = 2;
      });
      if (a.outcome) {
        a.outcome.odds = 50;
      }
    }),
  // Every stance effect twice (same stance, same label): the same modifiers, twice the stance changes.
  stancex2: (def) =>
    def.actions.forEach((a) => {
      a.effects = (a.effects ?? []).flatMap((e) => (e.stance ? [e, e] : [e]));
    }),
  // Every indicator effect twice.
  indicatorx2: (def) =>
    def.actions.forEach((a) => {
      a.effects = (a.effects ?? []).flatMap((e) => (e.indicator ? [e, e] : [e]));
    }),
};

const { values, positionals } = parseArgs({ allowPositionals: true, options: { variant: { type: 'string', default: 'full' }, ledger: { type: 'boolean' } } });
const variant = VARIANTS[values.variant!];
if (!variant) throw new Error(`unknown variant "${values.variant}"; one of: ${Object.keys(VARIANTS).join(', ')}`);
const def = JSON.parse(readFileSync('bench/comparison.json', 'utf8')) as ScenarioFile;
variant(def);
const compiled = compileScenario(def);
if (!compiled.ok) throw new Error(`variant "${values.variant}" does not compile`);
const sc = compiled.scenario;
const seats = Object.fromEntries(sc.actors.map((a) => [a.id, 'human' as const]));
const games = Number(positionals[0] ?? 100);
const options = values.ledger ? {} : BATCH_STEP;
for (let i = 0; i < games; i++) {
  if (values.variant === 'floor') playFloor(i, engineDraw(i));
  else if (values.variant === 'create') createGame(sc, { seed: `cmp-${i}`, seats });
  else playGame(sc, i, seats, options);
}
