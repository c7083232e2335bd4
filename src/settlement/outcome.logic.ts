/**
 * @module Outcome beside price, per offering, from the follow-ups of its contracts (pure): the share of citizens
 * whose level on the progression scale improved within 12 months of the contract's start, and the median time from
 * the start to a step down to a less intrusive offering. Each figure says how many citizens are behind it and is
 * withheld below the rule's minimum (dated data, default five), so that no one can be recognised and small numbers
 * are not over-read. A citizen is one contract (the buyer's case); the scale's level 1 is the most self-reliant.
 */
import { SDec } from './calculation.js';
import { plusMonths } from './followup.logic.js';
import type { Decision } from './settlement.table.js';

export type OutcomeFollowUp = { contractId: number; startDate: string; heldOn: string; level: number; decision: Decision };

export type OfferingOutcome = {
  /** The fewest citizens a figure is shown for. */
  minCitizens: number;
  /** Citizens with at least two follow-ups within 12 months of their start (the improvement share's base). */
  improvementCitizens: number;
  /** Null when withheld (fewer than `minCitizens`). */
  improvement: { improved: number; percent: string } | null;
  /** Citizens whose support was stepped down (the median's base). */
  stepDownCitizens: number;
  /** Median days from the start to the first step down; null when withheld. */
  stepDown: { medianDays: number } | null;
};

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The median of whole numbers (the mean of the two middle ones for an even count, so it may end in .5). */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Improved within 12 months: of the follow-ups held within 12 months of the start (by date), the last has a lower
 * (better) level than the first; a citizen counts when there are at least two such follow-ups.
 */
export function offeringOutcome(rows: readonly OutcomeFollowUp[], minCitizens: number): OfferingOutcome {
  const byContract = new Map<number, OutcomeFollowUp[]>();
  for (const r of rows) byContract.set(r.contractId, [...(byContract.get(r.contractId) ?? []), r]);
  let citizens = 0;
  let improved = 0;
  const stepDownDays: number[] = [];
  for (const list of byContract.values()) {
    const sorted = [...list].sort((a, b) => a.heldOn.localeCompare(b.heldOn));
    const start = sorted[0]!.startDate;
    const within = sorted.filter((f) => f.heldOn <= plusMonths(start, 12));
    if (within.length >= 2) {
      citizens += 1;
      if (within.at(-1)!.level < within[0]!.level) improved += 1;
    }
    const step = sorted.find((f) => f.decision === 'nedtrapning');
    if (step) stepDownDays.push(daysBetween(start, step.heldOn));
  }
  const med = median(stepDownDays);
  return {
    minCitizens,
    improvementCitizens: citizens,
    improvement: citizens >= minCitizens && citizens > 0 ? { improved, percent: new SDec(improved).mul(100).div(citizens).toFixed(1) } : null,
    stepDownCitizens: stepDownDays.length,
    stepDown: stepDownDays.length >= minCitizens && med !== null ? { medianDays: med } : null,
  };
}
