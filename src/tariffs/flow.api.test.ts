/**
 * The tariff round through the JSON API: an operator creates and submits a draft, the secretariat approves and
 * publishes, the overview (JSON, CSV, Excel) shows it, a correction becomes a new version, and every step checks
 * role and organisation.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { suiteClock } from '../testing/clock.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let tokens: Record<string, string>;
let offeringId: number;
let otherOfferingId: number;
const YEAR = Number(suiteClock().today().slice(0, 4)) + 1; // next year's round (later years are refused); the offering below is a fresh copy without tariffs

before(async () => {
  t = await createTestApp();
  // The Sjælland demo has no other secretariat's user; add one for Hovedstaden.
  const hovedstaden = await t.db
    .selectFrom('organisation as o')
    .innerJoin('agreement_area as a', 'a.id', 'o.area_id')
    .select('o.id')
    .where('a.code', '=', 'hovedstaden')
    .executeTakeFirstOrThrow();
  const { id: userId } = await t.db
    .insertInto('app_user')
    .values({
      username: 'test-sekretariat-hovedstaden',
      display_name: 'Hovedstadens sekretariat',
      organisation_id: hovedstaden.id,
      is_demo: true,
      password_hash: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.insertInto('user_role').values({ user_id: userId, role: 'sekretariat' }).execute();
  tokens = {};
  for (const u of [
    'demo-tilbudsoekonomi',
    'demo-sekretariat',
    'demo-naestved',
    'demo-laeser',
    'demo-leverandoer',
    'demo-myndighed',
    'test-sekretariat-hovedstaden',
  ])
    tokens[u] = await t.token(u);
  const holbaek = await t.db.selectFrom('organisation').select('id').where('municipality_code', '=', 316).executeTakeFirstOrThrow();
  const own = await t.db
    .selectFrom('offering')
    .innerJoin('offering_type as ot', 'ot.code', 'offering.offering_type')
    .select('offering.id')
    .where('operator_org_id', '=', holbaek.id)
    .where('ot.is_residential', '=', true)
    .where('ot.is_short_stay', '=', false)
    .orderBy('offering.id')
    .executeTakeFirstOrThrow();
  // A copy of the offering without any tariffs, so next year is free and there is no previous tariff to compare with.
  const { rows } = await sql<{ id: number }>`
    insert into offering (name, operator_org_id, operator_type, address, postal_code, city, municipality_code, offering_type, primary_legal_basis, places,
      age_min, age_max, status, status_since, socialtilsyn_code, approval_date, is_covered, protection)
    select 'Flowhuset', operator_org_id, operator_type, address, postal_code, city, municipality_code, offering_type, primary_legal_basis, places,
      age_min, age_max, 'aktiv', status_since, socialtilsyn_code, approval_date, is_covered, protection from offering where id = ${own.id}
    returning id`.execute(t.db);
  offeringId = rows[0]!.id;
  // The demo round has approved tariffs of its own; back to submitted, so only this test's tariff is published.
  await sql`update tariff_version set status = 'indsendt', approved_at = null, approved_by = null where status = 'godkendt' and tariff_id in (select id from tariff where year = ${YEAR})`.execute(
    t.db,
  );
  await sql`insert into offering_target_group select ${offeringId}, target_group_code from offering_target_group where offering_id = ${own.id}`.execute(t.db);
  otherOfferingId = (
    await t.db
      .selectFrom('offering')
      .select('id')
      .where('operator_org_id', '!=', holbaek.id)
      .where('municipality_code', '!=', 316)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
});
after(() => t.close());

const api = (user: string | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  t.as(null, { method, url, payload: payload as object, headers: user ? { authorization: `Bearer ${tokens[user]}` } : {} });

const draft = (over: Record<string, unknown> = {}) => ({
  offeringId,
  year: YEAR,
  unit: 'day',
  places: 10,
  occupancyPct: '96',
  costs: [
    { category: 'salaries', amount: '7000000' },
    { category: 'operations', amount: '900000' },
    { category: 'property', amount: '600000' },
  ],
  overhead: { pct: '5' },
  income: '50000',
  ...over,
});

let versionId: number;

test('only the operating organisation’s tilbudsøkonomi may create a draft', async () => {
  for (const user of ['demo-naestved', 'demo-laeser', 'demo-myndighed', 'demo-sekretariat', 'demo-leverandoer']) {
    const res = await api(user, 'POST', '/api/tariffs', draft());
    assert.equal(res.statusCode, 403, `${user}: ${res.body}`);
  }
  assert.equal((await api(null, 'POST', '/api/tariffs', draft())).statusCode, 401);
  assert.equal((await api('demo-tilbudsoekonomi', 'POST', '/api/tariffs', draft({ offeringId: otherOfferingId }))).statusCode, 403);
});

test('the operator creates a draft; its calculation is kept and shown', async () => {
  const res = await api('demo-tilbudsoekonomi', 'POST', '/api/tariffs', draft());
  assert.equal(res.statusCode, 201, res.body);
  const body = res.json();
  versionId = body.id;
  // 8,500,000 + 5 % = 8,925,000 − 50,000 = 8,875,000; ÷ (10 × 365 × 0.96 = 3,504) = 2,532.819…
  assert.equal(body.basis, '8875000.00');
  assert.equal(body.levels[0].tariff, '2532.82');
  assert.equal(body.status, 'kladde');
  assert.equal(body.version, 1);
  assert.ok(body.breakdown.some((s: { key: string }) => s.key === 'overhead.base'));
  // A second open version for the same year is refused.
  assert.equal((await api('demo-tilbudsoekonomi', 'POST', '/api/tariffs', draft())).statusCode, 409);
});

test('a draft is hidden from others (401 signed out, 404 signed in) and left out of the public list', async () => {
  assert.equal((await api(null, 'GET', `/api/tariffs/${versionId}`)).statusCode, 401);
  assert.equal((await api('demo-naestved', 'GET', `/api/tariffs/${versionId}`)).statusCode, 404);
  assert.equal((await api('test-sekretariat-hovedstaden', 'GET', `/api/tariffs/${versionId}`)).statusCode, 404);
  assert.equal((await api('demo-sekretariat', 'GET', `/api/tariffs/${versionId}`)).statusCode, 200);
  const list = (await api(null, 'GET', `/api/tariffs?year=${YEAR}`)).json();
  assert.equal(list.total, 0);
  const own = (await api('demo-tilbudsoekonomi', 'GET', `/api/tariffs?year=${YEAR}`)).json();
  assert.equal(own.items[0].id, versionId);
});

test('bad input to a draft is a 400 per field, and nothing changes', async () => {
  const res = await api('demo-tilbudsoekonomi', 'PUT', `/api/tariffs/${versionId}`, { ...draft(), offeringId: undefined, year: undefined, places: -1 });
  assert.equal(res.statusCode, 400);
  assert.ok(res.json().fields.places);
  const shares = await api('demo-tilbudsoekonomi', 'PUT', `/api/tariffs/${versionId}`, {
    ...draft(),
    offeringId: undefined,
    year: undefined,
    levels: [{ name: 'A', weight: '1', share: '0.6' }],
  });
  assert.equal(shares.statusCode, 400);
  assert.ok(shares.json().fields.levels);
});

test('a draft edit builds on its revision: ETag on GET, If-Match honoured, parallel saves on one revision give one 200 and 412s', async () => {
  const operator = { authorization: `Bearer ${tokens['demo-tilbudsoekonomi']}` };
  const read = await t.as(null, { method: 'GET', url: `/api/tariffs/${versionId}`, headers: operator });
  const etag = read.headers.etag as string;
  assert.match(etag, /^"\d+"$/);
  const body = (income: string) => ({ ...draft({ income }), offeringId: undefined, year: undefined });
  const put = (income: string, ifMatch: string) =>
    t.as(null, { method: 'PUT', url: `/api/tariffs/${versionId}`, payload: body(income), headers: { ...operator, 'if-match': ifMatch } });
  const logged = async () =>
    Number(
      (
        await t.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('entity', '=', 'tariff_version')
          .where('entity_id', '=', String(versionId))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const before = await logged();
  const results = await Promise.all(['51000', '52000', '53000', '54000', '55000', '56000'].map((income) => put(income, etag)));
  const codes = results.map((r) => r.statusCode);
  assert.equal(codes.filter((c) => c === 200).length, 1, codes.join(','));
  assert.equal(codes.filter((c) => c === 412).length, 5, codes.join(','));
  assert.match(results.find((r) => r.statusCode === 412)!.json().error, /En anden har ændret taksten/);
  const winner = results.find((r) => r.statusCode === 200)!;
  assert.notEqual(winner.headers.etag, etag);
  const stored = (await t.as(null, { method: 'GET', url: `/api/tariffs/${versionId}`, headers: operator })).json();
  assert.equal(stored.input.income, winner.json().input.income, 'the one accepted save is stored');
  assert.equal(await logged(), before + 1, 'one audit row, for the one save made');
  // The audit's "before" is the row as it was when locked: the draft read by the GET above.
  const last = await t.db
    .selectFrom('audit_log')
    .select(['before'])
    .where('entity', '=', 'tariff_version')
    .where('entity_id', '=', String(versionId))
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  assert.equal((last.before as { input: { income: string } }).input.income, read.json().input.income);
  // Back to the original income, on the current revision.
  assert.equal((await put('50000', winner.headers.etag as string)).statusCode, 200);
});

test('the secretariat cannot approve a draft that was not submitted', async () => {
  assert.equal((await api('demo-sekretariat', 'POST', `/api/tariffs/${versionId}/approve`)).statusCode, 409);
});

test('submitting, returning with a comment, resubmitting and approving', async () => {
  assert.equal((await api('demo-naestved', 'POST', `/api/tariffs/${versionId}/submit`)).statusCode, 404); // hidden from another municipality
  const submitted = await api('demo-tilbudsoekonomi', 'POST', `/api/tariffs/${versionId}/submit`);
  assert.equal(submitted.statusCode, 200, submitted.body);
  assert.equal(submitted.json().status, 'indsendt');
  // Sjælland's rule: 1 December the year before, which has not passed yet
  assert.equal(submitted.json().rules.deadline, `${YEAR - 1}-12-01`);
  assert.equal(submitted.json().isOnTime, true);
  // editing a submitted tariff is refused
  assert.equal((await api('demo-tilbudsoekonomi', 'PUT', `/api/tariffs/${versionId}`, { ...draft(), offeringId: undefined, year: undefined })).statusCode, 409);
  // return needs a comment; only the area's secretariat may return
  assert.equal((await api('demo-sekretariat', 'POST', `/api/tariffs/${versionId}/return`, {})).statusCode, 400);
  assert.equal((await api('test-sekretariat-hovedstaden', 'POST', `/api/tariffs/${versionId}/return`, { comment: 'x' })).statusCode, 404); // hidden from another area's secretariat
  const returned = await api('demo-sekretariat', 'POST', `/api/tariffs/${versionId}/return`, { comment: 'Overhead mangler dokumentation.' });
  assert.equal(returned.json().status, 'returneret');
  assert.equal(returned.json().returnComment, 'Overhead mangler dokumentation.');
  const fixed = await api('demo-tilbudsoekonomi', 'PUT', `/api/tariffs/${versionId}`, {
    ...draft(),
    offeringId: undefined,
    year: undefined,
    overhead: { pct: '4' },
  });
  assert.equal(fixed.statusCode, 200, fixed.body);
  assert.equal(fixed.json().status, 'kladde');
  assert.equal((await api('demo-tilbudsoekonomi', 'POST', `/api/tariffs/${versionId}/submit`)).statusCode, 200);
  assert.equal((await api('demo-tilbudsoekonomi', 'POST', `/api/tariffs/${versionId}/approve`)).statusCode, 403);
  const approved = await api('demo-sekretariat', 'POST', `/api/tariffs/${versionId}/approve`);
  assert.equal(approved.statusCode, 200, approved.body);
  assert.equal(approved.json().status, 'godkendt');
});

test('the overview is not public before publication; the secretariat publishes it', async () => {
  assert.equal((await api(null, 'GET', `/api/tariffs/overview/sjaelland/${YEAR}`)).statusCode, 404);
  assert.equal((await api('demo-tilbudsoekonomi', 'POST', '/api/tariffs/publish', { area: 'sjaelland', year: YEAR })).statusCode, 403);
  assert.equal((await api('test-sekretariat-hovedstaden', 'POST', '/api/tariffs/publish', { area: 'sjaelland', year: YEAR })).statusCode, 403);
  const res = await api('demo-sekretariat', 'POST', '/api/tariffs/publish', { area: 'sjaelland', year: YEAR });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().count, 1);
  assert.equal((await api('demo-sekretariat', 'POST', '/api/tariffs/publish', { area: 'sjaelland', year: YEAR })).statusCode, 400); // nothing left
  const overview = await api(null, 'GET', `/api/tariffs/overview/sjaelland/${YEAR}`);
  assert.equal(overview.statusCode, 200);
  const item = overview.json().items[0];
  assert.equal(item.offeringId, offeringId);
  assert.equal(item.averageTariff, '2508.56'); // 8,500,000 × 1.04 − 50,000 = 8,790,000; ÷ 3,504 = 2,508.5616…
  assert.equal((await api(null, 'GET', `/api/tariffs/${versionId}`)).statusCode, 200);
});

test('the overview downloads as CSV and as Excel with the overview and the calculation on two sheets', async () => {
  const csv = await t.as(null, { method: 'GET', url: `/takster/oversigt/sjaelland/${YEAR}/eksport.csv` });
  assert.equal(csv.statusCode, 200, csv.body);
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  assert.match(csv.body, /2508,56/);
  const xlsx = await t.as(null, { method: 'GET', url: `/takster/oversigt/sjaelland/${YEAR}/eksport.xlsx` });
  assert.equal(xlsx.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['Takstoversigt', 'Beregningsgrundlag'],
  );
  const overview = wb.getWorksheet('Takstoversigt')!;
  assert.equal(overview.rowCount, 2);
  const headers = (overview.getRow(1).values as unknown[]).slice(1);
  assert.equal(overview.getRow(2).getCell(headers.indexOf('Gennemsnitstakst') + 1).value, 2508.56);
  const calc = wb.getWorksheet('Beregningsgrundlag')!;
  const calcHeaders = (calc.getRow(1).values as unknown[]).slice(1);
  assert.equal(calc.getRow(2).getCell(calcHeaders.indexOf('Takstgrundlag') + 1).value, 8790000);
  assert.equal(calc.getRow(2).getCell(calcHeaders.indexOf('Lønudgifter') + 1).value, 7000000);
});

test('a published tariff never changes: the database refuses, and a correction is a new version with a reason', async () => {
  await assert.rejects(sql`update tariff_version set basis = 1 where id = ${versionId}`.execute(t.db), /offentliggjort takst kan ikke ændres/);
  await assert.rejects(sql`delete from tariff_version where id = ${versionId}`.execute(t.db), /Kun en kladde/);
  assert.equal((await api('demo-tilbudsoekonomi', 'PUT', `/api/tariffs/${versionId}`, { ...draft(), offeringId: undefined, year: undefined })).statusCode, 409);
  const noReason = await api('demo-tilbudsoekonomi', 'POST', '/api/tariffs', draft());
  assert.equal(noReason.statusCode, 400);
  assert.ok(noReason.json().fields.correctionReason);
  const v2 = await api(
    'demo-tilbudsoekonomi',
    'POST',
    '/api/tariffs',
    draft({
      correctionReason: 'Ny lejekontrakt fra 1. marts.',
      costs: [
        { category: 'salaries', amount: '7000000' },
        { category: 'property', amount: '900000' },
      ],
    }),
  );
  assert.equal(v2.statusCode, 201, v2.body);
  assert.equal(v2.json().version, 2);
  const id2 = v2.json().id;
  await api('demo-tilbudsoekonomi', 'POST', `/api/tariffs/${id2}/submit`);
  await api('demo-sekretariat', 'POST', `/api/tariffs/${id2}/approve`);
  assert.equal((await api('demo-sekretariat', 'POST', '/api/tariffs/publish', { area: 'sjaelland', year: YEAR })).json().count, 1);
  const old = (await api(null, 'GET', `/api/tariffs/${versionId}`)).json();
  assert.equal(old.status, 'offentliggjort');
  assert.ok(old.supersededAt);
  assert.equal(old.averageTariff, '2508.56'); // unchanged
  const items = (await api(null, 'GET', `/api/tariffs/overview/sjaelland/${YEAR}`)).json().items;
  assert.equal(items.length, 1);
  assert.equal(items[0].version, 2);
  assert.equal(items[0].correctionReason, 'Ny lejekontrakt fra 1. marts.');
});

test('every change is in the audit log', async () => {
  const rows = await t.db
    .selectFrom('audit_log')
    .select(['entity', 'action', 'actor_username'])
    .where('entity', 'in', ['tariff_version', 'tariff_publication'])
    .execute();
  assert.ok(rows.filter((r) => r.entity === 'tariff_version' && r.action === 'create').length >= 2);
  assert.ok(rows.some((r) => r.entity === 'tariff_publication' && r.actor_username === 'demo-sekretariat'));
  assert.ok(rows.some((r) => r.entity === 'tariff_version' && r.action === 'update' && r.actor_username === 'demo-sekretariat'));
});

test('a private provider’s leverandør calculates its own offerings’ tariffs, not others’', async () => {
  const provider = await t.db.selectFrom('app_user as u').select('u.organisation_id').where('u.username', '=', 'demo-leverandoer').executeTakeFirstOrThrow();
  const own = await t.db.selectFrom('offering').select('id').where('operator_org_id', '=', provider.organisation_id).orderBy('id').executeTakeFirstOrThrow();
  const res = await api('demo-leverandoer', 'POST', '/api/tariffs', draft({ offeringId: own.id, overhead: { amount: '450000' } }));
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().overhead, '450000.00');
  assert.equal((await api('demo-leverandoer', 'POST', '/api/tariffs', draft({ offeringId: otherOfferingId, year: YEAR + 1 }))).statusCode, 403);
});

test('an overhead of 0 % is allowed', async () => {
  const res = await t.as(null, {
    method: 'POST',
    url: '/api/tariffs/calculate',
    payload: { unit: 'hour', year: 2026, plannedHours: '10', costs: [{ category: 'salaries', amount: '1000' }], overhead: { pct: '0' } },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().levels[0].tariff, '100.00');
});

test('a tariff for a year after next year is refused with a Danish message', async () => {
  const res = await api('demo-tilbudsoekonomi', 'POST', '/api/tariffs', draft({ year: 2099 }));
  assert.equal(res.statusCode, 400, res.body);
  assert.match(res.body, /Takster kan højst beregnes for/);
});
