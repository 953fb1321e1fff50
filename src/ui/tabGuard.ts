// One tab plays a saved game at a time. A tab opening a game first asks the others (BroadcastChannel) whether one has
// it open; holding it, the tab writes its id under the slot's owner key and saves only while that key still names it, so
// a tab whose game was taken over elsewhere (told by the storage event, or finding the key changed) stops saving.
import { OWNER_PREFIX } from './saveSlots.js';

const CHANNEL = 'statecraft.tabs';
const TAB_SLOT_KEY = 'statecraft.tab-slot';
/** How long a tab waits for another to say it has a game open. */
const ASK_MS = 300;

type Message = { type: 'ask' | 'have'; slot: string; from: string };

function randomId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const tabId = randomId();
let held: string | null = null;
let lostHandler: ((slot: string) => void) | null = null;
let channel: BroadcastChannel | null = null;
const waiting = new Map<string, () => void>();

function local(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function post(m: Message): void {
  try {
    channel?.postMessage(m);
  } catch {
    /* the channel is closed: the owner key still guards every write */
  }
}

/** Starts listening to the other tabs; `onLost` runs when another tab takes over the game this tab holds. */
export function installTabGuard(onLost: (slot: string) => void): void {
  lostHandler = onLost;
  if (typeof BroadcastChannel === 'function' && !channel) {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent<Message>) => {
      const m = e.data;
      if (m?.from === tabId) return;
      if (m?.type === 'ask' && m.slot === held) post({ type: 'have', slot: m.slot, from: tabId });
      if (m?.type === 'have') waiting.get(m.slot)?.();
    };
  }
  window.addEventListener('storage', (e) => {
    if (held && e.key === OWNER_PREFIX + held && e.newValue !== tabId) lose();
  });
}

function lose(): void {
  const slot = held;
  held = null;
  if (slot) lostHandler?.(slot);
}

/** Whether another open tab has the game in `slot` open (it answers within a moment). */
export function openElsewhere(slot: string): Promise<boolean> {
  if (!channel) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      waiting.delete(slot);
      window.clearTimeout(timer);
      resolve(answer);
    };
    const timer = window.setTimeout(() => done(false), ASK_MS);
    waiting.set(slot, () => done(true));
    post({ type: 'ask', slot, from: tabId });
  });
}

/** This tab now holds `slot`: any other tab holding it is told, and a reload of this tab reopens it. */
export function claimSlot(slot: string): void {
  held = slot;
  try {
    local()?.setItem(OWNER_PREFIX + slot, tabId);
    window.sessionStorage.setItem(TAB_SLOT_KEY, slot);
  } catch {
    /* storage refused: the save itself will report it */
  }
}

/** This tab leaves its game (for the title screen). */
export function releaseSlot(): void {
  held = null;
}

/** The slot this tab last held (kept across a reload of the tab), or null. */
export function tabSlot(): string | null {
  try {
    return window.sessionStorage.getItem(TAB_SLOT_KEY);
  } catch {
    return null;
  }
}

/** Whether this tab may save into `slot` now; when another tab has taken it over, that is reported first. */
export function mayWrite(slot: string): boolean {
  if (held !== slot) return false;
  let owner: string | null = tabId;
  try {
    owner = local()?.getItem(OWNER_PREFIX + slot) ?? tabId;
  } catch {
    /* storage unreadable: the write will fail and say so */
  }
  if (owner === tabId) return true;
  lose();
  return false;
}
