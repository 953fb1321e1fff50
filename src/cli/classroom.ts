// `statecraft classroom create|export`: make a class on a running server, and take every table's replay out after it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassExport } from '../server/export.js';
import { CliError, flag, intOpt, listOpt, parseCommand, stringOpt } from './args.js';
import { readText, writeText } from './io.js';
import { err, out } from './terminal.js';

export const CLASSROOM_HELP = `Usage: statecraft classroom create --server URL --scenario FILE|ID [--tables N] [--seed S] [--human ROLE,...] [--timer S] [--json]
       statecraft classroom export --server URL --token TOKEN [--code CODE] --out DIR

create: makes a class on the server (the scenario a file, or a bundled id such as party-congress) and
prints its join code and the instructor token (keep it: it is shown once). --timer S gives every turn S
seconds (up to 3600; 0, the default, for none), after which the AI plays the seats that have not chosen. --json prints {code, token,
join, joinUrl, scenario}. export: writes into DIR every table's replay (table-1.replay.json, ...), each
of which "statecraft replay" verifies, history.csv (every table's turns, a table column first) and
debrief.md (the tables compared: endings, scores, "k of N tables chose X"). The token names the class;
a wrong token is refused.`;

async function request(url: string, init: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new CliError(`cannot reach ${url}: ${(e as Error).message}`);
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: res.status, body };
}

export async function runClassroom(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    out(`${CLASSROOM_HELP}\n`);
    return sub === undefined ? 2 : 0;
  }
  const p = parseCommand(`classroom ${sub}`, rest, {
    server: { type: 'string' },
    scenario: { type: 'string' },
    tables: { type: 'string' },
    timer: { type: 'string' },
    seed: { type: 'string' },
    human: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    code: { type: 'string' },
    token: { type: 'string' },
    out: { type: 'string' },
  });
  if (flag(p, 'help')) {
    out(`${CLASSROOM_HELP}\n`);
    return 0;
  }
  const server = stringOpt(p, 'server')?.replace(/\/$/, '');
  if (!server) throw new CliError(`classroom ${sub} needs --server URL (e.g. http://127.0.0.1:8080)`, 2);
  if (sub === 'create') {
    const scenario = stringOpt(p, 'scenario');
    if (!scenario) throw new CliError('classroom create needs --scenario FILE or a bundled id', 2);
    const text = /^[a-z][a-z0-9_-]*$/.test(scenario) ? scenario : readText(scenario);
    const body = {
      scenario: text,
      seed: stringOpt(p, 'seed') ?? 'class',
      tables: intOpt(p, 'tables', 1, 60) ?? 1,
      humans: listOpt(p, 'human'),
      timer: intOpt(p, 'timer', 0, 3600) ?? 0,
    };
    const r = await request(`${server}/api/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (r.status !== 201) throw new CliError(`the server refused the class: ${String(r.body.error ?? r.status)}`);
    if (flag(p, 'json')) out(`${JSON.stringify(r.body)}\n`);
    else
      out(
        `class ${String(r.body.code)} (${String(r.body.scenario)}): students join at ${server}${String(r.body.join)}\ninstructor token (keep it secret): ${String(r.body.token)}\n`,
      );
    return 0;
  }
  if (sub === 'export') {
    const code = stringOpt(p, 'code');
    const token = stringOpt(p, 'token');
    const dir = stringOpt(p, 'out');
    if (!token || !dir) throw new CliError('classroom export needs --token TOKEN --out DIR', 2);
    const path = code ? `/api/sessions/${encodeURIComponent(code)}/export` : '/api/export';
    const r = await request(`${server}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    if (r.status !== 200) throw new CliError(`the server refused the export: ${String(r.body.error ?? r.status)}`);
    mkdirSync(dir, { recursive: true });
    const x = r.body as unknown as ClassExport;
    for (const t of x.replays) writeText(join(dir, `table-${t.table + 1}.replay.json`), `${JSON.stringify(t.replay, null, 2)}\n`);
    writeText(join(dir, 'history.csv'), x.csv);
    writeText(join(dir, 'debrief.md'), x.debrief);
    err(`${x.replays.length} replays, history.csv and debrief.md written to ${dir}\n`);
    return 0;
  }
  throw new CliError(`classroom: unknown subcommand "${sub}"; use create or export (see: statecraft classroom --help)`, 2);
}
