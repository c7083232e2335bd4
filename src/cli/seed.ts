/**
 * @module `npm run seed -- --scope sjaelland|national --seed N [--reset]`: fills the configured database with
 * deterministic demo data. `--reset` empties it first (PGlite: the data folder; PostgreSQL: the public schema).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from '../core/config.js';
import { capabilities } from '../capabilities.js';
import { openConfiguredDatabase } from '../core/boot.js';
import { hasDemoData, seedDemo } from '../core/seed/run.js';
import { openDatabase } from '../core/db/connect.js';
import { dropPublicSchema } from '../core/db/maintenance.repository.js';
import { clockFromEnv } from '../core/clock.js';

const { values } = parseArgs({
  options: { scope: { type: 'string', default: 'sjaelland' }, seed: { type: 'string', default: '1' }, reset: { type: 'boolean', default: false } },
});
if (values.scope !== 'sjaelland' && values.scope !== 'national') {
  console.error('--scope skal være sjaelland eller national.');
  process.exit(2);
}
const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) {
  console.error('--seed skal være et ikke-negativt heltal.');
  process.exit(2);
}
const config = readConfig();
if (values.reset) {
  if (config.databaseUrl) {
    const d = await openDatabase({ kind: 'postgres', url: config.databaseUrl });
    await dropPublicSchema(d.db);
    await d.close();
  } else if (fs.existsSync(config.dataDir)) {
    const lockFile = `${config.dataDir}/ramme.lock`;
    if (fs.existsSync(lockFile)) {
      const pid = Number(fs.readFileSync(lockFile, 'utf8'));
      try {
        process.kill(pid, 0);
        console.error(`Datamappen ${config.dataDir} er i brug af pid ${pid}. Stop serveren først.`);
        process.exit(3);
      } catch {
        /* stale */
      }
    }
    fs.rmSync(config.dataDir, { recursive: true, force: true });
  }
}
const started = Date.now();
const database = await openConfiguredDatabase(config, capabilities);
try {
  if (await hasDemoData(database.db)) {
    console.error('Databasen har allerede demodata. Brug --reset for at starte forfra.');
    process.exitCode = 1;
  } else {
    await seedDemo(database.db, capabilities, { scope: values.scope, seed, log: (m) => console.log(m), clock: clockFromEnv() });
    console.log(`Demodata (${values.scope}, seed ${seed}) færdig på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
} finally {
  await database.close();
}
