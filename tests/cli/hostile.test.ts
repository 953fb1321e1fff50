// The standing hostile corpus for the CLI's edges (issue 9): decoding, bounded reads, replays, atomic writes, small items.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli, cliInterrupted, ROOT, type Ran } from './runCli.js';

const TUTORIAL = 'scenarios/tutorial.json';
const text = readFileSync(join(ROOT, TUTORIAL), 'utf8');
const TITLE_AT = text.indexOf('"title": "') + '"title": "'.length;
const TITLE_LINE = text.slice(0, TITLE_AT).split('\n').length;
const TITLE_COLUMN = TITLE_AT - text.lastIndexOf('\n', TITLE_AT - 1);

let dir = '';
const tmp = (name: string) => join(dir, name);
let replay = '';
const replayOf = () =>
  JSON.parse(readFileSync(replay, 'utf8')) as {
    seed: string;
    engineVersion: string;
    seats: Record<string, string>;
    turns: Array<{ choices: Record<string, { action: string; dilemmas?: Record<string, string> }>; indicators: number[] }>;
  };

function utf16(s: string, littleEndian: boolean): Buffer {
  const body = Buffer.from(s, 'utf16le');
  if (!littleEndian) body.swap16();
  return Buffer.concat([Buffer.from(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

/** A user error: one line on stderr (or the lines given), exit status 1 unless said, no stack trace. */
function userError(r: Ran, pattern: RegExp | string, code = 1): void {
  expect(r.stderr).not.toMatch(/\n\s+at |unexpected error|internal error/);
  if (typeof pattern === 'string') expect(r.stderr).toContain(pattern);
  else expect(r.stderr).toMatch(pattern);
  expect(r.code).toBe(code);
}

const ROOT_USER = process.getuid?.() === 0;
const noTemp = (folder: string) => expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-hostile-'));
  writeFileSync(tmp('bom.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
  writeFileSync(tmp('utf16le.json'), utf16(text, true));
  writeFileSync(tmp('utf16be.json'), utf16(text, false));
  const bytes = Buffer.from(text);
  const at = Buffer.byteLength(text.slice(0, TITLE_AT));
  for (const [name, bad] of [
    ['ff', [0xff]],
    ['c080', [0xc0, 0x80]],
    ['eda080', [0xed, 0xa0, 0x80]],
    ['cut', [0xe2, 0x82]],
  ] as const) {
    writeFileSync(tmp(`bad-${name}.json`), Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]));
  }
  writeFileSync(tmp('surrogate.json'), `${text.slice(0, TITLE_AT)}\\ud800${text.slice(TITLE_AT)}`);
  execFileSync('mkfifo', [tmp('fifo.json')]);
  writeFileSync(tmp('sparse.json'), '');
  truncateSync(tmp('sparse.json'), 1024 * 1024 * 1024);
  mkdirSync(tmp('folder.json'));
  writeFileSync(tmp('a-file'), 'x');
  if (!ROOT_USER) {
    mkdirSync(tmp('locked'));
    chmodSync(tmp('locked'), 0o555);
  }
  replay = tmp('game.replay.json');
  const r = await cli(['play', TUTORIAL, '--auto', '--json', '--seed', 'hostile', '--role', 'upland', '--replay-out', replay]);
  if (r.code !== 0) throw new Error(r.stderr);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.concurrent('decoding is the same in every command', () => {
  test.each(['bom', 'utf16le', 'utf16be'])('validate accepts the tutorial saved as %s', async (name) => {
    const r = await cli(['validate', tmp(`${name}.json`)]);
    expect(r.stdout).toContain(': ok');
    expect(r.code).toBe(0);
  });

  test.each(['bom', 'utf16le'])('play --auto gives the same game from the %s file as from the plain one', async (name) => {
    const [plain, other] = await Promise.all([
      cli(['play', TUTORIAL, '--auto', '--json', '--seed', 'd']),
      cli(['play', tmp(`${name}.json`), '--auto', '--json', '--seed', 'd']),
    ]);
    expect(other.code).toBe(0);
    expect(JSON.parse(other.stdout)).toEqual(JSON.parse(plain.stdout));
  });

  test.each([
    ['bom', '1'],
    ['bom', '2'],
    ['utf16le', '2'],
    ['utf16be', '1'],
  ])('batch reads the %s file with %s worker(s), every run in the workers', async (name, workers) => {
    const args = (file: string) => ['batch', file, '--runs', '12', '--workers', workers, '--workers-only', '--json'];
    const [plain, other] = await Promise.all([cli(args(TUTORIAL)), cli(args(tmp(`${name}.json`)))]);
    expect(other.stderr).toBe('');
    expect(other.code).toBe(0);
    const strip = (s: string) => ({ ...(JSON.parse(s) as object), seconds: 0 });
    expect(strip(other.stdout)).toEqual(strip(plain.stdout));
  });

  test.each(['replay', 'report'])('%s verifies against the scenario saved with a BOM', async (command) => {
    const r = await cli([command, replay, '--scenario', tmp('bom.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  test.each([
    ['ff', 'FF (byte', 'a byte that never appears in UTF-8'],
    ['c080', 'C0 (byte', 'an overlong encoding'],
    ['eda080', 'ED A0 (byte', 'a UTF-16 surrogate'],
    ['cut', 'E2 82 (byte', 'a character cut short'],
  ])('invalid UTF-8 (%s) is an error at file:line:column', async (name, bytes, why) => {
    const file = tmp(`bad-${name}.json`);
    const r = await cli(['validate', file]);
    userError(r, `${file}:${TITLE_LINE}:${TITLE_COLUMN}: error: invalid UTF-8: ${bytes}`);
    expect(r.stderr).toContain(why);
  });

  test.each(['play', 'batch'])('%s refuses invalid UTF-8 the same way', async (command) => {
    const file = tmp('bad-ff.json');
    const r = await cli(command === 'play' ? ['play', file, '--auto'] : ['batch', file, '--runs', '2', '--workers', '2']);
    userError(r, `${file}:${TITLE_LINE}:${TITLE_COLUMN}: error: invalid UTF-8: FF`);
  });

  test('an escaped unpaired surrogate is an error at its string, with its path', async () => {
    const file = tmp('surrogate.json');
    const r = await cli(['validate', file]);
    userError(
      r,
      `${file}:${TITLE_LINE}:${TITLE_COLUMN}: error: this string holds an unpaired surrogate (\\uD800), which is not a character; remove it or complete the pair (at title)`,
    );
  });
});

describe.concurrent('reads are bounded and refuse what is not a regular file', () => {
  test.each([
    ['/dev/zero', () => '/dev/zero', 'is a device, not a regular file'],
    ['a FIFO with no writer', () => tmp('fifo.json'), 'is a pipe (FIFO), not a regular file'],
    ['a 1 GB sparse file', () => tmp('sparse.json'), 'the file is 1024 MB; files read are limited to 5 MB'],
    ['a directory', () => tmp('folder.json'), 'is a directory, not a file'],
  ])('validate refuses %s at once', async (_name, file, why) => {
    const r = await cli(['validate', file()]);
    userError(r, `cannot read ${file()}: ${why}`);
  });

  test.each([
    ['replay', () => ['replay', tmp('fifo.json')], 'is a pipe (FIFO)'],
    ['play --choices', () => ['play', TUTORIAL, '--role', 'lowland', '--choices', '/dev/zero'], 'is a device'],
    ['report', () => ['report', tmp('folder.json')], 'is a directory'],
    ['replay --scenario', () => ['replay', replay, '--scenario', tmp('sparse.json')], 'the file is 1024 MB'],
  ])('%s refuses them too', async (_name, args, why) => {
    userError(await cli(args()), why);
  });
});

describe.concurrent('every recorded field of a replay is checked', () => {
  const tampered = (name: string, edit: (r: ReturnType<typeof replayOf>) => void) => {
    const r = replayOf();
    edit(r);
    writeFileSync(tmp(name), JSON.stringify(r, null, 2));
    return tmp(name);
  };

  test.each(['9.9.9', '0.0.1', ''])('a replay from engine "%s" is said to be from another engine version', async (version) => {
    const file = tampered(`engine-${version}.json`, (r) => (r.engineVersion = version));
    const r = await cli(['replay', file]);
    userError(r, `replay does not verify against ${join(ROOT, TUTORIAL)}: this replay was recorded with engine ${version || '(none given)'}; this is engine`);
    expect(r.stdout).toBe('');
  });

  test.each(['replay', 'report'])('%s names the turn and indicator of a changed recorded value', async (command) => {
    const file = tampered(`indicator-${command}.json`, (r) => (r.turns[1]!.indicators[0]! += 1));
    const r = await cli([command, file]);
    userError(r, /: the recorded indicators of turn 2 differ from the replayed ones: .* \(tension\) is recorded as /);
    expect(r.stdout).toBe('');
  });

  test('recorded indicators of the wrong count are refused', async () => {
    const file = tampered('count.json', (r) => r.turns[0]!.indicators.pop());
    userError(
      await cli(['replay', file]),
      /the recorded indicators of turn 1 differ from the replayed ones: \d+ values are recorded; the scenario has \d+ indicators/,
    );
  });

  test('a 2,000,000-number indicators array is refused quickly', async () => {
    const r = replayOf();
    const body = JSON.stringify(r).replace(/"indicators":\[[^\]]*\]/, `"indicators":[${new Array(2_000_000).fill('0').join(',')}]`);
    writeFileSync(tmp('huge.json'), body);
    const started = performance.now();
    const ran = await cli(['replay', tmp('huge.json')]);
    expect(performance.now() - started).toBeLessThan(30_000);
    userError(ran, /huge\.json:1:\d+: error: the file holds more than 100000 values/);
  });

  test.each([
    [
      'dup',
      (t: string) => t.replace('"seed": "hostile",', '"seed": "hostile",\n  "seed": "other",'),
      /dup\.json:\d+:3: error: duplicate property "seed" \(first given at line \d+, column 3\).* \(at seed\)/,
    ],
    [
      'proto-seats',
      (t: string) => t.replace('"seats": {', '"seats": {\n    "__proto__": "human",'),
      /\d+:5: error: "__proto__" cannot be used as a property name \(at seats.__proto__\)/,
    ],
    [
      'proto-choices',
      (t: string) => t.replace('"choices": {', '"choices": { "__proto__": { "action": "x" },'),
      /error: "__proto__" cannot be used as a property name \(at turns\[0\]\.choices\.__proto__\)/,
    ],
    [
      'surrogate-seed',
      (t: string) => t.replace('"seed": "hostile"', '"seed": "\\udc00"'),
      /error: this string holds an unpaired surrogate \(\\uDC00\).* \(at seed\)/,
    ],
  ])('a replay with %s is refused with a reason and its place', async (name, edit, pattern) => {
    const file = tmp(`${name}.json`);
    writeFileSync(file, edit(readFileSync(replay, 'utf8')));
    userError(await cli(['replay', file]), pattern);
  });

  test('an answer to a dilemma that was not pending is refused', async () => {
    const file = tampered('dilemma.json', (r) => (r.turns[0]!.choices.upland!.dilemmas = { nosuch_event: 'yes' }));
    userError(
      await cli(['replay', file]),
      'turn 1: the recorded choices are not legal: "upland" answers the dilemma "nosuch_event", which is not put to it this turn',
    );
  });
});

describe.concurrent('writes are atomic', () => {
  test.each([
    ['batch --csv', ['batch', TUTORIAL, '--runs', '20', '--csv', '/dev/full']],
    ['play --replay-out', ['play', TUTORIAL, '--auto', '--seed', 'w', '--replay-out', '/dev/full']],
    ['report --out', ['report', 'REPLAY', '--out', '/dev/full']],
    ['schema --out', ['schema', '--out', '/dev/full']],
  ])('%s on a full device says "cannot write F: reason"', async (_name, args) => {
    userError(await cli(args.map((a) => (a === 'REPLAY' ? replay : a))), /^statecraft: cannot write \/dev\/full: no space left on the device\n$/);
  });

  test.each([
    ['a missing folder', () => tmp('nofolder/runs.csv'), () => `the folder ${tmp('nofolder')} does not exist`],
    ['a parent that is a file', () => tmp('a-file/runs.csv'), () => `${tmp('a-file')} is not a folder`],
    // root may write any folder, so there the case uses /sys, which refuses new files even to root.
    ['a folder it may not write', () => (ROOT_USER ? '/sys/runs.csv' : tmp('locked/runs.csv')), () => 'permission denied'],
  ])('batch --csv into %s fails cleanly', async (_name, file, why) => {
    userError(await cli(['batch', TUTORIAL, '--runs', '5', '--csv', file()]), `cannot write ${file()}: ${why()}`);
    noTemp(dir);
  });

  test('a failed report leaves an earlier file untouched and no temporary file', async () => {
    const folder = mkdtempSync(join(dir, 'kept-'));
    writeFileSync(join(folder, 'kept.md'), 'earlier\n');
    userError(await cli(['report', tmp('folder.json'), '--out', join(folder, 'kept.md')]), 'is a directory');
    expect(readdirSync(folder)).toEqual(['kept.md']);
    expect(readFileSync(join(folder, 'kept.md'), 'utf8')).toBe('earlier\n');
  });

  test('two batches writing one CSV leave one whole file from one of them', async () => {
    // Its own folder, so the other tests never see its temporary files while it runs.
    const folder = mkdtempSync(join(dir, 'shared-'));
    const out = join(folder, 'shared.csv');
    const [a, b] = await Promise.all(['a', 'b'].map((seed) => cli(['batch', TUTORIAL, '--runs', '300', '--seed', seed, '--workers', '1', '--csv', out])));
    expect([a!.code, b!.code]).toEqual([0, 0]);
    const rows = readFileSync(out, 'utf8').trimEnd().split('\n').slice(1);
    const seeds = new Set(rows.map((r) => r.split(',')[1]!.replace(/-\d+$/, '')));
    expect(seeds.size).toBe(1);
    expect(new Set(rows.map((r) => r.split(',')[0])).size).toBe(300);
    expect(readdirSync(folder)).toEqual(['shared.csv']);
  });
});

describe('an interrupted batch says so, exits 128 + signal and leaves no CSV', () => {
  test.each([
    ['SIGINT', 130, '1'],
    ['SIGTERM', 143, '1'],
    ['SIGINT', 130, '2'],
    ['SIGTERM', 143, '2'],
  ] as const)('%s (exit %s) with %s worker(s)', async (signal, code, workers) => {
    const folder = mkdtempSync(join(dir, 'interrupt-'));
    const out = join(folder, 'runs.csv');
    const r = await cliInterrupted(
      ['batch', 'scenarios/party-congress.json', '--runs', '1000000', '--workers', workers, '--csv', out],
      signal,
      () => readdirSync(folder).length > 0,
    );
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(`statecraft: interrupted by ${signal}\n`);
    expect(r.stderr).toMatch(/statecraft: batch stopped after \d+ of 1000000 runs\n/);
    expect(r.stderr).toContain(`statecraft: ${out} was not written\n`);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe.concurrent('small items', () => {
  test('help for a command that does not exist exits 2 with the list of commands', async () => {
    userError(await cli(['help', 'nosuch']), 'statecraft: help: no command "nosuch"; commands: validate, play, replay, batch, report, schema', 2);
  });

  test.each(['0x1', '1e-1', 'Infinity', ' 0.5', '0b1', ''])('--fuzz "%s" is refused: only plain decimal numbers', async (fuzz) => {
    userError(await cli(['play', TUTORIAL, '--auto', '--fuzz', fuzz]), `--fuzz must be a plain decimal number from 0 to 1, not "${fuzz}"`, 2);
  });

  test('--fuzz .5 and 0.25 are plain decimals and accepted', async () => {
    const [a, b] = await Promise.all([
      cli(['play', TUTORIAL, '--auto', '--json', '--fuzz', '.5']),
      cli(['batch', TUTORIAL, '--runs', '2', '--fuzz', '0.25', '--json']),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
  });

  test('a 200-emoji seed is 200 characters: it plays, and its replay verifies', async () => {
    const seed = '\u{1F600}'.repeat(200);
    const out = tmp('emoji.replay.json');
    const r = await cli(['play', TUTORIAL, '--auto', '--json', '--seed', seed, '--replay-out', out]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { seed: string }).seed).toBe(seed);
    const v = await cli(['replay', out]);
    expect(v.stdout).toMatch(/^verified: /);
  });

  test.each([
    ['play', 201, 200, ['--auto']],
    ['batch', 181, 180, ['--runs', '1']],
  ] as const)('%s refuses a seed of %s emoji, counting characters', async (command, n, max, rest) => {
    const r = await cli([command, TUTORIAL, ...rest, '--seed', '\u{1F600}'.repeat(n)]);
    userError(r, `--seed: a seed must be 1 to ${max} characters (this one has ${n})`, 2);
  });
});
