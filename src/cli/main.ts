// The statecraft command line: picks the command, runs it, and turns any failure into one line on stderr.
import { EngineError } from '../engine/index.js';
import { CliError } from './args.js';
import { err, out } from './terminal.js';

const HELP = `Usage: statecraft <command> [options]

Commands:
  validate <file...>        check scenario files; every error as file:line:column
  play <scenario>           play a game (interactive at a terminal; --auto, --choices, --json for scripts)
  replay <replay>           re-play a replay file and verify every state hash
  batch <scenario> --runs N run many AI-only games over worker threads; summary, --json, --csv;
                            --balance: the balance report (adversary policies, measurements, bars)
  report <replay>           a Markdown debrief of a replay
  compare <replay...>       several groups' games side by side: endings, scores, k of N chose X (Markdown, --json, --csv)
  fork <replay> --turn N    what if: change choices at turn N, play on, compare with the original (--out writes a replay)
  serve                     the classroom server: the site, the WebSocket endpoint and the classes' SQLite file
  classroom create|export   make a class on a running server; export every table's replay after it
  bot --server URL --code C join a class and play one seat with the AI (for load tests and empty seats)
  handouts <scenario>       printable handouts (role cards, class sheet, what is invented) as HTML files
  schema                    print the scenario format's JSON Schema

Run "statecraft <command> --help" for a command's options. --debug prints stack traces.`;

type Command = (argv: string[]) => number | Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate.js')).runValidate,
  play: async () => (await import('./play.js')).runPlay,
  replay: async () => (await import('./replay.js')).runReplay,
  batch: async () => (await import('./batch.js')).runBatch,
  report: async () => (await import('./report.js')).runReport,
  schema: async () => (await import('./schema.js')).runSchema,
  compare: async () => (await import('./compare.js')).runCompare,
  fork: async () => (await import('./fork.js')).runFork,
  serve: async () => (await import('./serve.js')).runServe,
  classroom: async () => (await import('./classroom.js')).runClassroom,
  bot: async () => (await import('./bot.js')).runBot,
  handouts: async () => (await import('./handouts.js')).runHandouts,
};

/** Runs the CLI on `argv` (without node and script) and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      const topic = command === 'help' ? rest[0] : undefined;
      if (topic && COMMANDS[topic]) return await (await COMMANDS[topic]!())(['--help']);
      if (topic !== undefined) throw new CliError(`help: no command "${topic}"; commands: ${Object.keys(COMMANDS).join(', ')}`, 2);
      out(`${HELP}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      const { ENGINE_VERSION } = await import('../engine/index.js');
      out(`statecraft (engine ${ENGINE_VERSION})\n`);
      return 0;
    }
    const load = COMMANDS[command];
    if (!load) throw new CliError(`unknown command "${command}"; commands: ${Object.keys(COMMANDS).join(', ')} (see: statecraft --help)`, 2);
    return await (
      await load()
    )(rest);
  } catch (e) {
    if (e instanceof CliError || e instanceof EngineError) {
      err(`statecraft: ${e.message}\n`);
      if (debug && e.stack) err(`${e.stack}\n`);
      return e instanceof CliError ? e.code : 1;
    }
    const failure = e as Error;
    err(`statecraft: unexpected error: ${failure?.message ?? String(e)}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && failure?.stack) err(`${failure.stack}\n`);
    return 1;
  }
}

// A reader that stops early (`statecraft batch ... | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

// Anything that escapes a command (a stray callback) is still one line, with the stack only under --debug.
const lastResort = (e: unknown) => {
  const failure = e as Error;
  err(`statecraft: unexpected error: ${failure?.message ?? String(e)}\n`);
  if (process.argv.includes('--debug') && failure?.stack) err(`${failure.stack}\n`);
  process.exit(1);
};
process.on('uncaughtException', lastResort);
process.on('unhandledRejection', lastResort);

process.exitCode = await main(process.argv.slice(2));
