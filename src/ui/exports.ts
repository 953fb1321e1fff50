// Exports for debriefs: the replay as JSON, the indicator history as CSV (src/analysis/historyCsv.ts) and the download.
import type { Replay } from '../engine/index.js';
import { confirmVisibly } from './dom/toast.js';

export { historyCsv } from '../analysis/historyCsv.js';

/** pure; the replay file's text. */
export function replayJson(replay: Replay): string {
  return JSON.stringify(replay, null, 2) + '\n';
}

/** Offers `text` as a file download and confirms it on screen ("Saved debrief.md"). */
export function download(filename: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  confirmVisibly(`Saved ${filename} to your downloads`);
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
