// SIGINT and SIGTERM while something must be undone: the undo steps run, the interruption is said, the exit is 130 / 143.
import { constants } from 'node:os';
import { err } from './terminal.js';

type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function stop(signal: (typeof SIGNALS)[number]): void {
  err(`statecraft: interrupted by ${signal}\n`);
  for (const c of [...cleanups].reverse()) {
    try {
      c();
    } catch {
      /* the process is stopping: one failed undo step must not keep the others from running */
    }
  }
  // Exiting ends the process and with it every worker thread.
  process.exit(128 + constants.signals[signal]);
}

const handlers = SIGNALS.map((s) => [s, () => stop(s)] as const);

/**
 * Runs `cleanup` if SIGINT or SIGTERM arrives before the returned function is called. While any cleanup is
 * registered the signals are caught (JavaScript handlers run between synchronous steps, never inside one).
 */
export function onInterrupt(cleanup: Cleanup): () => void {
  if (cleanups.size === 0) for (const [s, h] of handlers) process.on(s, h);
  cleanups.add(cleanup);
  return () => {
    if (!cleanups.delete(cleanup)) return;
    if (cleanups.size === 0) for (const [s, h] of handlers) process.off(s, h);
  };
}
