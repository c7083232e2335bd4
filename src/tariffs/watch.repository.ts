/**
 * @module SQL for the increase watch: flagged increases approved in a period (the half-yearly report to the
 * socialtilsyn and the steering group's review list), and per operating organisation the year's figures:
 * offerings, tariffs submitted, submitted on time, flagged increases.
 */
import { sql } from 'kysely';
import type { TariffStatus } from './tariffs.table.js';
import type { Queryable } from '../core/db/types.js';
import { offeringCatalogue } from '../offerings/offerings.public.js';
import { membersOfArea, municipalityCodesOfArea } from '../reference/reference.public.js';
import { yearStart } from './rules.repository.js';

export type FlaggedRow = {
  version_id: number;
  version: number;
  status: TariffStatus;
  year: number;
  area_id: number;
  operator_org_id: number;
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
    select v.id as version_id, v.version, v.status, t.year, t.area_id, oc.operator_org_id, oc.offering_id, oc.offering_name, oc.offering_type_name,
      oc.municipality_name, oc.operator_name, oc.socialtilsyn_code, oc.socialtilsyn_name, v.unit,
      p.average_tariff::text as previous_average, v.average_tariff::text, v.nominal_change_pct::text, v.real_change_pct::text,
      v.rules->>'plPct' as pl_pct, v.rules->>'increaseThresholdPct' as threshold_pct, v.rules->>'increaseBasis' as increase_basis,
      v.explanation, v.approved_at
    from tariff_version v
    join tariff t on t.id = v.tariff_id
    join ${offeringCatalogue(db)} oc on oc.offering_id = t.offering_id
    left join tariff_version p on p.id = v.prev_version_id
    where t.area_id = ${areaId} and v.is_flagged and v.approved_at is not null
      and (v.approved_at at time zone 'Europe/Copenhagen')::date > ${from}::date
      and (v.approved_at at time zone 'Europe/Copenhagen')::date <= ${to}::date
    order by oc.socialtilsyn_name, oc.municipality_name, oc.offering_name, t.year, v.version`.execute(db);
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

/**
 * Per operating organisation, for one tariff year: offerings (not closed) in the area, submitted, on time, flagged.
 * `area`: the codes of the area's member municipalities and the ids of its members (municipalities and region) in
 * the year, from reference.public.
 */
export async function figuresByOperator(db: Queryable, area: { municipalityCodes: number[]; memberIds: number[] }, year: number): Promise<OrgFigures[]> {
  if (!area.municipalityCodes.length) return [];
  const isMember = area.memberIds.length ? sql<boolean>`p.operator_org_id in (${sql.join(area.memberIds)})` : sql<boolean>`false`;
  const r = await sql<OrgFigures>`
    with area_offering as (
      select oc.offering_id as id, oc.operator_org_id, oc.operator_name, oc.operator_kind from ${offeringCatalogue(db)} oc
      where oc.status <> 'lukket' and oc.municipality_code in (${sql.join(area.municipalityCodes)})),
    per_offering as (
      select ao.id, ao.operator_org_id, ao.operator_name, ao.operator_kind,
        (select v.submitted_at is not null from tariff_version v where v.tariff_id = t.id and v.version = 1) as submitted,
        (select coalesce(v.is_on_time, false) from tariff_version v where v.tariff_id = t.id and v.version = 1) as on_time,
        (select v.is_flagged from tariff_version v where v.tariff_id = t.id and v.submitted_at is not null order by v.version desc limit 1) as flagged
      from area_offering ao left join tariff t on t.offering_id = ao.id and t.year = ${year})
    select p.operator_org_id as organisation_id, p.operator_name as name, p.operator_kind as kind, ${isMember} as is_member,
      count(*)::int as offerings,
      count(*) filter (where p.submitted)::int as submitted,
      count(*) filter (where p.on_time)::int as on_time,
      count(*) filter (where p.flagged)::int as flagged
    from per_offering p
    group by p.operator_org_id, p.operator_name, p.operator_kind
    order by p.operator_kind <> 'municipality', p.operator_kind <> 'region', p.operator_name`.execute(db);
  return r.rows;
}

/** The area's member municipalities (codes) and members (ids) on 1 January of the tariff year. */
export async function areaMembersIn(db: Queryable, areaId: number, year: number): Promise<{ municipalityCodes: number[]; memberIds: number[] }> {
  const date = yearStart(year);
  const municipalityCodes = await municipalityCodesOfArea(db, { id: areaId }, date);
  const members = await membersOfArea(db, areaId, date);
  return { municipalityCodes, memberIds: members.map((m) => m.id) };
}
