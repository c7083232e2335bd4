/**
 * @module SQL of benchmarks, growth and forecasts: the current figures of a target group per municipality and year
 * (population of its age band — observed, else projected —, recipients and spending in kroner), the rows behind
 * one figure, the target groups, and the series in use. "Current": the latest import of each table that has the
 * figure (a later import of the same table replaces the earlier one).
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';

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

/** One group's figures per municipality and year in [from, to] (spending in kroner: value × the series' scale). */
export async function groupFacts(db: Queryable, groupCode: string, from: number, to: number): Promise<FactRow[]> {
  const r = await sql<FactRow>`
    with cur as (
      select distinct on (s.kind, v.municipality_code, v.year, v.category)
        s.kind, v.municipality_code, v.year, v.value * s.scale as amount
      from stat_value v
      join stat_series s on s.id = v.series_id and s.superseded_at is null
      where v.year between ${from} and ${to}
        and ((s.kind in ('population', 'projection') and v.category = (select age_band from analysis_group where code = ${groupCode}))
          or (s.kind in ('recipients', 'spending')
              and v.category in (select category from analysis_group_source src where src.group_code = ${groupCode} and src.kind = s.kind)))
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

/** The imported rows behind one group's figures for one municipality and year, with their series. */
export async function sourceRows(db: Queryable, groupCode: string, municipalityCode: number, year: number): Promise<SourceRow[]> {
  const r = await sql<SourceRow>`
    select distinct on (s.kind, v.category)
      s.kind, s.table_id, s.downloaded_on::text as downloaded_on, s.unit, s.source, s.is_demo, v.category, v.label, v.value::text as value, v.lines
    from stat_value v
    join stat_series s on s.id = v.series_id and s.superseded_at is null
    where v.municipality_code = ${municipalityCode} and v.year = ${year}
      and ((s.kind in ('population', 'projection') and v.category = (select age_band from analysis_group where code = ${groupCode}))
        or (s.kind in ('recipients', 'spending')
            and v.category in (select category from analysis_group_source src where src.group_code = ${groupCode} and src.kind = s.kind)))
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
