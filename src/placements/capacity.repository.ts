/**
 * @module SQL of what the capacity analysis reads of placements: offerings with their places, the operator's
 * latest vacancy report (free places, waiting count, places taken by citizens outside Ramme) and their primary
 * target group; and the accepted contracts (also those under notice) in a date range, with where the offering is
 * and who buys. Analysis reaches it through placements.public.ts only.
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';
import { offeringCatalogue } from '../offerings/offerings.public.js';

/** The offering's first top-level target group (by the reference order), as code and name. */
const primaryGroup = sql<string | null>`(select coalesce(p.code, tg.code) from offering_target_group x
  join target_group tg on tg.code = x.target_group_code left join target_group p on p.code = tg.parent_code
  where x.offering_id = oc.offering_id order by coalesce(p.sort, tg.sort), tg.sort limit 1)`;

export type CapacityOffering = {
  offeringId: number;
  name: string;
  operatorName: string;
  municipalityCode: number;
  municipalityName: string;
  offeringType: string;
  offeringTypeName: string;
  legalBasis: string;
  targetGroup: string | null;
  places: number;
  status: string;
  freeReported: number | null;
  waitingCount: number | null;
  takenOutside: number | null;
  reportConfirmedAt: Date | null;
};

/** Offerings located in the given municipalities that are not closed, by name. */
export async function offeringsForCapacity(db: Queryable, municipalityCodes: readonly number[]): Promise<CapacityOffering[]> {
  if (!municipalityCodes.length) return [];
  return db
    .selectFrom(offeringCatalogue(db).as('oc'))
    .leftJoin('vacancy_report as v', 'v.offering_id', 'oc.offering_id')
    .select([
      'oc.offering_id as offeringId',
      'oc.offering_name as name',
      'oc.operator_name as operatorName',
      'oc.municipality_code as municipalityCode',
      'oc.municipality_name as municipalityName',
      'oc.offering_type as offeringType',
      'oc.offering_type_name as offeringTypeName',
      'oc.primary_legal_basis as legalBasis',
      primaryGroup.as('targetGroup'),
      'oc.places',
      'oc.status',
      'v.free_now as freeReported',
      'v.waiting_count as waitingCount',
      'v.taken_outside as takenOutside',
      'v.confirmed_at as reportConfirmedAt',
    ])
    .where('oc.municipality_code', 'in', [...municipalityCodes])
    .where('oc.status', '<>', 'lukket')
    .orderBy('oc.offering_name')
    .orderBy('oc.offering_id')
    .execute();
}

export type CapacityContract = {
  contractId: number;
  offeringId: number;
  offeringName: string;
  offeringMunicipalityCode: number;
  offeringType: string;
  legalBasis: string;
  buyerOrgId: number;
  buyerName: string;
  buyerMunicipalityCode: number | null;
  startDate: string;
  /** The end in force (after amendments and notice); null: open-ended. */
  endDate: string | null;
};

/**
 * Accepted contracts (and those under notice) overlapping [from, to], where the offering lies in `offeringCodes`
 * or the buyer is a municipality in `buyerCodes`. No case references: the analysis counts, it does not follow cases.
 */
export async function contractsForCapacity(
  db: Queryable,
  range: { from: string; to: string },
  where: { offeringCodes: readonly number[]; buyerCodes: readonly number[] },
): Promise<CapacityContract[]> {
  const offeringCodes = [...where.offeringCodes];
  const buyerCodes = [...where.buyerCodes];
  return db
    .selectFrom('contract as c')
    .innerJoin(offeringCatalogue(db).as('oc'), 'oc.offering_id', 'c.offering_id')
    .innerJoin('organisation as b', 'b.id', 'c.buyer_org_id')
    .select([
      'c.id as contractId',
      'c.offering_id as offeringId',
      'oc.offering_name as offeringName',
      'oc.municipality_code as offeringMunicipalityCode',
      'oc.offering_type as offeringType',
      'oc.primary_legal_basis as legalBasis',
      'c.buyer_org_id as buyerOrgId',
      'b.name as buyerName',
      'b.municipality_code as buyerMunicipalityCode',
      'c.start_date as startDate',
      sql<string | null>`least(coalesce(c.current_end_date, c.end_date), c.notice_end_date)`.as('endDate'),
    ])
    .where('c.status', 'in', ['accepteret', 'opsagt'])
    .where('c.start_date', '<=', range.to)
    .where(sql<boolean>`coalesce(least(coalesce(c.current_end_date, c.end_date), c.notice_end_date), 'infinity'::date) >= ${range.from}::date`)
    .where((eb) =>
      eb.or([
        offeringCodes.length ? eb('oc.municipality_code', 'in', offeringCodes) : sql<boolean>`false`,
        buyerCodes.length ? eb('b.municipality_code', 'in', buyerCodes) : sql<boolean>`false`,
      ]),
    )
    .orderBy('c.start_date')
    .orderBy('c.id')
    .execute();
}

/** The periods of the accepted contracts (also under notice or ended) bought by municipalities in `buyerCodes` under the legal bases, for the stock-flow forecast. */
export async function contractPeriodsForFlows(
  db: Queryable,
  where: { buyerCodes: readonly number[]; legalBases: readonly string[] },
): Promise<{ buyerMunicipalityCode: number; startDate: string; endDate: string | null }[]> {
  if (!where.buyerCodes.length || !where.legalBases.length) return [];
  return db
    .selectFrom('contract as c')
    .innerJoin('offering as o', 'o.id', 'c.offering_id')
    .innerJoin('organisation as b', 'b.id', 'c.buyer_org_id')
    .select([
      sql<number>`b.municipality_code`.as('buyerMunicipalityCode'),
      'c.start_date as startDate',
      sql<string | null>`least(coalesce(c.current_end_date, c.end_date), c.notice_end_date)`.as('endDate'),
    ])
    .where('c.status', 'in', ['accepteret', 'opsagt'])
    .where('b.municipality_code', 'in', [...where.buyerCodes])
    .where('o.primary_legal_basis', 'in', [...where.legalBases])
    .execute();
}
