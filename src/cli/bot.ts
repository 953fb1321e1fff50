// `statecraft bot`: joins a class and plays one seat with the AI until its game ends, reconnecting if the server restarts.
import WebSocket from 'ws';
import { CliError, flag, intOpt, parseCommand, stringOpt } from './args.js';
import { err, out } from './terminal.js';

export const BOT_HELP = `Usage: statecraft bot --server URL --code CODE [--table T] [--role R]

Joins class CODE at table T (1-based; default 1) in role R (default: the table's first free player
role) and lets the server's AI choose for that seat every turn until the game ends or the instructor
ends it; exits 0 then. It waits while its table is paused or its seat is handed to the AI.
If the connection drops (a server restart), it reconnects with backoff and keeps its seat.`;

interface ServerMessage {
  t: string;
  token?: string;
  reason?: string;
  to?: string;
  state?: { turn: number; over: boolean; stopped?: boolean; paused?: boolean; ai?: boolean; ending: string | null; submitted: string[]; role: string };
}

export async function runBot(argv: string[]): Promise<number> {
  const p = parseCommand('bot', argv, { server: { type: 'string' }, code: { type: 'string' }, table: { type: 'string' }, role: { type: 'string' } });
  if (flag(p, 'help')) {
    out(`${BOT_HELP}\n`);
    return 0;
  }
  const server = stringOpt(p, 'server')?.replace(/\/$/, '');
  const code = stringOpt(p, 'code');
  if (!server || !code) throw new CliError('bot needs --server URL and --code CODE', 2);
  const table = (intOpt(p, 'table', 1, 1000) ?? 1) - 1;
  let role = stringOpt(p, 'role');
  if (!role) {
    const lobby = (await (await fetch(`${server}/api/sessions/${encodeURIComponent(code)}`)).json()) as {
      tables?: Array<{ table: number; free: string[] }>;
      error?: string;
    };
    if (lobby.error) throw new CliError(`cannot join ${code}: ${lobby.error}`);
    role = lobby.tables?.[table]?.free[0];
    if (!role) throw new CliError(`table ${table + 1} of ${code} has no free player role`);
  }
  const wsUrl = `${server.replace(/^http/, 'ws')}/ws`;
  let token: string | null = null;
  let delay = 200;
  for (;;) {
    const result = await session(wsUrl, code, table, role, token, (t) => (token = t));
    if (result.done) {
      out(`${role} at table ${table + 1}: game over, ending ${result.ending ?? 'none'}\n`);
      return 0;
    }
    if (result.fatal) throw new CliError(`${role} at table ${table + 1}: ${result.fatal}`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 5000);
  }
}

/** One connection: join or rejoin, then answer every turn; resolves when the game ends, the socket closes or it is refused for good. */
function session(
  url: string,
  code: string,
  table: number,
  role: string,
  token: string | null,
  keep: (t: string) => void,
): Promise<{ done: boolean; ending?: string | null; fatal?: string }> {
  return new Promise((done) => {
    const ws = new WebSocket(url);
    let submitted = 0;
    ws.on('open', () => ws.send(JSON.stringify(token ? { t: 'hello', code, token } : { t: 'join', code, table, role })));
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as ServerMessage;
      if (m.t === 'joined' && m.token) keep(m.token);
      else if (m.t === 'refused') {
        // A stale turn is only a missed message; anything about joining is final.
        if (m.to === 'join' || m.to === 'hello') {
          ws.close();
          done({ done: false, fatal: m.reason ?? 'refused' });
        } else {
          // Refused (paused, say): try again on the next state this turn.
          if (m.to === 'submit') submitted = 0;
          err(`refused: ${m.reason ?? ''}\n`);
        }
      } else if (m.t === 'seat' && m.state) {
        const s = m.state;
        if (s.over || s.stopped) {
          ws.close();
          done({ done: true, ending: s.ending });
        } else if (!s.paused && !s.ai && !s.submitted.includes(role) && submitted !== s.turn) {
          submitted = s.turn;
          ws.send(JSON.stringify({ t: 'submit', turn: s.turn, choice: 'ai' }));
        }
      }
    });
    ws.on('close', () => done({ done: false }));
    ws.on('error', () => undefined);
  });
}
