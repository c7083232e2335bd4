/**
 * Follow-up through the pages: the buyer's case worker sees overdue and soon-due follow-ups, records one (date,
 * status report, level, note, decision), sees the progression over time; bad input comes back as the form with
 * Danish messages; other users of the buyer get 403, anyone else 404.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { contractsForSettlement } from '../placements/placements.public.js';
import { followedUpBeforeEndShare, followUpsOnTimeShare } from './followup.indicators.js';
import { pricedFromOverviewShare } from './statement.indicators.js';
import { acceptedContracts, dayPricedOffering, orgOfUser } from '../testing/settlement-fixtures.js';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let caseWorker: Session; // Næstved, myndighed
let reader: Session; // Næstved, læser
let outsider: Session; // Holbæk, myndighed
let overdue: number;
let soon: number;
let agreed: number;
const html = { accept: 'text/html' };
const get = (s: Session | null, url: string) => t.as(s, { method: 'GET', url, headers: html });
const post = (s: Session, url: string, fields: Record<string, string>) =>
  t.as(s, { method: 'POST', url, headers: { ...html, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: s.csrf, ...fields }) });
const record = (id: number, fields: Record<string, string>) =>
  post(caseWorker, `/opfoelgning/kontrakt/${id}`, { statusReport: 'Borgeren handler nu selv ind.', level: '3', decision: 'fortsaet', note: '', ...fields });

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-06-15T10:00:00Z') });
  caseWorker = await t.login('demo-naestved');
  reader = await t.login('demo-laeser');
  outsider = await t.login('demo-myndighed');
  const holbaek = await orgOfUser(t.db, 'demo-tilbudsoekonomi');
  const naestved = await orgOfUser(t.db, 'demo-naestved');
  const offering = await dayPricedOffering(t.db, holbaek, 2026);
  [overdue, soon, agreed] = (await acceptedContracts(t.db, {
    offeringId: offering.offeringId,
    buyerOrgId: naestved,
    periods: [
      { start: '2026-01-10', end: null, level: offering.level },
      { start: '2026-03-20', end: null, level: offering.level },
      { start: '2026-01-05', end: '2026-12-31', level: offering.level },
    ],
  })) as [number, number, number];
  await t.db
    .updateTable('contract')
    .set({ follow_up_dates: JSON.stringify(['2026-02-01']) })
    .where('id', '=', agreed)
    .execute();
});
after(() => t.close());

describe('the work list', () => {
  it('shows the overdue and the soon-due follow-ups with links to the contract', async () => {
    const res = await get(caseWorker, '/opfoelgning');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, new RegExp(`href="/opfoelgning/kontrakt/${overdue}"`));
    assert.match(res.body, new RegExp(`href="/opfoelgning/kontrakt/${soon}"`));
    assert.match(res.body, /Overskredet/);
    assert.match(res.body, /Skal afholdes snart/);
    assert.match(res.body, /Holdt til tiden/);
  });

  it('is for municipal case workers only', async () => {
    assert.equal((await get(reader, '/opfoelgning')).statusCode, 403);
    assert.equal((await get(null, '/opfoelgning')).statusCode, 302);
  });
});

describe('recording a follow-up', () => {
  it('refuses bad input with Danish messages at the fields', async () => {
    const res = await record(overdue, { dueDate: '2026-04-11', heldOn: '2026-07-01', level: '9' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /ikke en planlagt opfølgning/);
    assert.match(res.body, /kan ikke ligge i fremtiden/);
    assert.match(res.body, /Vælg et niveau på skalaen/);
    const empty = await record(overdue, { dueDate: '2026-04-10', heldOn: '2026-06-01', statusReport: '' });
    assert.equal(empty.statusCode, 400);
    const cpr = await record(overdue, { dueDate: '2026-04-10', heldOn: '2026-06-01', statusReport: 'Borger 010190-1234' });
    assert.equal(cpr.statusCode, 400);
  });

  it('records a late follow-up and one on time; the contract shows the progression; a date is recorded once', async () => {
    const late = await record(overdue, { dueDate: '2026-04-10', heldOn: '2026-06-01', level: '4' });
    assert.equal(late.statusCode, 303, late.body);
    const page = await get(caseWorker, String(late.headers.location));
    assert.match(page.body, /Opfølgningen er registreret/);
    assert.match(page.body, /Afholdt for sent/);
    assert.match(page.body, /Svære begrænsninger/);
    assert.equal((await record(overdue, { dueDate: '2026-04-10', heldOn: '2026-06-02' })).statusCode, 409);

    assert.equal((await record(agreed, { dueDate: '2026-02-01', heldOn: '2026-01-30', level: '3' })).statusCode, 303);
    const onTime = await get(caseWorker, `/opfoelgning/kontrakt/${agreed}`);
    assert.match(onTime.body, /Afholdt til tiden/);
    const row = await t.db.selectFrom('followup').selectAll().where('contract_id', '=', agreed).executeTakeFirstOrThrow();
    assert.equal(row.level, 3);
    assert.equal(row.decision, 'fortsaet');
    const audited = await t.db.selectFrom('audit_log').select('entity').where('entity', '=', 'followup').where('entity_id', '=', String(row.id)).execute();
    assert.equal(audited.length, 1);
  });

  it('other users of the buyer get 403, anyone else 404', async () => {
    assert.equal((await get(reader, `/opfoelgning/kontrakt/${overdue}`)).statusCode, 403);
    assert.equal((await get(outsider, `/opfoelgning/kontrakt/${overdue}`)).statusCode, 404);
    assert.equal((await post(outsider, `/opfoelgning/kontrakt/${overdue}`, { dueDate: '2027-04-10' })).statusCode, 404);
    assert.equal((await post(reader, `/opfoelgning/kontrakt/${overdue}`, { dueDate: '2027-04-10' })).statusCode, 403);
    assert.equal((await get(caseWorker, '/opfoelgning/kontrakt/999999')).statusCode, 404);
  });
});

describe('the indicator', () => {
  it('per municipality: follow-ups held on time among those due by the date, with the rows behind it', async () => {
    const naestved = await orgOfUser(t.db, 'demo-naestved');
    const area = await t.db.selectFrom('agreement_area_member').select('area_id').where('organisation_id', '=', naestved).executeTakeFirstOrThrow();
    const r = await followUpsOnTimeShare.compute(t.db, { areaId: area.area_id, date: '2026-06-15' });
    const mine = r.perMember.find((m) => m.organisationId === naestved);
    assert.ok(mine && (mine.denominator ?? 0) >= 2 && (mine.numerator ?? 0) >= 1 && (mine.numerator ?? 0) <= (mine.denominator ?? 0));
    assert.equal(
      r.area.numerator,
      r.perMember.reduce((s, m) => s + (m.numerator ?? 0), 0),
    );
    assert.equal(
      r.area.denominator,
      r.perMember.reduce((s, m) => s + (m.denominator ?? 0), 0),
    );
    assert.equal(r.rows.find((x) => x.id === agreed && x.due === '2026-02-01')?.state, 'Afholdt til tiden');
    assert.equal(r.rows.find((x) => x.id === overdue && x.due === '2026-04-10')?.state, 'Afholdt for sent');
    assert.ok(!r.rows.some((x) => x.id === soon), 'a follow-up not yet due does not count');
  });
});

describe('the indicators of follow-up before the end and of settlement from the overview', () => {
  it('counts time-limited contracts ended in the last 12 months that were followed up before their end', async () => {
    const holbaek = await orgOfUser(t.db, 'demo-tilbudsoekonomi');
    const naestved = await orgOfUser(t.db, 'demo-naestved');
    const offering = await dayPricedOffering(t.db, holbaek, 2026);
    const [followed, notFollowed, openEnded] = (await acceptedContracts(t.db, {
      offeringId: offering.offeringId,
      buyerOrgId: naestved,
      periods: [
        { start: '2025-09-01', end: '2026-05-31', level: offering.level },
        { start: '2025-09-01', end: '2026-06-10', level: offering.level },
        { start: '2025-09-01', end: null, level: offering.level },
      ],
    })) as [number, number, number];
    await t.db
      .insertInto('followup')
      .values({
        contract_id: followed,
        buyer_org_id: naestved,
        due_date: '2025-12-01',
        held_on: '2025-12-01',
        status_report: 'Status',
        scale: 'funktionsevne',
        level: 3,
        note: null,
        decision: 'fortsaet',
        new_level: null,
        amendment_number: null,
        recorded_at: new Date('2025-12-01T10:00:00Z'),
        recorded_by: 'test',
      })
      .execute();
    const area = await t.db.selectFrom('agreement_area_member').select('area_id').where('organisation_id', '=', naestved).executeTakeFirstOrThrow();
    const r = await followedUpBeforeEndShare.compute(t.db, { areaId: area.area_id, date: '2026-06-15' });
    assert.equal(r.rows.find((x) => x.id === followed)?.state, 'Fulgt op før ophør');
    assert.equal(r.rows.find((x) => x.id === notFollowed)?.state, 'Ikke fulgt op før ophør');
    assert.ok(!r.rows.some((x) => x.id === openEnded), 'an open-ended contract is not time-limited');
    const mine = r.perMember.find((m) => m.organisationId === naestved)!;
    const own = r.rows.filter((x) => x.buyer === mine.name);
    assert.deepEqual([mine.numerator, mine.denominator], [own.filter((x) => x.state === 'Fulgt op før ophør').length, own.length]);
  });

  it('counts the contract lines of sent statements priced from the published overview, per buyer, one row per statement', async () => {
    const holbaek = await orgOfUser(t.db, 'demo-tilbudsoekonomi');
    const naestved = await orgOfUser(t.db, 'demo-naestved');
    const at = new Date('2026-06-02T10:00:00Z');
    const statement = await t.db
      .insertInto('settlement_statement')
      .values({
        month: '2026-05-01',
        seller_org_id: holbaek,
        buyer_org_id: naestved,
        area_id: null,
        status: 'sendt',
        generated_at: at,
        sent_at: at,
        sent_by: 'test',
      })
      .onConflict((oc) => oc.columns(['month', 'seller_org_id', 'buyer_org_id']).doUpdateSet({ status: 'sendt', sent_at: at, sent_by: 'test' }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.deleteFrom('settlement_line').where('statement_id', '=', statement.id).execute();
    const line = (sort: number, amount: string | null, problem: string | null) => ({
      statement_id: statement.id,
      sort,
      kind: 'contract' as const,
      amount,
      problem,
    });
    await t.db
      .insertInto('settlement_line')
      .values([line(1, '100.00', null), line(2, '200.00', null), line(3, null, 'Ingen offentliggjort takst for 2026')])
      .execute();
    const draft = await t.db
      .insertInto('settlement_statement')
      .values({ month: '2026-05-01', seller_org_id: naestved, buyer_org_id: naestved, area_id: null, status: 'kladde', generated_at: at })
      .onConflict((oc) => oc.columns(['month', 'seller_org_id', 'buyer_org_id']).doUpdateSet({ status: 'kladde' }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('settlement_line').values({ statement_id: draft.id, sort: 99, kind: 'contract', amount: null, problem: 'x' }).execute();
    const area = await t.db.selectFrom('agreement_area_member').select('area_id').where('organisation_id', '=', naestved).executeTakeFirstOrThrow();
    const r = await pricedFromOverviewShare.compute(t.db, { areaId: area.area_id, date: '2026-06-15' });
    assert.deepEqual(
      r.rows.find((x) => x.id === statement.id),
      {
        id: statement.id,
        month: '2026-05',
        seller: r.rows.find((x) => x.id === statement.id)?.seller,
        buyer: r.perMember.find((m) => m.organisationId === naestved)?.name,
        lines: 3,
        priced: 2,
        problems: 1,
      },
    );
    assert.ok(!r.rows.some((x) => x.id === draft.id), 'a draft does not count');
    const mine = r.perMember.find((m) => m.organisationId === naestved)!;
    const own = r.rows.filter((x) => x.buyer === mine.name);
    assert.deepEqual([mine.numerator, mine.denominator], [own.reduce((s, x) => s + Number(x.priced), 0), own.reduce((s, x) => s + Number(x.lines), 0)]);
  });
});

describe('decisions that change the contract', () => {
  it('a level change becomes an amendment at the new level’s published price; a wrong level is refused at the field', async () => {
    const holbaek = await orgOfUser(t.db, 'demo-tilbudsoekonomi');
    const naestved = await orgOfUser(t.db, 'demo-naestved');
    const offering = await dayPricedOffering(t.db, holbaek, 2026);
    await t.db
      .insertInto('tariff_level')
      .values({ version_id: offering.versionId, sort: 99, name: 'Lettere støtte', weight: '0.5', share: '0', tariff: '1234.50' })
      .execute();
    const [id] = (await acceptedContracts(t.db, {
      offeringId: offering.offeringId,
      buyerOrgId: naestved,
      periods: [{ start: '2026-01-10', end: null, level: offering.level }],
    })) as [number];
    const fields = { dueDate: '2026-04-10', heldOn: '2026-04-12', decision: 'niveau' };
    const missing = await record(id, fields);
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Vælg det nye niveau/);
    const wrong = await record(id, { ...fields, newLevel: 'Findes ikke' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Niveauet findes ikke i den offentliggjorte takst for 2026/);
    const ok = await record(id, { ...fields, newLevel: 'Lettere støtte' });
    assert.equal(ok.statusCode, 303, ok.body);
    const amendment = await t.db.selectFrom('contract_amendment').selectAll().where('contract_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(amendment.effective_date, '2026-04-13');
    assert.deepEqual(typeof amendment.changes === 'string' ? JSON.parse(amendment.changes) : amendment.changes, {
      tariffLevel: 'Lettere støtte',
      tariffPrice: '1234.50',
    });
    const row = await t.db.selectFrom('followup').selectAll().where('contract_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.new_level, 'Lettere støtte');
    assert.equal(row.amendment_number, amendment.number);
    // The month's statement prices the old level to the day before and the new level from the day.
    const seller = await t.login('demo-tilbudsoekonomi');
    const gen = await t.as(seller, { method: 'POST', url: '/api/settlement/generate', payload: { month: '2026-04' } });
    assert.equal(gen.statusCode, 200, gen.body);
    const list = await t.as(seller, { method: 'GET', url: '/api/settlement/statements?month=2026-04&side=salg' });
    const statement = list.json().statements.find((x: { buyer: { id: number } }) => x.buyer.id === naestved);
    const lines = (await t.as(seller, { method: 'GET', url: `/api/settlement/statements/${statement.id}` }))
      .json()
      .lines.filter((l: { contractId: number }) => l.contractId === id);
    assert.deepEqual(
      lines.map((l: { periodFrom: string; periodTo: string; days: number; tariffLevel: string; amount: string }) => [
        l.periodFrom,
        l.periodTo,
        l.days,
        l.tariffLevel,
      ]),
      [
        ['2026-04-01', '2026-04-12', 12, offering.level],
        ['2026-04-13', '2026-04-30', 18, 'Lettere støtte'],
      ],
    );
    assert.equal(lines[1].amount, '22221.00');
  });

  it('ending the support gives the buyer’s notice today, and payment runs to the end of notice and no further', async () => {
    const holbaek = await orgOfUser(t.db, 'demo-tilbudsoekonomi');
    const naestved = await orgOfUser(t.db, 'demo-naestved');
    const offering = await dayPricedOffering(t.db, holbaek, 2026);
    const [id] = (await acceptedContracts(t.db, {
      offeringId: offering.offeringId,
      buyerOrgId: naestved,
      periods: [{ start: '2026-01-10', end: null, level: offering.level }],
    })) as [number];
    await t.db.updateTable('contract').set({ buyer_notice_days: 30, provider_notice_days: 60 }).where('id', '=', id).execute();
    const res = await record(id, { dueDate: '2026-04-10', heldOn: '2026-06-10', decision: 'afslut' });
    assert.equal(res.statusCode, 303, res.body);
    const c = await t.db.selectFrom('contract').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([c.status, c.notice_party, c.notice_given_on, c.notice_end_date], ['opsagt', 'koeber', '2026-06-15', '2026-07-15']);
    const audited = await t.db.selectFrom('audit_log').select('after').where('entity', '=', 'contract').where('entity_id', '=', String(id)).execute();
    assert.equal(audited.length, 1);
    assert.match(JSON.stringify(audited[0]!.after), /"noticeEndDate":"2026-07-15"/);
    // The contract is still followed up until it ends, and settled to the last day of notice.
    const follow = await get(caseWorker, `/opfoelgning/kontrakt/${id}`);
    assert.equal(follow.statusCode, 200);
    const periods = async (from: string, to: string) =>
      (await contractsForSettlement(t.db, { from, to }, holbaek)).filter((p) => p.contractId === id).map((p) => [p.from, p.to]);
    assert.deepEqual(await periods('2026-07-01', '2026-07-31'), [['2026-01-10', '2026-07-15']]);
    assert.deepEqual(await periods('2026-08-01', '2026-08-31'), []);
    // A contract already given notice keeps its notice when a later follow-up also decides to end.
    assert.equal((await record(id, { dueDate: '2026-04-10', heldOn: '2026-06-11', decision: 'afslut' })).statusCode, 409);
  });

  it('a shortened end date (an amendment) ends the payment on the new date', async () => {
    const holbaek = await orgOfUser(t.db, 'demo-tilbudsoekonomi');
    const naestved = await orgOfUser(t.db, 'demo-naestved');
    const offering = await dayPricedOffering(t.db, holbaek, 2026);
    const [id] = (await acceptedContracts(t.db, {
      offeringId: offering.offeringId,
      buyerOrgId: naestved,
      periods: [{ start: '2026-02-01', end: '2026-12-31', level: offering.level }],
    })) as [number];
    await t.db.updateTable('contract').set({ current_end_date: '2026-09-10' }).where('id', '=', id).execute();
    const p = (await contractsForSettlement(t.db, { from: '2026-09-01', to: '2026-09-30' }, holbaek)).filter((x) => x.contractId === id);
    assert.deepEqual(
      p.map((x) => [x.from, x.to]),
      [['2026-02-01', '2026-09-10']],
    );
    assert.deepEqual(
      (await contractsForSettlement(t.db, { from: '2026-10-01', to: '2026-10-31' }, holbaek)).filter((x) => x.contractId === id),
      [],
    );
  });

  it('a step down is recorded and opens a place search with the need filled in', async () => {
    const res = await record(soon, { dueDate: '2026-06-20', heldOn: '2026-06-15', decision: 'nedtrapning' });
    assert.equal(res.statusCode, 303, res.body);
    assert.match(String(res.headers.location), /^\/pladser\/soeg\?legalBasis=[^&]+&startDate=2026-06-16&soeg=1$/);
    const search = await get(caseWorker, String(res.headers.location));
    assert.equal(search.statusCode, 200);
  });
});
