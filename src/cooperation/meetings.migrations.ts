/**
 * @module Tables of the meetings added after 0710 (which is in cooperation.migrations.ts). Self-contained: imports
 * nothing that can change later.
 * 0761: a meeting's attachments (bilag), to the meeting or to one of its agenda items: the file's name, its content
 * type (as checked from the bytes), size, SHA-256 and the bytes themselves (at most 10 MB each).
 */
import { type Kysely, type Migration, sql } from 'kysely';

async function attachments(db: Kysely<any>): Promise<void> {
  await sql`
    create table coop_meeting_attachment (
      id serial primary key,
      meeting_id integer not null references coop_meeting(id) on delete cascade,
      agenda_item_id integer references coop_agenda_item(id) on delete cascade,
      filename text not null check (length(filename) between 1 and 200),
      content_type text not null check (length(content_type) between 1 and 200),
      size_bytes integer not null check (size_bytes between 1 and 10485760),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea not null,
      created_at timestamptz not null default now(),
      created_by text not null);
    create index coop_meeting_attachment_meeting on coop_meeting_attachment (meeting_id, id);
    create index coop_meeting_attachment_item on coop_meeting_attachment (agenda_item_id) where agenda_item_id is not null;
  `.execute(db);
}

export const meetingMigrations: Record<string, Migration> = {
  '0761_cooperation_meeting_attachments': { up: attachments },
};
