// The classroom pages (a student's seat, the instructor's dashboard, the projector): plain DOM, no game canvas.
import { el } from '../dom/el.js';
import { startDashboard } from './dashboard.js';
import { startProjector } from './projector.js';
import type { ClassRoute } from './route.js';
import { shell } from './shell.js';
import { startStudent } from './student.js';

/** Starts the classroom page an address asks for. */
export async function startClassroom(route: ClassRoute | { kind: 'error'; message: string }): Promise<void> {
  if (route.kind === 'error') {
    const s = shell('Class');
    s.status('closed', null);
    s.show([
      el('h1', { text: 'This link cannot be used' }),
      el('p', { text: route.message }),
      el('p', {}, el('a', { href: '/', text: 'Go to the title screen' })),
    ]);
    return;
  }
  if (route.kind === 'join') return startStudent(route.code, route.seat ?? null);
  if (route.kind === 'project') return startProjector(route.code);
  return startDashboard(route.code, route.token);
}
