// The classroom server: the built site and a WebSocket endpoint from one Node process, the games in one SQLite file.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import { handleApi, send } from './api.js';
import { Classroom } from './classroom.js';
import { MAX_MESSAGE_BYTES } from './protocol.js';
import { Sockets } from './sockets.js';
import { SqliteStore, type StoreSync } from './store.js';

export interface ServeOptions {
  port: number;
  host: string;
  data: string;
  site: string;
  scenarios: string;
  /** How far each command is written before it is acknowledged (SqliteStore): 'normal' unless set. */
  sync?: StoreSync;
  /** Join attempts allowed per address per minute (JOINS_PER_MINUTE unless set). */
  joinsPerMinute?: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
};

/** The same headers as the site's own preview: its CSP, never framed, no sniffing, no referrer. */
function siteHeaders(site: string): Record<string, string> {
  const index = join(site, 'index.html');
  const csp = existsSync(index) ? /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(index, 'utf8'))?.[1] : undefined;
  return {
    'Content-Security-Policy': `${csp ?? "default-src 'self'"}; frame-ancestors 'none'`,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/** Join attempts allowed per address per minute, by default. */
export const JOINS_PER_MINUTE = 30;

export interface RunningServer {
  server: Server;
  classroom: Classroom;
  store: SqliteStore;
  /** Where this process listens. */
  url: string;
  /** What students open: on 0.0.0.0, the first LAN address. */
  publicUrl: string;
  close(): Promise<void>;
}

/** This machine's LAN addresses (IPv4, not loopback), in the order the system lists them. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => a.address));
}

const hostPart = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** Starts the server; resolves once it listens. Every session in the data folder resumes where it was. */
export function startServer(o: ServeOptions): Promise<RunningServer> {
  mkdirSync(o.data, { recursive: true });
  const store = new SqliteStore(join(o.data, 'classroom.sqlite'), o.sync);
  const classroom = new Classroom(store);
  const headers = siteHeaders(o.site);
  const joins = new Map<string, { at: number; n: number }>();
  let ownHosts: string[] = [];

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    handleApi(req, res, url, { classroom, scenarios: o.scenarios, ownHosts: () => ownHosts })
      .then((done) => {
        if (done) return;
        if (url.pathname.startsWith('/api/')) return send(res, 404, { error: `no such API: ${url.pathname}` });
        if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' });
        serveFile(url.pathname, res);
      })
      .catch((e: unknown) => send(res, 500, { error: `server error: ${(e as Error).message}` }));
  });

  function serveFile(pathname: string, res: ServerResponse): void {
    const root = resolve(o.site);
    const wanted = normalize(join(root, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
    const file = wanted.startsWith(root + sep) && existsSync(wanted) && statSync(wanted).isFile() ? wanted : join(root, 'index.html');
    if (!existsSync(file)) return void send(res, 404, { error: 'the site is not built; run npm run build' });
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  }

  function allowJoin(address: string): boolean {
    const now = Date.now();
    const j = joins.get(address);
    if (!j || now - j.at > 60_000) {
      joins.set(address, { at: now, n: 1 });
      return true;
    }
    j.n++;
    return j.n <= (o.joinsPerMinute ?? JOINS_PER_MINUTE);
  }

  const sockets = new Sockets(classroom, allowJoin);
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
    wss.handleUpgrade(req, socket, head, (ws) => sockets.attach(ws, req.socket.remoteAddress ?? '?'));
  });

  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(o.port, o.host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : o.port;
      const any = o.host === '0.0.0.0' || o.host === '::';
      const lan = lanAddresses();
      const publicHost = any ? (lan[0] ?? '127.0.0.1') : o.host;
      ownHosts = [...new Set([publicHost, o.host, ...(any ? lan : []), '127.0.0.1', 'localhost'])].map((h) => `${hostPart(h)}:${port}`);
      const publicUrl = `http://${hostPart(publicHost)}:${port}`;
      classroom.publicUrl = publicUrl;
      done({
        server,
        classroom,
        store,
        url: `http://${hostPart(o.host)}:${port}`,
        publicUrl,
        close: () =>
          new Promise<void>((ok) => {
            classroom.close();
            sockets.closeAll();
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
