// `statecraft play`: one game, interactive at a terminal or scripted (--auto, --choices), optionally as JSON.
import { randomBytes } from 'node:crypto';
import {
  chooseAi,
  chooseDilemmaOption,
  createGame,
  EngineError,
  recordReplay,
  scoreObjectives,
  stateHash,
  step,
  viewFor,
  type AiDecision,
  type Choice,
  type Choices,
  type GameState,
  type Scenario,
  type Seat,
} from '../engine/index.js';
import { CliError, flag, listOpt, numberOpt, parseCommand, positionals, seedOpt, stringOpt } from './args.js';
import { askTurn, pickRole, Prompter, Quit } from './interactive.js';
import { loadScenarioFile, readJson, writeText } from './io.js';
import { printEnd, printNews, printTurnReport, stdoutPrint, turnHeading, type Print } from './playView.js';
import { err, out } from './terminal.js';

export const PLAY_HELP = `Usage: statecraft play <scenario.json> [options]

Plays one game. At a terminal you play the --role seats and the AI plays the rest; with --auto or
--choices the game runs by itself.

Options:
  --seed S           the game's seed (default: a fresh random one, printed so the game can be repeated)
  --role ACTOR       a human seat (repeatable, or comma-separated); at a terminal without --role you pick one
  --auto             the AI plays every seat, the --role seats included
  --choices FILE     scripted choices, one object per turn: [{"<actor>": {"action": "...", "dilemmas": {"<event>": "<option>"}}}, ...]
                     ("<actor>": "<action>" is short for {"action": "<action>"}); seats missing from a turn are played by the AI
  --interactive      ask for choices on stdin even when it is not a terminal (answers piped in, one per line)
  --replay-out FILE  write the replay (seed, seats, choices, state hashes) to FILE
  --json             print one JSON object: {seed, scenario, turns, ending, hash, objectives, indicators, seen}
                     (no questions asked: human seats without scripted choices are played by the AI);
                     indicators are the true values, seen what each human seat last read of the numbers
                     it sees only as estimates: {"<role>": {"<indicator>": {value, low, high, error}}}
  --fuzz X           every AI's fuzz from 0 (sharpest) to 1 (erratic), instead of each actor's own
  --debug            print stack traces of unexpected errors

At the prompt: a number chooses, ?N shows option N in full, w <target> explains a number
(w tension, w indicator:tension, w stance:a>b), q quits.`;

type Scripted = Array<Record<string, Choice>>;

/** Reads a choices file: an array with one object per turn mapping actor ids to choices. */
function readChoices(file: string, sc: Scenario): Scripted {
  const value = readJson(file, 'a choices file');
  if (!Array.isArray(value)) throw new CliError(`${file}: a choices file is an array with one object per turn`);
  return value.map((turn: unknown, i) => {
    const where = `${file}: turn ${i + 1}`;
    if (typeof turn !== 'object' || turn === null || Array.isArray(turn)) throw new CliError(`${where}: expected an object mapping actor ids to choices`);
    const out: Record<string, Choice> = {};
    for (const [actor, c] of Object.entries(turn as Record<string, unknown>)) {
      if (!sc.actorIndex.has(actor)) throw new CliError(`${where}: unknown actor "${actor}"; actors: ${[...sc.actorIndex.keys()].join(', ')}`);
      if (typeof c === 'string') out[actor] = { action: c };
      else if (typeof c === 'object' && c !== null && typeof (c as { action?: unknown }).action === 'string') {
        const d = (c as { dilemmas?: unknown }).dilemmas;
        if (d !== undefined && (typeof d !== 'object' || d === null || Object.values(d).some((v) => typeof v !== 'string')))
          throw new CliError(`${where}: "${actor}".dilemmas must map event ids to option ids`);
        out[actor] = d === undefined ? { action: (c as Choice).action } : { action: (c as Choice).action, dilemmas: d as Record<string, string> };
      } else throw new CliError(`${where}: the choice of "${actor}" must be {"action": "<id>"} or "<id>"`);
    }
    return out;
  });
}

/** Fills the choices of human seats nobody answered for with the AI's, as --auto and --choices promise; their decisions go to `decided`. */
function fillHumans(sc: Scenario, s: GameState, given: Choices, decided: Record<string, AiDecision>): Choices {
  const out: Choices = { ...given };
  for (const a of sc.actors) {
    if (s.seats[a.id] !== 'human') continue;
    let c = given[a.id];
    if (!c) {
      const d = chooseAi(sc, s, a.id);
      decided[a.id] = d;
      c = { action: d.action };
    }
    const pending = s.dilemmas.filter((d) => d.actor === a.id);
    if (pending.length) {
      const dilemmas: Record<string, string> = { ...c.dilemmas };
      for (const d of pending) dilemmas[d.event] ??= chooseDilemmaOption(sc, s, a.id, d.event);
      out[a.id] = { action: c.action, dilemmas };
    } else out[a.id] = c;
  }
  return out;
}

