/**
 * @module SQL for the increase watch: flagged increases approved in a period (the half-yearly report to the
 * socialtilsyn and the steering group's review list), and per operating organisation the year's figures:
 * offerings, tariffs submitted, submitted on time, flagged increases.
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';

export type FlaggedRow = {
  version_id: number;
  version: number;
  status: string;
  year: number;
  offering_id: number;
  offering_name: string;
  offering_type_name: string;
  municipality_name: string;
  operator_name: string;
  socialtilsyn_code: string;
  socialtilsyn_name: string;
  unit: string;
  previous_average: string | null;
  average_tariff: string;
  nominal_change_pct: string | null;
  real_change_pct: string | null;
  pl_pct: string | null;
  threshold_pct: string;
  increase_basis: string;
  explanation: string | null;
  approved_at: Date;
};

/** Flagged versions of an area approved after `from` (exclusive) up to and including `to` (dates, Copenhagen time). */
export async function flaggedApprovedBetween(db: Queryable, areaId: number, from: string, to: string): Promise<FlaggedRow[]> {
  const r = await sql<FlaggedRow>`
    select v.id as version_id, v.version, v.status, t.year, o.id as offering_id, o.name as offering_name, ot.name as offering_type_name,
      mu.name as municipality_name, op.name as operator_name, o.socialtilsyn_code, st.name as socialtilsyn_name, v.unit,
      p.average_tariff::text as previous_average, v.average_tariff::text, v.nominal_change_pct::text, v.real_change_pct::text,
      v.rules->>'plPct' as pl_pct, v.rules->>'increaseThresholdPct' as threshold_pct, v.rules->>'increaseBasis' as increase_basis,
      v.explanation, v.approved_at
    from tariff_version v
    join tariff t on t.id = v.tariff_id
    join offering o on o.id = t.offering_id
    join offering_type ot on ot.code = o.offering_type
    join municipality mu on mu.code = o.municipality_code
    join organisation op on op.id = o.operator_org_id
    join socialtilsyn st on st.code = o.socialtilsyn_code
    left join tariff_version p on p.id = v.prev_version_id
    where t.area_id = ${areaId} and v.is_flagged and v.approved_at is not null
      and (v.approved_at at time zone 'Europe/Copenhagen')::date > ${from}::date
      and (v.approved_at at time zone 'Europe/Copenhagen')::date <= ${to}::date
    order by st.name, mu.name, o.name, t.year, v.version`.execute(db);
  return r.rows;
}

export type OrgFigures = {
  organisation_id: number;
  name: string;
  kind: string;
  is_member: boolean;
  offerings: number;
  submitted: number;
  on_time: number;
  flagged: number;
};

/** Per operating organisation, for one tariff year: offerings (not closed) in the area, submitted, on time, flagged. */
export async function figuresByOperator(db: Queryable, areaId: number, year: number): Promise<OrgFigures[]> {
  const start = `${year}-01-01`;
  const r = await sql<OrgFigures>`
    with area_offering as (
      select o.id, o.operator_org_id from offering o
      join organisation mo on mo.municipality_code = o.municipality_code
      join agreement_area_member m on m.organisation_id = mo.id and m.area_id = ${areaId}
        and m.valid_from <= ${start}::date and (m.valid_to is null or m.valid_to >= ${start}::date)
      where o.status <> 'lukket'),
    per_offering as (
      select ao.id, ao.operator_org_id,
        (select v.submitted_at is not null from tariff_version v where v.tariff_id = t.id and v.version = 1) as submitted,
        (select coalesce(v.is_on_time, false) from tariff_version v where v.tariff_id = t.id and v.version = 1) as on_time,
        (select v.is_flagged from tariff_version v where v.tariff_id = t.id and v.submitted_at is not null order by v.version desc limit 1) as flagged
      from area_offering ao left join tariff t on t.offering_id = ao.id and t.year = ${year})
    select org.id as organisation_id, org.name, org.kind,
      exists (select 1 from agreement_area_member m where m.organisation_id = org.id and m.area_id = ${areaId}
        and m.valid_from <= ${start}::date and (m.valid_to is null or m.valid_to >= ${start}::date)) as is_member,
      count(*)::int as offerings,
      count(*) filter (where p.submitted)::int as submitted,
      count(*) filter (where p.on_time)::int as on_time,
      count(*) filter (where p.flagged)::int as flagged
    from per_offering p join organisation org on org.id = p.operator_org_id
    group by org.id, org.name, org.kind
    order by org.kind <> 'municipality', org.kind <> 'region', org.name`.execute(db);
  return r.rows;
}
