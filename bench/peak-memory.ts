// Preloaded into benchmarked processes (node --import): records the peak resident memory at exit.
import fs from 'node:fs';

const target = process.env.SCORMDOWN_BENCH_RSS_FILE;
if (target !== undefined) {
  process.on('exit', () => {
    fs.writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
