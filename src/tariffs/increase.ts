/**
 * @module The increase watch as pure functions: nominal change tₙ ÷ tₙ₋₁ − 1, real change
 * tₙ ÷ (tₙ₋₁ × (1 + P/Lₙ)) − 1, and whether a residential or 24-hour offering's change exceeds the agreement's
 * threshold on the agreement's basis (nominal or real).
 */
import { Dec } from './calculation.js';
import type { IncreaseBasis } from './tariffs.table.js';

export type Change = { nominalPct: string | null; realPct: string | null };

/** Changes in percent with four decimals; null when there is no comparable previous tariff (or no P/L for real). */
export function tariffChange(previous: string | null, current: string, plPct: string | null): Change {
  if (previous === null || !new Dec(previous).gt(0)) return { nominalPct: null, realPct: null };
  const ratio = new Dec(current).div(previous);
  const nominal = ratio.minus(1).times(100);
  const real =
    plPct === null
      ? null
      : new Dec(current)
          .div(new Dec(previous).times(new Dec(1).plus(new Dec(plPct).div(100))))
          .minus(1)
          .times(100);
  return { nominalPct: nominal.toDecimalPlaces(4).toFixed(), realPct: real === null ? null : real.toDecimalPlaces(4).toFixed() };
}

/** Flagged when the offering is residential and the change on the agreement's basis is strictly above the threshold. */
export function isIncreaseFlagged(change: Change, rule: { increaseThresholdPct: string; increaseBasis: IncreaseBasis }, isResidential: boolean): boolean {
  if (!isResidential) return false;
  const value = rule.increaseBasis === 'real' ? change.realPct : change.nominalPct;
  return value !== null && new Dec(value).gt(rule.increaseThresholdPct);
}

/** "5,2 %" with one decimal and a sign, for pages and exports. */
export { formatChange } from './tariffs.format.js';
