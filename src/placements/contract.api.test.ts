/**
 * The complete standard contract through the API: terms (validation, CPR guard, 412 on a stale version), sending
 * refused while incomplete (naming the fields), the list scoped per role (the reader sees counts only), notice by
 * either party with the end date from the notice rule, amendments as versions, and the transitions re-checked
 * under concurrency. Every write is audited.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { offeringOf, providerOffering } from '../testing/access.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let caseWorker: Session;
let operator: Session;
let provider: Session;
let secretariat: Session;
let reader: Session;

const START = '2026-12-14';

before(async () => {
  t = await createTestApp();
  caseWorker = await t.login('demo-myndighed');
  operator = await t.login('demo-tilbudsoekonomi');
  provider = await t.login('demo-leverandoer');
  secretariat = await t.login('demo-sekretariat');
  reader = await t.login('demo-laeser');
});
after(() => t.close());

let caseNo = 0;
/** A confirmed reservation on the offering, made into a draft by Holbæk's case worker. */
async function draft(offeringId: number, by: Session) {
  await t.db.updateTable('offering').set({ status: 'aktiv' }).where('id', '=', offeringId).execute();
  assert.equal((await t.as(by, { method: 'PUT', url: `/api/offerings/${offeringId}/vacancies`, payload: { freeNow: 500 } })).statusCode, 200);
  const r = await t.as(caseWorker, {
    method: 'POST',
    url: `/api/offerings/${offeringId}/reservations`,
    payload: { caseReference: `HOL-KT-${++caseNo}`, startDate: START },
  });
  assert.equal(r.statusCode, 201, r.body);
  assert.equal((await t.as(by, { method: 'POST', url: `/api/reservations/${r.json().id}/decision`, payload: { decision: 'bekraeft' } })).statusCode, 200);
  const c = await t.as(caseWorker, { method: 'POST', url: `/api/reservations/${r.json().id}/contract` });
  assert.equal(c.statusCode, 201, c.body);
  return c.json();
}

const termsFor = (c: { version: number; tariffLevel: string | null }) => ({
  version: c.version,
  buyerDepartment: 'Socialafdelingen, Voksenhandicap',
  buyerEan: '5798000123456',
  providerEan: '5798000654321',
  buyerContact: { name: 'Mette Myndighed', phone: '72 36 36 36', email: 'mette@holbaek.dk' },
  providerContact: { name: 'Lars Leder', phone: '+45 12 34 56 78', email: null },
  tariffLevel: c.tariffLevel,
  addOns: [{ text: 'Ekstra støtte om natten', price: '450,5', unit: 'dag', periodFrom: START, periodTo: null }],
  endDate: '2027-12-13',
  expectedDurationMonths: 12,
  goals: 'Borgeren kan selv handle ind og lave mad; støtten trappes ned.',
  followUpDates: ['2027-02-15', '2027-06-15'],
  paymentTiming: 'bagud',
  paymentDays: 30,
});

