/**
 * @module Tables of the cooperation's activities. Self-contained: imports nothing that can change later.
 * 0730: an activity of an agreement area (theme day, conference, network meeting, information meeting, political
 * meeting) with its audience, date (one day or a span), organisers, place, registrations and participants, an
 * evaluation note and an optional link to a focus area of one of the area's agreements.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import { projectMigrations } from './projects.migrations.js';

async function activities(db: Kysely<any>): Promise<void> {
  await sql`
    create table coop_activity (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      kind text not null check (kind in ('temadag','konference','netvaerksmoede','informationsmoede','politisk_moede','andet')),
      title text not null check (length(title) between 1 and 300),
      audience text,
      starts_on date not null,
      ends_on date,
      organisers text not null check (length(organisers) between 1 and 300),
      place text,
      registrations integer check (registrations >= 0),
      participants integer check (participants >= 0),
      evaluation text,
      focus_area_id integer references agreement_focus_area(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by text not null,
      check (ends_on is null or ends_on >= starts_on))`.execute(db);
  await sql`create index coop_activity_area_date on coop_activity (area_id, starts_on)`.execute(db);
}

export const activityMigrations: Record<string, Migration> = {
  '0730_cooperation_activities': { up: activities },
  // 0731: projects (projects.migrations.ts)
  ...projectMigrations,
};
