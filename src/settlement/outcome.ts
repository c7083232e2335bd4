/**
 * @module The outcome beside price of a set of offerings, for the offering page and the place search (read through
 * settlement.public.ts by the services that show them, after their own access check): the follow-ups of each
 * offering's contracts, computed by the pure `offeringOutcome` with the minimum in force on the date.
 */
import type { Queryable } from '../core/db/types.js';
import { contractStartsOfOfferings } from '../placements/placements.public.js';
import { type OfferingOutcome, type OutcomeFollowUp, offeringOutcome } from './outcome.logic.js';
import { followUpsOfContracts, outcomeMinimumOn } from './outcome.repository.js';

export async function outcomesOfOfferings(db: Queryable, offeringIds: readonly number[], date: string): Promise<Map<number, OfferingOutcome>> {
  const [contracts, minCitizens] = await Promise.all([contractStartsOfOfferings(db, offeringIds), outcomeMinimumOn(db, date)]);
  const followUps = await followUpsOfContracts(
    db,
    contracts.map((c) => c.contractId),
  );
  const contractById = new Map(contracts.map((c) => [c.contractId, c]));
  const byOffering = new Map<number, OutcomeFollowUp[]>(offeringIds.map((id) => [id, []]));
  for (const f of followUps) {
    const c = contractById.get(f.contractId)!;
    byOffering.get(c.offeringId)?.push({ ...f, startDate: c.startDate });
  }
  return new Map([...byOffering].map(([id, rows]) => [id, offeringOutcome(rows, minCitizens)]));
}
