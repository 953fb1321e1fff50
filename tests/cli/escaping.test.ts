// The standing hostile corpus for what the CLI writes (issue 9): scenario text and seeds that try to inject HTML, links, Markdown structure, spreadsheet formulas and terminal escapes, run through every command.
import { parse as parseCsv } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli, ROOT, type Ran } from './runCli.js';

const ESC = '\u001b';
/** Terminal escapes: colour, window title (OSC ... BEL), clear screen, a bidi override, DEL and a C1 CSI. */
const TITLE = `Hostile ${ESC}[31mred${ESC}]0;pwned\u0007${ESC}[2J \u202eevil\u202c\u007f\u009b`;
const HTML = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '<a href="data:text/html,x">d</a>',
  '<javascript:alert(1)>',
];
const QUESTION = 'Why did it happen?\n# heading\n- item\n> quote\n```\n---';
const ACTOR = 'Upland | forged | cells';
/** Passed as --seed=S, so that one starting with - is a value. */
const SEEDS = ['`a``b`', '=HYPERLINK("http://x")', '@SUM(1)', '-1+2', '+1', `${ESC}[2Jseed`, '\u202eseed'];
/** Raw characters that must not reach a terminal (line feed and tab are fine). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let dir = '';
const tmp = (name: string) => join(dir, name);
let scenario = '';
let unknownKey = '';
/** Every output a case produced, for the tally: [case, clean]. */
const tally: Array<[string, boolean]> = [];

