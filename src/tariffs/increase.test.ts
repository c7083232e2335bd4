/**
 * The increase watch by hand: nominal tₙ ÷ tₙ₋₁ − 1, real tₙ ÷ (tₙ₋₁ × (1 + P/L)) − 1, flagged only for
 * residential offerings strictly above the threshold on the agreement's basis.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatChange, isIncreaseFlagged, tariffChange } from './increase.js';

test('nominal and real change', () => {
  // 2,100 ÷ 2,000 − 1 = 5 %; 2,100 ÷ (2,000 × 1.025) − 1 = 2.439…%
  assert.deepEqual(tariffChange('2000.00', '2100.00', '2.5'), { nominalPct: '5', realPct: '2.439' });
  // 2,121 ÷ 2,000 − 1 = 6.05 %; ÷ 1.03 → 2,121 ÷ 2,060 − 1 = 2.9612…%
  assert.deepEqual(tariffChange('2000', '2121', '3'), { nominalPct: '6.05', realPct: '2.9612' });
  assert.deepEqual(tariffChange('2000', '1900', null), { nominalPct: '-5', realPct: null });
  assert.deepEqual(tariffChange(null, '1900', '2'), { nominalPct: null, realPct: null });
});

test('flagged strictly above the threshold, on the agreement’s basis, for residential offerings only', () => {
  const nominal = { increaseThresholdPct: '5', increaseBasis: 'nominal' as const };
  const real = { increaseThresholdPct: '5', increaseBasis: 'real' as const };
  assert.equal(isIncreaseFlagged({ nominalPct: '5', realPct: '2' }, nominal, true), false); // exactly 5 % is not over
  assert.equal(isIncreaseFlagged({ nominalPct: '5.0001', realPct: '2' }, nominal, true), true);
  assert.equal(isIncreaseFlagged({ nominalPct: '9', realPct: '2' }, nominal, false), false); // day offer: not watched
  assert.equal(isIncreaseFlagged({ nominalPct: '7', realPct: '4.5' }, real, true), false);
  assert.equal(isIncreaseFlagged({ nominalPct: '9', realPct: '6' }, real, true), true);
  assert.equal(isIncreaseFlagged({ nominalPct: null, realPct: null }, nominal, true), false);
});

test('changes are shown with one decimal and a sign', () => {
  assert.equal(formatChange('6.05'), '+6,1 %');
  assert.equal(formatChange('-0.04'), '0,0 %');
  assert.equal(formatChange('-5'), '−5,0 %');
  assert.equal(formatChange(null), '–');
});
