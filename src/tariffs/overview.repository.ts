/**
 * @module The tariff overview (takstoversigt) for an agreement area and year: one row per offering with its
 * tariff in force, in one query. Also the status of the year's round (how many drafts, submitted, approved).
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';
import { offeringCatalogue } from '../offerings/offerings.public.js';
import type { CalcInput } from './calculation.js';
import type { OverviewRow, RoundState } from './overview.model.js';
import type { RulesSnapshot } from './tariffs.table.js';

/**
 * Rows of the overview: the published version in force for each offering, or (for the secretariat's preview)
 * also versions approved and waiting to be published, which then take the place of the published ones.
 */
export async function overviewRows(db: Queryable, areaId: number, year: number, options: { includeApproved?: boolean } = {}): Promise<OverviewRow[]> {
  // A lateral subquery keeps the plan a per-tariff index lookup even without planner statistics (PGlite
  // has no autovacuum).
  const statuses = options.includeApproved
    ? sql`(x.status = 'godkendt' or (x.status = 'offentliggjort' and x.superseded_at is null and not exists (
        select 1 from tariff_version w where w.tariff_id = x.tariff_id and w.status = 'godkendt')))`
    : sql`(x.status = 'offentliggjort' and x.superseded_at is null)`;
  const result = await sql<OverviewRow>`
    select v.id as version_id, v.version, v.status, oc.offering_id, oc.offering_name, oc.municipality_code, oc.municipality_name,
      oc.operator_name, oc.operator_type_name as operator_type, oc.offering_type_name, oc.is_residential,
      oc.legal_basis_label as legal_basis, oc.target_group_names as target_groups, oc.socialtilsyn_name,
      v.unit, v.basis::text, v.average_tariff::text, v.occupancy_pct_used::text, v.nominal_change_pct::text, v.real_change_pct::text, v.is_flagged,
      v.explanation, v.correction_reason, jsonb_array_length(v.warnings)::int as warning_count, v.published_at,
      (select string_agg(l.name || chr(9) || l.weight::text || chr(9) || l.share::text || chr(9) || l.tariff::text, chr(10) order by l.sort) from tariff_level l where l.version_id = v.id) as levels
    from tariff t
    join lateral (select x.id, x.version, x.status, x.unit, x.basis, x.average_tariff, x.occupancy_pct_used, x.nominal_change_pct, x.real_change_pct, x.is_flagged,
        x.explanation, x.correction_reason, x.warnings, x.published_at from tariff_version x where x.tariff_id = t.id and ${statuses} order by x.version desc limit 1) v on true
    join ${offeringCatalogue(db)} oc on oc.offering_id = t.offering_id
    where t.area_id = ${areaId} and t.year = ${year}
    order by oc.municipality_name, oc.offering_name, oc.offering_id`.execute(db);
  return result.rows;
}

/** Stored inputs and rules of the rows, for the calculation sheet of the Excel export. */
export async function inputsOf(db: Queryable, versionIds: number[]): Promise<Map<number, { input: CalcInput; rules: RulesSnapshot }>> {
  const out = new Map<number, { input: CalcInput; rules: RulesSnapshot }>();
  for (let i = 0; i < versionIds.length; i += 2000) {
    const rows = await db
      .selectFrom('tariff_version')
      .select(['id', 'input', 'rules'])
      .where('id', 'in', versionIds.slice(i, i + 2000))
      .execute();
    for (const r of rows) out.set(r.id, { input: r.input, rules: r.rules });
  }
  return out;
}

export async function publications(db: Queryable, areaId: number, year: number) {
  return db.selectFrom('tariff_publication').selectAll().where('area_id', '=', areaId).where('year', '=', year).orderBy('published_at', 'desc').execute();
}

/** Years with a publication, per area, for the landing page. */
export async function publishedYears(db: Queryable) {
  return db
    .selectFrom('tariff_publication as p')
    .innerJoin('agreement_area as a', 'a.id', 'p.area_id')
    .select(['a.id as area_id', 'a.code', 'a.name', 'p.year'])
    .select((eb) => [eb.fn.max('p.published_at').as('last_published_at'), eb.fn.sum<number>('p.version_count').as('count')])
    .groupBy(['a.id', 'a.code', 'a.name', 'p.year'])
    .orderBy('a.name')
    .orderBy('p.year', 'desc')
    .execute();
}

/** How far the year's round has come: latest version status per tariff, plus offerings without any tariff. `municipalityCodes`: the area's members in the year. */
export async function roundStatus(db: Queryable, municipalityCodes: number[], year: number) {
  if (!municipalityCodes.length) return {} as Record<string, number>;
  const rows = await sql<{ status: string; n: number }>`
    select coalesce(v.status, 'mangler') as status, count(*)::int as n
    from ${offeringCatalogue(db)} oc
    left join tariff t on t.offering_id = oc.offering_id and t.year = ${year}
    left join lateral (select status from tariff_version x where x.tariff_id = t.id order by x.version desc limit 1) v on true
    where oc.status <> 'lukket' and oc.municipality_code in (${sql.join(municipalityCodes)})
    group by 1`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.status, r.n])) as Record<string, number>;
}

/** The offerings of an area whose latest version for the year has the given status ('mangler': no tariff yet), for chasing. */
export async function offeringsInRoundState(db: Queryable, municipalityCodes: number[], year: number, state: RoundState) {
  if (!municipalityCodes.length) return [];
  const rows = await sql<{
    offering_id: number;
    offering_name: string;
    operator_name: string;
    municipality_name: string;
    version_id: number | null;
    submitted_at: Date | null;
  }>`
    select oc.offering_id, oc.offering_name, oc.operator_name, oc.municipality_name, v.id as version_id, v.submitted_at
    from ${offeringCatalogue(db)} oc
    left join tariff t on t.offering_id = oc.offering_id and t.year = ${year}
    left join lateral (select x.id, x.status, x.submitted_at from tariff_version x where x.tariff_id = t.id order by x.version desc limit 1) v on true
    where oc.status <> 'lukket' and oc.municipality_code in (${sql.join(municipalityCodes)}) and coalesce(v.status, 'mangler') = ${state}
    order by oc.operator_name, oc.offering_name, oc.offering_id`.execute(db);
  return rows.rows;
}

/** The area's offerings that are not closed (`municipalityCodes`: the area's members in the year), for telling which an overview lacks. */
export async function openOfferingsOfArea(db: Queryable, municipalityCodes: number[]) {
  if (!municipalityCodes.length) return [];
  const rows = await sql<{ offering_id: number; offering_name: string; operator_name: string; municipality_name: string }>`
    select oc.offering_id, oc.offering_name, oc.operator_name, oc.municipality_name
    from ${offeringCatalogue(db)} oc
    where oc.status <> 'lukket' and oc.municipality_code in (${sql.join(municipalityCodes)})
    order by oc.municipality_name, oc.offering_name, oc.offering_id`.execute(db);
  return rows.rows;
}
