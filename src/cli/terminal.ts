// The one terminal writer: everything the CLI prints goes through here, so no control character from a scenario, a
// seed, a path or a property name reaches the terminal raw (an ESC would recolour it, retitle it or clear it).
import { showControls } from '../analysis/controls.js';

/** pure; `text` with every control character (but line feed and tab), DEL, C1 and bidi override shown as `\u001b`. */
export function termSafe(text: string): string {
  return showControls(text);
}

/** Writes `text` to stdout, made safe; `dim` greys it on a colour terminal. */
export function out(text: string, style?: 'dim'): void {
  const safe = termSafe(text);
  process.stdout.write(style === 'dim' ? styled(safe) : safe);
}

/** Writes `text` to stderr, made safe. */
export function err(text: string): void {
  process.stderr.write(termSafe(text));
}

// Styling wraps text that is already safe, so the only escapes written are the program's own.
function styled(safe: string): string {
  if (process.stdout.isTTY !== true || process.env.NO_COLOR) return safe;
  const end = safe.endsWith('\n') ? '\n' : '';
  return `\x1b[2m${end ? safe.slice(0, -1) : safe}\x1b[22m${end}`;
}
