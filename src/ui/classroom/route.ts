// Which classroom screen a page address asks for: ?join=CODE, ?project=CODE, #instructor=CODE.TOKEN or ?dashboard=CODE.
export type ClassRoute = { kind: 'join'; code: string } | { kind: 'project'; code: string } | { kind: 'dashboard'; code: string; token: string | null };

const CODE = /^[A-Za-z0-9]{4,12}$/;
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

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
    return kind === 'dashboard' ? { kind, code, token: null } : { kind, code };
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
