/**
 * @module Runs every capability's migrations in name order, in one migrator, on PGlite and PostgreSQL alike.
 * Several processes may start at once on one PostgreSQL database: the whole run holds a session-level advisory
 * lock, so one process migrates while the others wait and then find nothing left to do.
 */
import { Migrator, sql, type Migration } from 'kysely';
import type { Capability } from '../capability.js';
import { appliedMigrations } from './maintenance.repository.js';
import type { Db } from './types.js';

/** The advisory lock key of the migration run (any fixed number; "ramme" in ASCII). */
export const MIGRATION_LOCK_KEY = 0x72616d6d65;

export function allMigrations(capabilities: readonly Capability[]): Record<string, Migration> {
  const out: Record<string, Migration> = {};
  for (const c of capabilities) {
    for (const [name, m] of Object.entries(c.migrations ?? {})) {
      if (out[name]) throw new Error(`Migrationen ${name} findes to gange (${c.name}).`);
      out[name] = m;
    }
  }
  return out;
}

/** Applies the migrations not yet applied, under the migration lock; returns the names this call applied. */
export async function migrateToLatest(db: Db, capabilities: readonly Capability[]): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY}::bigint)`.execute(conn);
    try {
      const migrator = new Migrator({
        db: conn,
        provider: { getMigrations: async () => allMigrations(capabilities) },
        allowUnorderedMigrations: true,
      });
      const { error, results } = await migrator.migrateToLatest();
      if (error) throw error instanceof Error ? error : new Error(String(error));
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY}::bigint)`.execute(conn);
    }
  });
}

/** The migrations the code has that the database has not applied (empty: the database is current). One cheap statement. */
export async function pendingMigrations(db: Db, capabilities: readonly Capability[]): Promise<string[]> {
  const applied = new Set(await appliedMigrations(db));
  return Object.keys(allMigrations(capabilities))
    .sort()
    .filter((n) => !applied.has(n));
}
