// A student's page: the lobby (tables and free roles), then the seat, held by a token kept in this browser so a
// reload, a lost connection or a server restart comes back to it; a state that does not follow is asked for again.
import type { Scenario } from '../../engine/index.js';
import { button, el } from '../dom/el.js';
import { announce } from '../dom/live.js';
import { ClassError, lobby } from './api.js';
import { seatVerdict } from './backoff.js';
import { classScenario, shell, type Shell } from './shell.js';
import { seatScreen, type Draft } from './seatScreen.js';
import { countdown, waitingLine } from './seatText.js';
import { ClassSocket, socketUrl } from './socket.js';
import type { SeatAsk } from './route.js';
import { heldSeat, keepSeat } from './storage.js';
import type { Lobby, ProjectorTable, SeatState, ServerMessage } from './wire.js';

class Student {
  private held: SeatState | null = null;
  private resyncing = false;
  private draft: Draft = { turn: 0, action: null, dilemmas: {} };
  private table: ProjectorTable | null = null;
  private readonly socket: ClassSocket;
  private tick: number | null = null;

  constructor(
    private readonly code: string,
    private readonly sc: Scenario,
    private readonly ui: Shell,
    private lobbyNow: Lobby,
    /** The seat an instructor's seat link hands this student, taken on the first connection if still free. */
    private asked: SeatAsk | null,
  ) {
    this.socket = new ClassSocket(socketUrl(), {
      onOpen: () => this.greet(),
      onMessage: (m) => this.receive(m),
      onStatus: (s, retry) => ui.status(s, retry),
    });
    const held = heldSeat(code);
    if (held) {
      if (asked && (asked.table !== held.table || asked.role !== held.role))
        ui.problem(`This browser already holds ${this.seatName(held)}, so the seat link (${this.seatName(asked)}) was not used.`);
      this.asked = null;
      ui.show([el('p', { class: 'muted', text: 'Coming back to your seat…' })]);
    } else if (asked && this.lobbyNow.tables.some((t) => t.table === asked.table && t.free.includes(asked.role))) {
      ui.show([el('p', { class: 'muted', text: `Taking your seat: ${this.seatName(asked)}…` })]);
    } else {
      if (asked)
        ui.problem(`The seat this link hands out, ${this.seatName(asked)}, is taken or not in this class: choose a free role, or ask your instructor.`);
      this.asked = null;
      this.showLobby();
    }
  }

  private seatName(s: SeatAsk): string {
    return `${this.sc.def.actors.find((a) => a.id === s.role)?.name ?? s.role} at table ${s.table + 1}`;
  }

  /** On every connection: take the held seat back (hello) and follow the table's public line (who has submitted). */
  private greet(): void {
    const seat = heldSeat(this.code);
    if (seat) {
      this.resyncing = true;
      this.socket.send({ t: 'hello', code: this.code, token: seat.token });
    } else if (this.asked) {
      this.join(this.asked.table, this.asked.role);
      this.asked = null;
    }
    this.socket.send({ t: 'projector', code: this.code });
  }

  private receive(m: ServerMessage): void {
    switch (m.t) {
      case 'joined':
        if (!keepSeat(this.code, { token: m.token, table: m.table, role: m.role }))
          this.ui.problem('This browser cannot store your seat: a reload will lose it. Keep this page open.');
        else this.ui.problem(null);
        return;
      case 'seat':
        return this.seat(m.state);
      case 'accepted':
        if (this.held && m.turn !== this.held.turn) this.resync();
        else announce('Your choice is in.');
        return;
      case 'projector': {
        const before = this.waiting();
        this.table = m.projector.tables.find((t) => t.table === (this.held?.table ?? heldSeat(this.code)?.table)) ?? null;
        // The table's public line changes the seat's screen only through who is still choosing.
        if (this.held && this.waiting() !== before) this.draw();
        return;
      }
      case 'refused':
        return this.refused(m.to, m.reason);
      case 'dashboard':
        return;
    }
  }

  private seat(next: SeatState): void {
    const verdict = this.resyncing ? 'show' : seatVerdict(this.held, next);
    if (verdict === 'resync') return this.resync();
    this.resyncing = false;
    if (verdict === 'same') return;
    const turned = this.held !== null && next.turn !== this.held.turn;
    if (next.turn !== this.draft.turn) this.draft = { turn: next.turn, action: null, dilemmas: {} };
    this.held = next;
    this.ui.problem(null);
    this.draw();
    if (turned) announce(next.over ? 'The game is over.' : `The turn resolved. Now turn ${next.turn}.`);
    if (this.tick === null && next.deadline) this.tick = window.setInterval(() => this.drawClock(), 1000);
  }

