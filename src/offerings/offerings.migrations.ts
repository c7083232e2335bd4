/**
 * @module The offerings register: one row per offering, extra legal bases and target groups in link tables,
 * a Danish full-text index over name, description, address and city.
 */
import { sql, type Kysely, type Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table offering (
      id serial primary key,
      name text not null check (length(name) between 1 and 200),
      operator_org_id integer not null references organisation(id),
      operator_type text not null references operator_type(code),
      address text not null, postal_code text not null check (postal_code ~ '^[0-9]{4}$'), city text not null,
      municipality_code integer not null references municipality(code),
      offering_type text not null references offering_type(code),
      primary_legal_basis text not null references legal_basis(code),
      places integer not null check (places between 0 and 5000),
      age_min integer not null check (age_min between 0 and 120),
      age_max integer not null check (age_max between 0 and 120 and age_max >= age_min),
      status text not null check (status in ('aktiv','lukket_for_indskrivning','under_afvikling','lukket')),
      status_since date not null,
      socialtilsyn_code text not null references socialtilsyn(code),
      approval_date date,
      is_covered boolean not null default true,
      protection text not null default 'ingen' check (protection in ('ingen','mest_specialiseret','forstaerket_samarbejde')),
      description text, contact_name text, contact_email text, contact_phone text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      search tsvector generated always as (
        to_tsvector('danish', name || ' ' || coalesce(description, '') || ' ' || address || ' ' || city)) stored);
    create index offering_search on offering using gin (search);
    create index offering_municipality on offering (municipality_code);
    create index offering_operator on offering (operator_org_id);
    create index offering_name on offering (name);
    create table offering_legal_basis (
      offering_id integer not null references offering(id) on delete cascade,
      legal_basis_code text not null references legal_basis(code), primary key (offering_id, legal_basis_code));
    create index offering_legal_basis_code on offering_legal_basis (legal_basis_code);
    create table offering_target_group (
      offering_id integer not null references offering(id) on delete cascade,
      target_group_code text not null references target_group(code), primary key (offering_id, target_group_code));
    create index offering_target_group_code on offering_target_group (target_group_code);
  `.execute(db);
}

/** An offering's version: raised by every change, sent as its ETag, checked against If-Match (412 when stale). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function offeringVersion(db: Kysely<any>): Promise<void> {
  await sql`alter table offering add column version integer not null default 1`.execute(db);
}

export const offeringsMigrations: Record<string, Migration> = { '0100_offerings': { up }, '0900_offering_version': { up: offeringVersion } };
