// The classroom server: the built site and a WebSocket endpoint from one Node process, the games in one SQLite file.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { Classroom, Refusal } from './classroom.js';
import { createRequest, MAX_MESSAGE_BYTES, parseClientMessage, type ClientMessage } from './protocol.js';
import { SqliteStore } from './store.js';

export interface ServeOptions { port: number; host: string; data: string; site: string; scenarios: string }

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ico': 'image/x-icon',
};

/** The same headers as the site's own preview: its CSP, never framed, no sniffing, no referrer. */
function siteHeaders(site: string): Record<string, string> {
  const index = join(site, 'index.html');
  const csp = existsSync(index) ? /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(index, 'utf8'))?.[1] : undefined;
  return {
    'Content-Security-Policy': `${csp ?? "default-src 'self'"}; frame-ancestors 'none'`,
    'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer',
  };
}

/** Join attempts allowed per address per minute. */
const JOINS_PER_MINUTE = 30;

export interface RunningServer { server: Server; classroom: Classroom; store: SqliteStore; url: string; close(): Promise<void> }

/** Starts the server; resolves once it listens. Every session in the data folder resumes where it was. */
export function startServer(o: ServeOptions): Promise<RunningServer> {
  mkdirSync(o.data, { recursive: true });
  const store = new SqliteStore(join(o.data, 'classroom.sqlite'));
  const classroom = new Classroom(store);
  const headers = siteHeaders(o.site);
  const joins = new Map<string, { at: number; n: number }>();
  const clients = new Set<Client>();

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((e: unknown) => send(res, 500, { error: `server error: ${(e as Error).message}` }));
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/sessions' && req.method === 'POST') {
      const body = await readBody(req, 6_000_000);
      const parsed = createRequest.safeParse(safeJson(body));
      if (!parsed.success) return send(res, 400, { error: `bad request: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}` });
      const p = parsed.data;
      const text = /^[a-z][a-z0-9_-]*$/.test(p.scenario) ? bundledScenario(o.scenarios, p.scenario) : p.scenario;
      if (text === null) return send(res, 400, { error: `no bundled scenario "${p.scenario}"` });
      try {
        const made = classroom.create({ scenarioText: text, seed: p.seed, tables: p.tables, humans: p.humans }, new Date().toISOString());
        return send(res, 201, { ...made, join: `/?join=${made.code}` });
      } catch (e) {
        if (e instanceof Refusal) return send(res, 400, { error: e.message });
        throw e;
      }
    }
    const exportMatch = /^\/api\/sessions\/([A-Za-z0-9]+)\/replays$/.exec(url.pathname);
    if (exportMatch && req.method === 'GET') {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      try {
        return send(res, 200, { replays: classroom.replays(exportMatch[1]!, token) });
      } catch (e) {
        if (e instanceof Refusal) return send(res, 403, { error: e.message });
        throw e;
      }
    }
    const lobbyMatch = /^\/api\/sessions\/([A-Za-z0-9]+)$/.exec(url.pathname);
    if (lobbyMatch && req.method === 'GET') {
      try {
        return send(res, 200, classroom.lobby(lobbyMatch[1]!));
      } catch (e) {
        if (e instanceof Refusal) return send(res, 404, { error: e.message });
        throw e;
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' });
    serveFile(url.pathname, res);
  }

  function serveFile(pathname: string, res: ServerResponse): void {
    const root = resolve(o.site);
    const wanted = normalize(join(root, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
    const file = wanted.startsWith(root + sep) && existsSync(wanted) && statSync(wanted).isFile() ? wanted : join(root, 'index.html');
    if (!existsSync(file)) return send(res, 404, { error: 'the site is not built; run npm run build' });
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    // A browser always sends its page's origin: only this server's own pages may open a socket. Scripts send none.
    if (url.pathname !== '/ws' || (origin !== undefined && new URL(origin).host !== req.headers.host)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const c = new Client(ws, req.socket.remoteAddress ?? '?');
      clients.add(c);
      ws.on('close', () => clients.delete(c));
      // An oversized or malformed frame closes that one socket (ws reports it here); the server goes on.
      ws.on('error', () => ws.terminate());
      ws.on('message', (data, isBinary) => {
        if (isBinary) return c.send({ t: 'refused', reason: 'messages are JSON text' });
        const parsed = parseClientMessage(data.toString('utf8'));
        if (!parsed.ok) return c.send({ t: 'refused', reason: parsed.reason });
        try {
          handle(c, parsed.message);
        } catch (e) {
          if (e instanceof Refusal) c.send({ t: 'refused', to: parsed.message.t, reason: e.message });
          else c.send({ t: 'refused', to: parsed.message.t, reason: `server error: ${(e as Error).message}` });
        }
      });
    });
  });

  function allowJoin(address: string): boolean {
    const now = Date.now();
    const j = joins.get(address);
    if (!j || now - j.at > 60_000) {
      joins.set(address, { at: now, n: 1 });
      return true;
    }
    j.n++;
    return j.n <= JOINS_PER_MINUTE;
  }

  function handle(c: Client, m: ClientMessage): void {
    switch (m.t) {
      case 'join': {
        if (!allowJoin(c.address)) throw new Refusal('too many join attempts; wait a minute');
        const { token } = classroom.join(m.code, m.table, m.role);
        c.seat = { code: m.code.toUpperCase(), token };
        c.send({ t: 'joined', code: c.seat.code, table: m.table, role: m.role, token });
        c.send({ t: 'seat', state: classroom.seatState(c.seat.code, token) });
        return;
      }
      case 'hello': {
        if (!allowJoin(c.address)) throw new Refusal('too many join attempts; wait a minute');
        classroom.seat(m.code, m.token);
        c.seat = { code: m.code.toUpperCase(), token: m.token };
        c.send({ t: 'seat', state: classroom.seatState(c.seat.code, m.token) });
        return;
      }
      case 'submit': {
        if (!c.seat) throw new Refusal('join a table first');
        classroom.submit(c.seat.code, c.seat.token, m.turn, m.choice);
        c.send({ t: 'accepted', turn: m.turn });
        return;
      }
      case 'watch': {
        classroom.dashboard(m.code, m.token);
        c.instructor = { code: m.code.toUpperCase(), token: m.token };
        c.send({ t: 'dashboard', dashboard: classroom.dashboard(c.instructor.code, m.token) });
        return;
      }
      case 'advance': {
        if (!c.instructor) throw new Refusal('only the instructor can advance a table');
        classroom.advance(c.instructor.code, c.instructor.token, m.table);
        return;
      }
      case 'reassign': {
        if (!c.instructor) throw new Refusal('only the instructor can reassign a seat');
        classroom.reassign(c.instructor.code, c.instructor.token, m.table, m.role);
        return;
      }
    }
  }

  classroom.onChange = (code) => {
    for (const c of clients) {
      try {
        if (c.seat?.code === code) c.send({ t: 'seat', state: classroom.seatState(code, c.seat.token) });
        if (c.instructor?.code === code) c.send({ t: 'dashboard', dashboard: classroom.dashboard(code, c.instructor.token) });
      } catch (e) {
        if (!(e instanceof Refusal)) throw e;
        // A reassigned seat's old token no longer holds it.
        c.send({ t: 'refused', reason: e.message });
        c.seat = null;
      }
    }
  };

  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(o.port, o.host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : o.port;
      done({
        server, classroom, store, url: `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}`,
        close: () => new Promise<void>((ok) => {
          for (const c of clients) c.ws.terminate();
          wss.close();
          server.close(() => {
            store.close();
            ok();
          });
        }),
      });
    });
  });
}

class Client {
  seat: { code: string; token: string } | null = null;
  instructor: { code: string; token: string } | null = null;
  constructor(readonly ws: WebSocket, readonly address: string) {}
  send(m: unknown): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(m));
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
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
