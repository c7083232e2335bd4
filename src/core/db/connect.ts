/**
 * @module Opens the database: real PostgreSQL through `DATABASE_URL`, or embedded PGlite. Both go through
 * one `pg.Pool` and Kysely, so the SQL, the migrator and the result types are the same on both.
 */
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './lock.js';
import { withPreparedStatements } from './prepared.js';
import type { DB } from './types.js';

// Dates stay 'YYYY-MM-DD' strings; int8 (count) becomes a number; numeric stays an exact string.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));

/** Named prepared statements (only those marked with `prepared()`) reuse one generic plan: see prepared.ts. */
const PLAN_CACHE_MODE = 'plan_cache_mode = force_generic_plan';
const GENERIC_PLANS = `-c ${PLAN_CACHE_MODE.replace(' = ', '=')}`;

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string } | { kind: 'pglite-memory'; loadDataDir?: Blob | File };

export type Database = {
  db: Kysely<DB>;
  pool: pg.Pool;
  kind: DatabaseTarget['kind'];
  /** PGlite only: dumps the whole data directory (used to make test templates). */
  dump?: () => Promise<Blob | File>;
  close: () => Promise<void>;
};

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10, options: GENERIC_PLANS });
    // An idle connection closed by the server (restart, failover, a dropped test database) must not crash
    // the process; the pool replaces it on the next query.
    pool.on('error', (error) => console.error(`Databaseforbindelse afbrudt: ${error.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }) });
    return { db, pool, kind: 'postgres', close: () => db.destroy() };
  }
  const release = target.kind === 'pglite' ? lockDataDir(target.dataDir) : () => {};
  let lite: PGlite;
  try {
    lite = target.kind === 'pglite' ? await PGlite.create(target.dataDir) : await PGlite.create(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {});
  } catch (error) {
    release();
    throw error;
  }
  await lite.exec(`set ${PLAN_CACHE_MODE}`);
  // Exactly one pool with one connection per PGlite: a second connection shares the same session
  // and silently loses writes to another caller's rollback.
  const pool = new pg.Pool({ ...(createPgConfig(lite) as pg.PoolConfig), max: 1 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }) });
  return {
    db,
    pool,
    kind: target.kind,
    dump: () => lite.dumpDataDir('none'),
    close: async () => {
      await db.destroy();
      await lite.close();
      release();
    },
  };
}
