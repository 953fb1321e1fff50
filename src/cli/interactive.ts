// Interactive play: reads a human's answers line by line (from a terminal or a pipe) and builds a turn's choices.
import { createInterface, type Interface } from 'node:readline/promises';
import {
  legalChoices,
  PASS_ID,
  previewAction,
  previewOption,
  viewFor,
  type Choice,
  type Choices,
  type GameState,
  type Scenario,
  type SeatView,
} from '../engine/index.js';
import { previewLines } from '../analysis/previewText.js';
import { actorName } from './narrate.js';
import { printActionDetails, printActionMenu, printExplanation, printIndicators, printNews, printRelations, turnHeading, type Print } from './playView.js';
import { termSafe } from './terminal.js';

/**
 * Lines from stdin, queued as they arrive. (readline's question() drops lines that arrive before it is
 * asked, which is every line when answers are piped in.) ask() resolves null once the input has ended.
 */
export class Prompter {
  private readonly rl: Interface;
  private readonly queue: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private closed = false;

  constructor(
    private readonly input: NodeJS.ReadStream,
    private readonly output: NodeJS.WriteStream,
  ) {
    const terminal = input.isTTY === true && output.isTTY === true;
    this.rl = createInterface({ input, output: terminal ? output : undefined, terminal });
    this.rl.on('line', (line) => this.deliver(line));
    this.rl.on('SIGINT', () => this.deliver('q'));
    this.rl.on('close', () => {
      this.closed = true;
      this.deliver(null);
    });
  }

  private deliver(line: string | null): void {
    const w = this.waiting;
    if (w) {
      this.waiting = null;
      w(line);
    } else if (line !== null) {
      this.queue.push(line);
    }
  }

  /** The next line (trimmed), or null when the input has ended. Echoes piped answers (a terminal echoes typed ones); both made safe. */
  async ask(text: string): Promise<string | null> {
    const prompt = termSafe(text);
    const terminal = this.input.isTTY === true && this.output.isTTY === true;
    if (terminal) {
      this.rl.setPrompt(prompt);
      this.rl.prompt();
    } else {
      this.output.write(prompt);
    }
    let line: string | null;
    const queued = this.queue.shift();
    if (queued !== undefined) line = queued;
    else if (this.closed) line = null;
    else line = await new Promise<string | null>((resolve) => (this.waiting = resolve));
    if (this.input.isTTY !== true) this.output.write(line === null ? '\n' : `${termSafe(line)}\n`);
    return line === null ? null : line.trim();
  }

  close(): void {
    this.rl.close();
  }
}

/** The user ended the session: "q" or end of input. */
export class Quit extends Error {
  constructor(readonly reason: 'quit' | 'eof') {
    super(reason === 'quit' ? 'quit' : 'input ended');
    this.name = 'Quit';
  }
}

const HELP =
  'Type a number to choose, ?N for the full description of option N, w <target> to ask why a number is what it is (e.g. w tension, w stance:a>b), q to quit.';

/** Handles the commands shared by every prompt, "why" through the asking seat's view; true when the line was one of them. */
function common(sc: Scenario, s: GameState, view: SeatView, line: string, print: Print): boolean {
  if (line === 'q' || line === 'quit') throw new Quit('quit');
  if (line === 'h' || line === 'help') {
    print(HELP);
    return true;
  }
  const w = /^w(?:hy)?\s*(.*)$/.exec(line);
  if (w) {
    const target = w[1]!.trim();
    if (target === '') print(`Targets: ${sc.keys.indicator.join(', ')} (and stance:<from>><to>, flow:<id>, flag:<id>)`);
    else {
      try {
        printExplanation(sc, s, target, print, view);
      } catch (e) {
        print((e as Error).message);
      }
    }
    return true;
  }
  return false;
}

async function askNumber(p: Prompter, prompt: string): Promise<string> {
  const line = await p.ask(prompt);
  if (line === null) throw new Quit('eof');
  return line;
}

/** Lets the user pick the role to play when no --role was given. */
export async function pickRole(sc: Scenario, p: Prompter, print: Print): Promise<string> {
  print('Choose your role:');
  sc.def.actors.forEach((a, i) => print(`  ${i + 1}) ${a.name} — ${a.biography[0]?.text ?? ''}`));
  for (;;) {
    const line = await askNumber(p, `Role 1-${sc.actors.length} (q to quit): `);
    if (line === 'q') throw new Quit('quit');
    const k = Number(line);
    if (Number.isInteger(k) && k >= 1 && k <= sc.actors.length) return sc.actors[k - 1]!.id;
    print(`Please type a number from 1 to ${sc.actors.length}.`);
  }
}

/** Shows the turn and asks every human role for its dilemma answers and action; each role sees the indicators through its own view. */
export async function askTurn(sc: Scenario, s: GameState, roles: readonly string[], p: Prompter, print: Print): Promise<Choices> {
  print('');
  print(`=== ${turnHeading(sc, s.turn)} ===`);
  printNews(sc, s, print);
  const choices: Choices = {};
  for (const role of roles) {
    const view = viewFor(sc, s, role);
    if (roles.length > 1) {
      print('');
      print(`--- ${actorName(sc, role)} ---`);
    }
    printIndicators(sc, s, print, view);
    print('');
    printRelations(sc, s, role, print);
    const legal = legalChoices(sc, s, role);
    const dilemmas: Record<string, string> = {};
    for (const d of legal.dilemmas) {
      print(`Dilemma — ${d.title}: ${d.prompt}`);
      d.options.forEach((o, i) => print(`  ${i + 1}) ${o.label}${o.description ? ` — ${o.description}` : ''}`));
      for (;;) {
        const line = await askNumber(p, `Answer 1-${d.options.length}: `);
        if (common(sc, s, view, line, print)) continue;
        const q = /^\?\s*(\d+)$/.exec(line);
        const k = Number(q ? q[1] : line);
        const o = Number.isInteger(k) ? d.options[k - 1] : undefined;
        if (o && q) {
          print(`${o.label}: ${o.description || '(no description)'}`);
          print('  What it will do:');
          for (const l of previewLines(previewOption(sc, s, role, d.event, o.id))) print(`    ${l}`);
        } else if (o) {
          dilemmas[d.event] = o.id;
          break;
        } else print(`Please type a number from 1 to ${d.options.length}. ${HELP}`);
      }
    }
    const actions = printActionMenu(sc, s, role, print);
    for (;;) {
      const line = await askNumber(p, `${actorName(sc, role)}, choose 1-${actions.length} (?N details, w <target> why, q quit): `);
      if (common(sc, s, view, line, print)) continue;
      const q = /^\?\s*(\d+)$/.exec(line);
      const k = Number(q ? q[1] : line);
      const a = Number.isInteger(k) && line !== '' ? actions[k - 1] : undefined;
      if (!a) print(`Please type a number from 1 to ${actions.length}. ${HELP}`);
      else if (q) printActionDetails(a, print, a.id === PASS_ID ? [] : previewLines(previewAction(sc, s, role, a.id)));
      else if (!a.available) print(`"${a.label}" is not available now (missing: ${a.missing.join('; ')}).`);
      else {
        const choice: Choice = Object.keys(dilemmas).length ? { action: a.id, dilemmas } : { action: a.id };
        choices[role] = choice;
        break;
      }
    }
  }
  return choices;
}
