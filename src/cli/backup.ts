/**
 * @module `npm run backup -- <fil>`: writes the embedded database (RAMME_DATA_DIR) to one file. Stop Ramme first.
 * On PostgreSQL (DATABASE_URL) use `pg_dump -Fc` instead (see the README).
 */
import { readConfig } from '../core/config.js';
import { backupDataDir } from '../core/db/backup.js';
import { DataDirLockedError } from '../core/db/lock.js';

const [file] = process.argv.slice(2);
const config = readConfig();
if (!file) {
  console.error('Brug: npm run backup -- <fil>   (fx ramme-2026-12-03.tar.gz)');
  process.exit(2);
}
if (config.databaseUrl) {
  console.error('DATABASE_URL er sat: tag backup af PostgreSQL med pg_dump -Fc "$DATABASE_URL" -f <fil> (se README, Drift).');
  process.exit(2);
}
try {
  const bytes = await backupDataDir(config.dataDir, file);
  console.log(`Backup af ${config.dataDir} skrevet til ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB).`);
} catch (error) {
  console.error(error instanceof DataDirLockedError ? error.message : `Backup fejlede: ${(error as Error).message}`);
  process.exit(error instanceof DataDirLockedError ? 3 : 1);
}