async function complete(c: { id: number; version: number; tariffLevel: string | null }) {
  const res = await t.as(caseWorker, { method: 'PUT', url: `/api/contracts/${c.id}/terms`, payload: termsFor(c) });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

async function accepted(offeringId: number, by: Session) {
  const c = await complete(await draft(offeringId, by));
  assert.equal((await t.as(caseWorker, { method: 'POST', url: `/api/contracts/${c.id}/send` })).statusCode, 200);
  const a = await t.as(by, { method: 'POST', url: `/api/contracts/${c.id}/accept` });
  assert.equal(a.statusCode, 200, a.body);
  return a.json();
}

describe('contract terms', () => {
  it('saves the complete terms on a draft, priced from the published tariff, and counts the version up', async () => {
    const c = await draft(await offeringOf(t.db, 316), operator);
    assert.equal(c.version, 1);
    assert.equal(c.indexation, 'naeste_takst');
    assert.equal(c.noticePeriods.isPlaceholder, true);
    assert.ok(c.missing.buyerEan && c.missing.endDate, 'a fresh draft names what is missing');
    const saved = await complete(c);
    assert.equal(saved.version, 2);
    assert.equal(saved.buyer.ean, '5798000123456');
    assert.equal(saved.addOns[0].price, '450.50');
    assert.equal(saved.isTimeLimited, true);
    assert.deepEqual(saved.followUpDates, ['2027-02-15', '2027-06-15']);
    assert.deepEqual(saved.missing, {});
    const audit = await t.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'contract').where('entity_id', '=', String(c.id)).execute();
    assert.ok(audit.length >= 2);
  });

  it('refuses bad terms with Danish messages naming the fields, and a CPR number in any text', async () => {
    const c = await draft(await offeringOf(t.db, 316), operator);
    const bad = await t.as(caseWorker, {
      method: 'PUT',
      url: `/api/contracts/${c.id}/terms`,
      payload: { ...termsFor(c), buyerEan: '12345', paymentDays: 45, followUpDates: ['2027-04-01'] },
    });
    assert.equal(bad.statusCode, 400);
    const fields = bad.json().fields;
    assert.match(fields.buyerEan[0], /13 cifre/);
    assert.match(fields.paymentDays[0], /30 dage/);
    // The platform's guard refuses a CPR number before any other rule, naming the field.
    const cpr = await t.as(caseWorker, {
      method: 'PUT',
      url: `/api/contracts/${c.id}/terms`,
      payload: { ...termsFor(c), goals: 'Borger 010190-1234 skal støttes' },
    });
    assert.equal(cpr.statusCode, 400);
    assert.match(cpr.json().fields.goals[0], /CPR-nummer/);
    assert.ok(!cpr.body.includes('010190-1234'), 'the CPR number is not repeated');
    const mail = await t.as(caseWorker, {
      method: 'PUT',
      url: `/api/contracts/${c.id}/terms`,
      payload: { ...termsFor(c), buyerContact: { name: 'Mette', phone: '0101901234', email: '0101901234@holbaek.dk' } },
    });
    assert.equal(mail.statusCode, 400);
    assert.match(mail.json().fields['buyerContact.email'][0], /CPR-nummer/);
    assert.match(mail.json().fields['buyerContact.phone'][0], /CPR-nummer/);
    const late = await t.as(caseWorker, { method: 'PUT', url: `/api/contracts/${c.id}/terms`, payload: { ...termsFor(c), followUpDates: ['2027-04-01'] } });
    assert.equal(late.statusCode, 400);
    assert.match(late.json().fields.followUpDates[0], /senest 3 måneder/);
    const level = await t.as(caseWorker, { method: 'PUT', url: `/api/contracts/${c.id}/terms`, payload: { ...termsFor(c), tariffLevel: 'Luksus' } });
    assert.equal(level.statusCode, 400);
    assert.ok(level.json().fields.tariffLevel);
    const row = await t.db.selectFrom('contract').select(['version', 'buyer_ean']).where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { version: 1, buyer_ean: null }, 'nothing half-saved');
  });

  it('answers 412 on a stale version (body or If-Match) and 409 once sent', async () => {
    const c = await draft(await offeringOf(t.db, 316), operator);
    await complete(c);
    const stale = await t.as(caseWorker, { method: 'PUT', url: `/api/contracts/${c.id}/terms`, payload: termsFor(c) });
    assert.equal(stale.statusCode, 412);
    const { version: _, ...noVersion } = termsFor(c);
    const staleHeader = await t.as(caseWorker, { method: 'PUT', url: `/api/contracts/${c.id}/terms`, headers: { 'if-match': '"1"' }, payload: noVersion });
    assert.equal(staleHeader.statusCode, 412);
    const fresh = await t.as(caseWorker, { method: 'PUT', url: `/api/contracts/${c.id}/terms`, headers: { 'if-match': '"2"' }, payload: noVersion });
    assert.equal(fresh.statusCode, 200, fresh.body);
    assert.equal((await t.as(caseWorker, { method: 'POST', url: `/api/contracts/${c.id}/send` })).statusCode, 200);
    const sent = await t.as(caseWorker, { method: 'PUT', url: `/api/contracts/${c.id}/terms`, payload: { ...noVersion, version: 4 } });
    assert.equal(sent.statusCode, 409);
  });

  it('lets only the buyer’s case worker change the terms', async () => {
    const c = await draft(await offeringOf(t.db, 316), operator);
    assert.equal((await t.as(operator, { method: 'PUT', url: `/api/contracts/${c.id}/terms`, payload: termsFor(c) })).statusCode, 403);
    assert.equal((await t.as(secretariat, { method: 'PUT', url: `/api/contracts/${c.id}/terms`, payload: termsFor(c) })).statusCode, 403);
    assert.equal((await t.as(reader, { method: 'PUT', url: `/api/contracts/${c.id}/terms`, payload: termsFor(c) })).statusCode, 404);
    assert.equal((await t.as(null, { method: 'PUT', url: `/api/contracts/${c.id}/terms`, payload: termsFor(c) })).statusCode, 401);
  });
});