  private resync(): void {
    const seat = heldSeat(this.code);
    if (!seat) return;
    this.resyncing = true;
    this.socket.send({ t: 'hello', code: this.code, token: seat.token });
  }

  private refused(to: string | undefined, reason: string): void {
    if (to === 'hello' && /token|seat/i.test(reason)) {
      keepSeat(this.code, null);
      this.held = null;
      this.resyncing = false;
      this.ui.problem(`Your seat is no longer yours (${reason}). The instructor may have moved it to another device: choose a role again.`);
      return void this.refreshLobby();
    }
    if (to === undefined && this.held) {
      this.ui.problem(reason);
      return this.resync();
    }
    if (/resync/.test(reason)) this.resync();
    this.ui.problem(`Refused: ${reason}`);
    if (to === 'join') void this.refreshLobby();
  }

  private async refreshLobby(): Promise<void> {
    try {
      this.lobbyNow = await lobby(this.code);
    } catch (e) {
      this.ui.problem(e instanceof ClassError ? e.message : String(e));
    }
    this.showLobby();
  }

  private showLobby(): void {
    const name = (id: string) => this.sc.def.actors.find((a) => a.id === id)?.name ?? id;
    const tables = this.lobbyNow.tables.map((t) =>
      el(
        'section',
        { class: 'class-box', 'aria-labelledby': `lobby-table-${t.table}` },
        el('h2', { id: `lobby-table-${t.table}`, text: `Table ${t.table + 1}` }),
        t.free.length === 0
          ? el('p', { class: 'muted', text: 'Every role here is taken.' })
          : el(
              'div',
              { class: 'role-list' },
              ...t.free.map((r) =>
                button(`Play ${name(r)}`, () => this.join(t.table, r), { id: `join-${t.table}-${r}`, 'aria-label': `Play ${name(r)} at table ${t.table + 1}` }),
              ),
            ),
      ),
    );
    this.ui.show([
      el('h1', { id: 'lobby-title', tabindex: -1, text: `Join ${this.lobbyNow.title}` }),
      el('p', { text: 'Choose a table and a free role. Your seat is kept in this browser: if you reload or lose the connection, you come back to it.' }),
      ...tables,
      button('Refresh the list', () => void this.refreshLobby(), { id: 'lobby-refresh' }),
    ]);
    document.getElementById('lobby-title')?.focus();
  }

  private join(table: number, role: string): void {
    if (!this.socket.send({ t: 'join', code: this.code, table, role })) this.ui.problem('Not connected yet: wait for "Connected" and choose again.');
  }

  /** Who is still choosing at this seat's table, in words, or null before the table is known. */
  private waiting(): string | null {
    const seats = this.table?.seats.filter((x) => x.taken) ?? [];
    return seats.length && this.held ? waitingLine(seats, this.held.role) : null;
  }

  private draw(): void {
    const s = this.held!;
    const waiting = this.waiting();
    this.ui.show([
      ...seatScreen(this.sc, s, this.draft, waiting, {
        submit: (c) => {
          if (!this.socket.send({ t: 'submit', turn: s.turn, choice: c }))
            this.ui.problem('Not connected: your choice was not sent. It will be possible again once reconnected.');
        },
        changed: () => this.draw(),
      }),
      el('p', { class: 'clock', id: 'seat-clock', 'aria-live': 'off' }),
    ]);
    this.drawClock();
  }

  private drawClock(): void {
    const left = this.held && !this.held.over && !this.held.paused ? countdown(this.held.deadline, Date.now()) : null;
    const clock = document.getElementById('seat-clock');
    if (clock) clock.textContent = left ? `Time left this turn: ${left}` : '';
  }
}

/** Opens a class to join by its code. */
export async function startStudent(code: string, asked: SeatAsk | null = null): Promise<void> {
  const ui = shell(`Class ${code}`);
  try {
    const l = await lobby(code);
    const sc = await classScenario(code, l.scenario);
    new Student(code, sc, ui, l, asked);
  } catch (e) {
    ui.status('closed', null);
    ui.show([
      el('h1', { text: `Class ${code}` }),
      el('p', { class: 'problem', text: e instanceof Error ? e.message : String(e) }),
      el('p', {}, el('a', { href: `/?join=${code}`, text: 'Try again' }), ' · ', el('a', { href: '/', text: 'Title screen' })),
    ]);
  }
}
