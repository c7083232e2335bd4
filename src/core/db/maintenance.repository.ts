/**
 * @module Database housekeeping statements: the health check's ping, planner statistics, and emptying a
 * PostgreSQL database for `npm run seed -- --reset`.
 */
import { sql } from 'kysely';
import type { Queryable } from './types.js';

/** Resolves when the database answers. */
export async function ping(db: Queryable): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Refreshes planner statistics (PGlite runs no autovacuum). */
export async function analyze(db: Queryable): Promise<void> {
  await sql`analyze`.execute(db);
}

/** Drops every table, type and function in the public schema. */
export async function dropPublicSchema(db: Queryable): Promise<void> {
  await sql`drop schema public cascade; create schema public`.execute(db);
}

/** The names of the migrations the database has applied (Kysely's bookkeeping table; none before the first run). */
export async function appliedMigrations(db: Queryable): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db).catch(() => ({ rows: [] as { name: string }[] }));
  return rows.map((r) => r.name);
}

/** Every table of the public schema with its row count and a checksum of its rows (for comparing two states of a database). */
export async function tableChecksums(db: Queryable): Promise<Record<string, { rows: number; checksum: string }>> {
  const { rows: tables } = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(db);
  const out: Record<string, { rows: number; checksum: string }> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ rows: number; checksum: string | null }>`
      select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as checksum from ${sql.table(name)} t`.execute(db);
    out[name] = { rows: rows[0]!.rows, checksum: rows[0]!.checksum ?? '' };
  }
  return out;
}
