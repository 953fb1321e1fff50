// The projector view: only public information (the join code and QR code, each table's turn, who has chosen, the
// figures as the least-informed role reads them, endings); no token is needed and none is shown.
import { turnLabel } from '../../analysis/debrief.js';
import type { Scenario } from '../../engine/index.js';
import { el } from '../dom/el.js';
import { readingText } from '../readings.js';
import { lobby, qrImage } from './api.js';
import { classScenario, shell, type Shell } from './shell.js';
import { joinLink } from './route.js';
import { ClassSocket, socketUrl } from './socket.js';
import type { ProjectorState, ProjectorTable } from './wire.js';

function tableBox(sc: Scenario, t: ProjectorTable): HTMLElement {
  const status = t.over
    ? `Ending: ${t.endingTitle ?? t.ending ?? 'over'}`
    : t.stopped
      ? 'Ended by the instructor'
      : t.paused
        ? 'Paused'
        : `${turnLabel(sc, t.turn)} — turn ${t.turn} of ${sc.turnCount}`;
  return el(
    'section',
    { class: 'class-box table-box', id: `project-table-${t.table}`, 'aria-labelledby': `project-table-${t.table}-title` },
    el('h2', { id: `project-table-${t.table}-title`, text: `Table ${t.table + 1}` }),
    el('p', { class: 'table-line', text: status }),
    el(
      'ul',
      { class: 'seat-list' },
      ...t.seats.map((s) => el('li', { text: `${s.submitted ? '✓' : '…'} ${s.label}: ${s.taken ? (s.submitted ? 'has chosen' : 'choosing') : 'free'}` })),
    ),
    el('p', {
      class: 'muted table-indicators',
      text: sc.def.indicators
        .map((ind, i) => (t.indicators[i] ? `${ind.name} ${readingText(t.indicators[i])}` : ''))
        .filter(Boolean)
        .join(' · '),
    }),
  );
}

function draw(ui: Shell, sc: Scenario, p: ProjectorState, qr: HTMLElement): void {
  const join = p.joinUrl ?? joinLink(window.location.origin, p.code);
  ui.show([
    el('h1', { id: 'projector-title', text: p.title }),
    el(
      'div',
      { class: 'projector-join' },
      el(
        'div',
        {},
        el('p', { class: 'join-code-label', text: 'Join code' }),
        el('p', { class: 'join-code', id: 'projector-code', text: p.code }),
        el('p', { text: join }),
      ),
      qr,
    ),
    el('div', { class: 'tables' }, ...p.tables.map((t) => tableBox(sc, t))),
  ]);
}

/** Opens the projector view of a class. */
export async function startProjector(code: string): Promise<void> {
  const ui = shell(`Class ${code} · projector`);
  try {
    const l = await lobby(code);
    const sc = await classScenario(code, l.scenario);
    const qr = el('div', { class: 'qr' });
    void qrImage(joinLink(window.location.origin, code)).then((src) => {
      if (src) qr.append(el('img', { src, alt: 'QR code of the join address', width: 200, height: 200 }));
    });
    const socket = new ClassSocket(socketUrl(), {
      onOpen: () => socket.send({ t: 'projector', code }),
      onMessage: (m) => {
        if (m.t === 'projector') draw(ui, sc, m.projector, qr);
        else if (m.t === 'refused') ui.problem(`Refused: ${m.reason}`);
      },
      onStatus: (s, retry) => ui.status(s, retry),
    });
  } catch (e) {
    ui.status('closed', null);
    ui.show([el('h1', { text: `Class ${code}` }), el('p', { class: 'problem', text: e instanceof Error ? e.message : String(e) })]);
  }
}
