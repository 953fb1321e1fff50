// The classroom protocol as the browser sees it: the server's own message types (type-only imports of pure modules,
// so nothing of the server is bundled), and the reading of a message from socket text.
import type { ServerMessage } from '../../server/protocol.js';

export type { ClientMessage, ServerMessage } from '../../server/protocol.js';
export type { Dashboard, DashboardSeat, ProjectorState, ProjectorTable, SeatState, TableSummary } from '../../server/views.js';

export interface Lobby {
  code: string;
  scenario: string;
  title: string;
  tables: Array<{ table: number; free: string[] }>;
}

export type Choice = { action: string; dilemmas?: Record<string, string> };

/** pure; a server message read from socket text, or null when it is not one (the caller ignores it). */
export function parseServerMessage(text: string): ServerMessage | null {
  try {
    const v = JSON.parse(text) as { t?: unknown };
    return v && typeof v === 'object' && typeof v.t === 'string' ? (v as ServerMessage) : null;
  } catch {
    return null;
  }
}
