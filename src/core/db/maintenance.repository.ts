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
