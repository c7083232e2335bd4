/**
 * The placement pages as their users rely on them: the search keeps each submitted search with the offerings
 * shown, puts public offerings with a free place first where Sjælland's rule applies and says how many, filters
 * to free places; the operator reports and confirms in one click; the secretariat sees stale reports per
 * operator; a case worker reserves from the form and the operator confirms on the reservation page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { offeringOf } from '../testing/access.js';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let caseWorker: Session;
let operator: Session;

before(async () => {
  t = await createTestApp();
  caseWorker = await t.login('demo-myndighed');
  operator = await t.login('demo-tilbudsoekonomi');
});
after(() => t.close());

const html = { accept: 'text/html' };

describe('place search', () => {
  it('shows the form without keeping a search until it is submitted', async () => {
    const before = await t.db.selectFrom('place_search').select('id').execute();
    const res = await t.as(caseWorker, { method: 'GET', url: '/pladser/soeg', headers: html });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Søg en plads/);
    assert.equal((await t.db.selectFrom('place_search').select('id').execute()).length, before.length);
  });

  it('keeps a submitted search with the offerings shown and puts public offerings with a free place first, saying how many', async () => {
    const res = await t.as(caseWorker, { method: 'GET', url: '/pladser/soeg?soeg=1&onlyFree=on', headers: html });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    const search = await t.db.selectFrom('place_search').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(search.is_public_first, true, 'Sjælland’s principle applies from 2025');
    assert.ok(search.public_with_place_count > 0);
    assert.match(res.body, new RegExp(`${search.public_with_place_count} egned?e? offentlige? tilbud med ledig plads`));
    const results = await t.db.selectFrom('place_search_result').selectAll().where('search_id', '=', search.id).orderBy('sort').execute();
    assert.equal(results.length, search.result_count);
    assert.ok(
      results.every((r) => r.free_places > 0),
      'only offerings with a free place',
    );
    const firsts = results.slice(0, search.public_with_place_count);
    assert.ok(firsts.every((r) => r.is_public));
    assert.ok(
      results.some((r) => !r.is_public),
      'private offerings are not hidden',
    );
  });

  it('narrows by legal basis and age', async () => {
    const res = await t.as(caseWorker, { method: 'GET', url: '/pladser/soeg?soeg=1&legalBasis=SEL-107&legalBasis=SEL-108&age=30', headers: html });
    assert.equal(res.statusCode, 200);
    const search = await t.db.selectFrom('place_search').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual((search.criteria as { legalBasis: string[] }).legalBasis, ['SEL-107', 'SEL-108']);
    const ids = (await t.db.selectFrom('place_search_result').select('offering_id').where('search_id', '=', search.id).execute()).map((r) => r.offering_id);
    if (ids.length) {
      const rows = await t.db.selectFrom('offering').select(['age_min', 'age_max']).where('id', 'in', ids).execute();
      assert.ok(rows.every((r) => r.age_min <= 30 && r.age_max >= 30));
    }
  });

  it('is for case workers only', async () => {
    assert.equal((await t.as(operator, { method: 'GET', url: '/pladser/soeg', headers: html })).statusCode, 403);
  });
});

describe('reporting and reserving through the pages', () => {
  it('saves a report from the form, refuses an empty count on the field, and confirms "no change" in one click', async () => {
    const id = await offeringOf(t.db, 316);
    await t.db.updateTable('offering').set({ status: 'aktiv' }).where('id', '=', id).execute();
    const bad = await t.as(operator, {
      method: 'POST',
      url: `/pladser/tilbud/${id}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...html },
      payload: form({ _csrf: operator.csrf, freeNow: '' }),
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Ledige pladser nu/);
    const ok = await t.as(operator, {
      method: 'POST',
      url: `/pladser/tilbud/${id}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: operator.csrf, freeNow: '1', waitingCount: '0', takenOutside: '0', expectedDate: '2027-03-01', expectedPlaces: '1' }),
    });
    assert.equal(ok.statusCode, 303);
    const confirm = await t.as(operator, {
      method: 'POST',
      url: `/pladser/tilbud/${id}/bekraeft`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: operator.csrf }),
    });
    assert.equal(confirm.statusCode, 303);
    const page = await t.as(operator, { method: 'GET', url: `/pladser/tilbud/${id}?gemt=bekraeftet`, headers: html });
    assert.match(page.body, /opdateret i dag/);
  });

  it('reserves from the form, and the operator confirms on the reservation page', async () => {
    const id = await offeringOf(t.db, 316);
    const cpr = await t.as(caseWorker, {
      method: 'POST',
      url: `/pladser/tilbud/${id}/reserver`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...html },
      payload: form({ _csrf: caseWorker.csrf, caseReference: '010190-1234', startDate: '2027-01-04' }),
    });
    assert.equal(cpr.statusCode, 400);
    assert.match(cpr.body, /CPR-nummer/);
    assert.doesNotMatch(cpr.body, /010190-1234/);
    const res = await t.as(caseWorker, {
      method: 'POST',
      url: `/pladser/tilbud/${id}/reserver`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: caseWorker.csrf, caseReference: 'HOL-2026-7', startDate: '2027-01-04' }),
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const url = res.headers.location as string;
    const again = await t.as(caseWorker, {
      method: 'POST',
      url: `/pladser/tilbud/${id}/reserver`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...html },
      payload: form({ _csrf: caseWorker.csrf, caseReference: 'HOL-2026-8', startDate: '2027-01-04' }),
    });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /ingen ledig plads/);
    const confirm = await t.as(operator, {
      method: 'POST',
      url: `${url}/bekraeft`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: operator.csrf }),
    });
    assert.equal(confirm.statusCode, 303);
    const page = await t.as(caseWorker, { method: 'GET', url, headers: html });
    assert.match(page.body, /Bekræftet/);
  });
});

describe('stale reports', () => {
  it('lists the stale reports per operator for the secretariat', async () => {
    const res = await t.as(await t.login('demo-sekretariat'), { method: 'GET', url: '/pladser/foraeldede', headers: html });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /ældre, end reglen tillader/);
    assert.match(res.body, /\(forældet\)/);
  });
});
