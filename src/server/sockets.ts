// The classroom's WebSocket side: each message checked and answered, and every change pushed once per screen that shows it.
import type { WebSocket } from 'ws';
import { Refusal, type Classroom } from './classroom.js';
import { parseClientMessage, type ClientMessage, type ServerMessage } from './protocol.js';
import { hashToken } from './tokens.js';

interface HeldSeat {
  code: string;
  token: string;
  tokenHash: string;
  table: number;
  role: string;
}

class Client {
  seat: HeldSeat | null = null;
  instructor: { code: string; token: string } | null = null;
  projector: string | null = null;
  constructor(
    readonly ws: WebSocket,
    readonly address: string,
  ) {}
  send(m: ServerMessage | string): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(typeof m === 'string' ? m : JSON.stringify(m));
  }
}

const INSTRUCTOR_ONLY: Partial<Record<ClientMessage['t'], string>> = {
  advance: 'advance a table',
  reassign: 'reassign a seat',
  pause: 'pause a table',
  seatAi: 'hand a seat to the AI',
  end: 'end a table',
};

/** The longest a dashboard or projector waits for a change to show. */
const SCREEN_PUSH_MS = 100;

/** Every open socket of the classroom, by class; `changed` is the classroom's onChange. */
export class Sockets {
  private readonly clients = new Set<Client>();
  private readonly byCode = new Map<string, Set<Client>>();
  /** How many sockets hold each seat, by "code/table/role". */
  private readonly presence = new Map<string, number>();

