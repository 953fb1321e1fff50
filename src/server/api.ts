// The classroom's HTTP API: create a class, its lobby, its scenario, the instructor's exports, QR codes of join URLs.
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { renderSVG } from 'uqr';
import { Refusal, type Classroom } from './classroom.js';
import { createRequest } from './protocol.js';

export interface ApiContext {
  classroom: Classroom;
  scenarios: string;
  /** Hosts (host:port) whose URLs /api/qr encodes: this server's own. */ ownHosts: () => string[];
}

/** Answers an /api/ request; returns false for any other path. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, ctx: ApiContext): Promise<boolean> {
  const { classroom } = ctx;
  const get = req.method === 'GET' || req.method === 'HEAD';
  if (url.pathname === '/api/sessions' && req.method === 'POST') {
    const parsed = createRequest.safeParse(safeJson(await readBody(req, 6_000_000)));
    if (!parsed.success) return send(res, 400, { error: `bad request: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}` });
    const p = parsed.data;
    const text = /^[a-z][a-z0-9_-]*$/.test(p.scenario) ? bundledScenario(ctx.scenarios, p.scenario) : p.scenario;
    if (text === null) return send(res, 400, { error: `no bundled scenario "${p.scenario}"` });
    return refusing(res, 400, () => {
      const made = classroom.create({ scenarioText: text, seed: p.seed, tables: p.tables, humans: p.humans, timer: p.timer ?? 0 });
      return [201, { ...made, join: `/?join=${made.code}`, joinUrl: classroom.joinUrl(made.code) }];
    });
  }
  if (url.pathname === '/api/qr' && get) {
    const text = url.searchParams.get('text') ?? '';
    if (!ownUrl(text, ctx.ownHosts())) return send(res, 400, { error: 'the QR code is made only for URLs of this server' });
    res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'no-store' });
    res.end(renderSVG(text));
    return true;
  }
  if (url.pathname === '/api/export' && get) return refusing(res, 403, () => [200, classroom.exportAll(classroom.classOf(bearer(req)), bearer(req))]);
  const m = /^\/api\/sessions\/([A-Za-z0-9]{4,12})(?:\/(replays|export|scenario))?$/.exec(url.pathname);
  if (!m || !get) return false;
  const [, code, part] = m as unknown as [string, string, string | undefined];
  const token = bearer(req);
  if (part === 'replays') return refusing(res, 403, () => [200, { replays: classroom.replays(code, token) }]);
  if (part === 'export') return refusing(res, 403, () => [200, classroom.exportAll(code, token)]);
  if (part === 'scenario') {
    return refusing(res, 404, () => {
      const text = classroom.scenarioText(code);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(text);
      return null;
    });
  }
  return refusing(res, 404, () => [200, classroom.lobby(code)]);
}

/** Runs `f`; a Refusal becomes `status` with its reason. `f` returns the status and body to send, or null if it answered. */
function refusing(res: ServerResponse, status: number, f: () => [number, unknown] | null): true {
  try {
    const r = f();
    if (r) send(res, r[0], r[1]);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    send(res, status, { error: e.message });
  }
  return true;
}

function bearer(req: IncomingMessage): string {
  return (req.headers.authorization ?? '').replace(/^Bearer /, '');
}

/** Whether `text` is an http URL on one of `hosts` (so nobody can use the server to make codes for other sites). */
function ownUrl(text: string, hosts: string[]): boolean {
  if (text.length > 500) return false;
  try {
    const u = new URL(text);
    return u.protocol === 'http:' && hosts.includes(u.host);
  } catch {
    return false;
  }
}

export function send(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
  return true;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((done, fail) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (b: Buffer) => {
      size += b.length;
      if (size > limit) {
        fail(new Error('request too large'));
        req.destroy();
      } else parts.push(b);
    });
    req.on('end', () => done(Buffer.concat(parts).toString('utf8')));
    req.on('error', fail);
  });
}

/** A bundled scenario's text by id (tutorial, party-congress), or null. */
function bundledScenario(folder: string, id: string): string | null {
  const file = join(folder, `${id.replace(/_/g, '-')}.json`);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}
