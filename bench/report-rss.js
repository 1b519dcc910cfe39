// Preloaded into a benchmarked process (node --import): reports its peak resident memory and the
// CPU time of all its threads on exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  writeSync(2, `\nBENCH_MAX_RSS_KB=${maxRSS}\nBENCH_CPU_US=${userCPUTime + systemCPUTime}\n`);
});