  /** Tables changed since the last push, by code: pushed once the message that changed them has been answered. */
  private readonly dirty = new Map<string, Set<number>>();
  /** Classes whose dashboard and projector are due: pushed at most every SCREEN_PUSH_MS, not on every move. */
  private readonly screensDue = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly classroom: Classroom,
    private readonly allowJoin: (address: string) => boolean,
  ) {
    classroom.onChange = (code, table) => {
      if (this.dirty.size === 0) queueMicrotask(() => this.flush());
      let tables = this.dirty.get(code);
      if (!tables) this.dirty.set(code, (tables = new Set()));
      tables.add(table);
    };
  }

  private flush(): void {
    const all = [...this.dirty];
    this.dirty.clear();
    for (const [code, tables] of all) this.changed(code, tables);
  }

  /** Serves one new socket until it closes. */
  attach(ws: WebSocket, address: string): void {
    const c = new Client(ws, address);
    this.clients.add(c);
    ws.on('close', () => {
      this.clients.delete(c);
      this.release(c);
      for (const set of this.byCode.values()) set.delete(c);
    });
    // An oversized or malformed frame closes that one socket (ws reports it here); the server goes on.
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      if (isBinary) return c.send({ t: 'refused', reason: 'messages are JSON text' });
      const parsed = parseClientMessage(data.toString('utf8'));
      if (!parsed.ok) return c.send({ t: 'refused', reason: parsed.reason });
      try {
        this.handle(c, parsed.message);
      } catch (e) {
        c.send({ t: 'refused', to: parsed.message.t, reason: e instanceof Refusal ? e.message : `server error: ${(e as Error).message}` });
      }
    });
  }

  /** Closes every socket. */
  closeAll(): void {
    for (const timer of this.screensDue.values()) clearTimeout(timer);
    for (const c of this.clients) c.ws.terminate();
  }

  private handle(c: Client, m: ClientMessage): void {
    const { classroom } = this;
    const what = INSTRUCTOR_ONLY[m.t];
    if (what && !c.instructor) throw new Refusal(`only the instructor can ${what}; watch the class with its instructor token first`);
    const ins = c.instructor!;
    switch (m.t) {
      case 'join': {
        this.limit(c);
        const { token } = classroom.join(m.code, m.table, m.role);
        const code = m.code.trim().toUpperCase();
        this.hold(c, { code, token, tokenHash: hashToken(token), table: m.table, role: m.role });
        c.send({ t: 'joined', code, table: m.table, role: m.role, token });
        c.send({ t: 'seat', state: classroom.seatStateAt(code, m.table, m.role) });
        return;
      }
      case 'hello': {
        this.limit(c);
        const { table, role } = classroom.seat(m.code, m.token);
        const code = m.code.trim().toUpperCase();
        this.hold(c, { code, token: m.token, tokenHash: hashToken(m.token), table, role });
        c.send({ t: 'seat', state: classroom.seatStateAt(code, table, role) });
        return;
      }
      case 'submit': {
        if (!c.seat) throw new Refusal('join a table first');
        classroom.submit(c.seat.code, c.seat.token, m.turn, m.choice);
        c.send({ t: 'accepted', turn: m.turn });
        return;
      }
      case 'watch': {
        const code = classroom.checkInstructor(m.code, m.token);
        c.instructor = { code, token: m.token };
        this.index(c, code);
        c.send({ t: 'dashboard', dashboard: classroom.dashboard(code, m.token, this.present(code)) });
        return;
      }
      case 'projector': {
        this.limit(c);
        const state = classroom.projector(m.code);
        c.projector = state.code;
        this.index(c, state.code);
        c.send({ t: 'projector', projector: state });
        return;
      }
      case 'advance':
        return classroom.advance(ins.code, ins.token, m.table);
      case 'reassign':
        return classroom.reassign(ins.code, ins.token, m.table, m.role);
      case 'pause':
        return classroom.pause(ins.code, ins.token, m.table, m.paused);
      case 'seatAi':
        return classroom.seatAi(ins.code, ins.token, m.table, m.role, m.ai);
      case 'end':
        return classroom.end(ins.code, ins.token, m.table);
    }
  }

  private limit(c: Client): void {
    if (!this.allowJoin(c.address)) throw new Refusal('too many join attempts; wait a minute');
  }

  private index(c: Client, code: string): void {
    let set = this.byCode.get(code);
    if (!set) this.byCode.set(code, (set = new Set()));
    set.add(c);
  }

  private hold(c: Client, seat: HeldSeat): void {
    this.release(c);
    c.seat = seat;
    this.index(c, seat.code);
    const key = `${seat.code}/${seat.table}/${seat.role}`;
    this.presence.set(key, (this.presence.get(key) ?? 0) + 1);
    this.screensLater(seat.code);
  }

  private release(c: Client): void {
    if (!c.seat) return;
    const key = `${c.seat.code}/${c.seat.table}/${c.seat.role}`;
    const n = (this.presence.get(key) ?? 1) - 1;
    if (n > 0) this.presence.set(key, n);
    else this.presence.delete(key);
    const code = c.seat.code;
    c.seat = null;
    this.screensLater(code);
  }

  private present(code: string): (table: number, role: string) => boolean {
    return (table, role) => this.presence.has(`${code}/${table}/${role}`);
  }

  /** After `tables` of class `code` changed: their seats' states (each computed once), the dashboard and the projector. */
  private changed(code: string, tables: Set<number>): void {
    const here = this.byCode.get(code);
    if (!here) return;
    const states = new Map<string, string>();
    for (const c of here) {
      const seat = c.seat;
      if (!seat || !tables.has(seat.table)) continue;
      if (!this.classroom.holds(code, seat.table, seat.role, seat.tokenHash)) {
        // A reassigned seat's old token no longer holds it.
        this.release(c);
        c.send({ t: 'refused', reason: 'the instructor has given this seat to another device' });
        continue;
      }
      const key = `${seat.table}/${seat.role}`;
      let m = states.get(key);
      if (!m) states.set(key, (m = JSON.stringify({ t: 'seat', state: this.classroom.seatStateAt(code, seat.table, seat.role) })));
      c.send(m);
    }
    this.screensLater(code);
  }

  /** Pushes class `code`'s dashboard and projector soon: a class of 150 students changes many times a second. */
  private screensLater(code: string): void {
    if (this.screensDue.has(code)) return;
    this.screensDue.set(
      code,
      setTimeout(() => {
        this.screensDue.delete(code);
        this.pushDashboard(code);
        let projector: string | null = null;
        for (const c of this.byCode.get(code) ?? []) {
          if (c.projector !== code) continue;
          projector ??= JSON.stringify({ t: 'projector', projector: this.classroom.projector(code) });
          c.send(projector);
        }
      }, SCREEN_PUSH_MS),
    );
  }

  private pushDashboard(code: string): void {
    let m: string | null = null;
    for (const c of this.byCode.get(code) ?? []) {
      if (c.instructor?.code !== code) continue;
      m ??= JSON.stringify({ t: 'dashboard', dashboard: this.classroom.dashboard(code, c.instructor.token, this.present(code)) });
      c.send(m);
    }
  }
}
