/**
 * The LMDI split of a change in spending: hand-worked cases (every factor grows; users grow while unit cost
 * falls; nothing changes) and properties (the three effects add up to the total to the øre, swapping the years
 * negates every effect, a factor that does not move has no effect).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decompose, decomposeExact, logMean } from './decompose.js';
import { Dec } from './decimal.js';

const sum = (d: { demographic: string; userShare: string; unitCost: string }) => new Dec(d.demographic).plus(d.userShare).plus(d.unitCost).toFixed(2);

test('the logarithmic mean of two equal values is the value, and lies between two different ones', () => {
  assert.equal(logMean(5, 5).toFixed(), '5');
  // L(e², 1) = (e² − 1) / 2 ≈ 3.1945
  const e2 = new Dec(2).exp();
  assert.equal(logMean(e2, 1).toFixed(4), e2.minus(1).div(2).toFixed(4));
  assert.ok(logMean(2, 8).gt(2) && logMean(2, 8).lt(8));
});

test('every factor grows: population ×1.1, user share ×1.2, unit cost ×1.25, and the effects add up to the change', () => {
  // S0 = 10,000 × 0.01 × 100,000 = 10,000,000; S1 = 11,000 × 0.012 × 125,000 = 16,500,000 (×1.65).
  // L = 6,500,000 / ln 1.65 = 6,500,000 / 0.5007752879 = 12,979,874.96
  // demographic = L × ln 1.1 (0.0953101798) = 1,237,114.10; user share = L × ln 1.2 (0.1823215568) = 2,366,510.78;
  // unit cost = L × ln 1.25 (0.2231435513) = 2,896,375.12; together 6,500,000.00.
  const d = decompose({ population: 10000, recipients: 100, spending: '10000000' }, { population: 11000, recipients: 132, spending: '16500000.00' });
  assert.deepEqual(d, { totalChange: '6500000.00', demographic: '1237114.10', userShare: '2366510.78', unitCost: '2896375.12' });
  assert.equal(sum(d), d.totalChange);
});

test('users grow fast while unit cost falls (seed 002): a positive user-share effect and a negative unit-cost effect', () => {
  // Population unchanged, recipients 1,000 → 1,300 (+30 %), spending 500 → 525 mio. (+5 %): unit cost −19 %.
  // L(525 mio., 500 mio.) = 25 mio. / ln 1.05 = 512,396,694.2…; user share = L × ln 1.3 = 134,435,018.27;
  // unit cost = 25,000,000 − 0 − 134,435,018.27 = −109,435,018.27.
  const d = decompose({ population: 100000, recipients: 1000, spending: '500000000' }, { population: 100000, recipients: 1300, spending: '525000000' });
  assert.deepEqual(d, { totalChange: '25000000.00', demographic: '0.00', userShare: '134435018.27', unitCost: '-109435018.27' });
});

test('nothing changes: every effect is zero', () => {
  const year = { population: 5000, recipients: 40, spending: '12345678.90' };
  assert.deepEqual(decompose(year, year), { totalChange: '0.00', demographic: '0.00', userShare: '0.00', unitCost: '0.00' });
});

test('the rounding remainder goes to the unit-cost effect', () => {
  // Exact: −284,151.4711, 793,348.5374, −151,172.3863; total 358,024.68. Rounded: −284,151.47 + 793,348.54 + x = 358,024.68.
  const d = decompose({ population: 12345, recipients: 77, spending: '9876543.21' }, { population: 12001, recipients: 81, spending: '10234567.89' });
  assert.deepEqual(d, { totalChange: '358024.68', demographic: '-284151.47', userShare: '793348.54', unitCost: '-151172.39' });
});

test('zero or negative figures are refused', () => {
  assert.throws(() => decompose({ population: 0, recipients: 1, spending: '1' }, { population: 1, recipients: 1, spending: '1' }), RangeError);
  assert.throws(() => decompose({ population: 1, recipients: 1, spending: '-1' }, { population: 1, recipients: 1, spending: '1' }), RangeError);
});

const ore = fc.bigInt({ min: 100n, max: 10n ** 14n }).map((n) => new Dec(n.toString()).div(100).toFixed(2));
const year = fc.record({ population: fc.integer({ min: 1, max: 2_000_000 }), recipients: fc.integer({ min: 1, max: 100_000 }), spending: ore });

test('property: the three rounded effects add up to the rounded total, to the øre', () => {
  fc.assert(
    fc.property(year, year, (a, b) => {
      const d = decompose(a, b);
      assert.equal(sum(d), d.totalChange);
      assert.equal(d.totalChange, new Dec(b.spending).minus(a.spending).toFixed(2));
    }),
    { numRuns: 300 },
  );
});

test('property: the exact effects add up to S1 − S0 to a millionth of an øre', () => {
  fc.assert(
    fc.property(year, year, (a, b) => {
      const e = decomposeExact(a, b);
      assert.ok(e.demographic.plus(e.userShare).plus(e.unitCost).minus(e.total).abs().lt('1e-8'));
    }),
    { numRuns: 200 },
  );
});

test('property: swapping the two years negates every effect', () => {
  fc.assert(
    fc.property(year, year, (a, b) => {
      const ab = decompose(a, b);
      const ba = decompose(b, a);
      for (const k of ['totalChange', 'demographic', 'userShare'] as const) assert.equal(new Dec(ab[k]).plus(ba[k]).toFixed(2), '0.00');
    }),
    { numRuns: 200 },
  );
});

test('property: when only the population changes and users and spending follow it, only the demographic effect is non-zero', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 2, max: 5 }), (r, unit, k) => {
      const d = decompose(
        { population: 1000, recipients: r, spending: String(r * unit * 1000) },
        { population: 1000 * k, recipients: r * k, spending: String(r * unit * 1000 * k) },
      );
      assert.equal(d.demographic, d.totalChange);
      assert.equal(d.userShare, '0.00');
      assert.equal(d.unitCost, '0.00');
    }),
  );
});
