/**
 * @module Reminders' tables. Self-contained: imports nothing that can change later.
 */
import { type Kysely, type Migration, sql } from 'kysely';

async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table reminder_setting (
      user_id integer primary key references app_user(id) on delete cascade,
      email text check (email is null or length(email) between 3 and 254),
      days_before integer not null default 7 check (days_before between 0 and 60),
      muted text[] not null default '{}',
      updated_at timestamptz not null default now());
    create table reminder_sent (
      id serial primary key,
      user_id integer not null references app_user(id) on delete cascade,
      item_key text not null, due date not null, heading text not null, title text not null, href text not null,
      channel text not null check (channel in ('mail', 'ramme')),
      sent_at timestamptz not null default now(),
      unique (user_id, item_key, due));
    create index reminder_sent_user on reminder_sent (user_id, sent_at desc);
  `.execute(db);
}

export const remindersMigrations: Record<string, Migration> = { '0800_reminders': { up } };
