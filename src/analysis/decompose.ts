/**
 * @module "Why does spending grow?": the logarithmic mean split (LMDI) of a change in spending into a
 * demographic, a user-share and a unit-cost effect. Spending S = P × (R/P) × (S/R) (population, recipients,
 * spending); with the logarithmic mean L(a, b) = (a − b) / (ln a − ln b), L(a, a) = a, each effect is
 * L(S1, S0) × ln(x1 / x0) for x = P, R/P, S/R, and the three add up to S1 − S0 exactly. Rounded to øre, the
 * rounding remainder goes to the unit-cost effect so the rounded effects still add up to the rounded total.
 * Pure: no I/O, exact decimals.
 */
import { Dec, type DecInput } from './decimal.js';

/** One year's figures: inhabitants of the age band, recipients, net spending in kroner (all > 0). */
export type DecomposeYear = { population: DecInput; recipients: DecInput; spending: DecInput };

/** The split in kroner with two decimals; demographic + userShare + unitCost = totalChange exactly. */
export type Decomposition = { totalChange: string; demographic: string; userShare: string; unitCost: string };

/** The logarithmic mean L(a, b) = (a − b) / (ln a − ln b), with L(a, a) = a; a, b > 0. */
export function logMean(a: DecInput, b: DecInput): Dec {
  const x = new Dec(a);
  const y = new Dec(b);
  if (x.eq(y)) return x;
  const d = x.ln().minus(y.ln());
  // Nearly equal values: ln a − ln b underflows the precision; the mean is then a to that precision.
  return d.isZero() ? x : x.minus(y).div(d);
}

/** The unrounded effects (kroner); they add up to S1 − S0 to the working precision. */
export function decomposeExact(from: DecomposeYear, to: DecomposeYear): { total: Dec; demographic: Dec; userShare: Dec; unitCost: Dec } {
  const p0 = new Dec(from.population);
  const p1 = new Dec(to.population);
  const r0 = new Dec(from.recipients);
  const r1 = new Dec(to.recipients);
  const s0 = new Dec(from.spending);
  const s1 = new Dec(to.spending);
  for (const v of [p0, p1, r0, r1, s0, s1]) if (!v.isFinite() || v.lte(0)) throw new RangeError('Every figure of the split must be greater than zero.');
  const w = logMean(s1, s0);
  const demographic = w.times(p1.div(p0).ln());
  const userShare = w.times(r1.div(p1).div(r0.div(p0)).ln());
  const unitCost = w.times(s1.div(r1).div(s0.div(r0)).ln());
  return { total: s1.minus(s0), demographic, userShare, unitCost };
}

/** The split rounded to øre; the unit-cost effect takes the rounding remainder. */
export function decompose(from: DecomposeYear, to: DecomposeYear): Decomposition {
  const e = decomposeExact(from, to);
  const total = e.total.toDecimalPlaces(2);
  const demographic = e.demographic.toDecimalPlaces(2);
  const userShare = e.userShare.toDecimalPlaces(2);
  const unitCost = total.minus(demographic).minus(userShare);
  return { totalChange: total.toFixed(2), demographic: demographic.toFixed(2), userShare: userShare.toFixed(2), unitCost: unitCost.toFixed(2) };
}
