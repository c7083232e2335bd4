import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ownShareTrend, sharePercent, type TradeParty, tradeMatrix } from './trade.logic.js';

const holbaek: TradeParty = { id: 1, name: 'Holbæk Kommune', kind: 'municipality' };
const kalundborg: TradeParty = { id: 2, name: 'Kalundborg Kommune', kind: 'municipality' };
const region: TradeParty = { id: 3, name: 'Region Sjælland', kind: 'region' };
const privat: TradeParty = { id: 4, name: 'Bosted Egely ApS', kind: 'provider' };
const odsherred: TradeParty = { id: 5, name: 'Odsherred Kommune', kind: 'municipality' };
const buyers = [kalundborg, holbaek, odsherred];
const parties = [holbaek, kalundborg, region, privat, odsherred];

// Holbæk buys 1.000,00 at home, 500,50 in Kalundborg, 250,25 from the region, 249,25 privately (row 2.000,00);
// Kalundborg buys 300,00 in Holbæk and 700,00 privately (row 1.000,00); Odsherred buys nothing. Grand total 3.000,00.
const cells = [
  { buyerOrgId: 1, sellerOrgId: 1, amount: '1000.00', contracts: 2, placeDays: 60 },
  { buyerOrgId: 1, sellerOrgId: 2, amount: '500.50', contracts: 1, placeDays: 31 },
  { buyerOrgId: 1, sellerOrgId: 3, amount: '250.25', contracts: 1, placeDays: 10 },
  { buyerOrgId: 1, sellerOrgId: 4, amount: '249.25', contracts: 1, placeDays: 5 },
  { buyerOrgId: 2, sellerOrgId: 1, amount: '300', contracts: 1, placeDays: 30 },
  { buyerOrgId: 2, sellerOrgId: 4, amount: '700.00', contracts: 2, placeDays: 40 },
];

describe('the trade matrix', () => {
  const m = tradeMatrix('statements', buyers, parties, cells);

  it('orders sellers as municipalities, then the region, then private providers, and buyers by name', () => {
    assert.deepEqual(
      m.sellers.map((s) => s.id),
      [1, 2, 3, 4],
    );
    assert.deepEqual(
      m.rows.map((r) => r.buyer.id),
      [1, 2, 5],
    );
  });

  it('totals every row and column, and the whole, exactly', () => {
    assert.deepEqual(
      m.rows.map((r) => r.total),
      [
        { amount: '2000.00', contracts: 5, placeDays: 106 },
        { amount: '1000.00', contracts: 3, placeDays: 70 },
        { amount: '0.00', contracts: 0, placeDays: 0 },
      ],
    );
    assert.deepEqual(
      m.columnTotals.map((c) => [c.amount, c.contracts, c.share]),
      [
        ['1300.00', 3, '43.3'],
        ['500.50', 1, '16.7'],
        ['250.25', 1, '8.3'],
        ['949.25', 3, '31.6'],
      ],
    );
    assert.deepEqual(m.total, { amount: '3000.00', contracts: 8, placeDays: 176 });
    assert.deepEqual(
      m.rows.map((r) => r.shareOfTotal),
      ['66.7', '33.3', '0.0'],
    );
  });

  it('gives each cell its share of the row, rounded half up to one decimal', () => {
    assert.deepEqual(
      m.rows[0]!.cells.map((c) => c?.shareOfRow),
      ['50.0', '25.0', '12.5', '12.5'],
    );
    assert.deepEqual(
      m.rows[1]!.cells.map((c) => c?.shareOfRow ?? null),
      ['30.0', null, null, '70.0'],
    );
    assert.deepEqual(
      m.rows[2]!.cells.every((c) => c === null),
      true,
    );
  });

  it('splits each buyer’s purchases into own offerings, other municipalities, the region and private providers', () => {
    const h = m.rows[0]!.split;
    assert.deepEqual([h.own.amount, h.otherMunicipalities.amount, h.region.amount, h.private.amount], ['1000.00', '500.50', '250.25', '249.25']);
    const k = m.rows[1]!.split;
    assert.deepEqual([k.own.share, k.otherMunicipalities.share, k.region.share, k.private.share], ['0.0', '30.0', '0.0', '70.0']);
    assert.equal(m.rows[2]!.split.own.share, null, 'nothing bought: no share');
    assert.deepEqual([m.split.own.share, m.split.otherMunicipalities.share, m.split.region.share, m.split.private.share], ['33.3', '26.7', '8.3', '31.6']);
  });

  it('from contracts: no amounts, and the shares come from place-days', () => {
    const c = tradeMatrix(
      'contracts',
      [holbaek],
      parties,
      cells.filter((x) => x.buyerOrgId === 1).map((x) => ({ ...x, amount: null })),
    );
    assert.equal(c.measure, 'placeDays');
    assert.deepEqual(c.total, { amount: null, contracts: 5, placeDays: 106 });
    assert.deepEqual(
      c.rows[0]!.cells.map((x) => x?.shareOfRow),
      ['56.6', '29.2', '9.4', '4.7'],
    );
    assert.equal(c.rows[0]!.cells[0]!.amount, null);
  });

  it('leaves out cells whose parties it cannot name', () => {
    const x = tradeMatrix('statements', [holbaek], [holbaek], [{ buyerOrgId: 1, sellerOrgId: 99, amount: '10', contracts: 1, placeDays: 1 }]);
    assert.deepEqual(x.sellers, []);
    assert.equal(x.total.amount, '0.00');
  });
});

describe('shares and the trend', () => {
  it('rounds half up and has no share of nothing', () => {
    assert.equal(sharePercent(1, 8), '12.5');
    assert.equal(sharePercent(1, 16), '6.3');
    assert.equal(sharePercent(1, 3), '33.3');
    assert.equal(sharePercent(0, 0), null);
  });

  it('follows the own-offering share year by year', () => {
    const y2025 = tradeMatrix('contracts', [holbaek], parties, [{ buyerOrgId: 1, sellerOrgId: 4, amount: null, contracts: 1, placeDays: 100 }]);
    const y2026 = tradeMatrix('statements', buyers, parties, cells);
    assert.deepEqual(
      ownShareTrend([
        { year: 2026, matrix: y2026 },
        { year: 2025, matrix: y2025 },
      ]),
      [
        { year: 2025, source: 'contracts', ownShare: '0.0' },
        { year: 2026, source: 'statements', ownShare: '33.3' },
      ],
    );
  });
});
