/**
 * @module Opens and migrates the configured database; used by the server and the operator commands.
 */
import type { Capability } from './capability.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/connect.js';
import { DataDirLockedError } from './db/lock.js';
import { migrateToLatest } from './db/migrate.js';

export async function openConfiguredDatabase(config: Config, capabilities: readonly Capability[]): Promise<Database> {
  try {
    const database = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir });
    await migrateToLatest(database.db, capabilities);
    return database;
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(3);
    }
    throw error;
  }
}
