/**
 * @module Tables of the cooperation itself. Self-contained: imports nothing that can change later.
 * 0700: bodies of an agreement area (or national ones), their mandates and members, and the organisation's
 * versions (the one in force and proposals), each placing bodies and whom they report to.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import { announcementMigrations } from './announcements.migrations.js';

async function bodies(db: Kysely<any>): Promise<void> {
  await sql`
    create table coop_body (
      id serial primary key,
      area_id integer references agreement_area(id),
      kind text not null check (kind in ('styregruppe','udviklingsgruppe','oekonomigruppe','netvaerksgruppe','chefnetvaerk',
        'direktoerforum','ad_hoc','dialogforum','arbejdsgruppe','national_koordination','andet')),
      name text not null check (length(name) between 1 and 200),
      description text,
      created_at timestamptz not null default now(),
      created_by text not null,
      unique (area_id, name));
    create table coop_mandate (
      id serial primary key,
      body_id integer not null references coop_body(id) on delete cascade,
      text text not null,
      approved_by text,
      valid_from date not null, valid_to date,
      check (valid_to is null or valid_to >= valid_from));
    create index coop_mandate_body on coop_mandate (body_id, valid_from);
    create table coop_member (
      id serial primary key,
      body_id integer not null references coop_body(id) on delete cascade,
      person_name text not null check (length(person_name) between 1 and 120),
      organisation_id integer references organisation(id),
      organisation_text text,
      role text not null check (role in ('formand','naestformand','medlem','sekretaer','observatoer')),
      valid_from date not null, valid_to date,
      check (valid_to is null or valid_to >= valid_from),
      check (organisation_id is not null or organisation_text is not null));
    create index coop_member_body on coop_member (body_id, valid_from);
    create index coop_member_org on coop_member (organisation_id);
    create table coop_structure (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      title text not null check (length(title) between 1 and 200),
      status text not null check (status in ('gaeldende','forslag')),
      note text,
      based_on_id integer references coop_structure(id),
      created_at timestamptz not null default now(),
      created_by text not null);
    create unique index coop_structure_current on coop_structure (area_id) where status = 'gaeldende';
    create table coop_structure_body (
      structure_id integer not null references coop_structure(id) on delete cascade,
      body_id integer not null references coop_body(id) on delete cascade,
      reports_to_id integer references coop_body(id),
      primary key (structure_id, body_id),
      check (reports_to_id is null or reports_to_id <> body_id));
  `.execute(db);
}

export const cooperationMigrations: Record<string, Migration> = {
  '0700_cooperation_bodies': { up: bodies },
  // 0720–0729: national central announcements (announcements.migrations.ts)
  ...announcementMigrations,
};
