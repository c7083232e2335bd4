/**
 * @module The register's decisions about offerings in a period, read from its change log, for other capabilities
 * (through offerings.public.ts): closures (the status became 'lukket'; the decision's date is the status date
 * recorded) and re-labellings (the offering type, the primary legal basis or the set of target groups changed; the date of
 * the change), and the offerings created in a period with their places (a single-person offering has one place).
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';

export type OfferingDecisionKind = 'lukning' | 'omlaegning';

export type OfferingDecisionRow = {
  offering_id: number;
  offering_name: string;
  operator_org_id: number;
  is_residential: boolean;
  is_covered: boolean;
  kind: OfferingDecisionKind;
  decided_on: string;
};

/** Closures and re-labellings decided from `from` to `to` (Copenhagen dates, both included), by date and offering. */
export async function offeringDecisions(db: Queryable, period: { from: string; to: string }): Promise<OfferingDecisionRow[]> {
  const rows = await sql<OfferingDecisionRow>`
    with changes as (
      select a.entity_id::int as offering_id, a.id as audit_id,
        case when a.after->>'status' = 'lukket' and coalesce(a.before->>'status', '') <> 'lukket' then 'lukning' else 'omlaegning' end as kind,
        case when a.after->>'status' = 'lukket' and coalesce(a.before->>'status', '') <> 'lukket'
          then coalesce(a.after->>'statusSince', ((a.at at time zone 'Europe/Copenhagen')::date)::text)
          else ((a.at at time zone 'Europe/Copenhagen')::date)::text end as decided_on
      from audit_log a
      where a.entity = 'offering' and a.action = 'update' and a.before is not null and a.after is not null
        and ((a.after->>'status' = 'lukket' and coalesce(a.before->>'status', '') <> 'lukket')
          or (a.before->>'offeringType') is distinct from (a.after->>'offeringType')
          or (a.before->>'primaryLegalBasis') is distinct from (a.after->>'primaryLegalBasis')
          or not (coalesce(a.before->'targetGroups', '[]'::jsonb) @> coalesce(a.after->'targetGroups', '[]'::jsonb)
            and coalesce(a.after->'targetGroups', '[]'::jsonb) @> coalesce(a.before->'targetGroups', '[]'::jsonb))))
    select c.offering_id, o.name as offering_name, o.operator_org_id, ot.is_residential, o.is_covered, c.kind, c.decided_on
    from changes c
    join offering o on o.id = c.offering_id
    join offering_type ot on ot.code = o.offering_type
    where c.decided_on >= ${period.from} and c.decided_on <= ${period.to}
    order by c.decided_on, c.offering_id, c.audit_id`.execute(db);
  return rows.rows;
}

export type CreatedOfferingRow = { offering_id: number; offering_name: string; operator_org_id: number; places: number; created_on: string };

/** Offerings created from `from` to `to` (Copenhagen dates, both included), by date and id. */
export async function offeringsCreated(db: Queryable, period: { from: string; to: string }): Promise<CreatedOfferingRow[]> {
  const created = sql<string>`((o.created_at at time zone 'Europe/Copenhagen')::date)::text`;
  return db
    .selectFrom('offering as o')
    .select(['o.id as offering_id', 'o.name as offering_name', 'o.operator_org_id', 'o.places', created.as('created_on')])
    .where(created, '>=', period.from)
    .where(created, '<=', period.to)
    .orderBy('o.created_at')
    .orderBy('o.id')
    .execute();
}
