// The statecraft CLI, run as child processes against scenarios/tutorial.json.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { num } from '../../src/analysis/debrief.js';
import { verifyReplay, viewFor, type Replay } from '../../src/engine/index.js';
import { loadScenario } from '../../src/format/loadScenario.js';
import { cli, ROOT, type Ran } from './runCli.js';

const TUTORIAL = 'scenarios/tutorial.json';

let dir = '';
const tmp = (name: string) => join(dir, name);
/** A finished game's replay, recorded by `play --auto --replay-out` before the tests run. */
let replayFile = '';
let recorded: Ran;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-cli-'));
  replayFile = tmp('game.replay.json');
  recorded = await cli(['play', TUTORIAL, '--auto', '--json', '--seed', 'recorded', '--role', 'upland', '--replay-out', replayFile]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.concurrent('statecraft CLI', () => {
  test("validate scenarios/*.json, the README's first example, checks both scenarios and skips the schema file by name", async () => {
    const r = await cli(['validate', 'scenarios/party-congress.json', 'scenarios/scenario.schema.json', TUTORIAL]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'scenarios/party-congress.json: ok\nscenarios/scenario.schema.json: skipped (the JSON Schema of the scenario format, not a scenario)\nscenarios/tutorial.json: ok\n',
    );
  });

  test('validate accepts the tutorial scenario and exits 0', async () => {
    const r = await cli(['validate', TUTORIAL]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`${TUTORIAL}: ok`);
    expect(r.code).toBe(0);
  });

  test('validate rejects a broken scenario with file:line:column diagnostics and exits 1', async () => {
    const broken = tmp('broken.json');
    const text = readFileSync(join(ROOT, TUTORIAL), 'utf8')
      .replace('"when": "tension >= 80"', '"when": "tension >= "')
      .replace('"initial": 45,', '"initial": "high",');
    writeFileSync(broken, text);
    const r = await cli(['validate', TUTORIAL, broken, tmp('missing.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${TUTORIAL}: ok`);
    expect(r.stderr).toMatch(/broken\.json:\d+:\d+: error: .*\(at indicators\[0\]\.initial\)/);
    expect(r.stderr).toMatch(/broken\.json:\d+:\d+: error: /);
    expect(r.stderr).toMatch(/cannot read \S*missing\.json: no such file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('play --auto --json gives the same final hash in two separate processes; a generated seed is printed and differs', async () => {
    const [a, b, c] = await Promise.all([
      cli(['play', TUTORIAL, '--auto', '--json', '--seed', 'same']),
      cli(['play', TUTORIAL, '--auto', '--json', '--seed', 'same']),
      cli(['play', TUTORIAL, '--auto', '--json']),
    ]);
    for (const r of [a, b, c]) expect(r.code).toBe(0);
    const [ja, jb, jc] = [a, b, c].map((r) => JSON.parse(r.stdout) as { seed: string; turns: number; ending: string | null; hash: string });
    expect(ja!.seed).toBe('same');
    expect(ja!.turns).toBeGreaterThan(0);
    expect(ja!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(jb).toEqual(ja);
    expect(jc!.seed).toMatch(/^[0-9a-f]{12}$/);
    expect(jc!.hash).not.toBe(ja!.hash);
  });

  test("play --auto --json lists each role's met objectives apart from the ending's points, which add up to its score", async () => {
    const r = await cli(['play', TUTORIAL, '--auto', '--json', '--seed', 'class-7']);
    expect(r.code).toBe(0);
    type Score = { score: number; max: number; met: string[]; endingPoints?: number };
    const out = JSON.parse(r.stdout) as { ending: string; objectives: Record<string, Score> };
    const def = JSON.parse(readFileSync(join(ROOT, TUTORIAL), 'utf8')) as { actors: Array<{ id: string; objectives: Array<{ id: string; points: number }> }> };
    expect(out.ending).toBe('treaty');
    for (const actor of def.actors) {
      const o = out.objectives[actor.id]!;
      const ids = actor.objectives.map((x) => x.id);
      expect(new Set(o.met).size).toBe(o.met.length);
      for (const id of o.met) expect(ids).toContain(id);
      const points = actor.objectives.filter((x) => o.met.includes(x.id)).reduce((t, x) => t + x.points, 0);
      expect(o.endingPoints).toBeTypeOf('number');
      expect(points + o.endingPoints!).toBe(o.score);
    }
  });

  test('a --choices file drives a human role, and the AI plays turns the file leaves out', async () => {
    const choices = tmp('choices.json');
    writeFileSync(choices, JSON.stringify([{ lowland: { action: 'appeal_harbor' } }, { lowland: 'lowland_wait' }]));
    const out = tmp('choices.replay.json');
    const r = await cli(['play', TUTORIAL, '--role', 'lowland', '--choices', choices, '--seed', 'scripted', '--replay-out', out]);
    expect(r.stderr).toContain('replay written');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Lowland: Appeal to Harbor');
    expect(r.stdout).toContain('=== Ending:');
    const replay = JSON.parse(readFileSync(out, 'utf8')) as { seats: Record<string, string>; turns: Array<{ choices: Record<string, { action: string }> }> };
    expect(replay.seats.lowland).toBe('human');
    expect(replay.turns[0]!.choices.lowland!.action).toBe('appeal_harbor');
    expect(replay.turns[1]!.choices.lowland!.action).toBe('lowland_wait');
  });

  test('an illegal scripted choice is reported as one line naming the file and turn', async () => {
    const choices = tmp('illegal.json');
    writeFileSync(choices, JSON.stringify([{ lowland: 'build_dam' }]));
    const r = await cli(['play', TUTORIAL, '--role', 'lowland', '--choices', choices, '--seed', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/illegal\.json: turn 1: "build_dam" is not available to "lowland"/);
  });

  test('a replay written by play --replay-out verifies', async () => {
    expect(recorded.code).toBe(0);
    const game = JSON.parse(recorded.stdout) as { turns: number; ending: string; hash: string };
    const r = await cli(['replay', replayFile]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`verified: ${game.turns} turns, ending ${game.ending}, hash ${game.hash}`);
  });

  test('a tampered replay exits 1 and names the turn that differs', async () => {
    const replay = JSON.parse(readFileSync(replayFile, 'utf8')) as { turns: Array<{ hash: string }> };
    replay.turns[1]!.hash = '0'.repeat(64);
    const bad = tmp('tampered.json');
    writeFileSync(bad, JSON.stringify(replay));
    const r = await cli(['replay', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tampered\.json: .*turn 2/);
    expect(r.stdout).toBe('');
  });

  test('a replay is refused against a modified scenario with a clear message', async () => {
    const changed = tmp('tutorial-changed.json');
    writeFileSync(changed, readFileSync(join(ROOT, TUTORIAL), 'utf8').replace('"initial": 45,', '"initial": 46,'));
    const r = await cli(['replay', replayFile, '--scenario', changed]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the scenario "tutorial" has changed since this replay was recorded/);
  });

  test('batch --runs 40 gives identical summaries with one worker and with two, and --csv writes one row per run and turn', async () => {
    const csv = tmp('runs.csv');
    const [one, two] = await Promise.all([
      cli(['batch', TUTORIAL, '--runs', '40', '--seed', 'det', '--workers', '1', '--json']),
      cli(['batch', TUTORIAL, '--runs', '40', '--seed', 'det', '--workers', '2', '--workers-only', '--json', '--csv', csv]),
    ]);
    expect(one.stderr).toBe('');
    expect(two.stderr).toBe(`csv written to ${csv}\n`);
    const a = JSON.parse(one.stdout) as Record<string, unknown>;
    const b = JSON.parse(two.stdout) as Record<string, unknown>;
    expect(a.workers).toBe(1);
    expect(b.workers).toBe(2);
    expect(a.runs).toBe(40);
    const endings = a.endings as Record<string, number>;
    expect(Object.values(endings).reduce((t, n) => t + n, 0)).toBe(40);
    expect(Object.keys(a.indicators as object)).toEqual(['tension', 'dam', 'upland_economy', 'lowland_economy']);
    const strip = ({ seconds: _s, workers: _w, ...rest }: Record<string, unknown>) => JSON.stringify(rest);
    expect(strip(b)).toBe(strip(a));

    const lines = readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('run,seed,turn,tension,dam,upland_economy,lowland_economy');
    expect(lines.length - 1).toBe(Math.round((b.meanTurns as number) * 40));
    expect(lines[1]).toMatch(/^1,det-1,1,[-\d.]+,[-\d.]+,[-\d.]+,[-\d.]+$/);
    const runs = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(runs).toEqual([...runs].sort((x, y) => x - y));
    expect(new Set(runs).size).toBe(40);
  });

  test('report prints a Markdown debrief with the timeline, the ending and the discussion questions', async () => {
    const game = JSON.parse(recorded.stdout) as { ending: string };
    const scenario = JSON.parse(readFileSync(join(ROOT, TUTORIAL), 'utf8')) as { endings: Array<{ id: string; title: string }> };
    const title = scenario.endings.find((e) => e.id === game.ending)!.title;
    const r = await cli(['report', replayFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Debrief: Tutorial: the river dispute/);
    expect(r.stdout).toContain('- Seed: `recorded`');
    expect(r.stdout).toContain('| Upland | human |');
    expect(r.stdout).toContain('### Turn 1 · Year 1, Q1');
    expect(r.stdout).toContain('## What changed and why');
    expect(r.stdout).toContain(`## Ending: ${title}`);
    expect(r.stdout).toContain('## Discussion questions');
    expect(r.stdout).toContain('Was building the dam worth the tension it caused?');
  });

  test('schema prints the JSON Schema with "$schema"', async () => {
    const r = await cli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(schema.$schema).toContain('json-schema.org');
    expect(r.stdout).toContain('"$schema"');
  });

  test('interactive mode reads answers piped to stdin and plays to the end', async () => {
    // "1" and "3" alternate: "3" (wait and watch) is always available, "1" answers any dilemma.
    const answers = Array.from({ length: 30 }, (_, i) => (i % 2 ? '3' : '1')).join('\n');
    const r = await cli(['play', TUTORIAL, '--role', 'lowland', '--interactive', '--seed', 'piped'], `w tension\n?1\n${answers}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('=== Turn 1 of 6 · Year 1, Q1 ===');
    expect(r.stdout).toContain('Actions for Lowland:');
    expect(r.stdout).toMatch(/River tension: 45 \(tense\)/);
    expect(r.stdout).toContain('Protest at the border [protest]');
    expect(r.stdout).toContain('=== Ending:');
    expect(r.stdout).toContain('Lowland (human):');
  });

  test("play shows a human Lowland Upland's economy only as an estimate; the end, --json and report tell the truth", async () => {
    const answers = Array.from({ length: 30 }, (_, i) => (i % 2 ? '3' : '1')).join('\n');
    const out = tmp('seen.replay.json');
    const r = await cli(['play', TUTORIAL, '--role', 'lowland', '--interactive', '--seed', 'seen', '--replay-out', out], `w upland_economy\n${answers}\n`);
    expect(r.code).toBe(0);
    const sc = loadScenario(readFileSync(join(ROOT, TUTORIAL), 'utf8'), TUTORIAL);
    if (!sc.ok) throw new Error('the tutorial does not load');
    const check = verifyReplay(sc.scenario, JSON.parse(readFileSync(out, 'utf8')) as Replay);
    if (!check.ok) throw new Error(check.message);
    const final = check.state;
    const i = sc.scenario.indicatorIndex.get('upland_economy')!;
    const seen = viewFor(sc.scenario, final, 'lowland');
    const shown = r.stdout.split('\n').filter((l) => /^ {2}Upland's economy {2,}/.test(l));
    expect(shown.length).toBe(final.history.length - 1);
    shown.forEach((line, t) => {
      const reading = seen.history[t]!.indicators[i]!;
      if (reading.exact) throw new Error('Lowland should see an estimate');
      expect(line).toContain(`≈ ${num(reading.value)}  [0..100]  (estimate: ${num(reading.low)}–${num(reading.high)}, within ±5)`);
    });
    expect(r.stdout).toContain('You see only an estimate of this number');
    expect(r.stdout).not.toMatch(/Upland's economy: [\d.]+ /);
    expect(r.stdout).toContain(`the true value at the end is ${num(final.indicators[i]!)}.`);
    const [json, report] = await Promise.all([
      cli(['play', TUTORIAL, '--json', '--auto', '--seed', 'seen-json', '--role', 'lowland', '--role', 'upland']),
      cli(['report', out]),
    ]);
    const game = JSON.parse(json.stdout) as {
      indicators: Record<string, number>;
      seen: Record<string, Record<string, { value: number; low: number; high: number; error: number }>>;
    };
    expect(Object.keys(game.seen)).toEqual(['lowland']);
    const e = game.seen.lowland!.upland_economy!;
    expect(e.error).toBe(5);
    expect(Math.abs(e.value - game.indicators.upland_economy!)).toBeLessThanOrEqual(5);
    expect(report.stdout).toContain('## Numbers seen only as estimates');
    expect(report.stdout).toContain(`- **Upland's economy** *(estimated in play; true figures)*: 50 → ${num(final.indicators[i]!)}`);
  });

  test('user errors are one line on stderr with a non-zero exit, never a stack trace', async () => {
    const results = await Promise.all([
      cli(['play', tmp('nothing.json'), '--auto']),
      cli(['batch', TUTORIAL, '--no-such-option']),
      cli(['replay', join(ROOT, TUTORIAL)]),
    ]);
    for (const r of results) {
      expect(r.code).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^statecraft: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(results[0]!.stderr).toMatch(/cannot read \S+: no such file/);
    expect(results[1]!.stderr).toContain("Unknown option '--no-such-option' (see: statecraft batch --help)");
    expect(results[2]!.stderr).toContain('not a valid replay');
  });

  test('commands answer --help with their usage', async () => {
    const results = await Promise.all(['play', 'batch'].map((c) => cli([c, '--help'])));
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: statecraft /);
    }
  });
});