/** Records the case and asserts that nothing raw reached stdout or stderr. */
function terminalClean(name: string, r: Ran): void {
  const clean = !RAW.test(r.stdout) && !RAW.test(r.stderr);
  tally.push([name, clean]);
  expect(r.stdout).not.toMatch(RAW);
  expect(r.stderr).not.toMatch(RAW);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-hostile-'));
  const def = JSON.parse(readFileSync(join(ROOT, 'scenarios/tutorial.json'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  def.id = 'hostile';
  def.title = TITLE;
  def.summary = HTML.join(' ');
  def.actors[0].name = ACTOR;
  def.instructor.discussionQuestions = [QUESTION, ...HTML];
  def.instructor.learningObjectives = ['- [ ] not a task', '1. not a list', '[ref]: javascript:alert(1)'];
  def.events[0].title = `${ESC}[2JOpening`;
  def.events[0].text = `${HTML[1]} ${TITLE}`;
  for (const e of def.endings) e.text = `${HTML[0]}\n# Forged ending heading\n${TITLE}`;
  scenario = tmp('hostile.json');
  writeFileSync(scenario, JSON.stringify(def, null, 2));
  unknownKey = tmp('unknown-key.json');
  writeFileSync(unknownKey, JSON.stringify({ ...def, [`${ESC}[31mevil\u202e`]: 1 }, null, 2));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  const clean = tally.filter(([, ok]) => ok).length;
  process.stdout.write(`hostile corpus (CLI): ${tally.length} cases tried, ${clean} clean\n`);
});

const reader = new MarkdownIt({ html: true, linkify: true });
reader.validateLink = () => true;
type Token = ReturnType<typeof reader.parse>[number];
const flat = (tokens: Token[]) => tokens.flatMap((t) => [t, ...(t.children ?? [])]);

describe.concurrent('the hostile corpus through the CLI', () => {
  test('validate shows an unknown property name with escapes as text, and a hostile but valid scenario as ok', async () => {
    const [ok, bad] = await Promise.all([cli(['validate', scenario]), cli(['validate', unknownKey])]);
    terminalClean('validate: valid hostile scenario', ok);
    terminalClean('validate: unknown property name with ESC and U+202E', bad);
    expect(ok.code).toBe(0);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('\\u001b[31mevil\\u202e');
  });

  test('play prints the title, events and endings with their escapes shown, never raw', async () => {
    const r = await cli(['play', scenario, '--auto', '--seed', 'hostile']);
    terminalClean('play --auto: title, event and ending text with ESC/OSC/BEL/CSI/bidi', r);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hostile \\u001b[31mred\\u001b]0;pwned\\u0007\\u001b[2J \\u202eevil\\u202c\\u007f\\u009b');
  });

  test('interactive play shows prompts and echoed answers safely', async () => {
    const r = await cli(['play', scenario, '--role', 'upland', '--interactive', '--seed', 'hostile'], `${ESC}[2J\nq\n`);
    terminalClean('play --interactive: prompt with a hostile actor name, echoed ESC answer', r);
    expect(r.stdout).toContain('\\u001b[2J');
  });

  test.each(SEEDS)('a seed %j is echoed safely by play and kept exactly in its JSON and replay', async (seed) => {
    const out = tmp(`seed-${SEEDS.indexOf(seed)}.replay.json`);
    const [text, json] = await Promise.all([
      cli(['play', scenario, '--auto', `--seed=${seed}`]),
      cli(['play', scenario, '--auto', '--json', `--seed=${seed}`, '--replay-out', out]),
    ]);
    terminalClean(`play --seed ${JSON.stringify(seed)}`, text);
    terminalClean(`play --json --seed ${JSON.stringify(seed)}`, json);
    expect((JSON.parse(json.stdout) as { seed: string }).seed).toBe(seed);
    const replayed = await cli(['replay', out, '--scenario', scenario]);
    terminalClean(`replay of seed ${JSON.stringify(seed)}`, replayed);
    expect(replayed.code).toBe(0);
  });

  test('report writes a debrief with no HTML, no links and no structure from scenario text or seed', async () => {
    const seed = '`a``b` <b>x</b>';
    const out = tmp('report.replay.json');
    await cli(['play', scenario, '--auto', '--seed', seed, '--replay-out', out]);
    const r = await cli(['report', out, '--scenario', scenario]);
    terminalClean('report to the terminal', r);
    expect(r.code).toBe(0);
    const tokens = reader.parse(r.stdout, {});
    const all = flat(tokens);
    const cases: Array<[string, boolean]> = [
      ['report: no raw HTML (img onerror, script, a href)', !all.some((t) => t.type.startsWith('html'))],
      ['report: no link or image of any scheme', !all.some((t) => t.type === 'link_open' || t.type === 'image')],
      ['report: no code block or fence from text', !all.some((t) => t.type === 'fence' || t.type === 'code_block')],
      ['report: no block quote or rule from text', !all.some((t) => t.type === 'blockquote_open' || t.type === 'hr')],
      [
        "report: headings are only the debrief's own",
        tokens
          .filter((t) => t.type === 'inline' && tokens[tokens.indexOf(t) - 1]?.type === 'heading_open')
          .every((t) =>
            /^(Debrief: |Roles$|Learning objectives$|Timeline$|Turn \d+ · |What changed and why$|Numbers seen|Leverage at work$|Ending: |Objectives$|Discussion questions$|Class plan$|Glossary$|Reflect$|.+ \((human|AI)\)(: \d+ of \d+ points)?$)/.test(
              t.content,
            ),
          ),
      ],
      [
        'report: the forged headings are text',
        !tokens.some(
          (t) => t.type === 'inline' && tokens[tokens.indexOf(t) - 1]?.type === 'heading_open' && /^(heading|Forged ending heading)$/.test(t.content),
        ),
      ],
      ['report: the roles table has one row per actor, two cells each', rolesTable(tokens)],
      ['report: the seed reads back exactly as a code span', all.some((t) => t.type === 'code_inline' && t.content === seed)],
      ['report: the discussion questions are one ordered list of one item each', questionsList(tokens)],
      ['report: the learning objectives are plain list items, no tasks or nested lists', !all.some((t) => t.type === 'ordered_list_open' && t.level > 0)],
    ];
    for (const c of cases) tally.push(c);
    expect(cases.filter(([, ok]) => !ok).map(([name]) => name)).toEqual([]);
    expect(reader.render(r.stdout)).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('batch --csv defuses every formula seed and keeps numbers as numbers', async () => {
    const results = await Promise.all(
      SEEDS.slice(1, 5).map(async (seed, i) => {
        const csv = tmp(`batch-${i}.csv`);
        const r = await cli(['batch', scenario, '--runs', '3', '--workers', '1', `--seed=${seed}`, '--csv', csv]);
        terminalClean(`batch --seed ${JSON.stringify(seed)}`, r);
        return { seed, rows: parseCsv(readFileSync(csv, 'utf8'), { record_delimiter: '\r\n', relax_quotes: false }) as string[][] };
      }),
    );
    for (const { seed, rows } of results) {
      const body = rows.slice(1);
      const ok =
        body.every((row) => row[1] === `'${seed}-${row[0]}` && row.slice(2).every((v) => /^-?\d+(\.\d+)?(e[-+]\d+)?$/.test(v))) &&
        rows.flat().every((v) => !/^[=+\-@\t\r]/.test(v) || /^-?\d/.test(v));
      tally.push([`batch --csv with seed ${JSON.stringify(seed)}`, ok]);
      expect(ok).toBe(true);
    }
  });

  test('error messages echo paths, roles and seeds safely', async () => {
    const runs = await Promise.all([
      cli(['validate', tmp(`missing${ESC}[2J.json`)]),
      cli(['play', scenario, '--auto', '--role', `${ESC}]0;x\u0007`]),
      cli(['replay', tmp(`gone\u202e.json`)]),
      cli(['report', tmp(`gone${ESC}[31m.json`)]),
      cli(['batch', tmp(`gone\u009b.json`), '--runs', '1']),
      cli(['play', scenario, '--auto', '--seed', `${'x'.repeat(201)}${ESC}`]),
      cli([`${ESC}[2Jnosuch`]),
    ]);
    runs.forEach((r, i) => {
      terminalClean(`error message ${i + 1} echoing a hostile path, role, seed or command`, r);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/^statecraft: |cannot read/m);
    });
    expect(runs[0]!.stderr).toContain('missing\\u001b[2J.json');
    expect(runs[1]!.stderr).toContain('\\u001b]0;x\\u0007');
  });
});

/** The Roles table: a header and one row per actor, each with two cells, the forged name whole in one cell. */
function rolesTable(tokens: Token[]): boolean {
  const start = tokens.findIndex((t) => t.type === 'table_open');
  const end = tokens.findIndex((t) => t.type === 'table_close');
  if (start < 0) return false;
  const rows: string[][] = [];
  for (const t of tokens.slice(start, end)) {
    if (t.type === 'tr_open') rows.push([]);
    if (t.type === 'inline')
      rows.at(-1)!.push(
        t
          .children!.filter((c) => c.type === 'text')
          .map((c) => c.content)
          .join(''),
      );
  }
  return rows.length === 4 && rows.every((r) => r.length === 2) && rows[1]![0] === ACTOR;
}

/** The discussion questions: one ordered list, one item per question, each a single paragraph. */
function questionsList(tokens: Token[]): boolean {
  const start = tokens.findIndex((t, i) => t.type === 'inline' && t.content === 'Discussion questions' && tokens[i - 1]?.type === 'heading_open');
  const after = tokens.slice(start + 2);
  // Up to the next section (the class plan and the glossary follow the questions).
  const next = after.findIndex((t) => t.type === 'heading_open');
  const rest = next < 0 ? after : after.slice(0, next);
  const items = rest.filter((t) => t.type === 'list_item_open');
  return (
    rest[0]?.type === 'ordered_list_open' &&
    items.length === 1 + HTML.length &&
    rest.every((t) => !t.type.startsWith('heading') && t.type !== 'bullet_list_open')
  );
}
