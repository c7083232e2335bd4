/**
 * @module What the front page's work list reads of agreements: hearings open on a date (with how many comments an
 * organisation has given), and agreements awaiting council decisions in given areas with the members' decisions.
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';

/** Agreements in hearing whose hearing has not closed on `today`, with the organisation's number of comments. */
export async function openHearings(db: Queryable, today: string, organisationId: number) {
  return db
    .selectFrom('agreement as a')
    .innerJoin('agreement_area as ar', 'ar.id', 'a.area_id')
    .innerJoin('agreement_version as v', 'v.id', 'a.hearing_version_id')
    .select(['a.id', 'a.title', 'a.area_id', 'a.status', 'a.is_public', 'ar.name as area_name', 'v.hearing_until'])
    .select(
      sql<number>`(select count(*)::int from agreement_hearing_comment c where c.version_id = v.id and c.organisation_id = ${organisationId})`.as(
        'own_comments',
      ),
    )
    .where('a.status', '=', 'i_hoering')
    .where((eb) => eb.or([eb('v.hearing_until', 'is', null), eb('v.hearing_until', '>=', today)]))
    .orderBy('v.hearing_until')
    .execute();
}

/** Agreements of the areas waiting for council decisions, with the organisations that have registered one. */
export async function awaitingDecisions(db: Queryable, areaIds: readonly number[]) {
  if (!areaIds.length) return [];
  return (
    db
      .selectFrom('agreement as a')
      .innerJoin('agreement_area as ar', 'ar.id', 'a.area_id')
      .select(['a.id', 'a.title', 'a.area_id', 'a.status', 'a.is_public', 'a.period_start', 'ar.name as area_name'])
      .select(sql<number[]>`coalesce((select array_agg(d.organisation_id) from agreement_approval d where d.agreement_id = a.id), '{}')`.as('decided'))
      // The deadline for the decisions: the open milestone that completes when the agreement is approved.
      .select(
        sql<
          string | null
        >`(select min(m.due_on)::text from agreement_milestone m where m.agreement_id = a.id and m.completes_on_status = 'godkendt' and m.status <> 'gennemfoert')`.as(
          'decisions_due',
        ),
      )
      .where('a.status', '=', 'til_godkendelse')
      .where('a.area_id', 'in', [...areaIds])
      .orderBy('a.id')
      .execute()
  );
}