describe('sending', () => {
  it('is refused while the contract is incomplete, naming every missing field', async () => {
    const c = await draft(await offeringOf(t.db, 316), operator);
    const res = await t.as(caseWorker, { method: 'POST', url: `/api/contracts/${c.id}/send` });
    assert.equal(res.statusCode, 400);
    const fields = Object.keys(res.json().fields);
    for (const f of [
      'buyerDepartment',
      'buyerEan',
      'providerEan',
      'buyerContactName',
      'providerContactName',
      'goals',
      'followUpDates',
      'paymentTiming',
      'endDate',
    ])
      assert.ok(fields.includes(f), `names ${f}`);
    assert.match(res.json().error, /mangler/);
  });

  it('gives exactly one acceptance when the provider accepts twice at once', async () => {
    const c = await complete(await draft(await offeringOf(t.db, 316), operator));
    assert.equal((await t.as(caseWorker, { method: 'POST', url: `/api/contracts/${c.id}/send` })).statusCode, 200);
    const both = await Promise.all([1, 2].map(() => t.as(operator, { method: 'POST', url: `/api/contracts/${c.id}/accept` })));
    assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
  });
});

describe('the contracts list', () => {
  it('shows each role its own contracts; the reader counts only; anonymous is refused', async () => {
    await draft(await providerOffering(t.db), provider);
    const mine = (await t.as(caseWorker, { method: 'GET', url: '/api/contracts' })).json();
    assert.ok(mine.total > 0);
    assert.ok(mine.items.every((i: { buyerName: string }) => i.buyerName === 'Holbæk Kommune'));
    const prov = (await t.as(provider, { method: 'GET', url: '/api/contracts' })).json();
    assert.ok(prov.items.length > 0);
    assert.ok(prov.items.every((i: { isPublic: boolean }) => !i.isPublic));
    const sec = (await t.as(secretariat, { method: 'GET', url: '/api/contracts' })).json();
    assert.ok(sec.total >= mine.total);
    const read = await t.as(reader, { method: 'GET', url: '/api/contracts?q=HOL' });
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().isCountsOnly, true);
    assert.deepEqual(read.json().items, []);
    assert.ok(read.json().total > 0);
    assert.ok(!read.body.includes('HOL-'), 'no case references for the reader');
    assert.equal((await t.as(null, { method: 'GET', url: '/api/contracts' })).statusCode, 401);
    const drafts = (await t.as(caseWorker, { method: 'GET', url: '/api/contracts?state=kladde' })).json();
    assert.ok(drafts.items.every((i: { state: string }) => i.state === 'kladde'));
    assert.equal(drafts.total, mine.byState.kladde);
  });
});

