/**
 * @module Tables of the cooperation itself. Self-contained: imports nothing that can change later.
 * 0700: bodies of an agreement area (or national ones), their mandates and members, and the organisation's
 * versions (the one in force and proposals), each placing bodies and whom they report to.
 */
import { protectionMigrations } from './protection.migrations.js';
import { consultationMigrations } from './consultations.migrations.js';
import { type Kysely, type Migration, sql } from 'kysely';
import { activityMigrations } from './activities.migrations.js';
import { announcementMigrations } from './announcements.migrations.js';
import { evaluationMigrations } from './evaluations.migrations.js';
import { meetingMigrations } from './meetings.migrations.js';

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

// Meetings (0710–0719) ------------------------------------------------------------------------------------
/** 0710: meetings of a body (Copenhagen date and wall-clock times) and their agenda items with minutes. */
async function meetings(db: Kysely<any>): Promise<void> {
  await sql`
    create table coop_meeting (
      id serial primary key,
      body_id integer not null references coop_body(id) on delete cascade,
      title text not null check (length(title) between 1 and 200),
      meeting_date date not null,
      starts_at text not null check (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      ends_at text not null check (ends_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      place text,
      online_url text,
      status text not null default 'planlagt' check (status in ('planlagt','afholdt','aflyst')),
      minutes_visibility text not null default 'intern' check (minutes_visibility in ('intern','medlemmer','offentlig')),
      minutes_published_at timestamptz,
      version integer not null default 1 check (version > 0),
      created_at timestamptz not null default now(),
      created_by text not null,
      check (ends_at > starts_at));
    create index coop_meeting_body on coop_meeting (body_id, meeting_date);
    create index coop_meeting_date on coop_meeting (meeting_date);
    create table coop_agenda_item (
      id serial primary key,
      meeting_id integer not null references coop_meeting(id) on delete cascade,
      position integer not null check (position > 0),
      starts_at text check (starts_at is null or starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      title text not null check (length(title) between 1 and 300),
      presenter text,
      form text,
      description text,
      link_kind text check (link_kind in ('tariff_increase_report','agreement_version','url')),
      link_id integer,
      link_url text,
      minutes text,
      decision text,
      check ((link_kind is null and link_id is null and link_url is null)
        or (link_kind = 'url' and link_url is not null and link_id is null)
        or (link_kind in ('tariff_increase_report','agreement_version') and link_id is not null and link_url is null)));
    create index coop_agenda_item_meeting on coop_agenda_item (meeting_id, position);
  `.execute(db);
}
// End of meetings ------------------------------------------------------------------------------------------

export const cooperationMigrations: Record<string, Migration> = {
  '0700_cooperation_bodies': { up: bodies },
  '0710_cooperation_meetings': { up: meetings },
  // 0720–0729: national central announcements (announcements.migrations.ts)
  ...announcementMigrations,
  // 0730–0739: activities (activities.migrations.ts)
  ...activityMigrations,
  // 0740–0749: joint consultations (consultations.migrations.ts)
  ...consultationMigrations,
  // 0750–0759: protected offerings and their dialogue cases (protection.migrations.ts)
  ...protectionMigrations,
  // 0761: meeting attachments (meetings.migrations.ts)
  ...meetingMigrations,
  // 0770–0779: the activities' evaluation surveys (evaluations.migrations.ts)
  ...evaluationMigrations,
};