export async function runPlay(argv: string[]): Promise<number> {
  const p = parseCommand('play', argv, {
    seed: { type: 'string' },
    role: { type: 'string', multiple: true },
    auto: { type: 'boolean' },
    choices: { type: 'string' },
    interactive: { type: 'boolean' },
    'replay-out': { type: 'string' },
    json: { type: 'boolean' },
    fuzz: { type: 'string' },
  });
  if (flag(p, 'help')) {
    stdoutPrint(PLAY_HELP);
    return 0;
  }
  const [file] = positionals('play', p, ['scenario']) as [string];
  const json = flag(p, 'json');
  const auto = flag(p, 'auto');
  const choicesFile = stringOpt(p, 'choices');
  if (auto && choicesFile) throw new CliError('play: use either --auto or --choices, not both', 2);
  const fuzz = numberOpt(p, 'fuzz', 0, 1) ?? null;
  const seedGiven = seedOpt(p);
  const seed = seedGiven ?? randomBytes(6).toString('hex');
  const { scenario: sc } = loadScenarioFile(file);
  const roles = [...new Set(listOpt(p, 'role'))];
  for (const r of roles) if (!sc.actorIndex.has(r)) throw new CliError(`play: unknown role "${r}"; roles: ${[...sc.actorIndex.keys()].join(', ')}`, 2);
  const scripted = choicesFile ? readChoices(choicesFile, sc) : null;
  const interactive = !auto && !scripted && !json && (flag(p, 'interactive') || process.stdin.isTTY === true);
  if (!interactive && !auto && !scripted && !json && roles.length) {
    throw new CliError(
      'play: stdin is not a terminal, so nobody can answer for the --role seats; add --interactive to read answers from stdin, --auto, or --choices FILE',
      2,
    );
  }
  const print: Print = json ? () => {} : stdoutPrint;
  const prompter = interactive ? new Prompter(process.stdin, process.stdout) : null;
  let state: GameState | null = null;
  try {
    print(`${sc.def.title}`);
    print(`Seed: ${seed}${seedGiven === undefined ? ` (repeat this game with --seed ${seed})` : ''}`);
    if (prompter && !roles.length) roles.push(await pickRole(sc, prompter, print));
    const seats: Record<string, Seat> = Object.fromEntries(roles.map((r) => [r, 'human' as const]));
    state = createGame(sc, { seed, seats, aiFuzz: fuzz });
    print(
      `Roles: ${sc.actors.map((a) => `${a.id} (${seats[a.id] === 'human' ? (interactive ? 'you' : scripted ? 'human, scripted' : 'human seat, played by the AI') : 'AI'})`).join(', ')}`,
    );
    let turnIndex = 0;
    while (!state.over) {
      let given: Choices = {};
      if (prompter) given = await askTurn(sc, state, roles, prompter, print);
      else {
        print('');
        print(`=== ${turnHeading(sc, state.turn)} ===`);
        printNews(sc, state, print);
        given = scripted?.[turnIndex] ?? {};
      }
      // The AI's decisions: for human seats it plays (--auto, --choices gaps) from fillHumans, for AI seats from the step.
      let decided: Record<string, AiDecision> = {};
      const before: GameState = state;
      try {
        const r = step(sc, before, fillHumans(sc, before, given, decided));
        state = r.state;
        decided = { ...decided, ...r.decisions };
      } catch (e) {
        if (e instanceof EngineError && choicesFile) throw new CliError(`${choicesFile}: turn ${turnIndex + 1}: ${e.message}`);
        throw e;
      }
      turnIndex++;
      if (!json) {
        print('');
        printTurnReport(sc, state, decided, print);
      }
    }
    if (scripted && scripted.length > turnIndex) err(`warning: ${choicesFile} has ${scripted.length} turns; the game ended after ${turnIndex}\n`);
  } catch (e) {
    if (!(e instanceof Quit)) throw e;
    out(`\n${e.reason === 'quit' ? 'Quit' : 'Input ended'} at turn ${state?.turn ?? 1}. Seed: ${seed}\n`);
    if (state) writeReplayOut(sc, state, stringOpt(p, 'replay-out'));
    if (e.reason === 'eof') err('play: stdin ended before the game did\n');
    return e.reason === 'quit' ? 0 : 1;
  } finally {
    prompter?.close();
  }
  writeReplayOut(sc, state, stringOpt(p, 'replay-out'));
  if (json) {
    // `met` names objectives only; the ending's share of the score is its own field (an ending may share an objective's id).
    const objectives = Object.fromEntries(
      scoreObjectives(sc, state).map((o) => {
        const ending = o.objectives.find((x) => x.kind === 'ending');
        const met = o.objectives.filter((x) => x.kind === 'objective' && x.met).map((x) => x.id);
        return [o.actor, ending ? { score: o.score, max: o.max, met, endingPoints: ending.earned } : { score: o.score, max: o.max, met }];
      }),
    );
    const indicators = Object.fromEntries(sc.indicators.map((ind, i) => [ind.id, state.indicators[i]!]));
    const result = {
      seed,
      scenario: sc.def.id,
      turns: state.history.length - 1,
      ending: state.ending,
      hash: stateHash(state),
      objectives,
      indicators,
      seen: seenAtEnd(sc, state),
    };
    out(`${JSON.stringify(result)}\n`);
  } else {
    print('');
    printEnd(sc, state, print);
  }
  return 0;
}

/** What each human seat last saw of the indicators it sees only as estimates (everything else it saw exactly as in "indicators"). */
function seenAtEnd(sc: Scenario, state: GameState): Record<string, Record<string, { value: number; low: number; high: number; error: number }>> {
  const out: Record<string, Record<string, { value: number; low: number; high: number; error: number }>> = {};
  for (const a of sc.actors) {
    if (state.seats[a.id] !== 'human') continue;
    const seen: Record<string, { value: number; low: number; high: number; error: number }> = {};
    viewFor(sc, state, a.id).indicators.forEach((r, i) => {
      if (!r.exact) seen[sc.indicators[i]!.id] = { value: r.value, low: r.low, high: r.high, error: r.error };
    });
    if (Object.keys(seen).length) out[a.id] = seen;
  }
  return out;
}

function writeReplayOut(sc: Scenario, state: GameState, file: string | undefined): void {
  if (!file) return;
  writeText(file, `${JSON.stringify(recordReplay(sc, state), null, 2)}\n`);
  err(`replay written to ${file}\n`);
}
