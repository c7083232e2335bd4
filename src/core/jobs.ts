/**
 * @module Background jobs in PostgreSQL (pg-boss 10), shared by every Ramme process on one database: a
 * capability names its jobs (`Capability.jobs`) with an optional cron schedule in Danish time; pg-boss makes sure
 * each scheduled run is taken by one process only. pg-boss runs on the application's own pool, so on embedded
 * PGlite its queries queue on the one connection like everything else.
 */
import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { AppContext, Job } from './capability.js';

export type Jobs = {
  /** Queues one run of a job now; with a key, a run already queued under that key is not queued again. */
  runNow: (name: string, key?: string) => Promise<void>;
  stop: () => Promise<void>;
};

export async function startJobs(app: AppContext, pool: pg.Pool, log: (message: string) => void = console.log): Promise<Jobs> {
  const jobs: Job[] = app.capabilities.flatMap((c) => c.jobs ?? []);
  const create = () => {
    const b = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values as unknown[]) },
      schema: 'pgboss',
    } as PgBoss.ConstructorOptions);
    b.on('error', (error: Error) => log(`Baggrundsjob fejlede: ${error.message}`));
    return b;
  };
  // Processes that start together race to install pg-boss's schema and create the same queues; the loser's
  // statement fails (a duplicate table or key) while the winner's takes effect. Setting up is idempotent, so a
  // process tries again with a new instance instead of stopping after it already answers requests.
  let boss = create();
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.start();
      for (const job of jobs) await boss.createQueue(job.name, { name: job.name, policy: 'standard', retryLimit: 2, retryDelay: 60 });
      break;
    } catch (error) {
      if (attempt >= 5) throw error;
      log(`Baggrundsjob: opsætningen mislykkedes (${(error as Error).message}); prøver igen (${attempt}/5).`);
      await boss.stop({ graceful: false, wait: false }).catch(() => {});
      await new Promise((r) => setTimeout(r, 250 * attempt + Math.floor(Math.random() * 250)));
      boss = create();
    }
  }
  for (const job of jobs) {
    await boss.work(job.name, { pollingIntervalSeconds: job.pollingSeconds ?? 30 }, async () => {
      await job.run(app);
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/Copenhagen' });
  }
  return {
    runNow: async (name, key) => {
      await boss.send(name, {}, key ? { singletonKey: key } : {});
    },
    stop: () => boss.stop({ graceful: false, wait: true }),
  };
}
