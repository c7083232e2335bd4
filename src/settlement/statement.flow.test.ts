/**
 * Monthly statements end to end through the API: generation priced from the published tariff (problem lines where
 * no price exists), idempotent regeneration, who sees and does what (a buyer only its statements, a seller only its
 * own; 404 otherwise), the claim limit, and the flow: the seller sends, the buyer disputes a line, the seller
 * answers, the correction appears on the next month's statement.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { acceptedContracts, dayPricedOffering, orgOfUser } from '../testing/settlement-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import type { Actor } from '../core/auth/actor.js';
import { SDec } from './calculation.js';

let t: TestApp;
let seller: Session; // Holbæk, tilbudsøkonomi
let sellerCaseWorker: Session; // Holbæk, myndighed
let buyer: Session; // Næstved, tilbudsøkonomi + myndighed
let buyerReader: Session; // Næstved, læser
let outsider: Session; // Region Sjælland, tilbudsøkonomi
let provider: Session;
let secretariat: Session;
let holbaek: number;
let naestved: number;
let offering: Awaited<ReturnType<typeof dayPricedOffering>>;

before(async () => {
  t = await createTestApp();
  // One at a time: each login reads its own CSRF token back.
  seller = await t.login('demo-tilbudsoekonomi');
  sellerCaseWorker = await t.login('demo-myndighed');
  buyer = await t.login('demo-naestved');
  buyerReader = await t.login('demo-laeser');
  outsider = await t.login('demo-region');
  provider = await t.login('demo-leverandoer');
  secretariat = await t.login('demo-sekretariat');
  holbaek = await orgOfUser(t.db, 'demo-tilbudsoekonomi');
  naestved = await orgOfUser(t.db, 'demo-naestved');
  offering = await dayPricedOffering(t.db, holbaek, 2026);
  await acceptedContracts(t.db, {
    offeringId: offering.offeringId,
    buyerOrgId: naestved,
    periods: [
      { start: '2025-09-15', end: null, level: offering.level },
      { start: '2026-10-10', end: '2026-11-20', level: offering.level },
      { start: '2026-10-01', end: null, level: 'Niveau 9' },
    ],
  });
});
after(() => t.close());

const generate = (who: Session | null, month: string) => t.as(who, { method: 'POST', url: '/api/settlement/generate', payload: { month } });
async function statementOf(month: string, who: Session = seller) {
  const list = await t.as(who, { method: 'GET', url: `/api/settlement/statements?month=${month}&side=salg` });
  assert.equal(list.statusCode, 200, list.body);
  const s = list.json().statements.find((x: { buyer: { id: number } }) => x.buyer.id === naestved);
  assert.ok(s, `no statement for ${month}`);
  return (await t.as(who, { method: 'GET', url: `/api/settlement/statements/${s.id}` })).json();
}

describe('generating a month', () => {
  it('prices each contract from the published tariff of the month’s year; a missing level is a problem line, never a guess', async () => {
    const res = await generate(seller, '2026-10');
    assert.equal(res.statusCode, 200, res.body);
    const s = await statementOf('2026-10');
    assert.equal(s.status, 'kladde');
    assert.equal(s.seller.id, holbaek);
    const mine = s.lines.filter((l: { offeringId: number }) => l.offeringId === offering.offeringId);
    const whole = mine.find((l: { periodFrom: string; problem: string | null }) => l.periodFrom === '2026-10-01' && !l.problem);
    assert.equal(whole.days, 31);
    assert.equal(whole.unitPrice, new SDec(offering.price).toFixed());
    assert.equal(whole.amount, new SDec(offering.price).mul(31).toFixed(2));
    const part = mine.find((l: { periodFrom: string }) => l.periodFrom === '2026-10-10');
    assert.equal(part.days, 22);
    assert.equal(part.amount, new SDec(offering.price).mul(22).toFixed(2));
    const problem = mine.find((l: { problem: string | null }) => l.problem);
    assert.equal(problem.amount, null);
    assert.match(problem.problem, /Niveau 9/);
    assert.ok(s.problemCount >= 1);
    const sum = s.lines.reduce((a: InstanceType<typeof SDec>, l: { amount: string | null }) => (l.amount ? a.add(l.amount) : a), new SDec(0));
    assert.equal(new SDec(s.total).toFixed(2), sum.toFixed(2));
  });

  it('is idempotent: generating again gives the same statement and lines, not more', async () => {
    const first = await statementOf('2026-10');
    assert.equal((await generate(seller, '2026-10')).statusCode, 200);
    const again = await statementOf('2026-10');
    assert.equal(again.id, first.id);
    assert.equal(again.lines.length, first.lines.length);
    assert.equal(again.total, first.total);
  });

  it('refuses a future month, a bad month, and anyone who is not the seller’s economy staff', async () => {
    const future = await generate(seller, '2027-02');
    assert.equal(future.statusCode, 400);
    assert.ok(future.json().fields.month);
    assert.equal((await generate(seller, '2026-13')).statusCode, 400);
    assert.equal((await generate(null, '2026-10')).statusCode, 401);
    assert.equal((await generate(sellerCaseWorker, '2026-10')).statusCode, 403);
    assert.equal((await generate(buyerReader, '2026-10')).statusCode, 403);
    assert.equal((await generate(secretariat, '2026-10')).statusCode, 403);
  });
});

describe('who sees and acts', () => {
  it('a buyer sees only statements addressed to it, a seller only its own; others get 404', async () => {
    const s = await statementOf('2026-10');
    for (const who of [seller, sellerCaseWorker, buyer, buyerReader])
      assert.equal((await t.as(who, { method: 'GET', url: `/api/settlement/statements/${s.id}` })).statusCode, 200);
    for (const who of [outsider, provider, secretariat])
      assert.equal((await t.as(who, { method: 'GET', url: `/api/settlement/statements/${s.id}` })).statusCode, 404);
    assert.equal((await t.as(null, { method: 'GET', url: `/api/settlement/statements/${s.id}` })).statusCode, 401);
    const regionList = (await t.as(outsider, { method: 'GET', url: '/api/settlement/statements' })).json().statements;
    assert.ok(regionList.every((x: { seller: { id: number }; buyer: { id: number } }) => x.seller.id !== holbaek || x.buyer.id !== naestved));
    const buyerList = (await t.as(buyer, { method: 'GET', url: '/api/settlement/statements?side=koeb' })).json().statements;
    assert.ok(buyerList.length > 0 && buyerList.every((x: { buyer: { id: number } }) => x.buyer.id === naestved));
    assert.equal((await t.as(secretariat, { method: 'GET', url: '/api/settlement/statements' })).statusCode, 403);
    assert.equal((await t.as(seller, { method: 'GET', url: '/api/settlement/statements/999999' })).statusCode, 404);
    assert.equal((await t.as(seller, { method: 'GET', url: '/api/settlement/statements/abc' })).statusCode, 404);
  });

  it('only the seller’s economy staff send; the buyer cannot accept a draft', async () => {
    const s = await statementOf('2026-10');
    assert.equal((await t.as(sellerCaseWorker, { method: 'POST', url: `/api/settlement/statements/${s.id}/send` })).statusCode, 403);
    assert.equal((await t.as(buyer, { method: 'POST', url: `/api/settlement/statements/${s.id}/send` })).statusCode, 403);
    assert.equal((await t.as(outsider, { method: 'POST', url: `/api/settlement/statements/${s.id}/send` })).statusCode, 404);
    assert.equal((await t.as(buyer, { method: 'POST', url: `/api/settlement/statements/${s.id}/accept` })).statusCode, 409);
  });
});

describe('the flow: send, dispute, answer, correction next month', () => {
  it('the seller sends; the sent statement never changes on regeneration', async () => {
    const s = await statementOf('2026-10');
    const sent = await t.as(seller, { method: 'POST', url: `/api/settlement/statements/${s.id}/send` });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().status, 'sendt');
    assert.equal(sent.json().dueDate, '2026-12-31');
    assert.match(sent.json().legalReferences, /§ 174, stk\. 2.*barnets lov § 195, stk\. 2/);
    assert.equal((await t.as(seller, { method: 'POST', url: `/api/settlement/statements/${s.id}/send` })).statusCode, 409);
    await acceptedContracts(t.db, {
      offeringId: offering.offeringId,
      buyerOrgId: naestved,
      periods: [{ start: '2026-10-20', end: null, level: offering.level }],
    });
    await generate(seller, '2026-10');
    const after = await statementOf('2026-10');
    assert.equal(after.lines.length, s.lines.length);
    assert.equal(after.total, s.total);
  });

  it('the buyer disputes a line with a reason (the buyer’s reader and the seller may not)', async () => {
    const s = await statementOf('2026-10');
    const line = s.lines.find((l: { periodFrom: string }) => l.periodFrom === '2026-10-10');
    const url = `/api/settlement/statements/${s.id}/lines/${line.id}/dispute`;
    assert.equal((await t.as(buyerReader, { method: 'POST', url, payload: { reason: 'x' } })).statusCode, 403);
    assert.equal((await t.as(seller, { method: 'POST', url, payload: { reason: 'x' } })).statusCode, 403);
    assert.equal((await t.as(outsider, { method: 'POST', url, payload: { reason: 'x' } })).statusCode, 404);
    const empty = await t.as(buyer, { method: 'POST', url, payload: { reason: '' } });
    assert.equal(empty.statusCode, 400);
    assert.ok(empty.json().fields.reason);
    const cpr = await t.as(buyer, { method: 'POST', url, payload: { reason: 'Borger 010190-1234 flyttede' } });
    assert.equal(cpr.statusCode, 400);
    const problem = s.lines.find((l: { problem: string | null }) => l.problem);
    assert.equal(
      (await t.as(buyer, { method: 'POST', url: `/api/settlement/statements/${s.id}/lines/${problem.id}/dispute`, payload: { reason: 'x' } })).statusCode,
      409,
    );
    const res = await t.as(buyer, { method: 'POST', url, payload: { reason: 'Borgeren flyttede ind den 12., ikke den 10.' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'bestridt');
    assert.equal(res.json().lines.find((l: { id: number }) => l.id === line.id).dispute.reason, 'Borgeren flyttede ind den 12., ikke den 10.');
    assert.equal((await t.as(buyer, { method: 'POST', url, payload: { reason: 'igen' } })).statusCode, 409);
    assert.equal((await t.as(buyer, { method: 'POST', url: `/api/settlement/statements/${s.id}/accept` })).statusCode, 409);
    assert.equal(
      (await t.as(buyer, { method: 'POST', url: `/api/settlement/statements/${s.id}/lines/999999/dispute`, payload: { reason: 'x' } })).statusCode,
      404,
    );
  });

  it('the seller answers with the right amount; the statement is answered and the buyer accepts', async () => {
    const s = await statementOf('2026-10');
    const line = s.lines.find((l: { dispute: unknown }) => l.dispute);
    const url = `/api/settlement/statements/${s.id}/lines/${line.id}/answer`;
    assert.equal((await t.as(buyer, { method: 'POST', url, payload: { answer: 'fastholdt', text: 'x' } })).statusCode, 403);
    const missing = await t.as(seller, { method: 'POST', url, payload: { answer: 'korrigeret', text: 'Rettet til 20 dage.' } });
    assert.equal(missing.statusCode, 400);
    assert.ok(missing.json().fields.correctedAmount);
    const corrected = new SDec(offering.price).mul(20).toFixed(2);
    const res = await t.as(seller, { method: 'POST', url, payload: { answer: 'korrigeret', text: 'Rettet til 20 dage.', correctedAmount: corrected } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'besvaret');
    assert.equal((await t.as(seller, { method: 'POST', url, payload: { answer: 'fastholdt', text: 'x' } })).statusCode, 409);
    const accepted = await t.as(buyer, { method: 'POST', url: `/api/settlement/statements/${s.id}/accept` });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().status, 'accepteret');
    assert.equal((await t.as(buyer, { method: 'POST', url: `/api/settlement/statements/${s.id}/accept` })).statusCode, 409);
    assert.equal(
      (await t.as(buyer, { method: 'POST', url: `/api/settlement/statements/${s.id}/lines/${line.id}/dispute`, payload: { reason: 'x' } })).statusCode,
      409,
    );
  });

  it('the correction appears as an adjustment line on the next month’s statement, once', async () => {
    assert.equal((await generate(seller, '2026-11')).statusCode, 200);
    const nov = await statementOf('2026-11');
    const adjustments = nov.lines.filter((l: { kind: string }) => l.kind === 'adjustment');
    assert.equal(adjustments.length, 1);
    assert.equal(adjustments[0].amount, new SDec(offering.price).mul(-2).toFixed(2));
    assert.match(adjustments[0].text, /2026-10/);
    await generate(seller, '2026-11');
    assert.equal((await statementOf('2026-11')).lines.filter((l: { kind: string }) => l.kind === 'adjustment').length, 1);
    await generate(seller, '2026-12');
    assert.equal((await statementOf('2026-12')).lines.filter((l: { kind: string }) => l.kind === 'adjustment').length, 0);
  });
});

describe('the claim limit', () => {
  it('lines whose claim is older than 12 months when the statement is sent are marked', async () => {
    assert.equal((await generate(seller, '2025-10')).statusCode, 200);
    const s = await statementOf('2025-10');
    const sent = (await t.as(seller, { method: 'POST', url: `/api/settlement/statements/${s.id}/send` })).json();
    assert.ok(sent.lines.length > 0);
    assert.ok(sent.lines.every((l: { isOldClaim: boolean }) => l.isOldClaim));
    const recent = await statementOf('2026-11');
    await t.as(seller, { method: 'POST', url: `/api/settlement/statements/${recent.id}/send` });
    assert.ok((await statementOf('2026-11')).lines.every((l: { isOldClaim: boolean }) => !l.isOldClaim));
  });
});

describe('the scheduled job', () => {
  it('only the system may generate every seller’s statements; the job makes last month’s drafts', async () => {
    const { generateLastMonth, generateStatements } = await import('./statement.service.js');
    const { callContext } = await import('../core/context.js');
    const r = await generateLastMonth(callContext(t.ctx, null));
    assert.equal(r.month, '2026-11');
    const someone: Actor = {
      userId: 1,
      username: 'demo-tilbudsoekonomi',
      displayName: 'Tina',
      organisationId: holbaek,
      organisationName: 'Holbæk Kommune',
      organisationKind: 'municipality',
      areaIds: [],
      roles: ['tilbudsoekonomi'],
      via: 'session',
    };
    await assert.rejects(() => generateStatements(callContext(t.ctx, someone), '2026-11', null), /planlagte/);
  });
});
