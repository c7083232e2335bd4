/**
 * The flow of the issue: a case worker searches, reserves a public place, the operator confirms, the contract is
 * sent and accepted; a private purchase is stopped (400 on publicFirstCheck) until the check is recorded.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { offeringOf, providerOffering } from '../testing/access.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let caseWorker: Session;

before(async () => {
  t = await createTestApp();
  caseWorker = await t.login('demo-myndighed');
});
after(() => t.close());

async function reserveAndConfirm(offeringId: number, operator: Session, searchId: number | null) {
  await t.db.updateTable('offering').set({ status: 'aktiv' }).where('id', '=', offeringId).execute();
  assert.equal((await t.as(operator, { method: 'PUT', url: `/api/offerings/${offeringId}/vacancies`, payload: { freeNow: 1 } })).statusCode, 200);
  const r = await t.as(caseWorker, {
    method: 'POST',
    url: `/api/offerings/${offeringId}/reservations`,
    payload: { caseReference: `HOL-K-${offeringId}`, startDate: '2027-01-04', searchId },
  });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json().id as number;
  assert.equal((await t.as(operator, { method: 'POST', url: `/api/reservations/${id}/decision`, payload: { decision: 'bekraeft' } })).statusCode, 200);
  const c = await t.as(caseWorker, { method: 'POST', url: `/api/reservations/${id}/contract` });
  assert.equal(c.statusCode, 201, c.body);
  // Sending needs the complete terms (parties, period, goals and follow-up, payment).
  const draft = c.json();
  const terms = await t.as(caseWorker, {
    method: 'PUT',
    url: `/api/contracts/${draft.id}/terms`,
    headers: { 'if-match': `"${draft.version}"` },
    payload: {
      buyerDepartment: 'Socialafdelingen',
      buyerEan: '5798000123456',
      providerCvr: '12345678',
      buyerContact: { name: 'Mette Myndighed' },
      providerContact: { name: 'Lars Leder' },
      tariffLevel: draft.tariffLevel,
      endDate: '2027-12-31',
      expectedDurationMonths: 12,
      goals: 'Mere selvhjulpen i egen bolig.',
      followUpDates: ['2027-03-01'],
      paymentTiming: 'bagud',
      paymentDays: 30,
    },
  });
  assert.equal(terms.statusCode, 200, terms.body);
  return terms.json();
}

async function latestSearch() {
  await t.as(caseWorker, { method: 'GET', url: '/pladser/soeg?soeg=1&onlyFree=on', headers: { accept: 'text/html' } });
  return t.db.selectFrom('place_search').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
}

describe('standard contract', () => {
  it('a public place: draft on the inside template with its version, sent by the buyer, accepted by the provider', async () => {
    const operator = await t.login('demo-tilbudsoekonomi');
    const search = await latestSearch();
    const c = await reserveAndConfirm(await offeringOf(t.db, 316), operator, search.id);
    assert.equal(c.status, 'kladde');
    assert.match(c.templateCode, /^inside_|^outside_/);
    assert.equal(c.templateVersion, 1);
    assert.equal((await t.as(operator, { method: 'POST', url: `/api/contracts/${c.id}/send` })).statusCode, 403);
    const sent = await t.as(caseWorker, { method: 'POST', url: `/api/contracts/${c.id}/send` });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal((await t.as(caseWorker, { method: 'POST', url: `/api/contracts/${c.id}/accept` })).statusCode, 403);
    const accepted = await t.as(operator, { method: 'POST', url: `/api/contracts/${c.id}/accept` });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().status, 'accepteret');
    assert.equal(accepted.json().acceptedBy, 'demo-tilbudsoekonomi');
    assert.equal((await t.as(operator, { method: 'POST', url: `/api/contracts/${c.id}/accept` })).statusCode, 409);
  });

  it('a private place cannot be sent until the public-first check is recorded', async () => {
    const provider = await t.login('demo-leverandoer');
    const c = await reserveAndConfirm(await providerOffering(t.db), provider, null);
    const refused = await t.as(caseWorker, { method: 'POST', url: `/api/contracts/${c.id}/send` });
    assert.equal(refused.statusCode, 400);
    assert.ok(refused.json().fields.publicFirstCheck[0].length > 0);
    const search = await latestSearch();
    assert.ok(search.public_with_place_count > 0);
    await t.as(caseWorker, { method: 'PUT', url: `/api/contracts/${c.id}/public-first-check`, payload: { searchId: search.id } });
    const noReason = await t.as(caseWorker, { method: 'POST', url: `/api/contracts/${c.id}/send` });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.json().fields.publicFirstCheck[0], /begrundelse/);
    const cpr = await t.as(caseWorker, {
      method: 'PUT',
      url: `/api/contracts/${c.id}/public-first-check`,
      payload: { searchId: search.id, reasonCode: 'afstand', reasonText: 'Borger 0101901234' },
    });
    assert.equal(cpr.statusCode, 400);
    const ok = await t.as(caseWorker, {
      method: 'PUT',
      url: `/api/contracts/${c.id}/public-first-check`,
      payload: { searchId: search.id, reasonCode: 'afstand', reasonText: 'Borgerens netværk bor tæt på tilbuddet.' },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const sent = await t.as(caseWorker, { method: 'POST', url: `/api/contracts/${c.id}/send` });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().status, 'sendt');
  });
});
