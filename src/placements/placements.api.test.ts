/**
 * The placements API as its users rely on it: the operator reports free places, a case worker reserves one,
 * the operator confirms or declines; writes are refused to those who may not make them, CPR numbers are
 * refused on the field, expiry follows the area's rule, and every change is audited.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { clearContractsOf, offeringOf, providerOffering } from '../testing/access.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let holbaekOffering: number;
let operator: Session;
let caseWorker: Session;

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-01T10:00:00Z') });
  holbaekOffering = await offeringOf(t.db, 316);
  await t.db.updateTable('offering').set({ status: 'aktiv' }).where('id', '=', holbaekOffering).execute();
  operator = await t.login('demo-tilbudsoekonomi');
  caseWorker = await t.login('demo-myndighed');
});
after(() => t.close());

const put = (s: Session | null, id: number, payload: unknown) => t.as(s, { method: 'PUT', url: `/api/offerings/${id}/vacancies`, payload: payload as object });
const reserve = (s: Session | null, id: number, payload: unknown) =>
  t.as(s, { method: 'POST', url: `/api/offerings/${id}/reservations`, payload: payload as object });

describe('vacancy reports', () => {
  it('lets the operator set the report and reads back the reservable places and its age', async () => {
    const res = await put(operator, holbaekOffering, { freeNow: 2, waitingCount: 1, expected: [{ date: '2027-02-01', places: 1 }] });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.freeNow, 2);
    assert.equal(body.reservable, 2);
    assert.equal(body.ageDays, 0);
    assert.equal(body.isStale, false);
    assert.deepEqual(body.expected, [{ date: '2027-02-01', places: 1 }]);
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'vacancy_report')
      .where('entity_id', '=', String(holbaekOffering))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(String(JSON.stringify(audited.after)), /"freeNow":2/);
  });

  it('refuses the case worker (403), another operator (403) and anonymous (401); the report stays', async () => {
    assert.equal((await put(caseWorker, holbaekOffering, { freeNow: 9 })).statusCode, 403);
    assert.equal((await put(await t.login('demo-leverandoer'), holbaekOffering, { freeNow: 9 })).statusCode, 403);
    assert.equal((await put(null, holbaekOffering, { freeNow: 9 })).statusCode, 401);
    assert.equal((await t.as(caseWorker, { method: 'GET', url: `/api/offerings/${holbaekOffering}/vacancies` })).json().freeNow, 2);
  });

  it('refuses a negative count and a CPR number in the note with Danish messages on the fields', async () => {
    const neg = await put(operator, holbaekOffering, { freeNow: -1 });
    assert.equal(neg.statusCode, 400);
    assert.ok(neg.json().fields.freeNow);
    const cpr = await put(operator, holbaekOffering, { freeNow: 1, note: 'Borger 010190-1234 flytter' });
    assert.equal(cpr.statusCode, 400);
    assert.match(cpr.json().fields.note[0], /CPR-nummer/);
  });

  it('lets the provider report its own offering', async () => {
    const res = await put(await t.login('demo-leverandoer'), await providerOffering(t.db), { freeNow: 0 });
    assert.equal(res.statusCode, 200, res.body);
  });
});

describe('reservations', () => {
  it('reserves a free place for 72 hours and counts it against the report', async () => {
    const res = await reserve(caseWorker, holbaekOffering, { caseReference: 'HOL-2026-0042', startDate: '2027-01-04' });
    assert.equal(res.statusCode, 201, res.body);
    const r = res.json();
    assert.equal(r.expiresAt, '2026-12-04T10:00:00.000Z');
    assert.equal(r.state, 'afventer');
    const v = (await t.as(caseWorker, { method: 'GET', url: `/api/offerings/${holbaekOffering}/vacancies` })).json();
    assert.equal(v.reservable, 1);
  });

  it('answers 409 with a Danish message when no place is left', async () => {
    assert.equal((await reserve(caseWorker, holbaekOffering, { caseReference: 'HOL-2026-0043', startDate: '2027-01-04' })).statusCode, 201);
    const res = await reserve(caseWorker, holbaekOffering, { caseReference: 'HOL-2026-0044', startDate: '2027-01-04' });
    assert.equal(res.statusCode, 409);
    assert.match(res.json().error, /ingen ledig plads/);
  });

  it('refuses a case reference that looks like a CPR number, naming caseReference, and stores nothing of it', async () => {
    await put(operator, holbaekOffering, { freeNow: 5 });
    for (const caseReference of ['010190-1234', '0101901234']) {
      const res = await reserve(caseWorker, holbaekOffering, { caseReference, startDate: '2027-01-04' });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(Object.keys(res.json().fields), ['caseReference']);
      assert.doesNotMatch(res.body, /1234/);
    }
    const stored = await t.db.selectFrom('reservation').select('id').where('case_reference', 'like', '%1234%').execute();
    assert.equal(stored.length, 0);
    const logged = await t.db.selectFrom('audit_log').select('id').where('after', 'is not', null).execute();
    assert.ok(logged.length > 0);
    const leak = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where((eb) => eb(eb.cast('after', 'text'), 'like', '%010190%'))
      .execute();
    assert.equal(leak.length, 0);
  });

  it('accepts phone numbers and EAN numbers in the case reference', async () => {
    const res = await reserve(caseWorker, holbaekOffering, { caseReference: 'EAN 5798000012345 tlf 12345678', startDate: '2027-01-04' });
    assert.equal(res.statusCode, 201, res.body);
  });

  it('refuses a start date in the past, and the operator role cannot reserve', async () => {
    const past = await reserve(caseWorker, holbaekOffering, { caseReference: 'HOL-1', startDate: '2026-11-30' });
    assert.equal(past.statusCode, 400);
    assert.ok(past.json().fields.startDate);
    assert.equal((await reserve(operator, holbaekOffering, { caseReference: 'HOL-1', startDate: '2027-01-04' })).statusCode, 403);
  });

  it('lets the operator confirm, and decline only with a reason; a decided reservation cannot be decided again', async () => {
    const a = (await reserve(caseWorker, holbaekOffering, { caseReference: 'HOL-A', startDate: '2027-01-04' })).json();
    const b = (await reserve(caseWorker, holbaekOffering, { caseReference: 'HOL-B', startDate: '2027-01-04' })).json();
    const decide = (s: Session, id: number, payload: object) => t.as(s, { method: 'POST', url: `/api/reservations/${id}/decision`, payload });
    assert.equal((await decide(caseWorker, a.id, { decision: 'bekraeft' })).statusCode, 403);
    const ok = await decide(operator, a.id, { decision: 'bekraeft' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().state, 'bekraeftet');
    assert.equal((await decide(operator, a.id, { decision: 'afvis', reason: 'For sent' })).statusCode, 409);
    const noReason = await decide(operator, b.id, { decision: 'afvis' });
    assert.equal(noReason.statusCode, 400);
    const declined = await decide(operator, b.id, { decision: 'afvis', reason: 'Kan ikke møde behovet for nattevagt.' });
    assert.equal(declined.json().state, 'afvist');
    assert.equal((await decide(await t.login('demo-leverandoer'), a.id, { decision: 'bekraeft' })).statusCode, 404);
  });
});

describe('expiry', () => {
  it('stops counting a pending reservation once its hours have passed, with no job', async () => {
    const later = await createTestApp({ clock: fixedClock('2026-12-05T10:00:00Z') });
    try {
      const offering = await offeringOf(later.db, 316);
      await later.db.updateTable('offering').set({ status: 'aktiv' }).where('id', '=', offering).execute();
      await clearContractsOf(later.db, offering);
      const reportedAt = new Date('2026-12-01T09:00:00Z');
      await later.db
        .insertInto('vacancy_report')
        .values({
          offering_id: offering,
          free_now: 1,
          waiting_count: 0,
          taken_outside: 0,
          note: null,
          reported_at: reportedAt,
          reported_by: 'x',
          confirmed_at: reportedAt,
          confirmed_by: 'x',
        })
        .onConflict((oc) => oc.column('offering_id').doUpdateSet({ free_now: 1, reported_at: reportedAt, confirmed_at: reportedAt }))
        .execute();
      const buyer = (
        await later.db.selectFrom('organisation').select('id').where('municipality_code', '=', 316).where('kind', '=', 'municipality').executeTakeFirstOrThrow()
      ).id;
      await later.db
        .insertInto('reservation')
        .values({
          offering_id: offering,
          buyer_org_id: buyer,
          case_reference: 'HOL-OLD',
          start_date: '2027-01-04',
          status: 'afventer',
          created_at: new Date('2026-12-01T10:00:00Z'),
          created_by: 'x',
          expires_at: new Date('2026-12-04T10:00:00Z'),
        })
        .execute();
      const s = await later.login('demo-myndighed');
      const v = (await later.as(s, { method: 'GET', url: `/api/offerings/${offering}/vacancies` })).json();
      assert.equal(v.reservable, 1, 'the expired reservation no longer holds the place');
      assert.equal(v.ageDays, 4);
    } finally {
      await later.close();
    }
  });
});
