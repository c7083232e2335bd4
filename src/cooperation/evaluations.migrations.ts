/**
 * @module Tables of the activities' evaluation surveys. Self-contained: imports nothing that can change later.
 * 0770: a short survey of an activity (one per activity): the number of respondents and its questions in order,
 * each with the count of answers on a 1–5 scale, entered by the area's secretariat; versioned like the activity.
 */
import { type Kysely, type Migration, sql } from 'kysely';

async function surveys(db: Kysely<any>): Promise<void> {
  await sql`
    create table coop_activity_survey (
      activity_id integer primary key references coop_activity(id),
      respondents integer not null check (respondents between 0 and 1000000),
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      updated_by text not null)`.execute(db);
  await sql`
    create table coop_activity_survey_question (
      id serial primary key,
      activity_id integer not null references coop_activity_survey(activity_id) on delete cascade,
      position integer not null check (position between 1 and 20),
      text text not null check (length(text) between 1 and 300),
      count_1 integer not null default 0 check (count_1 >= 0),
      count_2 integer not null default 0 check (count_2 >= 0),
      count_3 integer not null default 0 check (count_3 >= 0),
      count_4 integer not null default 0 check (count_4 >= 0),
      count_5 integer not null default 0 check (count_5 >= 0),
      unique (activity_id, position))`.execute(db);
}

export const evaluationMigrations: Record<string, Migration> = {
  '0770_cooperation_activity_surveys': { up: surveys },
};
