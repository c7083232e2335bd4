/**
 * The free-place arithmetic on real rows: the reservable places are the operator's report minus the reservations
 * and contracts made since it (a contract drafted from a reservation replaces it in the count; imported contracts
 * and ended ones do not count against a report), Ramme's own figure beside it counts every contract and
 * reservation holding a place, and the reservation path and the place search read the same counts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { copenhagenDate, type Clock } from '../core/clock.js';
import { clearContractsOf, offeringOf } from '../testing/access.js';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';

let at = new Date('2026-12-01T10:00:00Z');
const clock: Clock = { now: () => new Date(at.getTime()), today: () => copenhagenDate(at) };
const later = (hours: number) => {
  at = new Date(at.getTime() + hours * 3_600_000);
};

let t: TestApp;
let offering: number;
let buyer: number;
let template: number;
let operator: Session;
let caseWorker: Session;

before(async () => {
  t = await createTestApp({ clock });
  offering = await offeringOf(t.db, 316);
  await t.db.updateTable('offering').set({ status: 'aktiv', places: 10 }).where('id', '=', offering).execute();
  await clearContractsOf(t.db, offering);
  buyer = (await t.db.selectFrom('organisation').select('id').where('kind', '=', 'municipality').where('municipality_code', '=', 316).executeTakeFirstOrThrow())
    .id;
  template = (await t.db.selectFrom('contract_template').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  operator = await t.login('demo-tilbudsoekonomi');
  caseWorker = await t.login('demo-myndighed');
});
after(() => t.close());

const figures = async () => (await t.as(caseWorker, { method: 'GET', url: `/api/offerings/${offering}/vacancies` })).json();
const reserve = (ref: string) =>
  t.as(caseWorker, { method: 'POST', url: `/api/offerings/${offering}/reservations`, payload: { caseReference: ref, startDate: '2027-01-04' } });

/** A contract inserted as another path would make it (import, or a contract made elsewhere in Ramme). */
async function insertContract(v: { ref: string; isImported: boolean; endDate?: string | null }) {
  await t.db
    .insertInto('contract')
    .values({
      offering_id: offering,
      buyer_org_id: buyer,
      template_id: v.isImported ? null : template,
      is_standard: !v.isImported,
      is_imported: v.isImported,
      case_reference: v.ref,
      start_date: '2025-01-01',
      end_date: v.endDate ?? null,
      current_end_date: v.endDate ?? null,
      status: 'accepteret',
      created_at: clock.now(),
      created_by: 'test',
    })
    .execute();
}

