/**
 * @module Runs every capability's migrations in name order, in one migrator, on PGlite and PostgreSQL alike.
 */
import { Migrator, type Migration } from 'kysely';
import type { Capability } from '../capability.js';
import type { Db } from './types.js';

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

export async function migrateToLatest(db: Db, capabilities: readonly Capability[]): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => allMigrations(capabilities) },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
