/**
 * @module SQL of imported series: save one series with its yearly values (set-based, one statement per
 * 5,000 values), replace the earlier import of the same table, and list the series.
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';
import type { SeriesKind, StatRow } from './statbank.js';

export type NewSeries = {
  tableId: string;
  kind: SeriesKind;
  unit: string;
  scale: string;
  source: string;
  downloadedOn: string;
  importedBy: number | null;
  isDemo?: boolean;
};

/** Marks the current series of the table as replaced; returns their ids. */
export async function supersede(db: Queryable, tableId: string, at: Date): Promise<number[]> {
  const rows = await db
    .updateTable('stat_series')
    .set({ superseded_at: at })
    .where('table_id', '=', tableId)
    .where('superseded_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function insertSeries(db: Queryable, s: NewSeries, rowCount: number, at: Date) {
  return db
    .insertInto('stat_series')
    .values({
      table_id: s.tableId,
      kind: s.kind,
      unit: s.unit,
      scale: s.scale,
      source: s.source,
      downloaded_on: s.downloadedOn,
      imported_by: s.importedBy,
      imported_at: at,
      row_count: rowCount,
      is_demo: s.isDemo ?? false,
    })
    .returning(['id', 'table_id', 'kind', 'unit', 'downloaded_on', 'row_count'])
    .executeTakeFirstOrThrow();
}

/** The values as arrays unnested in one statement per chunk. */
export type NewValue = Omit<StatRow, 'lines'> & { lines?: number[] };

export async function insertValues(db: Queryable, seriesId: number, rows: readonly NewValue[]) {
  const CHUNK = 5000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await sql`
      insert into stat_value (series_id, municipality_code, year, category, label, value, lines)
      select ${seriesId}, m, y, c, l, v::numeric, coalesce(string_to_array(nullif(ln, ''), ',')::integer[], '{}')
      from unnest(${part.map((r) => r.municipalityCode)}::integer[], ${part.map((r) => r.year)}::integer[], ${part.map((r) => r.category)}::text[],
                  ${part.map((r) => r.label)}::text[], ${part.map((r) => r.value)}::text[], ${part.map((r) => (r.lines ?? []).join(','))}::text[])
        as t(m, y, c, l, v, ln)`.execute(db);
  }
}

/** Every series, newest first, with who imported it. */
export async function listSeries(db: Queryable) {
  return db
    .selectFrom('stat_series as s')
    .leftJoin('app_user as u', 'u.id', 's.imported_by')
    .select([
      's.id',
      's.table_id',
      's.kind',
      's.unit',
      's.source',
      's.downloaded_on',
      's.imported_at',
      's.row_count',
      's.superseded_at',
      's.is_demo',
      'u.username',
    ])
    .orderBy('s.imported_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(200)
    .execute();
}
