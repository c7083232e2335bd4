/**
 * @module Tables for tariffs, and the shipped tariff rules and P/L index. A published version is guarded by
 * a trigger: its calculation and status can never change again (a correction is a new version).
 */
import { sql, type Kysely, type Migration } from 'kysely';
// The rows are frozen beside the migration: a shipped migration never imports a module that can change.
import { DEFAULT_RULES, PRICE_INDEX, RULE_VALID_FROM } from './0200_tariffs.data.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table tariff_rule (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      valid_from date not null, valid_to date,
      retain_limit_pct numeric not null check (retain_limit_pct between 0 and 100),
      occupancy_floor_pct numeric not null check (occupancy_floor_pct > 0),
      short_stay_floor_pct numeric not null check (short_stay_floor_pct > 0),
      occupancy_ceiling_pct numeric not null check (occupancy_ceiling_pct >= occupancy_floor_pct and occupancy_ceiling_pct >= short_stay_floor_pct),
      recommended_max_pct numeric not null,
      overhead_cap_pct numeric check (overhead_cap_pct is null or overhead_cap_pct between 0 and 100),
      increase_threshold_pct numeric not null check (increase_threshold_pct >= 0),
      increase_basis text not null check (increase_basis in ('nominal','real')),
      submission_deadline_md text not null check (submission_deadline_md ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
      review_dates_md text[] not null default '{}',
      source text,
      created_at timestamptz not null default now(),
      unique (area_id, valid_from),
      check (valid_to is null or valid_to >= valid_from));
    create table tariff_price_index (year integer primary key check (year between 2000 and 2100), pct numeric not null, source text not null);
    create table tariff_actual_occupancy (
      offering_id integer not null references offering(id) on delete cascade,
      year integer not null, occupancy_pct numeric not null check (occupancy_pct >= 0 and occupancy_pct <= 200),
      source text not null, primary key (offering_id, year));
    create table tariff (
      id serial primary key,
      offering_id integer not null references offering(id),
      year integer not null check (year between 2000 and 2100),
      area_id integer not null references agreement_area(id),
      created_at timestamptz not null default now(),
      unique (offering_id, year));
    create index tariff_area_year on tariff (area_id, year);
    create table tariff_publication (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      year integer not null,
      published_at timestamptz not null default now(),
      published_by text not null,
      version_count integer not null);
    create index tariff_publication_area_year on tariff_publication (area_id, year);
    create table tariff_version (
      id serial primary key,
      tariff_id integer not null references tariff(id),
      version integer not null check (version >= 1),
      status text not null check (status in ('kladde','indsendt','returneret','godkendt','offentliggjort')),
      unit text not null check (unit in ('day','month','hour')),
      input jsonb not null,
      rules jsonb not null,
      basis numeric not null,
      overhead numeric not null,
      overhead_pct numeric,
      occupancy_pct_used numeric,
      occupancy_source text not null,
      capacity_units numeric not null,
      average_tariff numeric not null,
      warnings jsonb not null default '[]',
      prev_version_id integer references tariff_version(id),
      nominal_change_pct numeric,
      real_change_pct numeric,
      is_flagged boolean not null default false,
      explanation text, correction_reason text, return_comment text,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz, submitted_by text, is_on_time boolean,
      approved_at timestamptz, approved_by text,
      published_at timestamptz, publication_id integer references tariff_publication(id),
      superseded_at timestamptz,
      unique (tariff_id, version),
      check (version = 1 or correction_reason is not null),
      check (status <> 'offentliggjort' or (published_at is not null and publication_id is not null)));
    create unique index tariff_version_one_open on tariff_version (tariff_id) where status in ('kladde','indsendt','returneret','godkendt');
    create index tariff_version_status on tariff_version (status);
    create index tariff_version_approved_flagged on tariff_version (approved_at) where is_flagged;
    create table tariff_level (
      version_id integer not null references tariff_version(id) on delete cascade,
      sort integer not null, name text not null, weight numeric not null, share numeric not null, tariff numeric not null,
      primary key (version_id, sort));

    create function tariff_version_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.status <> 'kladde' or old.submitted_at is not null then
          raise exception 'Kun en kladde, der aldrig er indsendt, kan slettes (takst %).', old.id;
        end if;
        return old;
      end if;
      if old.status = 'offentliggjort' and (
           new.status is distinct from old.status or new.input is distinct from old.input or new.rules is distinct from old.rules
           or new.basis is distinct from old.basis or new.average_tariff is distinct from old.average_tariff
           or new.occupancy_pct_used is distinct from old.occupancy_pct_used or new.explanation is distinct from old.explanation
           or new.published_at is distinct from old.published_at or new.is_flagged is distinct from old.is_flagged) then
        raise exception 'En offentliggjort takst kan ikke ændres (takst %); opret en ny version med en begrundelse.', old.id;
      end if;
      return new;
    end $$;
    create trigger tariff_version_guard before update or delete on tariff_version for each row execute function tariff_version_guard();

    create function tariff_level_guard() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from tariff_version v where v.id = old.version_id and v.status = 'offentliggjort') then
        raise exception 'Niveauerne i en offentliggjort takst kan ikke ændres.';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$;
    create trigger tariff_level_guard before update or delete on tariff_level for each row execute function tariff_level_guard();
  `.execute(db);

  const areas = await db.selectFrom('agreement_area').select(['id', 'code']).execute();
  const byCode = new Map(areas.map((a: { id: number; code: string }) => [a.code, a.id]));
  await db
    .insertInto('tariff_rule')
    .values(
      DEFAULT_RULES.filter((r) => byCode.has(r.areaCode)).map((r) => ({
        area_id: byCode.get(r.areaCode),
        valid_from: RULE_VALID_FROM,
        valid_to: null,
        retain_limit_pct: r.retainLimitPct,
        occupancy_floor_pct: r.occupancyFloorPct,
        short_stay_floor_pct: r.shortStayFloorPct,
        occupancy_ceiling_pct: r.occupancyCeilingPct,
        recommended_max_pct: r.recommendedMaxPct,
        overhead_cap_pct: r.overheadCapPct,
        increase_threshold_pct: r.increaseThresholdPct,
        increase_basis: r.increaseBasis,
        submission_deadline_md: r.submissionDeadlineMd,
        review_dates_md: r.reviewDatesMd,
        source: r.source,
      })),
    )
    .execute();
  await db.insertInto('tariff_price_index').values(PRICE_INDEX).execute();
}

/**
 * The overview reads "the published version in force" per tariff: a partial unique index makes that fast
 * (also without planner statistics, as on PGlite) and guarantees at most one per tariff. The status index
 * was too unselective and misled the planner.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function currentIndex(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists tariff_version_status;
    create unique index tariff_version_current on tariff_version (tariff_id) where status = 'offentliggjort' and superseded_at is null;
    create index tariff_version_pending on tariff_version (status) where status in ('indsendt', 'godkendt');
  `.execute(db);
}

/**
 * The half-yearly report of increases to the socialtilsyn as a record with a status: sent on a date, by whom,
 * under which reference, with the versions it reported, so the steering group sees what was reported when.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function increaseReport(db: Kysely<any>): Promise<void> {
  await sql`
    create table tariff_increase_report (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      period text not null check (period ~ '^[0-9]{4}-[12]$'),
      status text not null default 'sendt' check (status in ('sendt')),
      sent_on date not null,
      sent_by text not null check (length(sent_by) between 1 and 200),
      reference text check (reference is null or length(reference) <= 200),
      version_ids integer[] not null default '{}',
      recorded_by text not null,
      recorded_at timestamptz not null default now(),
      unique (area_id, period));
  `.execute(db);
}

/** A version's revision: raised by every change of the row, sent as its ETag, checked against If-Match (412 when stale). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function versionRevision(db: Kysely<any>): Promise<void> {
  await sql`alter table tariff_version add column revision integer not null default 1`.execute(db);
}

export const tariffsMigrations: Record<string, Migration> = {
  '0200_tariffs': { up },
  '0201_tariffs_current_index': { up: currentIndex },
  '0210_tariff_increase_report': { up: increaseReport },
  '0901_tariff_version_revision': { up: versionRevision },
};
