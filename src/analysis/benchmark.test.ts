/** Benchmark figures: ratios of sums (not means of ratios), missing parts left out, peers nearest in size. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figuresOf, nearestBySize, type Facts } from './benchmark.js';

const f = (municipalityCode: number, population: string | null, recipients: string | null, spending: string | null): Facts => ({
  municipalityCode,
  year: 2025,
  population,
  recipients,
  spending,
});

test('one municipality: spending per inhabitant, recipients per 1,000 and spending per recipient', () => {
  // 40,000 inhabitants of 18-64, 120 recipients, 108 mio. kr.: 2,700 kr. per inhabitant, 3 per 1,000, 900,000 kr. per recipient.
  assert.deepEqual(figuresOf([f(316, '40000', '120', '108000000')]), {
    population: '40000',
    recipients: '120',
    spending: '108000000.00',
    spendingPerCapita: '2700.00',
    userSharePer1000: '3.00',
    unitCost: '900000.00',
    municipalityCount: 1,
  });
});

test('an area sums first: the ratio of the sums, not the mean of the ratios; a municipality with a suppressed part is left out', () => {
  // (108 + 20) mio. / (40,000 + 10,000) = 2,560 kr.; a mean of ratios would give (2,700 + 2,000) / 2 = 2,350.
  const r = figuresOf([f(316, '40000', '120', '108000000'), f(320, '10000', '25', '20000000'), f(330, '5000', null, '1000')]);
  assert.equal(r.spendingPerCapita, '2560.00');
  assert.equal(r.userSharePer1000, '2.90');
  assert.equal(r.unitCost, '882758.62');
  assert.equal(r.municipalityCount, 2);
  assert.equal(figuresOf([]).spendingPerCapita, null);
});

test('peers are the municipalities nearest in size, by ratio, nearest first', () => {
  const facts = [f(1, '10000', '1', '1'), f(2, '19000', '1', '1'), f(3, '5500', '1', '1'), f(4, '100000', '1', '1'), f(5, '10500', '1', '1')];
  assert.deepEqual(nearestBySize(1, facts, 3), [5, 3, 2]);
  assert.deepEqual(nearestBySize(99, facts), []);
});
