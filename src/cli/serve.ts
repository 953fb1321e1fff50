// `statecraft serve`: the classroom server (site, WebSocket, SQLite) in this process, until stopped.
import { join } from 'node:path';
import { renderUnicodeCompact } from 'uqr';
import { JOINS_PER_MINUTE, lanAddresses, startServer } from '../server/server.js';
import { CliError, flag, intOpt, parseCommand, positionals, stringOpt } from './args.js';
import { PACKAGE_ROOT } from './io.js';
import { err, out } from './terminal.js';

export const SERVE_HELP = `Usage: statecraft serve [--port 8080] [--host 127.0.0.1] [--data ./classroom-data] [--join-limit 30]

Serves the built site (run "npm run build" first) and the classroom's WebSocket endpoint (/ws) from
this one process, keeping every class in an SQLite file in the data folder (created on first start;
after a restart every class resumes where it was). --host 0.0.0.0 serves the school network: it
prints the address students open and a QR code of it for the projector (each class's own join URL
and QR code are on the instructor's "Run a class" screen). --join-limit N allows N join attempts per
address per minute (default 30; raise it where many devices share one address, or for load tests).
--sync full writes every move to the disk itself before acknowledging it (an fsync each), so a power
cut loses nothing either; the default, normal, hands it to the operating system, which a crash or
kill -9 of this process cannot lose, and is much faster on slow disks. Stop it with Ctrl-C.`;

export async function runServe(argv: string[]): Promise<number> {
  const p = parseCommand('serve', argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    'join-limit': { type: 'string' },
    sync: { type: 'string' },
  });
  if (flag(p, 'help')) {
    out(`${SERVE_HELP}\n`);
    return 0;
  }
  positionals('serve', p, []);
  const port = intOpt(p, 'port', 0, 65535) ?? 8080;
  const host = stringOpt(p, 'host') ?? '127.0.0.1';
  const data = stringOpt(p, 'data') ?? './classroom-data';
  const sync = stringOpt(p, 'sync') ?? 'normal';
  if (sync !== 'normal' && sync !== 'full') throw new CliError(`--sync must be normal or full, not "${sync}"`, 2);
  const joinsPerMinute = intOpt(p, 'join-limit', 1, 1_000_000) ?? JOINS_PER_MINUTE;
  let running;
  try {
    running = await startServer({ port, host, data, joinsPerMinute, sync, site: join(PACKAGE_ROOT, 'dist'), scenarios: join(PACKAGE_ROOT, 'scenarios') });
  } catch (e) {
    throw new CliError(`cannot serve on ${host}:${port}: ${(e as Error).message}`);
  }
  out(`classroom server on ${running.url} (data in ${data})\n`);
  if (host === '0.0.0.0' || host === '::') {
    const lan = lanAddresses();
    if (lan.length === 0) out('  no network address found: students cannot reach this machine; is it on the school network?\n');
    else {
      out(`  students open ${running.publicUrl}/${lan.length > 1 ? ` (this machine also answers on ${lan.slice(1).join(', ')})` : ''}\n`);
      out(`${renderUnicodeCompact(`${running.publicUrl}/`)}\n`);
    }
  }
  await new Promise<void>((done) => {
    const stop = () => {
      err('stopping the classroom server\n');
      void running.close().then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
