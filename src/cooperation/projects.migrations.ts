/**
 * @module Tables of the cooperation's projects. Self-contained: imports nothing that can change later.
 * 0731: a project of an agreement area (an analysis, a development project) with its purpose, owner, period,
 * status, results and evaluation, optionally serving a focus area of one of the area's agreements.
 */
import { type Kysely, type Migration, sql } from 'kysely';

async function projects(db: Kysely<any>): Promise<void> {
  await sql`
    create table coop_project (
      id serial primary key,
      area_id integer not null references agreement_area(id),
      title text not null check (length(title) between 1 and 300),
      purpose text not null check (length(purpose) between 1 and 4000),
      owner text not null check (length(owner) between 1 and 300),
      starts_on date not null,
      ends_on date,
      status text not null check (status in ('planlagt','igang','afsluttet','stoppet')),
      results text,
      evaluation text,
      focus_area_id integer references agreement_focus_area(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by text not null,
      check (ends_on is null or ends_on >= starts_on))`.execute(db);
  await sql`create index coop_project_area_start on coop_project (area_id, starts_on)`.execute(db);
}

export const projectMigrations: Record<string, Migration> = {
  '0731_cooperation_projects': { up: projects },
};
