/**
 * @module `npm run restore -- <fil>`: replaces the embedded database (RAMME_DATA_DIR) with a backup made by
 * `npm run backup`. Stop Ramme first; the previous data folder is kept beside it. On PostgreSQL use `pg_restore`.
 */
import { readConfig } from '../core/config.js';
import { restoreDataDir } from '../core/db/backup.js';
import { DataDirLockedError } from '../core/db/lock.js';

const [file] = process.argv.slice(2);
const config = readConfig();
if (!file) {
  console.error('Brug: npm run restore -- <fil>');
  process.exit(2);
}
if (config.databaseUrl) {
  console.error('DATABASE_URL er sat: gendan PostgreSQL med pg_restore --clean --if-exists -d "$DATABASE_URL" <fil> (se README, Drift).');
  process.exit(2);
}
try {
  const kept = await restoreDataDir(config.dataDir, file);
  console.log(`${config.dataDir} er gendannet fra ${file}.${kept ? ` Den tidligere datamappe ligger i ${kept}.` : ''}`);
} catch (error) {
  console.error(error instanceof DataDirLockedError ? error.message : `Gendannelse fejlede: ${(error as Error).message}`);
  process.exit(error instanceof DataDirLockedError ? 3 : 1);
}
