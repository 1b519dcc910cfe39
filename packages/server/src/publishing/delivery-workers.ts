import type { Clock } from '../clock.js';
import type { DeliveryService } from './delivery.service.js';
import type { ScheduleHub } from './post.service.js';

/** Deliveries the SQLite loop takes at a time; it takes the next batch at once while they come full. */
const BATCH = 20;

/** Running delivery workers; `stop` lets the tries under way finish, then returns. */
export interface DeliveryWorkers {
  kind: 'in-process' | 'pg-boss';
  stop(): Promise<void>;
}

export interface InProcessWorkerOptions {
  deliveries: DeliveryService;
  hub: ScheduleHub;
  clock: Clock;
  /** How often the loop looks for due deliveries (and missed ones). */
  pollMs?: number;
  onError?(error: unknown): void;
}

/**
 * The delivery loop of the app process on SQLite: every `pollMs` (and as soon as a post is due
 * now) it marks the missed posts and tries each due delivery, one after another. Claims are
 * atomic, so the server's loop and a `bigrock worker` on the same file never take one twice.
 */
export function startInProcessWorker({
  deliveries,
  hub,
  clock,
  pollMs = 5000,
  onError = (error) => console.error('bigrock: delivery:', error),
}: InProcessWorkerOptions): DeliveryWorkers {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();

  function tick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running !== null) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          // A full batch: more may be due (a backlog), taken at once rather than at the next poll.
          let tried: number;
          do tried = await deliveries.runDue(BATCH);
          while (tried === BATCH && !stopped);
        } while (again && !stopped);
      } catch (error) {
        onError(error);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  const interval = setInterval(() => void tick(), pollMs);
  const unlisten = hub.listen((items) => {
    for (const item of items) {
      const wait = item.at.getTime() - clock.now().getTime();
      if (wait > pollMs) continue;
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          void tick();
        },
        Math.max(0, wait),
      );
      timers.add(timer);
    }
  });
  void tick();

  return {
    kind: 'in-process',
    async stop() {
      stopped = true;
      clearInterval(interval);
      unlisten();
      for (const timer of timers) clearTimeout(timer);
      await running;
    },
  };
}

export interface PgBossWorkerOptions {
  deliveries: DeliveryService;
  hub: ScheduleHub;
  clock: Clock;
  databaseUrl: string;
  /** The PostgreSQL schema pg-boss keeps its jobs in. */
  jobsSchema: string;
  /** pg-boss workers in this process, each taking a few jobs at a time and trying them one after another. */
  workers: number;
  /** How often this process looks for due deliveries without a job (made elsewhere, missed, lapsed). */
  sweepMs?: number;
  onError?(error: unknown): void;
}

/**
 * The queue, of pg-boss's `short` policy: one job waiting per key, the key a delivery's id,
 * version and try. The sweep's job for a delivery that has one waiting is not made, and a job a
 * killed worker held (active) does not stop a new one. (Before: `post-deliver`, where the sweep
 * made a second job each window for what was still waiting, a third of the claims in vain; jobs
 * left there do nothing, their deliveries are swept into this one.)
 */
const QUEUE = 'post-delivery';
/**
 * Jobs a pg-boss worker fetches at a time (and completes in one statement): pg-boss's fetch costs
 * its server about 2.5 ms however many it takes, so one a delivery was a third of the database's
 * time. A worker killed with jobs held leaves the deliveries it had not claimed queued; the sweep
 * makes them jobs again.
 */
const JOBS_PER_FETCH = 10;
/**
 * How long pg-boss lets a fetch of jobs run before it counts them failed: far above a batch's
 * network calls, so that a worker never takes more while its last batch is still being sent. A
 * job is a hint: the delivery's lease, not the job, says when a send is taken over.
 */
const JOB_EXPIRY_SECONDS = 15 * 60;
/** Due deliveries one sweep makes jobs for, and the jobs it inserts in one statement. */
const SWEEP_LIMIT = 5000;
const SWEEP_INSERT = 1000;

/**
 * pg-boss's connection: its commits do not wait for the disk. The jobs are hints and the delivery
 * rows the truth: a job or its completion lost with the server itself is made again by the sweep,
 * or found done by the claim. A URL that sets its own options keeps them.
 */
function jobsConnection(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.searchParams.has('options')) return databaseUrl;
    url.searchParams.set('options', '-c synchronous_commit=off');
    return url.href;
  } catch {
    return databaseUrl;
  }
}

interface DeliverJob {
  deliveryId: string;
  version: number;
  /** The tries made when the job was: with the version, its key (a retry, a take-over, is another job). */
  tries: number;
}

