import { openBigrock } from '../bigrock.js';
import { loadConfig } from '../config/config.js';

// A delivery worker in a process of its own, for the tests that kill one mid-run: the data
// directory or DATABASE_URL (and BIGROCK_TEST_SCHEMA) from the environment, as `bigrock worker`
// reads them. It says "ready" once its workers run, and stops gracefully on SIGTERM.
const schema = process.env.BIGROCK_TEST_SCHEMA || undefined;
const bigrock = await openBigrock(loadConfig(process.env), { schema });
const workers = await bigrock.startDeliveryWorkers({
  workers: Number(process.env.BIGROCK_WORKERS || 2),
  pollMs: 200,
  leaseMs: Number(process.env.BIGROCK_TEST_LEASE_MS || 2000),
});
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void workers
    .stop()
    .then(() => bigrock.close())
    .then(() => process.exit(0));
});
