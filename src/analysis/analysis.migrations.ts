/**
 * @module Analysis tables: imported statistical series (table, download date, unit, source) and their yearly
 * values per municipality, and the target groups of the benchmarks and forecasts with the functions (REGK31)
 * and service types (HAND) behind each. Self-contained: imports nothing that can change later.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import { capacityMigrations } from './capacity.migrations.js';

/** Frozen with the migration: target groups, their age band and the account functions and service types behind them. */
const GROUPS = [
  { code: 'voksne-botilbud', name: 'Længerevarende botilbud til voksne (§ 108)', audience: 'voksne', ageBand: '18-64', sort: 1 },
  { code: 'voksne-dagtilbud', name: 'Beskyttet beskæftigelse og aktivitets- og samværstilbud (§§ 103-104)', audience: 'voksne', ageBand: '18-64', sort: 2 },
  { code: 'boern-anbringelse', name: 'Anbringelse af børn og unge uden for hjemmet', audience: 'boern', ageBand: '0-22', sort: 3 },
];
const SOURCES = [
  { group: 'voksne-botilbud', kind: 'spending', category: '5.38.50' },
  { group: 'voksne-botilbud', kind: 'recipients', category: '30181' },
  { group: 'voksne-dagtilbud', kind: 'spending', category: '5.38.58' },
  { group: 'voksne-dagtilbud', kind: 'spending', category: '5.38.59' },
  { group: 'voksne-dagtilbud', kind: 'recipients', category: '30014' },
  { group: 'voksne-dagtilbud', kind: 'recipients', category: '30011' },
  { group: 'boern-anbringelse', kind: 'spending', category: '5.28.21' },
  { group: 'boern-anbringelse', kind: 'spending', category: '5.28.22' },
  { group: 'boern-anbringelse', kind: 'spending', category: '5.28.23' },
  { group: 'boern-anbringelse', kind: 'recipients', category: 'anbragte' },
];

async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table analysis_group (
      code text primary key,
      name text not null,
      audience text not null check (audience in ('voksne', 'boern')),
      age_band text not null check (age_band in ('0-17', '0-22', '18-64', 'alle')),
      sort integer not null);
    create table analysis_group_source (
      group_code text not null references analysis_group(code),
      kind text not null check (kind in ('recipients', 'spending')),
      category text not null,
      primary key (kind, category, group_code));
    create table stat_series (
      id serial primary key,
      table_id text not null check (table_id ~ '^[A-Z0-9]{2,12}$'),
      kind text not null check (kind in ('population', 'projection', 'recipients', 'spending')),
      unit text not null,
      scale numeric not null default 1 check (scale > 0),
      source text not null,
      downloaded_on date not null,
      imported_at timestamptz not null default now(),
      imported_by integer references app_user(id) on delete set null,
      row_count integer not null default 0,
      superseded_at timestamptz,
      is_demo boolean not null default false);
    create index stat_series_current on stat_series (kind, imported_at desc) where superseded_at is null;
    create table stat_value (
      series_id integer not null references stat_series(id) on delete cascade,
      municipality_code integer not null references municipality(code),
      year integer not null check (year between 1900 and 2200),
      category text not null,
      label text not null,
      value numeric,
      lines integer[] not null default '{}',
      primary key (series_id, municipality_code, year, category));
  `.execute(db);
  await db
    .insertInto('analysis_group')
    .values(GROUPS.map((g) => ({ code: g.code, name: g.name, audience: g.audience, age_band: g.ageBand, sort: g.sort })))
    .execute();
  await db
    .insertInto('analysis_group_source')
    .values(SOURCES.map((s) => ({ group_code: s.group, kind: s.kind, category: s.category })))
    .execute();
}

/** The pages read one group's figures for one or two years: an index by series and year spares the full scan. */
async function byYear(db: Kysely<any>): Promise<void> {
  await sql`create index stat_value_year on stat_value (series_id, year, category)`.execute(db);
}

export const analysisMigrations: Record<string, Migration> = { '0600_analysis': { up }, '0601_stat_value_year': { up: byYear }, ...capacityMigrations };
