/**
 * Reference data through the API: the model says that Region Østdanmark replaces Hovedstaden and Sjælland
 * on 1 January 2027, and that legal bases have validity.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
before(async () => (t = await createTestApp()));
after(() => t.close());

type Ref = {
  regions: Array<{ id: string; municipalityCount: number }>;
  areas: Array<{ code: string; members: Array<{ name: string; kind: string }> }>;
  legalBases: Array<{ code: string; isValid: boolean }>;
};

describe('reference data at a date', () => {
  it('has five regions with 29/17/22/19/11 municipalities on 31 December 2026', async () => {
    const s = await t.login('demo-laeser');
    const r = (await t.as(s, { method: 'GET', url: '/api/reference?date=2026-12-31' })).json() as Ref;
    assert.deepEqual(Object.fromEntries(r.regions.map((x) => [x.id, x.municipalityCount])), {
      hovedstaden: 29,
      midtjylland: 19,
      nordjylland: 11,
      sjaelland: 17,
      syddanmark: 22,
    });
    const sj = r.areas.find((a) => a.code === 'sjaelland')!;
    assert.equal(sj.members.filter((m) => m.kind === 'municipality').length, 17);
    assert.deepEqual(
      sj.members.filter((m) => m.kind === 'region').map((m) => m.name),
      ['Region Sjælland'],
    );
  });
  it('has Region Østdanmark with 46 municipalities from 1 January 2027, sitting in both eastern areas', async () => {
    const s = await t.login('demo-laeser');
    const r = (await t.as(s, { method: 'GET', url: '/api/reference?date=2027-01-01' })).json() as Ref;
    assert.deepEqual(r.regions.map((x) => x.id).sort(), ['midtjylland', 'nordjylland', 'oestdanmark', 'syddanmark']);
    assert.equal(r.regions.find((x) => x.id === 'oestdanmark')!.municipalityCount, 46);
    for (const code of ['sjaelland', 'hovedstaden']) {
      assert.deepEqual(
        r.areas
          .find((a) => a.code === code)!
          .members.filter((m) => m.kind === 'region')
          .map((m) => m.name),
        ['Region Østdanmark'],
      );
    }
  });
  it('marks legal bases that are not valid at the date', async () => {
    const s = await t.login('demo-laeser');
    const old = (await t.as(s, { method: 'GET', url: '/api/reference?date=2023-06-01' })).json() as Ref;
    assert.equal(old.legalBases.find((l) => l.code === 'SEL-66')!.isValid, true);
    assert.equal(old.legalBases.find((l) => l.code === 'BL-43-6')!.isValid, false);
    const bad = await t.as(s, { method: 'GET', url: '/api/reference?date=2027-02-30' });
    assert.equal(bad.statusCode, 400);
  });
});

describe('reference data cache', () => {
  it('reads an organisation’s areas once per cache period, afresh after invalidation, and always inside a transaction', async () => {
    const { statementLog } = await import('../testing/statements.js');
    const pub = await import('./reference.public.js');
    const log = statementLog(t.database.pool);
    const org = await t.db.selectFrom('organisation').select('id').where('municipality_code', '=', 316).executeTakeFirstOrThrow();
    const first = await pub.areaIdsOfOrganisation(log.db, org.id, '2026-06-01');
    first.push(999); // callers get their own copy
    assert.deepEqual(await pub.areaIdsOfOrganisation(log.db, org.id, '2026-06-01'), first.slice(0, -1));
    assert.equal(log.statements.length, 1);
    await pub.areaIdsOfOrganisation(log.db, org.id, '2027-06-01');
    assert.equal(log.statements.length, 2, 'another date is another entry');
    pub.invalidateReferenceData();
    await pub.areaIdsOfOrganisation(log.db, org.id, '2026-06-01');
    assert.equal(log.statements.length, 3);
    log.clear();
    await log.db.transaction().execute((trx) => pub.areaIdsOfOrganisation(trx, org.id, '2026-06-01'));
    assert.equal(log.statements.filter((s) => /agreement_area_member/.test(s.sql)).length, 1);
  });
});
