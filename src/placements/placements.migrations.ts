/**
 * @module Tables for placements (free places, reservations, place searches) and the shipped placement rules.
 */
import { sql, type Kysely, type Migration } from 'kysely';
// The rows are frozen beside the migration: a shipped migration never imports a module that can change.
import { PLACEMENT_RULES } from './0400_placements.data.js';
import { PUBLIC_FIRST_REASONS, REASONS_VALID_FROM } from './0401_public_first_reasons.data.js';
import { CONTRACT_TEMPLATES } from './0402_contracts.data.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table placement_rule (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      valid_from date not null, valid_to date,
      stale_after_days integer not null check (stale_after_days between 1 and 365),
      reservation_hours integer not null check (reservation_hours between 1 and 720),
      is_public_first boolean not null,
      public_first_search_days integer not null check (public_first_search_days between 1 and 365),
      source text,
      unique (area_id, valid_from),
      check (valid_to is null or valid_to >= valid_from));
    create table vacancy_report (
      offering_id integer primary key references offering(id),
      free_now integer not null check (free_now between 0 and 10000),
      waiting_count integer not null default 0 check (waiting_count between 0 and 10000),
      taken_outside integer not null default 0 check (taken_outside between 0 and 10000),
      note text,
      reported_at timestamptz not null,
      reported_by text not null,
      confirmed_at timestamptz not null,
      confirmed_by text not null,
      version integer not null default 1,
      check (confirmed_at >= reported_at));
    create index vacancy_report_confirmed on vacancy_report (confirmed_at);
    create table vacancy_expected (
      offering_id integer not null references vacancy_report(offering_id) on delete cascade,
      expected_date date not null,
      places integer not null check (places between 1 and 10000),
      primary key (offering_id, expected_date));
    create table place_search (
      id serial primary key,
      organisation_id integer not null references organisation(id),
      username text not null,
      made_at timestamptz not null,
      criteria jsonb not null,
      is_public_first boolean not null,
      public_with_place_count integer not null,
      result_count integer not null);
    create index place_search_org on place_search (organisation_id, made_at);
    create table place_search_result (
      search_id integer not null references place_search(id) on delete cascade,
      sort integer not null,
      offering_id integer not null references offering(id),
      free_places integer not null,
      is_public boolean not null,
      report_confirmed_at timestamptz,
      primary key (search_id, sort));
    create table reservation (
      id serial primary key,
      offering_id integer not null references offering(id),
      buyer_org_id integer not null references organisation(id),
      case_reference text not null,
      start_date date not null,
      status text not null check (status in ('afventer','bekraeftet','afvist','annulleret')),
      created_at timestamptz not null default now(),
      created_by text not null,
      expires_at timestamptz not null,
      decided_at timestamptz, decided_by text, decline_reason text,
      search_id integer references place_search(id),
      check (status <> 'afvist' or decline_reason is not null));
    create index reservation_offering on reservation (offering_id, created_at) where status in ('afventer','bekraeftet');
    create index reservation_buyer on reservation (buyer_org_id, created_at);
  `.execute(db);

  const areas = await db.selectFrom('agreement_area').select(['id', 'code']).execute();
  const byCode = new Map(areas.map((a: { id: number; code: string }) => [a.code, a.id]));
  const rows = PLACEMENT_RULES.filter((r) => byCode.has(r.areaCode)).map((r) => ({
    area_id: byCode.get(r.areaCode),
    valid_from: r.validFrom,
    valid_to: r.validTo,
    stale_after_days: r.staleAfterDays,
    reservation_hours: r.reservationHours,
    is_public_first: r.isPublicFirst,
    public_first_search_days: r.publicFirstSearchDays,
    source: r.source,
  }));
  if (rows.length) await db.insertInto('placement_rule').values(rows).execute();
}

/** The reasons a buyer may give for buying privately although public offerings had a free place (data, dated). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function reasons(db: Kysely<any>): Promise<void> {
  await sql`
    create table public_first_reason (
      code text primary key,
      label text not null,
      sort integer not null,
      valid_from date not null, valid_to date,
      check (valid_to is null or valid_to >= valid_from));
  `.execute(db);
  await db
    .insertInto('public_first_reason')
    .values(PUBLIC_FIRST_REASONS.map((r) => ({ ...r, valid_from: REASONS_VALID_FROM, valid_to: null })))
    .execute();
}

/** Standard contracts: versioned templates (data) and contracts made from a confirmed reservation (draft → sent → accepted). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function contracts(db: Kysely<any>): Promise<void> {
  await sql`
    create table contract_template (
      id serial primary key,
      code text not null check (code in ('inside_adult','outside_adult','inside_child','outside_child')),
      version integer not null check (version >= 1),
      title text not null, body text not null,
      valid_from date not null, valid_to date,
      unique (code, version));
    create table contract (
      id serial primary key,
      reservation_id integer unique references reservation(id),
      offering_id integer not null references offering(id),
      buyer_org_id integer not null references organisation(id),
      template_id integer references contract_template(id),
      is_standard boolean not null default true,
      case_reference text not null,
      start_date date not null,
      end_date date,
      status text not null check (status in ('kladde','sendt','accepteret')),
      tariff_version_id integer,
      tariff_level text, tariff_price numeric, tariff_unit text,
      search_id integer references place_search(id),
      public_first_reason text references public_first_reason(code),
      public_first_text text,
      created_at timestamptz not null, created_by text not null,
      sent_at timestamptz, sent_by text,
      accepted_at timestamptz, accepted_by text,
      version integer not null default 1,
      check (end_date is null or end_date >= start_date),
      check (is_standard = (template_id is not null)));
    create index contract_offering on contract (offering_id, created_at);
    create index contract_buyer on contract (buyer_org_id, created_at);
  `.execute(db);
  await db
    .insertInto('contract_template')
    .values(CONTRACT_TEMPLATES.map((t) => ({ code: t.code, version: t.version, title: t.title, body: t.body, valid_from: t.validFrom, valid_to: null })))
    .execute();
}

export const placementsMigrations: Record<string, Migration> = {
  '0400_placements': { up },
  '0401_public_first_reasons': { up: reasons },
  '0402_contracts': { up: contracts },
};
