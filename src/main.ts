/**
 * @module `npm start`: open (and on first start create and migrate) the database, fill it with demo data
 * when it is the embedded one and empty, and serve Ramme.
 */
import { capabilities } from './capabilities.js';
import { clockFromEnv } from './core/clock.js';
import { readConfig } from './core/config.js';
import { createAppContext } from './core/context.js';
import { openConfiguredDatabase } from './core/boot.js';
import { analyze } from './core/db/maintenance.repository.js';
import { buildApp } from './core/http/app.js';
import { startJobs } from './core/jobs.js';
import { hasDemoData, seedDemo } from './core/seed/run.js';

const started = Date.now();
const config = readConfig();
const database = await openConfiguredDatabase(config, capabilities);
const clock = clockFromEnv();
const { db } = database;

const seedScope = process.env.RAMME_SEED === 'national' ? 'national' : 'sjaelland';
const wantsSeed = process.env.RAMME_SEED ? process.env.RAMME_SEED !== '0' : !config.databaseUrl && !config.isProduction;
if (wantsSeed && !(await hasDemoData(db))) {
  console.log(`Fylder databasen med demodata (${seedScope}) …`);
  await seedDemo(db, capabilities, { scope: seedScope, seed: Number(process.env.RAMME_SEED_NUMBER ?? 1), log: (m) => console.log(m), clock });
}

const appContext = createAppContext({ db, config, capabilities, clock });
const app = await buildApp(appContext);
await app.listen({ port: config.port, host: config.host });
// Background jobs (reminders) in PostgreSQL: every process takes part, each run is done by one of them.
const jobs = config.runsJobs ? await startJobs(appContext, database.pool) : null;
for (const name of (process.env.RAMME_RUN_NOW ?? '').split(',').filter(Boolean)) await jobs?.runNow(name, `${name}-${clock.today()}`);
console.log(config.smtpUrl ? 'Påmindelser sendes på e-mail (RAMME_SMTP_URL).' : 'Ingen mailserver sat op (RAMME_SMTP_URL): påmindelser vises kun i Ramme.');
if (!config.databaseUrl) {
  // PGlite runs no autovacuum: refresh planner statistics after every start (in the background, once the
  // server already answers) so queries keep their plans as the data grows.
  analyze(db).catch((error: Error) => console.error(`ANALYZE fejlede: ${error.message}`));
}
console.log(
  `Ramme kører på http://localhost:${config.port} (${config.databaseUrl ? 'PostgreSQL' : `PGlite i ${config.dataDir}`}${config.isDemo ? ', demotilstand' : ''}); klar efter ${Date.now() - started} ms.`,
);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await jobs?.stop();
    await database.close();
    process.exit(0);
  });
}
