// The instructor's dashboard: every table's seats, turn, key indicators and ending, with advance, pause, hand a seat
// to the AI, reassign and end; the timer; the comparison across tables; the projector link and the export.
import { turnLabel } from '../../analysis/debrief.js';
import type { Scenario } from '../../engine/index.js';
import { copyText } from '../dom/copyText.js';
import { openDialog } from '../dom/dialog.js';
import { button, el } from '../dom/el.js';
import { announce } from '../dom/live.js';
import { download } from '../exports.js';
import { fmt } from '../theme.js';
import { ClassError, exportClass, lobby, replays } from './api.js';
import { classScenario, shell, type Shell } from './shell.js';
import { instructorLink, joinLink, seatLink } from './route.js';
import { countdown } from './seatText.js';
import { ClassSocket, socketUrl } from './socket.js';
import { instructorToken, keepInstructorToken } from './storage.js';
import { compareTables, comparisonPanel } from './tableCompare.js';
import type { ClientMessage, Dashboard, DashboardSeat, TableSummary } from './wire.js';

/** How often, at most, the comparison fetches the tables' replays again after a turn resolves. */
const COMPARE_EVERY_MS = 3000;

class DashboardPage {
  private board: Dashboard | null = null;
  private compare: HTMLElement = el(
    'section',
    { class: 'class-box', id: 'class-compare' },
    el('p', { class: 'muted', text: 'The comparison appears after the first turn.' }),
  );
  private compared = '';
  private compareAt = 0;
  private readonly socket: ClassSocket;

  constructor(
    private readonly code: string,
    private readonly token: string,
    private readonly sc: Scenario,
    private readonly ui: Shell,
  ) {
    this.socket = new ClassSocket(socketUrl(), {
      onOpen: () => this.socket.send({ t: 'watch', code, token }),
      onMessage: (m) => {
        if (m.t === 'dashboard') {
          this.board = m.dashboard;
          this.ui.problem(null);
          this.draw();
          void this.refreshCompare(false);
        } else if (m.t === 'refused') this.ui.problem(`Refused: ${m.reason}`);
      },
      onStatus: (s, retry) => ui.status(s, retry),
    });
    window.setInterval(() => this.drawClocks(), 1000);
  }

  private send(m: ClientMessage, said: string): void {
    if (this.socket.send(m)) announce(said);
    else this.ui.problem('Not connected: try again once the dashboard says "Connected".');
  }

  private seatRow(t: TableSummary, s: DashboardSeat): HTMLElement {
    const name = s.label ?? this.sc.def.actors.find((a) => a.id === s.role)?.name ?? s.role;
    const state = [
      s.ai ? 'played by the AI' : s.taken ? 'taken' : 'free',
      s.taken && !s.ai ? (s.connected === false ? 'not connected' : s.connected ? 'connected' : '') : '',
      s.submitted ? '✓ submitted' : 'choosing',
    ]
      .filter(Boolean)
      .join(' · ');
    const label = `${name} at table ${t.table + 1}`;
    return el(
      'tr',
      { 'data-role': s.role },
      el('th', { scope: 'row', text: name }),
      el('td', { class: 'seat-state', text: state }),
      el(
        'td',
        {},
        s.ai
          ? button('Take back from the AI', () => this.send({ t: 'seatAi', table: t.table, role: s.role, ai: false }, `${label} is a student's again`), {
              'aria-label': `Take back from the AI: ${label}`,
            })
          : button('Hand to the AI', () => this.send({ t: 'seatAi', table: t.table, role: s.role, ai: true }, `${label} is played by the AI`), {
              'aria-label': `Hand to the AI: ${label}`,
            }),
        ' ',
        s.taken
          ? button('Free the seat', () => this.send({ t: 'reassign', table: t.table, role: s.role }, `${label} is free for a new device`), {
              'aria-label': `Free the seat: ${label}, for a new device`,
            })
          : s.ai
            ? null
            : button('Copy seat link', () => void copyText(seatLink(window.location.origin, this.code, t.table, s.role), `seat link for ${label}`), {
                'aria-label': `Copy seat link for ${label}: a student who opens it takes this seat`,
                'data-seat-link': seatLink(window.location.origin, this.code, t.table, s.role),
              }),
      ),
    );
  }

  private tableBox(t: TableSummary): HTMLElement {
    const n = t.table + 1;
    const status = t.over
      ? `Over: ${this.sc.def.endings.find((e) => e.id === t.ending)?.title ?? t.ending ?? 'ended'}`
      : t.stopped
        ? 'Ended by you'
        : t.paused
          ? 'Paused'
          : 'Playing';
    const live = !t.over && !t.stopped;
    const actions = live
      ? el(
          'div',
          { class: 'dialog-actions' },
          button('Advance the turn', () => this.send({ t: 'advance', table: t.table }, `Table ${n} advanced`), {
            id: `advance-${t.table}`,
            'aria-label': `Advance the turn at table ${n}: the AI plays the seats that have not submitted`,
          }),
          ' ',
          button(
            t.paused ? 'Resume' : 'Pause',
            () => this.send({ t: 'pause', table: t.table, paused: !t.paused }, `Table ${n} ${t.paused ? 'resumed' : 'paused'}`),
            { id: `pause-${t.table}`, 'aria-label': `${t.paused ? 'Resume' : 'Pause'} table ${n}` },
          ),
          ' ',
          button('End the game', () => this.confirmEnd(t.table), { id: `end-${t.table}`, 'aria-label': `End the game at table ${n}` }),
        )
      : null;
    return el(
      'section',
      { class: 'class-box table-box', id: `table-${t.table}`, 'aria-labelledby': `table-${t.table}-title` },
      el('h2', { id: `table-${t.table}-title`, text: `Table ${n}` }),
      el(
        'p',
        { class: 'table-line', id: `table-${t.table}-turn` },
        `${turnLabel(this.sc, Math.min(t.turn, this.sc.turnCount))} — turn ${t.turn} of ${this.sc.turnCount} · ${status}`,
        el('span', { class: 'clock', 'data-deadline': t.deadline ?? '' }),
      ),
      actions,
      el(
        'table',
        { class: 'class-table' },
        el(
          'thead',
          {},
          el('tr', {}, el('th', { scope: 'col', text: 'Role' }), el('th', { scope: 'col', text: 'Seat' }), el('th', { scope: 'col', text: 'Actions' })),
        ),
        el('tbody', {}, ...t.seats.map((s) => this.seatRow(t, s))),
      ),
      el('p', { class: 'muted table-indicators', text: `True values: ${t.indicators.map((i) => `${i.label} ${fmt(i.value)}`).join(' · ')}` }),
    );
  }

