/**
 * The trade between municipalities on the seeded statements: the matrix adds up (rows, columns and the whole), every
 * cell opens to the statement lines behind it and they add up to the cell, a year without statements is built from
 * the contracts and says so, Excel and JSON carry the same numbers; case references only for the cell's own parties;
 * bad input is 400 with a Danish message, outsiders are refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SDec } from './calculation.js';
import { readXlsx } from '../core/tabular/xlsx.js';
import { orgOfUser } from '../testing/settlement-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let secretariat: Session;
let holbaekUser: Session;
let holbaek = 0;
const html = { accept: 'text/html' };
type Matrix = {
  area: { id: number };
  year: number;
  source: string;
  sellers: { id: number; name: string }[];
  rows: {
    buyer: { id: number; name: string };
    cells: ({ amount: string | null; sellerOrgId: number } | null)[];
    total: { amount: string | null; contracts: number };
  }[];
  columnTotals: { amount: string | null }[];
  total: { amount: string | null; contracts: number; placeDays: number };
  split: Record<string, { share: string | null }>;
  trend: { year: number; source: string; ownShare: string | null }[];
};
let m: Matrix;

before(async () => {
  t = await createTestApp();
  secretariat = await t.login('demo-sekretariat');
  holbaekUser = await t.login('demo-tilbudsoekonomi');
  holbaek = await orgOfUser(t.db, 'demo-tilbudsoekonomi');
  const res = await t.as(secretariat, { method: 'GET', url: '/api/settlement/trade' });
  assert.equal(res.statusCode, 200, res.body);
  m = res.json();
});
after(() => t.close());

const sum = (xs: (string | null)[]) => xs.reduce((s, x) => s.plus(x ?? 0), new SDec(0)).toFixed(2);

describe('the trade matrix', () => {
  it('is built from the sent statements of the latest year and adds up across rows, columns and the whole', () => {
    assert.equal(m.source, 'statements');
    assert.ok(m.sellers.length > 3 && m.rows.length > 3, 'several sellers and buyers');
    for (const r of m.rows) assert.equal(sum(r.cells.map((c) => c?.amount ?? null)), r.total.amount, r.buyer.name);
    m.columnTotals.forEach((c, i) => {
      assert.equal(sum(m.rows.map((r) => r.cells[i]?.amount ?? null)), c.amount);
    });
    assert.equal(sum(m.rows.map((r) => r.total.amount)), m.total.amount);
    assert.equal(sum(m.columnTotals.map((c) => c.amount)), m.total.amount);
    const shares = Object.values(m.split).map((s) => Number(s.share));
    assert.ok(Math.abs(shares.reduce((a, b) => a + b, 0) - 100) <= 0.2, 'the split adds up to 100 % (within rounding)');
  });

  it('opens a cell to the statement lines behind it, which add up to the cell; case references only for its parties', async () => {
    const row = m.rows.find((r) => r.buyer.id !== holbaek && r.cells.some((c, i) => c && m.sellers[i]!.id === holbaek))!;
    const i = m.sellers.findIndex((s) => s.id === holbaek);
    const url = `/samhandel/celle?omraade=${m.area.id}&aar=${m.year}&koeber=${row.buyer.id}&saelger=${holbaek}`;
    const asSecretariat = await t.as(secretariat, { method: 'GET', url, headers: html });
    assert.equal(asSecretariat.statusCode, 200);
    const amounts = [...asSecretariat.body.matchAll(/<td class="ramme-num">([−-]?[\d.]+,\d\d) kr\.<\/td>/g)].map((x) =>
      x[1]!.replaceAll('.', '').replace(',', '.').replace('−', '-'),
    );
    assert.equal(sum(amounts), row.cells[i]!.amount);
    assert.match(asSecretariat.body, /Sagsnumre og links til afregningerne vises kun for køber og sælger/);
    assert.doesNotMatch(asSecretariat.body, /href="\/afregning\/\d+"/);
    const asSeller = await t.as(holbaekUser, { method: 'GET', url, headers: html });
    assert.equal(asSeller.statusCode, 200);
    assert.match(asSeller.body, /href="\/afregning\/\d+"/);
  });

  it('shows the page with the matrix, the charts with their tables, and the source', async () => {
    const res = await t.as(secretariat, { method: 'GET', url: `/samhandel?aar=${m.year}`, headers: html });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<table class="table table--compact" id="matrix">/);
    assert.match(res.body, /<svg role="img" aria-label="Søjlediagram/);
    assert.match(res.body, /id="fordeling"/);
    assert.match(res.body, /Kilde: de sendte afregninger/);
  });

  it('builds a year without statements from the accepted contracts, without amounts, and says so', async () => {
    const res = await t.as(secretariat, { method: 'GET', url: `/api/settlement/trade?year=${m.year - 2}` });
    assert.equal(res.statusCode, 200);
    const earlier: Matrix = res.json();
    assert.equal(earlier.source, 'contracts');
    assert.equal(earlier.total.amount, null);
    assert.ok(earlier.total.contracts > 0 && earlier.total.placeDays > 0);
    const page = await t.as(secretariat, { method: 'GET', url: `/samhandel?aar=${m.year - 2}`, headers: html });
    assert.match(page.body, /Tallene er fra de godkendte kontrakter/);
    assert.ok(m.trend.some((x) => x.source === 'contracts') && m.trend.at(-1)!.source === 'statements', 'the trend mixes both, marked');
  });

  it('exports the matrix to Excel with the same totals', async () => {
    const res = await t.as(secretariat, { method: 'GET', url: `/samhandel?aar=${m.year}&format=xlsx` });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const rows = await readXlsx(res.rawPayload);
    assert.match(rows[0]![0]!, /Køber/);
    const totalRow = rows.find((r) => r[0] === 'I alt')!;
    assert.equal(new SDec(totalRow[m.sellers.length + 1]!).toFixed(2), m.total.amount);
  });

  it('refuses bad input with a Danish message naming the field, and callers outside the area', async () => {
    const bad = await t.as(secretariat, { method: 'GET', url: '/api/settlement/trade?year=abc' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Året/);
    const future = await t.as(secretariat, { method: 'GET', url: '/api/settlement/trade?year=2099' });
    assert.equal(future.statusCode, 400);
    assert.match(future.body, /fremtiden/);
    const anonymous = await t.as(null, { method: 'GET', url: '/api/settlement/trade' });
    assert.equal(anonymous.statusCode, 401);
    const otherArea = await t.db.selectFrom('agreement_area').select('id').where('id', '<>', m.area.id).orderBy('id').executeTakeFirstOrThrow();
    const outside = await t.as(secretariat, { method: 'GET', url: `/api/settlement/trade?area=${otherArea.id}` });
    assert.equal(outside.statusCode, 403);
    const unknown = await t.as(secretariat, { method: 'GET', url: '/api/settlement/trade?area=999999' });
    assert.equal(unknown.statusCode, 404);
  });
});
