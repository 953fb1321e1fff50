// A progress bar on stderr for long commands (batch, batch --balance).

/** A progress bar on stderr when it is a terminal; nothing otherwise. `total` may grow as a long run learns its size. */
export function progress(total: number, started: number, unit = 'runs'): { tick: (done: number, total?: number) => void; end: () => void } {
  if (process.stderr.isTTY !== true) return { tick: () => {}, end: () => {} };
  let last = 0;
  let all = total;
  const draw = (done: number) => {
    const width = 30;
    const filled = Math.min(width, Math.round((done / all) * width));
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${all} ${unit}  ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  };
  return {
    tick: (done, newTotal) => {
      if (newTotal !== undefined) all = newTotal;
      const now = performance.now();
      if (now - last >= 100 || done === all) {
        last = now;
        draw(done);
      }
    },
    end: () => process.stderr.write('\r\x1b[K'),
  };
}