  private confirmEnd(table: number): void {
    const d = openDialog({ title: `End the game at table ${table + 1}?`, className: 'confirm' });
    const no = button('Keep playing', () => d.close(), { id: 'end-keep' });
    const yes = button(
      'End it',
      () => {
        d.close();
        this.send({ t: 'end', table }, `Table ${table + 1} ended`);
      },
      { id: 'end-confirm' },
    );
    d.body.append(
      el('p', { text: 'The game stops where it is: no more moves. Its replay still exports.' }),
      el('div', { class: 'dialog-actions' }, no, ' ', yes),
    );
    no.focus();
  }

  private draw(): void {
    const b = this.board!;
    const origin = window.location.origin;
    const join = b.joinUrl ?? joinLink(origin, b.code);
    this.ui.show([
      el('h1', { id: 'dashboard-title', text: `Dashboard: ${b.title ?? this.sc.def.title}` }),
      el(
        'p',
        { class: 'join-line' },
        'Join code ',
        el('strong', { class: 'join-code inline', id: 'dashboard-code', text: b.code }),
        ' · ',
        el('a', { href: join, text: join }),
        b.timer ? ` · turn timer ${b.timer} s` : '',
      ),
      el(
        'div',
        { class: 'dialog-actions' },
        el('a', { class: 'button', id: 'projector-link', href: `${origin}/?project=${b.code}`, target: '_blank', rel: 'noopener', text: 'Projector view' }),
        ' ',
        button('Export replays, CSV and debrief', () => void this.exportAll(), { id: 'export-class' }),
        ' ',
        button('Copy the instructor link', () => void copyText(instructorLink(origin, b.code, this.token), 'instructor link'), { id: 'dashboard-copy' }),
      ),
      el('div', { class: 'tables' }, ...b.tables.map((t) => this.tableBox(t))),
      this.compare,
    ]);
    this.drawClocks();
  }

  private drawClocks(): void {
    for (const c of document.querySelectorAll<HTMLElement>('.table-line .clock')) {
      const left = countdown(c.dataset.deadline ? Number(c.dataset.deadline) : null, Date.now());
      c.textContent = left ? ` · ${left} left` : '';
    }
  }

  /** Fetches the replays again when a table's turn moved on (at most every few seconds) and redraws the comparison. */
  private async refreshCompare(force: boolean): Promise<void> {
    const key = this.board!.tables.map((t) => `${t.turn}${t.over ? 'x' : ''}`).join(',');
    if (!force && (key === this.compared || Date.now() - this.compareAt < COMPARE_EVERY_MS)) {
      if (key !== this.compared) window.setTimeout(() => void this.refreshCompare(false), COMPARE_EVERY_MS);
      return;
    }
    this.compared = key;
    this.compareAt = Date.now();
    try {
      const { comparison, failed } = compareTables(this.sc, await replays(this.code, this.token));
      const next = comparisonPanel(this.sc, comparison, failed);
      this.compare.replaceWith(next);
      this.compare = next;
    } catch (e) {
      this.ui.problem(`The comparison could not be updated: ${e instanceof ClassError ? e.message : String(e)}`);
    }
  }

  private async exportAll(): Promise<void> {
    try {
      const x = await exportClass(this.code, this.token);
      for (const r of x.replays) download(`class-${this.code}-table-${r.table + 1}.replay.json`, 'application/json', JSON.stringify(r.replay, null, 2) + '\n');
      download(`class-${this.code}.csv`, 'text/csv', x.csv);
      download(`class-${this.code}-debrief.md`, 'text/markdown', x.debrief);
    } catch (e) {
      this.ui.problem(`Export failed: ${e instanceof ClassError ? e.message : String(e)}`);
    }
  }
}

/** Opens a class's dashboard with the token from the link, else the one this browser kept. */
export async function startDashboard(code: string, linkToken: string | null): Promise<void> {
  const ui = shell(`Class ${code} · instructor`);
  const token = linkToken ?? instructorToken(code);
  if (linkToken) {
    keepInstructorToken(code, linkToken);
    // The token leaves the address bar (a projected or shared screen shows it), the browser keeps it.
    window.history.replaceState(null, '', `/?dashboard=${code}`);
  }
  if (!token) {
    ui.status('closed', null);
    ui.show([
      el('h1', { text: `Dashboard of class ${code}` }),
      el('p', {
        class: 'problem',
        text: 'This browser does not hold the instructor token of this class. Open your secret instructor link (the one ending in #instructor=…).',
      }),
    ]);
    return;
  }
  try {
    const l = await lobby(code);
    new DashboardPage(code, token, await classScenario(code, l.scenario), ui);
  } catch (e) {
    ui.status('closed', null);
    ui.show([el('h1', { text: `Dashboard of class ${code}` }), el('p', { class: 'problem', text: e instanceof Error ? e.message : String(e) })]);
  }
}
