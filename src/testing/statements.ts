/**
 * @module Counting the SQL statements a request runs: a second Kysely over the same connection pool that
 * records every statement it executes. Build an app on `db` to see what its requests cost.
 */
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { DB } from '../core/db/types.js';

export type StatementLog = {
  db: Kysely<DB>;
  statements: Array<{ sql: string; parameters: readonly unknown[] }>;
  /** Forgets what was recorded so far. */
  clear: () => void;
};

export function statementLog(pool: pg.Pool): StatementLog {
  const statements: StatementLog['statements'] = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query' || event.level === 'error') statements.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  // Not destroyed: the pool belongs to the test database.
  return { db, statements, clear: () => void statements.splice(0) };
}
