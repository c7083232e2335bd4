/**
 * @module SQL of the place search: the offerings matching a citizen's need (from the offerings register's
 * public criteria query) with their vacancy report, the reservations holding a place since the report, and the
 * places expected free by the start date; and the record of each search made.
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';
import { type OfferingCriteria, offeringsMatching } from '../offerings/offerings.public.js';

export async function searchCandidates(db: Queryable, c: OfferingCriteria, now: Date, startDate: string) {
  return db
    .selectFrom(offeringsMatching(db, c).as('oc'))
    .leftJoin('vacancy_report as v', 'v.offering_id', 'oc.offering_id')
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
    .select(
      sql<number>`(select count(*)::int from reservation r where r.offering_id = oc.offering_id and r.created_at >= v.reported_at
        and (r.status = 'bekraeftet' or (r.status = 'afventer' and r.expires_at > ${now})))`.as('held_since_report'),
    )
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
