/**
 * @module Test database templates: migrate and seed once per test run, then give every test file its own
 * copy (PGlite: a dumped data directory loaded in memory; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../core/db/connect.js';
import { migrateToLatest } from '../core/db/migrate.js';
import { seedDemo } from '../core/seed/run.js';
import { capabilities } from '../capabilities.js';
import { suiteClock } from './clock.js';
import { createHash } from 'node:crypto';

export const TEMPLATE_FILE = path.resolve('.cache/test-template.tar.gz');
/** One template database per checkout, so two clones can run their tests on one server at the same time. */
export const TEMPLATE_DB = `ramme_tpl_${createHash('sha256').update(path.resolve('.')).digest('hex').slice(0, 10)}`;
export const TEST_SEED = 1;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Builds the template for the current target (DATABASE_URL set → PostgreSQL, else PGlite). */
export async function buildTemplate(log: (m: string) => void = () => {}): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = await openDatabase({ kind: 'postgres', url });
    await sql`drop database if exists ${sql.id(TEMPLATE_DB)} with (force)`.execute(admin.db);
    await sql`create database ${sql.id(TEMPLATE_DB)}`.execute(admin.db);
    await admin.close();
    const tpl = await openDatabase({ kind: 'postgres', url: withDatabase(url, TEMPLATE_DB) });
    await migrateToLatest(tpl.db, capabilities);
    await seedDemo(tpl.db, capabilities, { clock: suiteClock(), scope: 'sjaelland', seed: TEST_SEED, log });
    await tpl.close();
    return;
  }
  const lite = await openDatabase({ kind: 'pglite-memory' });
  await migrateToLatest(lite.db, capabilities);
  await seedDemo(lite.db, capabilities, { clock: suiteClock(), scope: 'sjaelland', seed: TEST_SEED, log });
  const dump = await lite.dump!();
  fs.mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  fs.writeFileSync(TEMPLATE_FILE + '.tmp', Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(TEMPLATE_FILE + '.tmp', TEMPLATE_FILE);
  await lite.close();
}

let counter = 0;

/** A fresh, seeded database for one test file. */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `ramme_t_${process.pid}_${++counter}_${Date.now() % 100000}`;
    const admin = await openDatabase({ kind: 'postgres', url });
    await sql`create database ${sql.id(name)} template ${sql.id(TEMPLATE_DB)}`.execute(admin.db);
    await admin.close();
    const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, name) });
    return {
      ...database,
      close: async () => {
        await database.close();
        const a = await openDatabase({ kind: 'postgres', url });
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(a.db);
        await a.close();
      },
    };
  }
  if (!fs.existsSync(TEMPLATE_FILE)) await buildTemplate();
  const data = fs.readFileSync(TEMPLATE_FILE);
  return openDatabase({ kind: 'pglite-memory', loadDataDir: new Blob([data]) });
}
