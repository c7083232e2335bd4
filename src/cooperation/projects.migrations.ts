/**
 * @module Tables of the cooperation's projects. Self-contained: imports nothing that can change later.
 * 0731: a project of an agreement area (an analysis, a development project) with its purpose, owner, period,
 * status, results and evaluation, optionally serving a focus area of one of the area's agreements.
 * 0732: an activity may serve a project of its area.
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

/** 0732: an activity may serve one of its area's projects. */
async function activityProject(db: Kysely<any>): Promise<void> {
  await sql`alter table coop_activity add column project_id integer references coop_project(id)`.execute(db);
  await sql`create index coop_activity_project on coop_activity (project_id) where project_id is not null`.execute(db);
}

export const projectMigrations: Record<string, Migration> = {
  '0731_cooperation_projects': { up: projects },
  '0732_cooperation_activity_project': { up: activityProject },
};