describe('free places counted from reports, reservations and contracts', () => {
  it('starts from the report: 3 free, and Ramme (10 places − 1 taken outside) sees 9 and flags the difference', async () => {
    const res = await t.as(operator, { method: 'PUT', url: `/api/offerings/${offering}/vacancies`, payload: { freeNow: 3, takenOutside: 1 } });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().reservable, res.json().ownFigure, res.json().isDifferent], [3, 9, true]);
  });

  it('counts six imported contracts in Ramme’s figure but not against the report: 3 and 3, no flag', async () => {
    for (let i = 0; i < 6; i++) await insertContract({ ref: `HOL-IMP-${i}`, isImported: true });
    const v = await figures();
    assert.deepEqual([v.reservable, v.ownFigure, v.isDifferent], [3, 3, false]);
  });

  it('lowers both by a reservation made after the report: 2 and 2', async () => {
    later(1);
    assert.equal((await reserve('HOL-CNT-1')).statusCode, 201);
    const v = await figures();
    assert.deepEqual([v.reservable, v.ownFigure], [2, 2]);
  });

  it('keeps the place taken when the confirmed reservation becomes a contract (counted once): 2 and 2', async () => {
    const r = (await t.db.selectFrom('reservation').select('id').where('case_reference', '=', 'HOL-CNT-1').executeTakeFirstOrThrow()).id;
    later(1);
    assert.equal((await t.as(operator, { method: 'POST', url: `/api/reservations/${r}/decision`, payload: { decision: 'bekraeft' } })).statusCode, 200);
    const c = await t.as(caseWorker, { method: 'POST', url: `/api/reservations/${r}/contract` });
    assert.equal(c.statusCode, 201, c.body);
    const v = await figures();
    assert.deepEqual([v.reservable, v.ownFigure], [2, 2]);
  });

  it('lowers the free count by a contract made after the report, without a reservation: 1 and 1', async () => {
    later(1);
    await insertContract({ ref: 'HOL-NEW-1', isImported: false });
    const v = await figures();
    assert.deepEqual([v.reservable, v.ownFigure], [1, 1]);
  });

  it('does not count a contract that has ended', async () => {
    await insertContract({ ref: 'HOL-OLD-1', isImported: false, endDate: '2026-11-30' });
    const v = await figures();
    assert.deepEqual([v.reservable, v.ownFigure], [1, 1]);
  });

  it('shows the same free count in the place search and keeps it with the search', async () => {
    const page = await t.as(caseWorker, { method: 'GET', url: '/pladser/soeg?soeg=1&municipality=316', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    const search = await t.db.selectFrom('place_search').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const row = await t.db
      .selectFrom('place_search_result')
      .select('free_places')
      .where('search_id', '=', search.id)
      .where('offering_id', '=', offering)
      .executeTakeFirstOrThrow();
    assert.equal(row.free_places, 1);
  });

  it('lets the reservation path see the contracts: the one place left goes, the next request gets 409', async () => {
    assert.equal((await reserve('HOL-CNT-2')).statusCode, 201);
    const refused = await reserve('HOL-CNT-3');
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().error, /ingen ledig plads/);
  });

  it('starts again from a new report: what was made before it no longer counts against it', async () => {
    later(1);
    const res = await t.as(operator, { method: 'PUT', url: `/api/offerings/${offering}/vacancies`, payload: { freeNow: 1, takenOutside: 0 } });
    // 10 − 8 contracts (6 imported, 2 running) − 1 reservation − 0 outside = 1; reservable 1 from the new report.
    assert.deepEqual([res.json().reservable, res.json().ownFigure, res.json().isDifferent], [1, 1, false]);
  });
});

describe('a confirmed reservation holds until its contract or the area’s days', () => {
  const decide = (id: number) => t.as(operator, { method: 'POST', url: `/api/reservations/${id}/decision`, payload: { decision: 'bekraeft' } });
  const draft = (id: number) => t.as(caseWorker, { method: 'POST', url: `/api/reservations/${id}/contract` });
  let pending: number;

  it('holds a confirmed reservation for 14 days from the confirmation (the area’s rule)', async () => {
    await t.as(operator, { method: 'PUT', url: `/api/offerings/${offering}/vacancies`, payload: { freeNow: 3 } });
    const made = await reserve('HOL-HOLD-1');
    assert.equal(made.statusCode, 201, made.body);
    pending = (await reserve('HOL-HOLD-2')).json().id;
    later(2);
    const confirmed = await decide(made.json().id);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().expiresAt, new Date(at.getTime() + 14 * 86_400_000).toISOString());
    later(13 * 24);
    // 13 days on: the confirmed one still holds its place; the pending one expired after 72 hours. 3 − 1 = 2.
    assert.equal((await figures()).reservable, 2);
  });

  it('frees the place when no contract was drafted in time, and refuses the draft', async () => {
    const id = (await t.db.selectFrom('reservation').select('id').where('case_reference', '=', 'HOL-HOLD-1').executeTakeFirstOrThrow()).id;
    later(2 * 24);
    assert.equal((await figures()).reservable, 3);
    const refused = await draft(id);
    assert.ok(pending > 0);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().error, /udløbet/);
    const page = await t.as(caseWorker, { method: 'GET', url: `/pladser/reservationer/${id}`, headers: { accept: 'text/html' } });
    assert.match(page.body, /Udløbet/);
  });

  it('keeps a reservation that became a contract confirmed and uncounted; it cannot be cancelled', async () => {
    const id = (await t.db.selectFrom('reservation').select('id').where('case_reference', '=', 'HOL-CNT-1').executeTakeFirstOrThrow()).id;
    const page = await t.as(caseWorker, { method: 'GET', url: `/pladser/reservationer/${id}`, headers: { accept: 'text/html' } });
    assert.match(page.body, /Bekræftet/);
    assert.match(page.body, /blevet til en kontrakt/);
    const cancel = await t.as(caseWorker, {
      method: 'POST',
      url: `/pladser/reservationer/${id}/annuller`,
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: caseWorker.csrf }),
    });
    assert.equal(cancel.statusCode, 409);
  });
});
