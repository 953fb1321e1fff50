// Preloaded into every node process of a measured child (NODE_OPTIONS=--import): at exit it writes the
// process's peak resident set (getrusage maxRSS, all threads) to $BENCH_RSS_PROBE_DIR/<pid>.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const dir = process.env.BENCH_RSS_PROBE_DIR;
if (dir) {
  process.on('exit', () => {
    try {
      const record = { pid: process.pid, argv: process.argv, execArgv: process.execArgv, maxRssKB: process.resourceUsage().maxRSS };
      writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify(record));
    } catch {
      // measuring must never change the measured program's outcome
    }
  });
}
