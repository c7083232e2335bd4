/**
 * The tariff indicators on the seeded demo agree with the stored versions, per member and for the area, and
 * are offered to the agreement cycle through the capability.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { flaggedIncreases, submittedOnTime } from './tariffs.indicators.js';
import { systemClock } from '../core/clock.js';

let t: TestApp;
let areaId: number;
const YEAR = Number(systemClock.today().slice(0, 4));

before(async () => {
  t = await createTestApp();
  areaId = (await t.db.selectFrom('agreement_area').select('id').where('code', '=', 'sjaelland').executeTakeFirstOrThrow()).id;
});
after(() => t.close());

test('both computations are registered for the agreement cycle', () => {
  const all = t.ctx.indicators;
  assert.ok(all.has('tariffs.flagged-increases'));
  assert.ok(all.has('tariffs.submitted-on-time'));
});

test('flagged increases per member equal the flagged versions of that member’s offerings', async () => {
  const r = await flaggedIncreases.compute(t.db, { areaId, date: `${YEAR}-06-30` });
  const expected = await sql<{ operator_org_id: number; n: number }>`
    select o.operator_org_id, count(*)::int as n from tariff t join offering o on o.id = t.offering_id
    where t.area_id = ${areaId} and t.year = ${YEAR} and o.status <> 'lukket'
      and (select v.is_flagged from tariff_version v where v.tariff_id = t.id and v.submitted_at is not null order by v.version desc limit 1)
    group by 1`.execute(t.db);
  const byOrg = new Map(expected.rows.map((e) => [e.operator_org_id, e.n]));
  assert.ok(r.perMember.length >= 17, 'alle 17 kommuner og regionen med tilbud');
  for (const m of r.perMember) assert.equal(Number(m.value), byOrg.get(m.organisationId) ?? 0, m.name);
  const total = expected.rows.reduce((s, e) => s + e.n, 0);
  assert.equal(r.area.value, String(total));
  assert.ok(total > 0, 'demodata har stigninger over grænsen');
  assert.equal(r.rows.length, r.perMember.length + r.rows.filter((x) => !x.isMember).length);
});

test('submitted on time uses the latest round whose deadline has passed, and counts missing tariffs as late', async () => {
  // Sjælland's deadline is 1 December the year before: on 30 June the round decided is this year's.
  const r = await submittedOnTime.compute(t.db, { areaId, date: `${YEAR}-06-30` });
  assert.ok(r.rows.every((x) => x.year === YEAR));
  const d = r.area.denominator!;
  const n = r.area.numerator!;
  assert.ok(d >= 250 && n < d && n > d * 0.8, `${n}/${d}`);
  assert.equal(r.area.value, ((n * 100) / d).toFixed(1));
  // On 2 December the next round's deadline has passed.
  const later = await submittedOnTime.compute(t.db, { areaId, date: `${YEAR}-12-02` });
  assert.ok(later.rows.every((x) => x.year === YEAR + 1));
  assert.ok(Number(later.area.value) < Number(r.area.value), 'the round under way has many tariffs not yet submitted');
});
