/**
 * Benchmarks, "why does spending grow?", the forecast and the source rows on the demo data: the figures add up,
 * Sjælland's adults in residential care show more users at a falling unit cost, every figure opens to rows that
 * name their table and download date, every table exports to Excel, and bad queries are 400, never 500.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { Dec } from './decimal.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let reader: Session;
before(async () => {
  t = await createTestApp();
  reader = await t.login('demo-laeser');
});
after(() => t.close());

const page = (url: string) => t.as(reader, { method: 'GET', url, headers: { accept: 'text/html' } });
const api = (url: string) => t.as(reader, { method: 'GET', url });

test('benchmarks per municipality of Sjælland with the area, the country and the five nearest in size', async () => {
  const res = await api('/api/analysis/benchmarks?group=voksne-botilbud&area=sjaelland&municipality=316');
  assert.equal(res.statusCode, 200, res.body);
  const b = res.json();
  assert.equal(b.year, 2025);
  assert.equal(b.group.ageBand, '18-64');
  assert.equal(b.municipalities.length, 17);
  assert.equal(b.peers.length, 5);
  assert.ok(!b.peers.some((p: { code: number }) => p.code === 316));
  // The area's figures are the ratios of its sums.
  const sum = (k: string) => b.municipalities.reduce((s: Dec, m: { figures: Record<string, string> }) => s.plus(m.figures[k]!), new Dec(0));
  assert.equal(sum('spending').div(sum('population')).toFixed(2), b.areaFigures.spendingPerCapita);
  assert.equal(b.areaFigures.municipalityCount, 17);
  assert.ok(b.countryFigures.municipalityCount > 17);
  assert.ok(b.sources.some((s: { tableId: string; isDemo: boolean }) => s.tableId === 'REGK31' && s.isDemo));
  const chosen = await api('/api/analysis/benchmarks?group=voksne-botilbud&area=sjaelland&municipality=316&peers=101&peers=851');
  assert.deepEqual(
    chosen.json().peers.map((p: { code: number }) => p.code),
    [101, 851],
  );
  assert.equal(chosen.json().isPeersChosen, true);
});

test('the benchmark page names the age band and links every municipality to its source rows', async () => {
  const res = await page('/analyse/benchmark?group=voksne-botilbud&area=sjaelland');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Udgift pr\. 18-64-årig/);
  assert.match(res.body, /Hele landet/);
  assert.match(res.body, /Sammenligningsgruppe/);
  const link = /href="(\/analyse\/kilder\?[^"]+)"/.exec(res.body)?.[1]?.replace(/&amp;/g, '&');
  assert.ok(link);
  const sources = await page(link);
  assert.equal(sources.statusCode, 200);
  assert.match(sources.body, /REGK31/);
  assert.match(sources.body, /FOLK1A/);
  assert.match(sources.body, /1\.000 kr\./);
  assert.match(sources.body, /Hentet/);
});

test('source rows through the API, and an unknown group or municipality is 404', async () => {
  const res = await api('/api/analysis/sources?group=voksne-botilbud&municipality=316&year=2024');
  assert.equal(res.statusCode, 200, res.body);
  const kinds = new Set(res.json().rows.map((r: { kind: string }) => r.kind));
  assert.deepEqual([...kinds].sort(), ['population', 'recipients', 'spending']);
  assert.equal((await api('/api/analysis/sources?group=ukendt&municipality=316&year=2024')).statusCode, 404);
  assert.equal((await api('/api/analysis/sources?group=voksne-botilbud&municipality=abc&year=2024')).statusCode, 400);
});

test('why spending grows in Sjælland: more users of residential care while the unit cost falls, and the effects add up', async () => {
  const res = await page('/analyse/vaekst?group=voksne-botilbud&area=sjaelland&from=2016&to=2025&municipality=316');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<svg role="img" aria-label="Vandfaldsdiagram for/);
  assert.match(res.body, /Brugerandel/);
  const xlsx = await page('/analyse/vaekst?group=voksne-botilbud&area=sjaelland&from=2016&to=2025&format=xlsx');
  assert.equal(xlsx.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
  const area = rows.find((r) => String(r[1]).endsWith('(samlet)'))!;
  const [change, demographic, userShare, unitCost] = [area[5], area[6], area[7], area[8]].map((x) => new Dec(String(x)));
  assert.ok(userShare!.gt(0), 'more users');
  assert.ok(unitCost!.lt(0), 'lower unit cost');
  assert.equal(demographic!.plus(userShare!).plus(unitCost!).toFixed(2), change!.toFixed(2));
});

test('the forecast page shows every method with its backtest error, the what-if, and exports', async () => {
  const res = await page('/analyse/prognose?group=voksne-botilbud&area=sjaelland&municipality=316&horizon=5&ratePct=10');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Trend \(mindste kvadrater\)/);
  assert.match(res.body, /fejl på de seneste tre år \d+,\d %/);
  assert.match(res.body, /andelen ændret med 10,0 %/);
  assert.match(res.body, /pladser i 2030 ved 95 % belægning/);
  assert.match(res.body, /2030/);
  const bad = await page('/analyse/prognose?ratePct=mange&horizon=99');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /fejlopsummering/);
  const xlsx = await page('/analyse/prognose?group=boern-anbringelse&area=sjaelland&format=xlsx');
  assert.equal(xlsx.statusCode, 200);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  const bx = await page('/analyse/benchmark?format=xlsx');
  assert.equal(bx.statusCode, 200);
});

test('bad queries are 400 with a Danish message, never 500', async () => {
  for (const url of ['/analyse/benchmark?year=abc', '/analyse/benchmark?group=%00', '/analyse/vaekst?from=1e308', '/api/analysis/benchmarks?peers=x']) {
    const res = await page(url);
    assert.equal(res.statusCode, 400, `${url}: ${res.statusCode}`);
  }
  assert.equal((await page('/analyse/benchmark?year=1990')).statusCode, 200, 'a year without figures falls back to the latest');
});

test('the pages are for signed-in users', async () => {
  for (const url of ['/analyse', '/analyse/benchmark', '/analyse/vaekst', '/analyse/prognose']) {
    const res = await t.as(null, { method: 'GET', url, headers: { accept: 'text/html' } });
    assert.ok([302, 303, 401].includes(res.statusCode), `${url}: ${res.statusCode}`);
  }
});

test('indicators for the agreement: unit cost and user share per member municipality and for the area, with the rows behind', async () => {
  const area = await t.db.selectFrom('agreement_area').select('id').where('code', '=', 'sjaelland').executeTakeFirstOrThrow();
  const unitCost = t.ctx.indicators.get('analysis.unit-cost-residential');
  assert.ok(unitCost);
  const r = await unitCost.compute(t.db, { areaId: area.id, date: '2025-12-31' });
  assert.equal(r.perMember.length, 17);
  assert.ok(r.perMember.every((m) => m.value !== null && Number(m.value) > 100000));
  const sum = (k: 'spending' | 'recipients') => r.rows.reduce((s, row) => s.plus(String(row[k])), new Dec(0));
  assert.equal(r.area.value, sum('spending').div(sum('recipients')).toFixed(2));
  assert.ok(r.rows.every((row) => row.year === 2025));
  const share = await t.ctx.indicators.get('analysis.user-share-residential')!.compute(t.db, { areaId: area.id, date: '2020-06-30' });
  assert.ok(share.rows.every((row) => row.year === 2020));
});
