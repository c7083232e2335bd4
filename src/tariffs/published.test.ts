import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp } from '../testing/test-app.js';
import { publishedTariffs } from './tariffs.public.js';

test('publishedTariffs gives the published version in force with its levels, and nothing for unknown offerings', async (t) => {
  const app = await createTestApp();
  t.after(() => app.close());
  const db = app.ctx.db;
  const row = await db
    .selectFrom('tariff as t')
    .innerJoin('tariff_version as v', 'v.tariff_id', 't.id')
    .select(['t.offering_id', 't.year', 'v.id'])
    .where('v.status', '=', 'offentliggjort')
    .where('v.superseded_at', 'is', null)
    .executeTakeFirstOrThrow();
  const map = await publishedTariffs(db, [row.offering_id, -1], row.year);
  const e = map.get(row.offering_id);
  assert.ok(e);
  assert.equal(e.versionId, row.id);
  assert.ok(e.levels.length >= 1);
  assert.match(e.levels[0]?.tariff ?? '', /^\d+(\.\d+)?$/);
  assert.equal(map.has(-1), false);
  assert.equal((await publishedTariffs(db, [], row.year)).size, 0);
});
