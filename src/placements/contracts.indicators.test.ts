/**
 * The contract indicators on the seeded Sjælland data: each share is its rows' count, per member and for the area
 * (the members add up to the area), new contracts count from the commitment date, imported contracts count as not
 * standard, and private purchases are split into those with and without a recorded public-first check.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let areaId: number;
let date: string;

before(async () => {
  t = await createTestApp();
  areaId = (await t.db.selectFrom('agreement_area').select('id').where('code', '=', 'sjaelland').executeTakeFirstOrThrow()).id;
  date = t.ctx.clock.today();
});
after(() => t.close());

async function compute(code: string) {
  const c = t.ctx.indicators.get(code);
  assert.ok(c, `${code} is registered`);
  return c.compute(t.db, { areaId, date });
}

function assertConsistent(r: Awaited<ReturnType<typeof compute>>) {
  const n = r.rows.filter((x) => x.flag === true).length;
  assert.equal(r.area.denominator, r.rows.length);
  assert.equal(r.area.numerator, n);
  assert.equal(r.area.value, new Decimal(n).times(100).dividedBy(r.rows.length).toFixed(1));
  assert.equal(
    r.perMember.reduce((s, m) => s + (m.denominator ?? 0), 0),
    r.rows.length,
    'the members add up to the area',
  );
  assert.ok(
    r.rows.every((x) => !('caseReference' in x)),
    'no case references in the rows',
  );
}

describe('contract indicators', () => {
  it('counts new contracts on the standard template from the commitment date; imported ones are not standard', async () => {
    const r = await compute('placements.standard-contracts');
    assert.ok(r.rows.length > 500, `many new contracts (${r.rows.length})`);
    assertConsistent(r);
    assert.ok(r.rows.every((x) => String(x.startDate) >= '2024-09-01'));
    assert.ok(
      r.rows.some((x) => x.flag === false),
      'some imported non-standard ones',
    );
    assert.ok(Number(r.area.value) > 80 && Number(r.area.value) < 100);
  });

  it('counts the time-limited share of new contracts', async () => {
    const r = await compute('placements.time-limited-contracts');
    assertConsistent(r);
    const agreed = await t.db
      .selectFrom('contract')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['accepteret', 'opsagt'])
      .where('start_date', '>=', '2024-09-01')
      .where('start_date', '<=', date)
      .where('end_date', 'is not', null)
      .executeTakeFirstOrThrow();
    assert.ok(Number(agreed.n) >= (r.area.numerator ?? 0));
    assert.ok(
      r.rows.some((x) => x.flag === false),
      'some are open-ended',
    );
  });

  it('splits private purchases into those with and without a recorded public-first check', async () => {
    const r = await compute('placements.public-first-check');
    assertConsistent(r);
    assert.ok(r.rows.length > 0);
    assert.ok(r.rows.every((x) => String(x.startDate) >= '2025-01-01'));
    assert.ok(r.rows.some((x) => x.flag === true) && r.rows.some((x) => x.flag === false));
    assert.ok(r.rows.every((x) => x.operatorType !== 'Kommunal' && x.operatorType !== 'Regional'));
  });
});

describe('the agreement follows its contract commitments by these indicators', () => {
  it('names the computed indicators as the source of the standard-contract and time-limited commitments', async () => {
    const rows = await t.db
      .selectFrom('agreement_commitment as c')
      .innerJoin('agreement_indicator as i', 'i.id', 'c.indicator_id')
      .innerJoin('agreement as a', 'a.id', 'i.agreement_id')
      .select(['c.text', 'i.source'])
      .where('a.title', '=', 'Rammeaftale Sjælland 2025-2026')
      .where('i.source', 'like', 'placements.%')
      .orderBy('c.id')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.source),
      ['placements.standard-contracts', 'placements.time-limited-contracts'],
    );
    assert.match(rows[0]!.text, /standardkontrakt/);
    assert.match(rows[1]!.text, /tidsbegrænsede/);
    const manual = await t.db.selectFrom('agreement_indicator').select('id').where('source', 'like', 'placements.%').execute();
    const measured = manual.length
      ? await t.db
          .selectFrom('agreement_measurement')
          .select('id')
          .where(
            'indicator_id',
            'in',
            manual.map((m) => m.id),
          )
          .execute()
      : [];
    assert.equal(measured.length, 0, 'no figures typed in by hand beside the computed ones');
  });
});
