// Characters that must never reach a terminal or a document raw, and how they are shown instead.

/**
 * C0 controls but line feed and tab, DEL, C1 controls, the bidi embeddings, overrides and isolates (U+202A-202E,
 * U+2066-2069) and lone surrogates.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const shown = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** pure; `text` with every unsafe character written as `\u001b` (line feed and tab kept). */
export function showControls(text: string): string {
  return text.replace(UNSAFE, shown);
}
