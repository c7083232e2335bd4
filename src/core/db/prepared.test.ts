/**
 * Marked reads run as named prepared statements with a reused generic plan; unmarked ones stay unnamed; the
 * results are the same either way. On PGlite and on PostgreSQL (DATABASE_URL).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase } from '../../testing/template.js';
import type { Database } from './connect.js';
import { prepared } from './prepared.js';

describe('prepared statements', () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  const statements = () =>
    sql<{ statement: string; generic_plans: number; custom_plans: number }>`
      select statement, generic_plans::int, custom_plans::int from pg_prepared_statements`.execute(database.db);

  it('a marked read is prepared once per connection and then reuses one generic plan, with the same rows as unmarked', async () => {
    const db = database.db;
    const query = (code: number, on: typeof db = db) => on.selectFrom('municipality').select(['code', 'name']).where('code', '>=', code).orderBy('code');
    const plain: unknown[] = [];
    const marked: unknown[] = [];
    for (const code of [101, 400, 851, 101, 400, 851, 101]) {
      plain.push(await query(code).execute());
      marked.push(await prepared(query(code)).execute());
    }
    assert.deepEqual(marked, plain);
    assert.ok((plain[1] as unknown[]).length < (plain[0] as unknown[]).length, 'the parameter is bound anew on every call');
    // The whole pool's connections: on PostgreSQL the reads may have run on several; look at the one we get.
    await db.connection().execute(async (c) => {
      for (let i = 0; i < 3; i++) await prepared(query(101, c)).execute();
      const rows = (
        await sql<{ statement: string; generic_plans: number }>`
        select statement, generic_plans::int from pg_prepared_statements`.execute(c)
      ).rows;
      const ours = rows.filter((r) => r.statement.includes('from "municipality"'));
      assert.equal(ours.length, 1, 'one named statement for the marked text, none for the unmarked one');
      assert.ok(ours[0]!.statement.endsWith('/*ramme:prepared*/'));
      assert.ok(ours[0]!.generic_plans >= 3, `generic plan reused (${ours[0]!.generic_plans})`);
      const mode = (await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(c)).rows[0]!.plan_cache_mode;
      assert.equal(mode, 'force_generic_plan');
    });
  });

  it('an unmarked read with parameters is never named', async () => {
    await database.db.selectFrom('municipality').select('code').where('code', '=', 101).execute();
    const rows = (await statements()).rows.filter((r) => r.statement.includes('"code" = $1'));
    assert.deepEqual(rows, []);
  });
});