describe('notice and amendments', () => {
  it('ends the contract after the giving party’s notice period; only once, only by a party for itself', async () => {
    const c = await accepted(await offeringOf(t.db, 316), operator);
    assert.equal(c.state, 'accepteret', 'accepted, active from the start date');
    const other = await t.as(caseWorker, { method: 'POST', url: `/api/contracts/${c.id}/notice`, payload: { party: 'leverandoer', date: '2026-12-20' } });
    assert.equal(other.statusCode, 403);
    const back = await t.as(caseWorker, { method: 'POST', url: `/api/contracts/${c.id}/notice`, payload: { party: 'koeber', date: '2026-11-01' } });
    assert.equal(back.statusCode, 400);
    assert.ok(back.json().fields.date);
    assert.equal(
      (await t.as(secretariat, { method: 'POST', url: `/api/contracts/${c.id}/notice`, payload: { party: 'koeber', date: '2026-12-20' } })).statusCode,
      403,
    );
    const res = await t.as(caseWorker, { method: 'POST', url: `/api/contracts/${c.id}/notice`, payload: { party: 'koeber', date: '2026-12-20' } });
    assert.equal(res.statusCode, 200, res.body);
    const days = c.noticePeriods.buyerDays as number;
    const expected = new Date(Date.parse('2026-12-20T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
    assert.equal(res.json().state, 'opsagt');
    assert.deepEqual(res.json().notice, { party: 'koeber', givenOn: '2026-12-20', givenBy: 'demo-myndighed', endDate: expected });
    assert.equal(res.json().effectiveEndDate, expected);
    assert.equal(res.json().endDate, '2027-12-13', 'the agreed end date stays');
    const again = await t.as(operator, { method: 'POST', url: `/api/contracts/${c.id}/notice`, payload: { party: 'leverandoer', date: '2026-12-20' } });
    assert.equal(again.statusCode, 409);
  });

  it('refuses notice on a draft', async () => {
    const c = await draft(await offeringOf(t.db, 316), operator);
    const res = await t.as(caseWorker, { method: 'POST', url: `/api/contracts/${c.id}/notice`, payload: { party: 'koeber', date: '2026-12-20' } });
    assert.equal(res.statusCode, 409);
  });

  it('adds amendments as numbered versions from their date; the original terms stay', async () => {
    const c = await accepted(await offeringOf(t.db, 316), operator);
    const draftOnly = await draft(await offeringOf(t.db, 316), operator);
    assert.equal(
      (await t.as(caseWorker, { method: 'POST', url: `/api/contracts/${draftOnly.id}/amendments`, payload: { effectiveDate: START, description: 'x' } }))
        .statusCode,
      409,
    );
    assert.equal(
      (await t.as(operator, { method: 'POST', url: `/api/contracts/${c.id}/amendments`, payload: { effectiveDate: START, description: 'x' } })).statusCode,
      403,
    );
    const early = await t.as(caseWorker, {
      method: 'POST',
      url: `/api/contracts/${c.id}/amendments`,
      payload: { effectiveDate: '2026-01-01', description: 'x' },
    });
    assert.equal(early.statusCode, 400);
    assert.ok(early.json().fields.effectiveDate);
    const first = await t.as(caseWorker, {
      method: 'POST',
      url: `/api/contracts/${c.id}/amendments`,
      payload: { effectiveDate: '2027-06-01', description: 'Forlænget med et halvt år efter opfølgningen.', endDate: '2028-06-30' },
    });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.json().endDate, '2027-12-13');
    assert.equal(first.json().currentEndDate, '2028-06-30');
    const second = await t.as(caseWorker, {
      method: 'POST',
      url: `/api/contracts/${c.id}/amendments`,
      payload: {
        effectiveDate: '2027-07-01',
        description: 'Særydelse om natten ophører.',
        addOns: [],
      },
    });
    assert.equal(second.statusCode, 201, second.body);
    assert.deepEqual(
      second.json().amendments.map((a: { number: number; effectiveDate: string }) => [a.number, a.effectiveDate]),
      [
        [1, '2027-06-01'],
        [2, '2027-07-01'],
      ],
    );
    assert.equal(second.json().addOns.length, 1, 'the original add-ons are not overwritten');
    const before = await t.as(caseWorker, {
      method: 'POST',
      url: `/api/contracts/${c.id}/amendments`,
      payload: { effectiveDate: '2027-06-15', description: 'x' },
    });
    assert.equal(before.statusCode, 400, 'not before the latest amendment');
  });
});
