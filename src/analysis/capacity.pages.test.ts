/**
 * The capacity picture on the demo data: the secretariat and the area's municipalities see Sjælland's places,
 * occupied and free places per target group and offering type, occupancy over time and where citizens are placed;
 * every number opens to rows that add up to it; every table exports to Excel; others are refused.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let secretariat: Session;
let provider: Session;
before(async () => {
  t = await createTestApp();
  [secretariat, provider] = await Promise.all([t.login('demo-sekretariat'), t.login('demo-leverandoer')]);
});
after(() => t.close());

const get = (s: Session, url: string, html = false) => t.as(s, { method: 'GET', url, headers: html ? { accept: 'text/html' } : {} });

test('the capacity JSON sums its cells, and occupied = contracts + places taken outside Ramme', async () => {
  const res = await get(secretariat, '/api/analysis/capacity?area=sjaelland');
  assert.equal(res.statusCode, 200, res.body);
  const v = res.json();
  assert.ok(v.cells.length > 3);
  const sum = (k: string) => v.cells.reduce((s: number, c: Record<string, number>) => s + c[k]!, 0);
  for (const k of ['places', 'contracts', 'takenOutside', 'waiting', 'offerings']) assert.equal(sum(k), v.total[k], k);
  for (const c of v.cells) {
    assert.equal(c.occupied, c.contracts + c.takenOutside);
    assert.equal(c.free, Math.max(0, c.places - c.occupied));
  }
  assert.ok(v.total.contracts > 100, 'demo contracts fill the area’s offerings');
  assert.equal(v.occupancy.length, 24);
  assert.equal(v.occupancy[23].contracts, v.total.contracts);
  const placed = v.placements.reduce(
    (s: number, b: { counts: { egen: number; omraadet: number; udenfor: number } }) => s + b.counts.egen + b.counts.omraadet + b.counts.udenfor,
    0,
  );
  assert.ok(placed > 0);
});

test('every number opens to its rows, and the rows add up to the number', async () => {
  const v = (await get(secretariat, '/api/analysis/capacity?area=sjaelland')).json();
  const c = v.cells[0];
  const page = await get(secretariat, '/analyse/kapacitet?area=sjaelland', true);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<svg[^>]+role="img"/);
  assert.match(page.body, /Hvor borgerne er placeret/);
  const href = `/analyse/kapacitet/raekker?area=sjaelland&amp;targetGroup=${c.targetGroup ?? 'ingen'}&amp;offeringType=${c.offeringType}&amp;kind=kontrakter`;
  assert.ok(page.body.includes(href), href);
  const rows = await get(secretariat, href.replaceAll('&amp;', '&'), true);
  assert.equal(rows.statusCode, 200);
  assert.equal((rows.body.match(/<tr>\s*<th scope="row">\d+<\/th>/g) ?? []).length, c.contracts);
  assert.doesNotMatch(rows.body, /VOK-\d{4}-|BFU-\d{4}-/, 'no case references');
  const b = v.placements[0];
  const placed = await get(
    secretariat,
    `/analyse/kapacitet/raekker?area=sjaelland&kind=kontrakter&buyer=${b.buyerMunicipalityCode}&placement=egen&format=xlsx`,
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(placed.rawPayload as unknown as ArrayBuffer);
  assert.equal(wb.worksheets[0]!.rowCount - 1, b.counts.egen);
});

test('each capacity table exports to Excel', async () => {
  for (const table of ['kapacitet', 'belaegning', 'placering']) {
    const res = await get(secretariat, `/analyse/kapacitet?area=sjaelland&format=xlsx&table=${table}`);
    assert.equal(res.statusCode, 200, table);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
  }
});

test('a provider outside the area is refused, bad filters are 400 in Danish', async () => {
  assert.equal((await get(provider, '/api/analysis/capacity?area=sjaelland')).statusCode, 403);
  const bad = await get(secretariat, '/analyse/kapacitet/raekker?area=sjaelland&buyer=abc', true);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Kommunekoden/);
  assert.equal((await get(secretariat, '/api/analysis/capacity?area=findes-ikke')).statusCode, 404);
});

test('the forecast page shows the stock-flow method from contracts beside trend and rate, with its error and the dated target occupancy', async () => {
  const res = await get(secretariat, '/analyse/prognose?group=voksne-botilbud&area=sjaelland', true);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Lager og strøm fra kontrakterne i Ramme/);
  assert.match(res.body, /Standard 95 % fra 1\. januar 2016|Standard 95 % fra 01\.01\.2016/);
  const m = res.body.match(/Lager og strøm \(kontrakter i Ramme\)<\/strong>: fejl på de seneste tre år ([^;]+);/);
  assert.ok(m, 'the stock-flow method shows its backtest error');
  const what = await get(secretariat, '/analyse/prognose?group=voksne-botilbud&area=sjaelland&stayPct=abc', true);
  assert.equal(what.statusCode, 400);
  assert.match(what.body, /Ændringen af opholdstiden skal være et tal/);
});

test('a municipality fills in its redegørelse (If-Match, audited, no CPR) and the secretariat sees it compiled', async () => {
  const holbaek = await t.login('demo-myndighed');
  const year = Number(t.ctx.clock.today().slice(0, 4));
  const form = await get(holbaek, '/analyse/redegoerelse/kommune', true);
  assert.equal(form.statusCode, 200);
  const orgId = (await t.db.selectFrom('app_user').select('organisation_id').where('username', '=', 'demo-myndighed').executeTakeFirstOrThrow())
    .organisation_id;
  const url = `/api/analysis/assessments/${orgId}/${year}`;
  const answers = [
    { group: 'voksne-botilbud', score: 2, comment: 'Vi mangler 12 pladser til borgere med autisme.' },
    { group: 'voksne-dagtilbud', score: 4 },
    { group: 'boern-anbringelse', score: 3, comment: '' },
  ];
  const put = (body: unknown, ifMatch?: string) =>
    t.as(holbaek, { method: 'PUT', url, payload: body as object, headers: ifMatch ? { 'if-match': ifMatch } : {} });
  const cpr = await put({ version: 0, answers: [{ ...answers[0], comment: 'Borger 010190-1234 venter' }, answers[1], answers[2]] });
  assert.equal(cpr.statusCode, 400);
  assert.match(cpr.body, /CPR-nummer/);
  assert.match(cpr.body, /answers\.0\.comment/);
  const missing = await put({ version: 0, answers: answers.slice(0, 2) });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Vælg en vurdering fra 1 til 5 for Anbringelse/);
  const first = await put({ answers }, '"0"');
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.json().version, 1);
  assert.equal((await put({ answers }, '"0"')).statusCode, 412, 'a stale version is refused');
  assert.equal((await put({ version: 1, answers: [{ ...answers[0], score: 1 }, answers[1], answers[2]] })).json().version, 2);
  const audited = await t.db.selectFrom('audit_log').select(['action', 'after']).where('entity', '=', 'capacity_assessment').execute();
  assert.deepEqual(
    audited.map((e) => e.action),
    ['create', 'update'],
  );

  const compiled = (await get(secretariat, `/api/analysis/assessments?area=sjaelland&year=${year}`)).json();
  const mine = compiled.municipalities.find((m: { organisationId: number }) => m.organisationId === orgId);
  assert.equal(mine.version, 2);
  assert.deepEqual(mine.answers.map((a: { group: string; score: number }) => `${a.group}:${a.score}`).sort(), [
    'boern-anbringelse:3',
    'voksne-botilbud:1',
    'voksne-dagtilbud:4',
  ]);
  const g = compiled.groups.find((x: { code: string }) => x.code === 'voksne-botilbud');
  assert.equal(
    g.counts.reduce((s: number, c: number) => s + c, 0),
    g.answered,
  );
  const page = await get(secretariat, `/analyse/redegoerelse?area=sjaelland&year=${year}`, true);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Vi mangler 12 pladser til borgere med autisme\./);
  const other = compiled.municipalities.find((m: { organisationId: number }) => m.organisationId !== orgId);
  assert.equal(
    (await t.as(holbaek, { method: 'PUT', url: `/api/analysis/assessments/${other.organisationId}/${year}`, payload: { version: 0, answers } })).statusCode,
    403,
  );
  const last = await t.as(holbaek, { method: 'PUT', url: `/api/analysis/assessments/${orgId}/${year - 1}`, payload: { version: 1, answers } });
  assert.equal(last.statusCode, 400);
  assert.match(last.body, /kan ikke længere ændres/);
});

test('the printable capacity analysis has supply, use, forecasts with their errors and the assessments, as a page and a PDF', async () => {
  const page = await get(secretariat, '/analyse/kapacitet/rapport?area=sjaelland', true);
  assert.equal(page.statusCode, 200);
  for (const heading of ['1. Udbud', '2. Brug', '3. Tendenser og prognose', '4. Kommunernes vurderinger']) assert.ok(page.body.includes(heading), heading);
  assert.match(page.body, /Fejl \(MAPE\)/);
  assert.match(page.body, /Lager og strøm \(kontrakter i Ramme\)/);
  const pdf = await get(secretariat, '/analyse/kapacitet/rapport?area=sjaelland&format=pdf');
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.equal((await get(provider, '/analyse/kapacitet/rapport?area=sjaelland', true)).statusCode, 403);
});
