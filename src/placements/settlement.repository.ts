/**
 * @module SQL of what settlement reads of contracts: the priced periods of the contracts in force in a date range.
 * Settlement reaches it through placements.public.ts only.
 */
import type { Queryable } from '../core/db/types.js';
import { offeringCatalogue } from '../offerings/offerings.public.js';

/**
 * One priced period of a contract: the days [from, to] at one level (to null: open-ended). Today a contract is one
 * period from its start to its end. Hooks for the contract extensions: a level change becomes two periods, the end
 * of notice extends `to`, and add-ons will come as their own periods.
 */
export type SettlementPeriod = {
  contractId: number;
  offeringId: number;
  buyerOrgId: number;
  /** The operator of the contract's offering: who sells (municipality, region or provider). */
  sellerOrgId: number;
  caseReference: string;
  from: string;
  to: string | null;
  level: string | null;
};

/** Accepted contracts overlapping [from, to] (both 'YYYY-MM-DD'), optionally one seller's, ordered by seller, buyer, case. */
export async function contractsForSettlement(
  db: Queryable,
  range: { from: string; to: string },
  sellerOrgId: number | null = null,
): Promise<SettlementPeriod[]> {
  let q = db
    .selectFrom('contract as c')
    .innerJoin(offeringCatalogue(db).as('oc'), 'oc.offering_id', 'c.offering_id')
    .select([
      'c.id as contractId',
      'c.offering_id as offeringId',
      'c.buyer_org_id as buyerOrgId',
      'oc.operator_org_id as sellerOrgId',
      'c.case_reference as caseReference',
      'c.start_date as from',
      'c.end_date as to',
      'c.tariff_level as level',
    ])
    .where('c.status', '=', 'accepteret')
    .where('c.start_date', '<=', range.to)
    .where((eb) => eb.or([eb('c.end_date', 'is', null), eb('c.end_date', '>=', range.from)]));
  if (sellerOrgId !== null) q = q.where('oc.operator_org_id', '=', sellerOrgId);
  return q.orderBy('oc.operator_org_id').orderBy('c.buyer_org_id').orderBy('c.case_reference').orderBy('c.id').execute();
}

/** One contract as follow-up reads it: the buyer, the dates and the follow-up dates agreed in its terms. */
export type FollowUpContract = {
  contractId: number;
  buyerOrgId: number;
  caseReference: string;
  offeringName: string;
  startDate: string;
  endDate: string | null;
  followUpDates: string[];
};

/** The accepted contracts a municipality buys (or one of them), by case reference. */
export async function contractsForFollowUp(db: Queryable, buyerOrgId: number, contractId: number | null = null): Promise<FollowUpContract[]> {
  let q = db
    .selectFrom('contract as c')
    .innerJoin(offeringCatalogue(db).as('oc'), 'oc.offering_id', 'c.offering_id')
    .select([
      'c.id as contractId',
      'c.buyer_org_id as buyerOrgId',
      'c.case_reference as caseReference',
      'oc.offering_name as offeringName',
      'c.start_date as startDate',
      'c.end_date as endDate',
      'c.follow_up_dates as followUpDates',
    ])
    .where('c.status', '=', 'accepteret')
    .where('c.buyer_org_id', '=', buyerOrgId);
  if (contractId !== null) q = q.where('c.id', '=', contractId);
  return q.orderBy('c.case_reference').orderBy('c.id').execute();
}
