/**
 * @module SQL of the place search: the offerings matching a citizen's need (from the offerings register's
 * public criteria query) with their vacancy report, the reservations and contracts made since the report, and the
 * places expected free by the start date; and the record of each search made.
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';
import { type OfferingCriteria, offeringsMatching } from '../offerings/offerings.public.js';
import { placeCountsQuery } from './placements.repository.js';

/**
 * The matching offerings with their report and place counts: the counts come from one grouped statement over the
 * candidates (`placeCountsQuery` on the `m` set), never one count per offering.
 */
export async function searchCandidates(db: Queryable, c: OfferingCriteria, now: Date, today: string, startDate: string) {
  return db
    .with('m', () => offeringsMatching(db, c))
    .with('pc', () => placeCountsQuery(db, sql<number>`select m.offering_id from m`, now, today))
    .selectFrom('m as oc')
    .leftJoin('vacancy_report as v', 'v.offering_id', 'oc.offering_id')
    .leftJoin('pc', 'pc.offering_id', 'oc.offering_id')
    .select([
      'oc.offering_id',
      'oc.offering_name',
      'oc.status',
      'oc.places',
      'oc.operator_org_id',
      'oc.operator_name',
      'oc.operator_type',
      'oc.operator_type_name',
      'oc.municipality_code',
      'oc.municipality_name',
      'oc.offering_type_name',
      'oc.legal_basis_label',
      'oc.target_group_names',
      'oc.protection',
      'oc.age_min',
      'oc.age_max',
      'v.free_now',
      'v.confirmed_at',
    ])
    .select(sql<number>`coalesce(pc.reservations_since, 0)`.as('held_since_report'))
    .select(sql<number>`coalesce(pc.contracts_since, 0)`.as('contracted_since_report'))
    .select(
      sql<number>`(select coalesce(sum(e.places), 0)::int from vacancy_expected e where e.offering_id = oc.offering_id and e.expected_date <= ${startDate})`.as(
        'expected_by_start',
      ),
    )
    .orderBy('oc.offering_name')
    .execute();
}
export type SearchCandidate = Awaited<ReturnType<typeof searchCandidates>>[number];

export type SearchRecord = {
  organisationId: number;
  username: string;
  madeAt: Date;
  criteria: unknown;
  isPublicFirst: boolean;
  publicWithPlaceCount: number;
  results: Array<{ offeringId: number; freePlaces: number; isPublic: boolean; reportConfirmedAt: Date | null }>;
};

export async function insertSearch(trx: Queryable, s: SearchRecord): Promise<number> {
  const { id } = await trx
    .insertInto('place_search')
    .values({
      organisation_id: s.organisationId,
      username: s.username,
      made_at: s.madeAt,
      criteria: JSON.stringify(s.criteria),
      is_public_first: s.isPublicFirst,
      public_with_place_count: s.publicWithPlaceCount,
      result_count: s.results.length,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < s.results.length; i += 1000) {
    await trx
      .insertInto('place_search_result')
      .values(
        s.results.slice(i, i + 1000).map((r, k) => ({
          search_id: id,
          sort: i + k + 1,
          offering_id: r.offeringId,
          free_places: r.freePlaces,
          is_public: r.isPublic,
          report_confirmed_at: r.reportConfirmedAt,
        })),
      )
      .execute();
  }
  return id;
}

/** The organisation's latest searches (for "my searches"). */
export async function recentSearches(db: Queryable, organisationId: number, limit = 10) {
  return db
    .selectFrom('place_search')
    .select(['id', 'username', 'made_at', 'criteria', 'is_public_first', 'public_with_place_count', 'result_count'])
    .where('organisation_id', '=', organisationId)
    .orderBy('made_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
