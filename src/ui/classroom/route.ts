// Which classroom screen a page address asks for: ?join=CODE (with &seat=TABLE-ROLE from a seat link), ?project=CODE,
// #instructor=CODE.TOKEN or ?dashboard=CODE.
/** A seat an instructor's link hands a student: the table from 0, the role's id. */
export interface SeatAsk {
  table: number;
  role: string;
}
export type ClassRoute =
  { kind: 'join'; code: string; seat?: SeatAsk } | { kind: 'project'; code: string } | { kind: 'dashboard'; code: string; token: string | null };

const CODE = /^[A-Za-z0-9]{4,12}$/;
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const SEAT = /^([1-9][0-9]{0,2})-([a-z][a-z0-9_]{0,63})$/;

/** pure; a join code as typed: spaces and dashes dropped, upper case; null when it cannot be one. */
export function normaliseCode(raw: string): string | null {
  const c = raw.replace(/[\s-]+/g, '').toUpperCase();
  return CODE.test(c) ? c : null;
}

/** pure; the classroom screen of an address (its query and fragment), null for the game itself, or a reason it is unusable. */
export function classRoute(search: string, hash: string): ClassRoute | { kind: 'error'; message: string } | null {
  const frag = /^#instructor=([^.]*)\.(.*)$/.exec(hash);
  if (frag) {
    const code = normaliseCode(frag[1]!);
    if (!code || !TOKEN.test(frag[2]!)) return { kind: 'error', message: 'This instructor link is damaged: copy it again from where you kept it.' };
    return { kind: 'dashboard', code, token: frag[2]! };
  }
  const q = new URLSearchParams(search);
  for (const kind of ['join', 'project', 'dashboard'] as const) {
    const raw = q.get(kind);
    if (raw === null) continue;
    const code = normaliseCode(raw);
    if (!code) return { kind: 'error', message: `"${raw.slice(0, 40)}" is not a class code: a code is 4 to 12 letters and digits.` };
    if (kind === 'dashboard') return { kind, code, token: null };
    const seat = q.get('seat');
    if (kind === 'join' && seat !== null) {
      const m = SEAT.exec(seat);
      if (!m) return { kind: 'error', message: 'This seat link is damaged: ask your instructor for it again, or join with the class code.' };
      return { kind, code, seat: { table: Number(m[1]) - 1, role: m[2]! } };
    }
    return { kind, code };
  }
  return null;
}

/** pure; the secret link back to a class's dashboard (the token in the fragment, which browsers never send to a server; the query makes it a new page). */
export function instructorLink(origin: string, code: string, token: string): string {
  return `${origin}/?dashboard=${code}#instructor=${code}.${token}`;
}

/** pure; the address students open to join. */
export function joinLink(origin: string, code: string): string {
  return `${origin}/?join=${code}`;
}

/** pure; the address that hands one seat to a student (the table counted from 1, as the pages show it). */
export function seatLink(origin: string, code: string, table: number, role: string): string {
  return `${joinLink(origin, code)}&seat=${table + 1}-${role}`;
}
