/**
 * The pure statement rules: pricing from the month's year's published tariff and the contract's level (1 January
 * follows the new year's overview; no price is a problem, never a guess), the claim limit, and the life cycle.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canMove, isOldClaim, minusMonths, priceMonth, priceOf, type PricedPeriod, type PriceList } from './statement.logic.js';

const withLevels: PriceList = {
  versionId: 7,
  unit: 'day',
  averageTariff: '2000.00',
  levels: [
    { name: 'Niveau 1', tariff: '1500.00' },
    { name: 'Niveau 2', tariff: '2500.00' },
  ],
};
const plain: PriceList = { versionId: 8, unit: 'month', averageTariff: '62000.00', levels: [] };
const period = (over: Partial<PricedPeriod> = {}): PricedPeriod => ({
  contractId: 1,
  offeringId: 10,
  sellerOrgId: 2,
  buyerOrgId: 3,
  caseReference: 'SAG-1',
  from: '2026-01-01',
  to: null,
  level: 'Niveau 2',
  ...over,
});

test('the contract’s level is priced from the tariff; an unknown level or a missing tariff is a problem', () => {
  assert.deepEqual(priceOf(withLevels, 'Niveau 2', 2026), { price: '2500.00', level: 'Niveau 2' });
  assert.match((priceOf(withLevels, 'Niveau 3', 2026) as { problem: string }).problem, /Niveau 3.*2026/);
  assert.match((priceOf(undefined, 'Niveau 1', 2027) as { problem: string }).problem, /Ingen offentliggjort takst for 2027/);
  assert.deepEqual(priceOf(plain, null, 2026), { price: '62000.00', level: null });
  assert.match((priceOf(withLevels, null, 2026) as { problem: string }).problem, /intet niveau/);
  assert.deepEqual(priceOf({ ...withLevels, levels: [withLevels.levels[0]!] }, null, 2026), { price: '1500.00', level: 'Niveau 1' });
});

test('1 January follows the new year’s published overview: December is priced from 2026, January from 2027', () => {
  const tariffs2026 = new Map([[10, withLevels]]);
  const tariffs2027 = new Map([[10, { ...withLevels, versionId: 9, levels: [{ name: 'Niveau 2', tariff: '2600.00' }] }]]);
  const dec = priceMonth('2026-12', [period()], tariffs2026);
  assert.equal(dec[0]!.amount, '77500.00'); // 31 × 2500
  const jan = priceMonth('2027-01', [period()], tariffs2027);
  assert.equal(jan[0]!.amount, '80600.00'); // 31 × 2600
  assert.equal(jan[0]!.tariffVersionId, 9);
  const unpublished = priceMonth('2027-01', [period()], new Map());
  assert.equal(unpublished[0]!.amount, null);
  assert.match(unpublished[0]!.problem!, /2027/);
});

test('a contract that does not meet the month gives no line; one that ends mid-month pays its days', () => {
  assert.deepEqual(priceMonth('2026-03', [period({ from: '2026-04-01' })], new Map([[10, withLevels]])), []);
  const ends = priceMonth('2026-02', [period({ to: '2026-02-10' })], new Map([[10, withLevels]]));
  assert.equal(ends[0]!.days, 10);
  assert.equal(ends[0]!.periodTo, '2026-02-10');
  assert.equal(ends[0]!.amount, '25000.00');
});

test('a month price pays days ÷ days in the month; an hour price needs the hours and is a problem until they are reported', () => {
  const m = priceMonth('2026-04', [period({ level: null, from: '2026-04-16' })], new Map([[10, plain]]));
  assert.equal(m[0]!.amount, '31000.00'); // 62000 × 15 ÷ 30
  const h = priceMonth('2026-04', [period({ level: null })], new Map([[10, { ...plain, unit: 'hour', averageTariff: '650.00' }]]));
  assert.equal(h[0]!.amount, null);
  assert.equal(h[0]!.unitPrice, '650.00');
  assert.match(h[0]!.problem!, /timer/);
});

test('the claim limit: 12 months back from the day of sending, clamped at month ends', () => {
  assert.equal(minusMonths('2026-12-01', 12), '2025-12-01');
  assert.equal(minusMonths('2025-03-31', 1), '2025-02-28');
  assert.equal(minusMonths('2024-03-31', 1), '2024-02-29');
  assert.equal(isOldClaim('2025-11-30', '2026-12-01', 12), true);
  assert.equal(isOldClaim('2025-12-01', '2026-12-01', 12), false);
});

test('the life cycle: a sent statement is never a draft again, an accepted one moves nowhere', () => {
  assert.equal(canMove('kladde', 'sendt'), true);
  assert.equal(canMove('sendt', 'kladde'), false);
  assert.equal(canMove('sendt', 'bestridt'), true);
  assert.equal(canMove('bestridt', 'accepteret'), false);
  assert.equal(canMove('besvaret', 'accepteret'), true);
  assert.equal(canMove('accepteret', 'bestridt'), false);
});
