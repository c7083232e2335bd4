/**
 * @module Tables of the protected offerings' watch and their mandatory joint dialogue cases. Self-contained: imports
 * nothing that can change later.
 * 0750: the dated trigger rules per area (occupancy below a share for a number of consecutive months; a deficit in the
 * tariff calculation above an amount; the seller's notice to close or cut places), each with the number of days the
 * members have to answer; the dated procedure per area (the ordered steps of its dialogue case, e.g. Hovedstaden's
 * nødbremse); the seller's notices; the dialogue cases with their steps (who and when) and the members' answers.
 */
import { type Kysely, type Migration, sql } from 'kysely';

async function protection(db: Kysely<any>): Promise<void> {
  await sql`
    create table coop_protection_trigger (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      kind text not null check (kind in ('belaegning','underskud','varsel')),
      share_pct numeric(5,2) check (share_pct is null or (share_pct > 0 and share_pct <= 100)),
      months integer check (months is null or months between 1 and 36),
      amount numeric(14,2) check (amount is null or amount >= 0),
      deadline_days integer not null check (deadline_days between 1 and 365),
      note text,
      valid_from date not null,
      valid_to date,
      version integer not null default 1,
      created_by text not null,
      created_at timestamptz not null default now(),
      check (valid_to is null or valid_to >= valid_from),
      check ((kind = 'belaegning') = (share_pct is not null and months is not null)),
      check ((kind = 'underskud') = (amount is not null)));
    create index coop_protection_trigger_area on coop_protection_trigger (area_id, valid_from);
    create table coop_protection_procedure (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      name text not null,
      steps text[] not null check (cardinality(steps) between 1 and 20),
      valid_from date not null,
      valid_to date,
      check (valid_to is null or valid_to >= valid_from));
    create table coop_protection_notice (
      id serial primary key,
      offering_id integer not null references offering(id),
      kind text not null check (kind in ('lukning','faerre_pladser')),
      places_after integer check (places_after is null or places_after >= 0),
      given_on date not null,
      effective_on date not null,
      text text not null check (length(text) between 1 and 4000),
      recorded_by text not null,
      created_at timestamptz not null default now(),
      check ((kind = 'faerre_pladser') = (places_after is not null)),
      check (effective_on >= given_on));
    create index coop_protection_notice_offering on coop_protection_notice (offering_id, effective_on);
    create table coop_dialogue_case (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      offering_id integer not null references offering(id),
      trigger_id integer not null references coop_protection_trigger(id),
      procedure_name text not null,
      reason text not null,
      deadline date not null,
      status text not null default 'aaben' check (status in ('aaben','afsluttet')),
      outcome text,
      closed_on date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by text not null,
      closed_by text,
      check (status = 'aaben' or (outcome is not null and closed_on is not null)));
    create unique index coop_dialogue_case_open on coop_dialogue_case (offering_id, trigger_id) where status = 'aaben';
    create index coop_dialogue_case_area on coop_dialogue_case (area_id, created_at desc);
    create table coop_dialogue_step (
      case_id integer not null references coop_dialogue_case(id) on delete cascade,
      sort integer not null,
      label text not null,
      done_on date,
      note text,
      done_by text,
      done_at timestamptz,
      primary key (case_id, sort),
      check ((done_on is null) = (done_by is null)));
    create table coop_dialogue_answer (
      id serial primary key,
      case_id integer not null references coop_dialogue_case(id) on delete cascade,
      organisation_id integer not null references organisation(id),
      answer text not null check (answer in ('bevar','bruger_pladser','ingen_behov','bekymring')),
      note text,
      version integer not null default 1,
      answered_by text not null,
      updated_at timestamptz not null default now(),
      unique (case_id, organisation_id));
  `.execute(db);
}

export const protectionMigrations: Record<string, Migration> = {
  '0750_cooperation_protection': { up: protection },
};
