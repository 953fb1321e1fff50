// The classroom server's HTTP side, for the browser: create a class, the lobby, its scenario, the replays and the export.
import type { Replay } from '../../engine/index.js';
import type { Lobby } from './wire.js';

/** A request the server refused or could not answer, with the reason to show as it is. */
export class ClassError extends Error {}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, cache: 'no-store' });
  } catch {
    throw new ClassError('the classroom server cannot be reached: is it running, and is this page served by it (npm run serve)?');
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: said below */
  }
  if (!res.ok) {
    const reason = (body as { error?: unknown } | null)?.error;
    throw new ClassError(typeof reason === 'string' ? reason : `the server answered ${res.status} ${res.statusText}`.trim());
  }
  if (body === null) throw new ClassError("the server's answer is not JSON: is this page served by the classroom server (npm run serve)?");
  return body as T;
}

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

export interface CreateRequest {
  scenario: string;
  seed: string;
  tables: number;
  humans: string[];
  timer?: number;
}
export interface Created {
  code: string;
  token: string;
  scenario: string;
  join: string;
  /** The address for other devices, when the server knows it (its LAN address). */ joinUrl?: string | null;
}

export function createClass(req: CreateRequest): Promise<Created> {
  return call<Created>('/api/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(req) });
}

export function lobby(code: string): Promise<Lobby> {
  return call<Lobby>(`/api/sessions/${encodeURIComponent(code)}`);
}

/** The class's scenario file as text (bundled or uploaded). */
export async function scenarioText(code: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`/api/sessions/${encodeURIComponent(code)}/scenario`, { cache: 'no-store' });
  } catch {
    throw new ClassError('the classroom server cannot be reached');
  }
  if (!res.ok) throw new ClassError(`the class's scenario could not be fetched (${res.status})`);
  return res.text();
}

export async function replays(code: string, token: string): Promise<Array<{ table: number; replay: Replay }>> {
  return (await call<{ replays: Array<{ table: number; replay: Replay }> }>(`/api/sessions/${encodeURIComponent(code)}/replays`, bearer(token))).replays;
}

export interface ClassExport {
  replays: Array<{ table: number; replay: Replay }>;
  csv: string;
  debrief: string;
}

export function exportClass(code: string, token: string): Promise<ClassExport> {
  return call<ClassExport>(`/api/sessions/${encodeURIComponent(code)}/export`, bearer(token));
}

/** The QR code of `text` as an image address, or null when the server has none to give. */
export async function qrImage(text: string): Promise<string | null> {
  try {
    const res = await fetch(`/api/qr?text=${encodeURIComponent(text)}`, { cache: 'no-store' });
    const type = res.headers.get('Content-Type') ?? '';
    if (!res.ok || !/^image\//.test(type)) return null;
    return URL.createObjectURL(await res.blob());
  } catch {
    return null;
  }
}
