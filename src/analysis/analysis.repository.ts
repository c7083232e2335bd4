/**
 * @module SQL of benchmarks, growth and forecasts: the current figures of a target group per municipality and year
 * (population of its age band — observed, else projected —, recipients and spending in kroner), the rows behind
 * one figure, the target groups, and the series in use. "Current": the latest import of each table that has the
 * figure (a later import of the same table replaces the earlier one).
 */
import { sql } from 'kysely';
import { validOn } from '../core/db/dated.js';
import type { Queryable } from '../core/db/types.js';

/** The (kind, category) pairs behind a group: its age band in population and projections, its functions and service types. */
const wanted = (groupCode: string) => sql`wanted as (
  select k.kind, g.age_band as category from analysis_group g cross join (values ('population'), ('projection')) as k(kind) where g.code = ${groupCode}
  union all
  select kind, category from analysis_group_source where group_code = ${groupCode})`;

export async function groups(db: Queryable) {
  return db.selectFrom('analysis_group').select(['code', 'name', 'audience', 'age_band']).orderBy('sort').execute();
}

export type FactRow = {
  municipality_code: number;
  year: number;
  population: string | null;
  is_projected: boolean;
  recipients: string | null;
  spending: string | null;
  has_suppressed: boolean;
};

/**
 * One group's figures per municipality and year (spending in kroner: value × the series' scale), for the given
 * years (null: every year) and municipalities (null: all).
 */
export async function groupFacts(
  db: Queryable,
  groupCode: string,
  years: readonly number[] | null,
  codes: readonly number[] | null = null,
): Promise<FactRow[]> {
  const yearFilter = years === null ? sql`true` : years.length ? sql`v.year = any(${[...years]}::integer[])` : sql`false`;
  const codeFilter = codes === null ? sql`true` : codes.length ? sql`v.municipality_code = any(${[...codes]}::integer[])` : sql`false`;
  const r = await sql<FactRow>`
    with ${wanted(groupCode)},
    cur as (
      select distinct on (s.kind, v.municipality_code, v.year, v.category)
        s.kind, v.municipality_code, v.year, v.value * s.scale as amount
      from stat_value v
      join stat_series s on s.id = v.series_id and s.superseded_at is null
      join wanted w on w.kind = s.kind and w.category = v.category
      where ${yearFilter} and ${codeFilter}
      order by s.kind, v.municipality_code, v.year, v.category, s.imported_at desc, s.id desc)
    select municipality_code, year,
      coalesce(max(amount) filter (where kind = 'population'), max(amount) filter (where kind = 'projection'))::text as population,
      not coalesce(bool_or(kind = 'population' and amount is not null), false) as is_projected,
      (sum(amount) filter (where kind = 'recipients'))::text as recipients,
      (sum(amount) filter (where kind = 'spending'))::text as spending,
      coalesce(bool_or(amount is null and kind in ('recipients', 'spending')), false) as has_suppressed
    from cur
    group by municipality_code, year
    order by municipality_code, year`.execute(db);
  return r.rows;
}

export type SourceRow = {
  kind: string;
  table_id: string;
  downloaded_on: string;
  unit: string;
  source: string;
  is_demo: boolean;
  category: string;
  label: string;
  value: string | null;
  lines: number[];
};

/** The years with recipients of the group in a current series, ascending. */
export async function observedYears(db: Queryable, groupCode: string): Promise<number[]> {
  const r = await sql<{ year: number }>`
    select distinct v.year
    from stat_value v
    join stat_series s on s.id = v.series_id and s.superseded_at is null and s.kind = 'recipients'
    join analysis_group_source src on src.kind = 'recipients' and src.category = v.category and src.group_code = ${groupCode}
    order by v.year`.execute(db);
  return r.rows.map((x) => x.year);
}

/** The imported rows behind one group's figures for one municipality and year, with their series. */
export async function sourceRows(db: Queryable, groupCode: string, municipalityCode: number, year: number): Promise<SourceRow[]> {
  const r = await sql<SourceRow>`
    with ${wanted(groupCode)}
    select distinct on (s.kind, v.category)
      s.kind, s.table_id, s.downloaded_on::text as downloaded_on, s.unit, s.source, s.is_demo, v.category, v.label, v.value::text as value, v.lines
    from stat_value v
    join stat_series s on s.id = v.series_id and s.superseded_at is null
    join wanted w on w.kind = s.kind and w.category = v.category
    where v.municipality_code = ${municipalityCode} and v.year = ${year}
    order by s.kind, v.category, s.imported_at desc, s.id desc`.execute(db);
  return r.rows;
}

/** The current series of each kind (what the pages name as their sources). */
export async function currentSeries(db: Queryable) {
  return db
    .selectFrom('stat_series')
    .select(['id', 'table_id', 'kind', 'unit', 'source', 'downloaded_on', 'is_demo'])
    .where('superseded_at', 'is', null)
    .orderBy('kind')
    .orderBy('table_id')
    .execute();
}

/** The legal bases whose contracts count as recipients of a target group (the stock-flow forecast). */
export async function legalBasesOfGroup(db: Queryable, groupCode: string): Promise<string[]> {
  const rows = await db.selectFrom('analysis_group_legal_basis').select('legal_basis_code').where('group_code', '=', groupCode).execute();
  return rows.map((r) => r.legal_basis_code);
}

/** The target occupancy rule valid on a date (places needed = recipients ÷ target occupancy), or null. */
export async function targetOccupancyOn(db: Queryable, date: string) {
  return (
    (await db
      .selectFrom('capacity_rule as r')
      .select(['r.target_occupancy_pct', 'r.valid_from', 'r.source'])
      .where(validOn('r', date))
      .orderBy('r.valid_from', 'desc')
      .executeTakeFirst()) ?? null
  );
}
