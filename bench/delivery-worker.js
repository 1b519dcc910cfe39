// A delivery worker process for bench/publishing.js, from the build, as `bigrock worker` runs one:
// the data directory or DATABASE_URL from the environment, and BENCH_SCHEMA (PostgreSQL: the
// bench's own schema), BENCH_WORKERS (pg-boss workers in this process), BENCH_POLL_MS (the sweep,
// or SQLite's loop) and BENCH_LEASE_MS. It prints "ready" once its workers run, and stops
// gracefully on SIGTERM.
import { openBigrock } from '../packages/server/dist/bigrock.js';
import { loadConfig } from '../packages/server/dist/config/config.js';

const number = (name) => (process.env[name] ? Number(process.env[name]) : undefined);
const bigrock = await openBigrock(loadConfig(process.env), { schema: process.env.BENCH_SCHEMA || undefined });
const workers = await bigrock.startDeliveryWorkers({
  workers: number('BENCH_WORKERS'),
  pollMs: number('BENCH_POLL_MS'),
  leaseMs: number('BENCH_LEASE_MS'),
});
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void workers
    .stop()
    .then(() => bigrock.close())
    .then(() => process.exit(0));
});
