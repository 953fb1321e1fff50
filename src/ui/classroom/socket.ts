// One WebSocket to the classroom server that reconnects by itself with backoff and says how it stands.
import { backoffMs } from './backoff.js';
import { parseServerMessage, type ClientMessage, type ServerMessage } from './wire.js';

export type LinkStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface SocketHandlers {
  /** Runs on every (re)connection, before anything queued: sends hello, watch or projector. */
  onOpen: () => void;
  onMessage: (m: ServerMessage) => void;
  onStatus: (s: LinkStatus, retryInMs: number | null) => void;
}

/** The socket address of the server that served this page. */
export function socketUrl(loc: Location = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}

export class ClassSocket {
  private ws: WebSocket | null = null;
  private attempt = 0;

  constructor(
    private readonly url: string,
    private readonly h: SocketHandlers,
  ) {
    this.connect();
  }

  private connect(): void {
    this.h.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting', null);
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.addEventListener('open', () => {
      this.attempt = 0;
      this.h.onStatus('open', null);
      this.h.onOpen();
    });
    ws.addEventListener('message', (e) => {
      const m = typeof e.data === 'string' ? parseServerMessage(e.data) : null;
      if (m) this.h.onMessage(m);
    });
    ws.addEventListener('close', () => {
      this.ws = null;
      const wait = backoffMs(this.attempt++);
      this.h.onStatus('reconnecting', wait);
      window.setTimeout(() => this.connect(), wait);
    });
  }

  /** Sends a message; false when the socket is not open (the caller keeps its state and the reconnection resends hello). */
  send(m: ClientMessage): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(m));
    return true;
  }
}

/** The words for a connection status, for the visible line and screen readers. */
export function statusText(s: LinkStatus, retryInMs: number | null): string {
  switch (s) {
    case 'connecting':
      return 'Connecting…';
    case 'open':
      return 'Connected';
    case 'reconnecting':
      return retryInMs === null ? 'Reconnecting…' : `Reconnecting… (next try in ${(retryInMs / 1000).toFixed(1)} s)`;
    case 'closed':
      return 'Disconnected';
  }
}
