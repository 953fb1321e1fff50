// `statecraft fork`: a replay re-played with changed choices at one turn, played on, and compared with the original.
import { compareTimelines, forkGame, type ForkThen } from '../analysis/fork.js';
import { turnLabel } from '../analysis/debrief.js';
import { forkMarkdown } from '../analysis/forkFormat.js';
import { recordReplay, stateHash, type Choice } from '../engine/index.js';
import { CliError, flag, intOpt, listOpt, parseCommand, positionals, stringOpt } from './args.js';
import { err, out } from './terminal.js';
import { writeText } from './io.js';
import { verifyReplayFile } from './replay.js';

export const FORK_HELP = `Usage: statecraft fork <replay.json> --turn N [--choose ACTOR=ACTION ...] [--answer ACTOR=EVENT:OPTION ...]
                      [--then same|ai] [--scenario FILE] [--out FILE] [--json]

Verifies the replay, then re-plays it from its seed with the choices of turn N changed (--choose
nk=nk_icbm_test; --answer sets a dilemma answer of that turn), and plays on: --then same (default)
keeps the recorded choices wherever they are still open, the AI choosing for a seat whose recorded
choice is not; --then ai lets the AI play every seat after turn N. Each draw of the dice belongs to
its turn and to what it decides (an action's roll, an event's chance), so a later draw is the same in
both timelines wherever the same thing is rolled for. Prints the comparison (endings, scores, what
ends differently and the causes by turn) as Markdown, or as JSON with --json (it includes the fork's
final "hash"). --out FILE writes the fork as a replay that "statecraft replay" verifies.`;

function pairs(values: string[], what: string): Array<[string, string]> {
  return values.map((v) => {
    const k = v.indexOf('=');
    if (k <= 0 || k === v.length - 1) throw new CliError(`${what} takes ACTOR=VALUE, got "${v}"`, 2);
    return [v.slice(0, k), v.slice(k + 1)];
  });
}

export function runFork(argv: string[]): number {
  const p = parseCommand('fork', argv, {
    turn: { type: 'string' },
    choose: { type: 'string', multiple: true },
    answer: { type: 'string', multiple: true },
    then: { type: 'string' },
    scenario: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (flag(p, 'help')) {
    out(`${FORK_HELP}\n`);
    return 0;
  }
  const [file] = positionals('fork', p, ['replay']) as [string];
  const turn = intOpt(p, 'turn', 1, 100_000);
  if (turn === undefined) throw new CliError('fork needs --turn N, the turn whose choices change', 2);
  const then = (stringOpt(p, 'then') ?? 'same') as ForkThen;
  if (then !== 'same' && then !== 'ai') throw new CliError(`--then must be "same" or "ai", got "${String(then)}"`, 2);
  const v = verifyReplayFile(file, stringOpt(p, 'scenario'));
  const def = v.scenario.def;
  const name = (actor: string) => def.actors.find((a) => a.id === actor)?.name ?? actor;
  const label = (id: string) => def.actions.find((a) => a.id === id)?.label ?? id;
  const recorded = v.state.history.find((r) => r.turn === turn)?.choices ?? {};
  const when = `turn ${turn} (${turnLabel(v.scenario, turn)})`;
  const choose: Record<string, Partial<Choice>> = {};
  const changes: string[] = [];
  for (const [actor, action] of pairs(listOpt(p, 'choose'), '--choose')) {
    choose[actor] = { ...choose[actor], action };
    const was = recorded[actor]?.action;
    changes.push(`${when}: ${name(actor)} chooses “${label(action)}”${was ? ` instead of “${label(was)}”` : ''}`);
  }
  for (const [actor, answer] of pairs(listOpt(p, 'answer'), '--answer')) {
    const [event, option] = answer.split(':');
    if (!event || !option) throw new CliError(`--answer takes ACTOR=EVENT:OPTION, got "${actor}=${answer}"`, 2);
    choose[actor] = { ...choose[actor], dilemmas: { ...choose[actor]?.dilemmas, [event]: option } };
    const ev = def.events?.find((e) => e.id === event);
    changes.push(`${when}: ${name(actor)} answers “${ev?.title ?? event}” with “${ev?.dilemma?.options.find((o) => o.id === option)?.label ?? option}”`);
  }
  const fork = forkGame(v.scenario, v.state, { turn, choose, then });
  const cmp = compareTimelines(v.scenario, v.state, fork.state);
  const outFile = stringOpt(p, 'out');
  if (outFile) {
    writeText(outFile, `${JSON.stringify(recordReplay(v.scenario, fork.state), null, 2)}\n`);
    err(`fork replay written to ${outFile}\n`);
  }
  if (flag(p, 'json'))
    out(
      `${JSON.stringify({ turn, then, changes, ending: fork.state.ending, hash: stateHash(fork.state), replaced: fork.replaced, comparison: cmp }, null, 2)}\n`,
    );
  else out(forkMarkdown(v.scenario, cmp, fork, changes.length ? changes : [`turn ${turn}: no choice changed`]));
  return 0;
}
