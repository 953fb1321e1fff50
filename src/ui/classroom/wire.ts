// The classroom protocol as the browser sees it (docs: the server's protocol.ts and classroom.ts, which are Node-only).
import type { LegalChoices, ObjectiveScore, ObjectiveStatus, Reading, SeatView, TurnEvent } from '../../engine/index.js';

/** What one seat is shown: its own view, choices and objectives; the seed only once the game is over. */
export interface SeatState {
  code: string;
  table: number;
  role: string;
  turn: number;
  over: boolean;
  ending: string | null;
  seed: string | null;
  view: SeatView;
  legal: LegalChoices;
  objectives: ObjectiveScore;
  /** Each objective judged on this seat's own readings, with its comparisons (when the server sends it). */
  status?: ObjectiveStatus[];
  submitted: string[];
  news: TurnEvent[];
  paused?: boolean;
  stopped?: boolean;
  ai?: boolean;
  deadline?: number | null;
  label?: string;
  scenario?: string;
  hash: string;
}

export interface SeatSummary { role: string; label?: string; taken: boolean; submitted: boolean; connected?: boolean; ai?: boolean }

export interface TableSummary {
  table: number;
  turn: number;
  over: boolean;
  ending: string | null;
  seats: SeatSummary[];
  hash: string;
  paused?: boolean;
  stopped?: boolean;
  deadline?: number | null;
  indicators?: Array<{ id: string; label: string; value: number }>;
}

export interface Dashboard { code: string; scenario: string; title?: string; timer?: number; joinUrl?: string | null; tables: TableSummary[] }

export interface ProjectorTable {
  table: number;
  turn: number;
  over: boolean;
  ending: string | null;
  endingTitle: string | null;
  paused: boolean;
  stopped: boolean;
  seats: Array<{ role: string; label: string; taken: boolean; submitted: boolean }>;
  indicators: Reading[];
}

export interface ProjectorState { code: string; scenario: string; title: string; joinUrl: string | null; tables: ProjectorTable[] }

export interface Lobby { code: string; scenario: string; title: string; tables: Array<{ table: number; free: string[] }> }

export type ServerMessage =
  | { t: 'joined'; code: string; table: number; role: string; token: string }
  | { t: 'seat'; state: SeatState }
  | { t: 'accepted'; turn: number }
  | { t: 'dashboard'; dashboard: Dashboard }
  | { t: 'projector'; projector: ProjectorState }
  | { t: 'refused'; to?: string; reason: string };

export type Choice = { action: string; dilemmas?: Record<string, string> };

export type ClientMessage =
  | { t: 'join'; code: string; table: number; role: string }
  | { t: 'hello'; code: string; token: string }
  | { t: 'submit'; turn: number; choice: Choice | 'ai' }
  | { t: 'watch'; code: string; token: string }
  | { t: 'projector'; code: string }
  | { t: 'advance'; table: number }
  | { t: 'reassign'; table: number; role: string }
  | { t: 'pause'; table: number; paused: boolean }
  | { t: 'seatAi'; table: number; role: string; ai: boolean }
  | { t: 'end'; table: number };

/** pure; a server message read from socket text, or null when it is not one (the caller ignores it). */
export function parseServerMessage(text: string): ServerMessage | null {
  try {
    const v = JSON.parse(text) as { t?: unknown };
    return v && typeof v === 'object' && typeof v.t === 'string' ? (v as ServerMessage) : null;
  } catch {
    return null;
  }
}
