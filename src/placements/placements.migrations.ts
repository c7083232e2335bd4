/**
 * @module Tables for placements (free places, reservations, place searches) and the shipped placement rules.
 */
import { sql, type Kysely, type Migration } from 'kysely';
// The rows are frozen beside the migration: a shipped migration never imports a module that can change.
import { PLACEMENT_RULES } from './0400_placements.data.js';
import { PUBLIC_FIRST_REASONS, REASONS_VALID_FROM } from './0401_public_first_reasons.data.js';
import { CONTRACT_TEMPLATES } from './0402_contracts.data.js';
import { CONTRACT_RULES, NOTICE_RULES, PLACEHOLDER_MARK } from './0403_contract_terms.data.js';

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

/**
 * The complete standard contract: parties, add-ons, indexation, period with notice, goals and follow-up, payment;
 * notice given (opsagt) as a stored status; amendments as versions; the dated contract and notice rules per area.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function contractTerms(db: Kysely<any>): Promise<void> {
  await sql`
    create table contract_rule (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      valid_from date not null, valid_to date,
      standard_from date,
      time_limited_from date,
      first_follow_up_months integer not null check (first_follow_up_months between 1 and 24),
      is_placeholder boolean not null,
      source text not null,
      unique (area_id, valid_from),
      check (valid_to is null or valid_to >= valid_from));
    create table contract_notice_rule (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      offering_type text references offering_type(code),
      valid_from date not null, valid_to date,
      buyer_notice_days integer not null check (buyer_notice_days between 0 and 730),
      provider_notice_days integer not null check (provider_notice_days between 0 and 730),
      is_placeholder boolean not null,
      source text not null,
      check (valid_to is null or valid_to >= valid_from));
    create unique index contract_notice_rule_key on contract_notice_rule (area_id, coalesce(offering_type, ''), valid_from);
    alter table contract drop constraint contract_status_check;
    alter table contract add constraint contract_status_check check (status in ('kladde','sendt','accepteret','opsagt'));
    alter table contract
      add column buyer_department text,
      add column buyer_ean text check (buyer_ean ~ '^[0-9]{13}$'),
      add column paying_org_id integer references organisation(id),
      add column paying_department text,
      add column paying_ean text check (paying_ean ~ '^[0-9]{13}$'),
      add column provider_ean text check (provider_ean ~ '^[0-9]{13}$'),
      add column provider_cvr text check (provider_cvr ~ '^[0-9]{8}$'),
      add column buyer_contact_name text, add column buyer_contact_phone text, add column buyer_contact_email text,
      add column provider_contact_name text, add column provider_contact_phone text, add column provider_contact_email text,
      add column indexation text check (indexation in ('naeste_takst','pl')),
      add column expected_duration_months integer check (expected_duration_months between 1 and 240),
      add column buyer_notice_days integer check (buyer_notice_days between 0 and 730),
      add column provider_notice_days integer check (provider_notice_days between 0 and 730),
      add column notice_rule_id integer references contract_notice_rule(id),
      add column goals text,
      add column follow_up_dates jsonb not null default '[]',
      add column payment_timing text check (payment_timing in ('forud','bagud')),
      add column payment_days integer check (payment_days between 1 and 30),
      add column notice_party text check (notice_party in ('koeber','leverandoer')),
      add column notice_given_on date, add column notice_given_at timestamptz, add column notice_given_by text,
      add column notice_end_date date,
      add column is_imported boolean not null default false,
      add column current_end_date date,
      add constraint contract_current_end check (current_end_date is null or current_end_date >= start_date),
      add constraint contract_notice_complete check ((status = 'opsagt') = (notice_party is not null and notice_given_on is not null and notice_end_date is not null));
    update contract set current_end_date = end_date;
    update contract c set indexation = case when t.code like 'inside_%' then 'naeste_takst' else 'pl' end
      from contract_template t where t.id = c.template_id;
    create index contract_status_start on contract (status, start_date);
    create table contract_addon (
      contract_id integer not null references contract(id) on delete cascade,
      sort integer not null,
      text text not null,
      price numeric(12,2) not null check (price >= 0),
      unit text not null check (unit in ('dag','uge','maaned','time','engang')),
      period_from date not null, period_to date,
      primary key (contract_id, sort),
      check (period_to is null or period_to >= period_from));
    create table contract_amendment (
      id serial primary key,
      contract_id integer not null references contract(id),
      number integer not null check (number >= 1),
      effective_date date not null,
      description text not null,
      changes jsonb not null,
      created_at timestamptz not null, created_by text not null,
      unique (contract_id, number));
  `.execute(db);
  const areas = await db.selectFrom('agreement_area').select(['id', 'code']).execute();
  const byCode = new Map(areas.map((a: { id: number; code: string }) => [a.code, a.id]));
  const rules = CONTRACT_RULES.filter((r) => byCode.has(r.areaCode)).map((r) => ({
    area_id: byCode.get(r.areaCode),
    valid_from: r.validFrom,
    valid_to: null,
    standard_from: r.standardFrom,
    time_limited_from: r.timeLimitedFrom,
    first_follow_up_months: r.firstFollowUpMonths,
    is_placeholder: r.source.startsWith(PLACEHOLDER_MARK),
    source: r.source,
  }));
  if (rules.length) await db.insertInto('contract_rule').values(rules).execute();
  const notices = NOTICE_RULES.filter((r) => byCode.has(r.areaCode)).map((r) => ({
    area_id: byCode.get(r.areaCode),
    offering_type: r.offeringType,
    valid_from: r.validFrom,
    valid_to: null,
    buyer_notice_days: r.buyerNoticeDays,
    provider_notice_days: r.providerNoticeDays,
    is_placeholder: r.source.startsWith(PLACEHOLDER_MARK),
    source: r.source,
  }));
  if (notices.length) await db.insertInto('contract_notice_rule').values(notices).execute();
}

/** The place counts read the contracts holding a place per offering (until their effective end) through an index. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function placeCounts(db: Kysely<any>): Promise<void> {
  await sql`create index contract_holding on contract (offering_id, (coalesce(least(current_end_date, notice_end_date), 'infinity'::date)))`.execute(db);
}

/**
 * A confirmed reservation holds its place for the area's number of days (`confirmed_hold_days`) for the contract
 * to be drafted; once drafted, the contract holds the place and the reservation stops counting. 14 days is a
 * placeholder the secretariats change as data. A reservation confirmed before this migration holds from its
 * confirmation; one that already became a contract is unaffected (it no longer counts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function confirmedHold(db: Kysely<any>): Promise<void> {
  await sql`
    alter table placement_rule add column confirmed_hold_days integer not null default 14 check (confirmed_hold_days between 1 and 90);
    update reservation set expires_at = greatest(expires_at, coalesce(decided_at, created_at) + interval '14 days') where status = 'bekraeftet';
  `.execute(db);
}

export const placementsMigrations: Record<string, Migration> = {
  '0400_placements': { up },
  '0401_public_first_reasons': { up: reasons },
  '0402_contracts': { up: contracts },
  '0403_contract_terms': { up: contractTerms },
  '0410_place_counts': { up: placeCounts },
  '0411_confirmed_hold': { up: confirmedHold },
};
