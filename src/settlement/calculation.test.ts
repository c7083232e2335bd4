/**
 * Hand-worked cases of the settlement calculation: month boundaries, leap years, open-ended periods, a contract
 * starting and ending inside one month, a level change mid-month, add-ons, and half-up rounding to øre.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, calculateSettlement, daysInMonth, lineAmount, periodInMonth } from './calculation.js';

test('the issue’s example: 10 days of a day price, 27/31 of a month price, 14.5 hours', () => {
  const r = calculateSettlement('2026-03', [
    { unit: 'day', price: '2381.04', from: '2026-02-15', to: '2026-03-10' },
    { unit: 'month', price: '61234.50', from: '2026-03-05', to: null },
    { unit: 'hour', price: '612.00', hours: '14.5' },
  ]);
  // 2381.04 × 10 = 23810.40; 61234.50 × 27 ÷ 31 = 53333.2741… → 53333.27; 612 × 14.5 = 8874.00
  assert.deepEqual(r.lines, [
    { days: 10, amount: '23810.40' },
    { days: 27, amount: '53333.27' },
    { days: null, amount: '8874.00' },
  ]);
  assert.equal(r.total, '86017.67');
});

test('days in a month, with leap years (2024 and 2000 leap, 2100 and 2026 not)', () => {
  assert.equal(daysInMonth('2024-02'), 29);
  assert.equal(daysInMonth('2026-02'), 28);
  assert.equal(daysInMonth('2000-02'), 29);
  assert.equal(daysInMonth('2100-02'), 28);
  assert.equal(daysInMonth('2026-12'), 31);
  assert.equal(daysInMonth('2026-04'), 30);
});

test('month boundaries: both ends count, a period that ends the day before the month gives 0 days', () => {
  assert.equal(periodInMonth('2026-03', '2026-03-01', '2026-03-01')?.days, 1);
  assert.equal(periodInMonth('2026-03', '2026-03-31', null)?.days, 1);
  assert.equal(periodInMonth('2026-03', '2026-01-01', '2026-02-28'), null);
  assert.equal(periodInMonth('2026-03', '2026-04-01', null), null);
  assert.deepEqual(periodInMonth('2026-03', '2025-12-01', '2026-05-01'), { from: '2026-03-01', to: '2026-03-31', days: 31 });
  assert.deepEqual(lineAmount('2026-03', { unit: 'day', price: '1000', from: '2026-01-01', to: '2026-02-28' }), { days: 0, amount: '0.00' });
});

test('a whole month at a month price is exactly the month price, in February of a leap year too', () => {
  assert.equal(lineAmount('2024-02', { unit: 'month', price: '61234.50', from: '2024-01-10', to: null }).amount, '61234.50');
  // 15 of 29 days: 61234.50 × 15 = 918517.50; ÷ 29 = 31673.0172… → 31673.02
  assert.deepEqual(lineAmount('2024-02', { unit: 'month', price: '61234.50', from: '2024-02-15', to: null }), { days: 15, amount: '31673.02' });
  // The same dates in 2026 (28 days): 14 days, 61234.50 × 14 ÷ 28 = 30617.25
  assert.deepEqual(lineAmount('2026-02', { unit: 'month', price: '61234.50', from: '2026-02-15', to: null }), { days: 14, amount: '30617.25' });
});

test('a contract that starts and ends inside one month pays its days only', () => {
  // 12th to 20th = 9 days × 1850.75 = 16656.75
  assert.deepEqual(lineAmount('2026-06', { unit: 'day', price: '1850.75', from: '2026-06-12', to: '2026-06-20' }), { days: 9, amount: '16656.75' });
  // 9/30 of 45000 = 13500.00
  assert.deepEqual(lineAmount('2026-06', { unit: 'month', price: '45000', from: '2026-06-12', to: '2026-06-20' }), { days: 9, amount: '13500.00' });
});

test('a level change mid-month is two lines that together cover the month', () => {
  const r = calculateSettlement('2026-05', [
    { unit: 'day', price: '1800.00', from: '2026-01-01', to: '2026-05-14' },
    { unit: 'day', price: '2450.50', from: '2026-05-15', to: null },
  ]);
  // 14 × 1800 = 25200.00; 17 × 2450.50 = 41658.50
  assert.deepEqual(r.lines, [
    { days: 14, amount: '25200.00' },
    { days: 17, amount: '41658.50' },
  ]);
  assert.equal(r.total, '66858.50');
});

test('an add-on priced by the hour is its own line beside the stay', () => {
  const r = calculateSettlement('2026-09', [
    { unit: 'day', price: '2100', from: '2026-09-01', to: null },
    { unit: 'hour', price: '587.35', hours: '7.25' },
  ]);
  // 30 × 2100 = 63000.00; 587.35 × 7.25 = 4258.2875 → 4258.29
  assert.deepEqual(r.lines[1], { days: null, amount: '4258.29' });
  assert.equal(r.total, '67258.29');
});

test('each line is rounded half up to øre, and the total is the sum of the rounded lines', () => {
  // 0.005 per line rounds up to 0.01; two lines 0.02 (not round(0.010) = 0.01)
  const r = calculateSettlement('2026-03', [
    { unit: 'hour', price: '0.01', hours: '0.5' },
    { unit: 'hour', price: '0.01', hours: '0.5' },
  ]);
  assert.deepEqual(
    r.lines.map((l) => l.amount),
    ['0.01', '0.01'],
  );
  assert.equal(r.total, '0.02');
  // 1000 × 1 ÷ 3 … a month price over a 31-day month: 100 × 1 ÷ 31 = 3.2258… → 3.23
  assert.equal(lineAmount('2026-01', { unit: 'month', price: '100', from: '2026-01-31', to: null }).amount, '3.23');
});

test('months step across the year', () => {
  assert.equal(addMonths('2026-12', 1), '2027-01');
  assert.equal(addMonths('2027-01', -1), '2026-12');
  assert.equal(addMonths('2026-03', -12), '2025-03');
});