/**
 * Delivery workers on PostgreSQL, through pg-boss: a job when a delivery is scheduled (at its
 * time) or waits for a retry, and the sweep's jobs for what is due without one (made by another
 * process, left by a worker that was killed), at most one waiting per delivery, version and try.
 * A job more than needed costs a no-op; any number of processes take them. The delivery row stays
 * the truth: a job whose post was moved, edited or deleted finds another version and does nothing.
 */
export async function startPgBossWorkers({
  deliveries,
  hub,
  clock,
  databaseUrl,
  jobsSchema,
  workers,
  sweepMs = 5000,
  onError = (error) => console.error('bigrock: delivery:', error),
}: PgBossWorkerOptions): Promise<DeliveryWorkers> {
  const { default: PgBoss } = await import('pg-boss');
  const boss = new PgBoss({
    connectionString: jobsConnection(databaseUrl),
    schema: jobsSchema,
    max: Math.max(2, workers + 1),
    application_name: 'bigrock-worker',
  });
  boss.on('error', onError);
  await boss.start();
  // Worker processes started at once on a new database each make the queue: PostgreSQL may end
  // one of them as a deadlock (40P01), and a moment later the queue is there.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await boss.createQueue(QUEUE, {
        name: QUEUE,
        policy: 'short',
        retryLimit: 0,
        expireInSeconds: JOB_EXPIRY_SECONDS,
      });
      break;
    } catch (error) {
      if (attempt >= 5 || (error as { code?: unknown }).code !== '40P01') throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }

  /** A job's key: at most one job waits for each delivery, version and try. */
  const keyOf = (job: DeliverJob) => `${job.deliveryId}:${job.version}:${job.tries}`;

  async function schedule(job: DeliverJob, at: Date): Promise<void> {
    const seconds = Math.max(0, Math.ceil((at.getTime() - clock.now().getTime()) / 1000));
    await boss.send(QUEUE, job, { startAfter: seconds, singletonKey: keyOf(job) });
  }

  /** The sweep's job for a due delivery: not made when one waits for it already. */
  const sweepJob = (job: DeliverJob) => ({ name: QUEUE, data: job, singletonKey: keyOf(job) });

  /** Jobs a worker may take now, counted up to `atMost` (in pg-boss's own table, as its getQueueSize reads it). */
  async function readyJobs(atMost: number): Promise<number> {
    const { rows } = await boss
      .getDb()
      .executeSql(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${jobsSchema}.job WHERE name = $1 AND state < 'active' AND start_after < now() LIMIT $2) ready`,
        [QUEUE, atMost],
      );
    return Number((rows[0] as { n?: number } | undefined)?.n ?? 0);
  }

  for (let index = 0; index < workers; index += 1) {
    let workerId = '';
    workerId = await boss.work<DeliverJob>(
      QUEUE,
      { batchSize: JOBS_PER_FETCH, pollingIntervalSeconds: 0.5 },
      async (jobs) => {
        // The grace, read once for the batch (the claim checks the pause itself).
        const queue = await deliveries.queueSettings();
        for (const job of jobs) {
          // One job's failure (the database gone a moment) does not drop the others of its batch;
          // its delivery stays due, and the sweep makes it a job again.
          try {
            const result = await deliveries.deliver(job.data.deliveryId, job.data.version, queue);
            if (result.state === 'retry') {
              await schedule(
                { deliveryId: result.deliveryId, version: result.version, tries: result.tries },
                result.at,
              );
            }
          } catch (error) {
            onError(error);
          }
        }
        // A job was there, so more may be: the worker fetches again at once, not after its polling interval.
        boss.notifyWorker(workerId);
      },
    );
  }

  const unlisten = hub.listen((items) => {
    for (const item of items) {
      schedule({ deliveryId: item.deliveryId, version: item.version, tries: item.tries }, item.at).catch(onError);
    }
  });

  let sweeping: Promise<void> | null = null;
  const sweep = () => {
    sweeping ??= (async () => {
      try {
        // The workers still have a backlog of jobs to take: the due deliveries are mostly theirs.
        if ((await readyJobs(SWEEP_INSERT)) >= SWEEP_INSERT) return;
        const due = await deliveries.due(SWEEP_LIMIT);
        for (let start = 0; start < due.length; start += SWEEP_INSERT) {
          await boss.insert(
            due
              .slice(start, start + SWEEP_INSERT)
              .map(({ id, version, tries }) => sweepJob({ deliveryId: id, version, tries })),
          );
        }
      } catch (error) {
        onError(error);
      } finally {
        sweeping = null;
      }
    })();
    return sweeping;
  };
  const interval = setInterval(() => void sweep(), sweepMs);
  await sweep();

  return {
    kind: 'pg-boss',
    async stop() {
      clearInterval(interval);
      unlisten();
      await sweeping;
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
