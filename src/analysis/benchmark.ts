/**
 * @module Benchmark figures, pure: net spending per inhabitant of the group's age band, recipients per 1,000 of
 * it (user share) and spending per recipient (unit cost), for one municipality or summed over several (area,
 * country, peers: the sums first, then the ratios — never a mean of ratios). Peers by default: the municipalities
 * nearest in size (population of the age band). Exact decimals.
 */
import { Dec } from './decimal.js';

export type Facts = { municipalityCode: number; year: number; population: string | null; recipients: string | null; spending: string | null };
export type Figures = {
  population: string | null;
  recipients: string | null;
  spending: string | null;
  /** Kroner per inhabitant of the age band, two decimals. */
  spendingPerCapita: string | null;
  /** Recipients per 1,000 inhabitants of the age band, two decimals. */
  userSharePer1000: string | null;
  /** Kroner per recipient, two decimals. */
  unitCost: string | null;
  /** How many municipalities the sums cover (1 for a municipality). */
  municipalityCount: number;
};

const isComplete = (f: Facts) => f.population !== null && f.recipients !== null && f.spending !== null && new Dec(f.population).gt(0);

/** The figures of the summed facts; municipalities with a missing (or suppressed) part are left out of the sums. */
export function figuresOf(facts: readonly Facts[]): Figures {
  const complete = facts.filter(isComplete);
  if (!complete.length)
    return { population: null, recipients: null, spending: null, spendingPerCapita: null, userSharePer1000: null, unitCost: null, municipalityCount: 0 };
  const sum = (k: 'population' | 'recipients' | 'spending') => complete.reduce((s, f) => s.plus(f[k]!), new Dec(0));
  const p = sum('population');
  const r = sum('recipients');
  const s = sum('spending');
  return {
    population: p.toFixed(),
    recipients: r.toFixed(),
    spending: s.toFixed(2),
    spendingPerCapita: s.div(p).toFixed(2),
    userSharePer1000: r.div(p).times(1000).toFixed(2),
    unitCost: r.isZero() ? null : s.div(r).toFixed(2),
    municipalityCount: complete.length,
  };
}

/** The `count` municipalities nearest in size to `code` (by the ratio of their populations), nearest first. */
export function nearestBySize(code: number, facts: readonly Facts[], count = 5): number[] {
  const own = facts.find((f) => f.municipalityCode === code && f.population !== null);
  if (!own) return [];
  const size = new Dec(own.population!);
  return facts
    .filter((f) => f.municipalityCode !== code && isComplete(f))
    .map((f) => {
      const p = new Dec(f.population!);
      return { code: f.municipalityCode, distance: Dec.max(p, size).div(Dec.min(p, size)) };
    })
    .sort((a, b) => a.distance.comparedTo(b.distance) || a.code - b.code)
    .slice(0, count)
    .map((x) => x.code);
}
