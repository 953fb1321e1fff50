// Writes the golden replays in tests/golden/<name>.replay.json from the fixed list below. src/engine/golden.test.ts
// replays each against the current engine and scenario files, so any change in behaviour shows up as a failing test.
// Re-run only deliberately, after reviewing why the behaviour changed:  npx tsx scripts/update-golden.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileScenario, createGame, formatPath, recordReplay, scenarioSchema, step } from '../src/engine/compiler.js';
import type { Choices, GameState, Replay, Scenario, Seat } from '../src/engine/index.js';

export interface GoldenCase {
  /** The file written: tests/golden/<name>.replay.json. */
  name: string;
  /** The scenario file: scenarios/<scenario>.json. */
  scenario: string;
  seed: string;
  seats?: Record<string, Seat>;
  aiFuzz?: number;
  /**
   * For games with human seats: the human seats' choices, one entry per turn, in order. An answer to a dilemma that is
   * not pending that turn is left out before the step, so a script may name the answers it would give whenever a dilemma comes up.
   */
  script?: Choices[];
}

/** One human seat's scripted actions, one per turn, each with the same standing answers to dilemmas. */
const scripted = (actor: string, actions: string[], dilemmas: Record<string, string> = {}): Choices[] =>
  actions.map((action) => ({ [actor]: { action, dilemmas } }));

/** The fixed list. Add cases here; never edit one in place without re-running this script and reviewing the diff. */
export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: 'tutorial-golden-1', scenario: 'tutorial', seed: 'golden-1' },
  { name: 'tutorial-golden-2', scenario: 'tutorial', seed: 'golden-2' },
  { name: 'tutorial-golden-3', scenario: 'tutorial', seed: 'golden-3' },
  // A human Lowland: answers the farmers' dilemma itself; talks, a river crisis and the time limit follow.
  {
    name: 'tutorial-lowland-scripted',
    scenario: 'tutorial',
    seed: 'golden-lowland-3',
    seats: { lowland: 'human' },
    script: scripted('lowland', ['lowland_wait', 'protest', 'lowland_wait', 'protest', 'appeal_harbor', 'protest'], { farmers_march: 'close_border' }),
  },
  // A human Upland builds the dam and sells power; the AI answers the farmers' dilemma and a border clash ends it.
  {
    name: 'tutorial-upland-scripted',
    scenario: 'tutorial',
    seed: 'golden-script',
    seats: { upland: 'human' },
    script: scripted('upland', ['build_dam', 'upland_wait', 'build_dam', 'sell_power', 'upland_wait', 'build_dam']),
  },
  { name: 'party-congress-golden-1', scenario: 'party-congress', seed: 'golden-1' },
  { name: 'party-congress-golden-2', scenario: 'party-congress', seed: 'golden-2' },
];

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const scenarioFile = (scenario: string): string => `${ROOT}scenarios/${scenario}.json`;
export const goldenFile = (name: string): string => `${ROOT}tests/golden/${name}.replay.json`;

/** The scenario of a case, compiled; throws with every diagnostic when it does not compile. */
export function loadCaseScenario(c: GoldenCase): Scenario {
  const parsed = scenarioSchema.safeParse(JSON.parse(readFileSync(scenarioFile(c.scenario), 'utf8')));
  if (!parsed.success)
    throw new Error(
      `scenarios/${c.scenario}.json does not match the schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const out = compileScenario(parsed.data);
  if (!out.ok)
    throw new Error(`scenarios/${c.scenario}.json does not compile:\n${out.diagnostics.map((d) => `  ${formatPath(d.path)}: ${d.message}`).join('\n')}`);
  return out.scenario;
}

/** Plays a case to the end: AI seats by the AI, human seats by the case's script. */
export function playCase(sc: Scenario, c: GoldenCase): GameState {
  let s = createGame(sc, { seed: c.seed, seats: c.seats ?? {}, aiFuzz: c.aiFuzz ?? null });
  let t = 0;
  while (!s.over) {
    const humans = Object.keys(s.seats).filter((id) => s.seats[id] === 'human');
    const scripted = humans.length ? c.script?.[t] : {};
    if (!scripted) throw new Error(`golden case ${c.name}: the script has no choices for turn ${s.turn}`);
    const choices = pendingAnswersOnly(s, scripted);
    try {
      s = step(sc, s, choices).state;
    } catch (e) {
      throw new Error(`golden case ${c.name}: the script's choices for turn ${s.turn} are refused: ${(e as Error).message}`, { cause: e });
    }
    t++;
  }
  return s;
}

/** The script's choices with only the answers to dilemmas that are pending for each actor now (step refuses the others). */
function pendingAnswersOnly(s: GameState, scripted: Choices): Choices {
  const out: Choices = {};
  for (const [actor, choice] of Object.entries(scripted)) {
    const answers: Record<string, string> = {};
    for (const d of s.dilemmas) {
      const answer = choice.dilemmas?.[d.event];
      if (d.actor === actor && answer !== undefined) answers[d.event] = answer;
    }
    out[actor] = Object.keys(answers).length ? { action: choice.action, dilemmas: answers } : { action: choice.action };
  }
  return out;
}

/** The replay a case records now. */
export function replayOf(c: GoldenCase): Replay {
  const sc = loadCaseScenario(c);
  return recordReplay(sc, playCase(sc, c));
}

function main(): void {
  mkdirSync(fileURLToPath(new URL('../tests/golden/', import.meta.url)), { recursive: true });
  for (const c of GOLDEN_CASES) {
    const replay = replayOf(c);
    const path = goldenFile(c.name);
    const text = `${JSON.stringify(replay, null, 2)}\n`;
    const before = existsSync(path) ? readFileSync(path, 'utf8') : null;
    writeFileSync(path, text);
    const status = before === null ? 'new   ' : before === text ? 'same  ' : 'CHANGED';
    console.log(`${status} tests/golden/${c.name}.replay.json: ${replay.turns.length} turns, ending ${replay.ending}, final ${replay.finalHash.slice(0, 12)}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
