/**
 * @module Tables of the national central announcements (centrale udmeldinger). Self-contained: imports nothing
 * that can change later.
 * 0720: an announcement from the national authority with its questions (ordered), the areas concerned (each with
 * the area's report: text, when sent, by whom, reference, and the authority's response), requested and granted
 * extensions of the deadline, and each member municipality's answers (one answer set per municipality, versioned).
 */
import { type Kysely, type Migration, sql } from 'kysely';

async function announcements(db: Kysely<any>): Promise<void> {
  await sql`
    create table coop_announcement (
      id serial primary key,
      title text not null check (length(title) between 1 and 300),
      authority text not null check (length(authority) between 1 and 200),
      target_group text not null check (length(target_group) between 1 and 300),
      description text,
      issued_on date not null,
      deadline date not null,
      is_joint boolean not null default false,
      joint_answer text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by text not null,
      check (deadline >= issued_on));
    create index coop_announcement_issued on coop_announcement (issued_on desc);
    create table coop_announcement_question (
      id serial primary key,
      announcement_id integer not null references coop_announcement(id) on delete cascade,
      position integer not null check (position >= 1),
      text text not null check (length(text) between 1 and 4000),
      unique (announcement_id, position));
    create table coop_announcement_area (
      announcement_id integer not null references coop_announcement(id) on delete cascade,
      area_id integer not null references agreement_area(id),
      status text not null default 'kladde' check (status in ('kladde','sendt','besvaret')),
      report_text text,
      report_version integer not null default 1,
      sent_on date,
      sent_by text,
      sent_reference text,
      response_on date,
      response_text text,
      primary key (announcement_id, area_id),
      check (status = 'kladde' or sent_on is not null),
      check (status <> 'besvaret' or response_on is not null));
    create index coop_announcement_area_area on coop_announcement_area (area_id);
    create table coop_announcement_extension (
      id serial primary key,
      announcement_id integer not null references coop_announcement(id) on delete cascade,
      requested_on date not null,
      new_deadline date not null,
      status text not null check (status in ('afventer','bevilget','afslaaet')),
      note text,
      created_by text not null);
    create index coop_announcement_extension_a on coop_announcement_extension (announcement_id);
    create table coop_announcement_response (
      id serial primary key,
      announcement_id integer not null references coop_announcement(id) on delete cascade,
      organisation_id integer not null references organisation(id),
      area_id integer not null references agreement_area(id),
      version integer not null default 1,
      answered_by text not null,
      updated_at timestamptz not null default now(),
      unique (announcement_id, organisation_id));
    create table coop_announcement_answer (
      response_id integer not null references coop_announcement_response(id) on delete cascade,
      question_id integer not null references coop_announcement_question(id) on delete cascade,
      text text not null check (length(text) between 1 and 20000),
      primary key (response_id, question_id));
    create index coop_announcement_answer_q on coop_announcement_answer (question_id);
  `.execute(db);
}

export const announcementMigrations: Record<string, Migration> = {
  '0720_cooperation_announcements': { up: announcements },
};
