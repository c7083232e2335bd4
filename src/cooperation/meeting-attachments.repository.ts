/**
 * @module All SQL of a meeting's attachments: the list without the bytes, one file with its bytes, whether an agenda
 * item belongs to the meeting, and the insert and delete.
 */
import type { Queryable } from '../core/db/types.js';

const META = ['a.id', 'a.meeting_id', 'a.agenda_item_id', 'a.filename', 'a.content_type', 'a.size_bytes', 'a.sha256', 'a.created_at', 'a.created_by'] as const;

/** The meeting's attachments (not the bytes), the meeting's own first, then by agenda item and upload. */
export async function list(db: Queryable, meetingId: number) {
  return db
    .selectFrom('coop_meeting_attachment as a')
    .leftJoin('coop_agenda_item as i', 'i.id', 'a.agenda_item_id')
    .select([...META, 'i.position as item_position', 'i.title as item_title'])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('i.position', (ob) => ob.asc().nullsFirst())
    .orderBy('a.id')
    .execute();
}
export type AttachmentRow = Awaited<ReturnType<typeof list>>[number];

/** One attachment of the meeting with its bytes; null when the meeting has no such attachment. */
export async function find(db: Queryable, meetingId: number, id: number) {
  return (
    (await db
      .selectFrom('coop_meeting_attachment as a')
      .select([...META, 'a.content'])
      .where('a.meeting_id', '=', meetingId)
      .where('a.id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export async function itemOfMeeting(db: Queryable, meetingId: number, itemId: number) {
  return (
    (await db.selectFrom('coop_agenda_item').select(['id', 'title']).where('meeting_id', '=', meetingId).where('id', '=', itemId).executeTakeFirst()) ?? null
  );
}

export async function insert(
  db: Queryable,
  row: {
    meeting_id: number;
    agenda_item_id: number | null;
    filename: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    content: Buffer;
    created_by: string;
  },
) {
  return (await db.insertInto('coop_meeting_attachment').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Deletes the meeting's attachment; its metadata, or null when there was none (deleted by another already). */
export async function remove(db: Queryable, meetingId: number, id: number) {
  return (
    (await db
      .deleteFrom('coop_meeting_attachment')
      .where('meeting_id', '=', meetingId)
      .where('id', '=', id)
      .returning(['id', 'agenda_item_id', 'filename', 'content_type', 'size_bytes', 'sha256'])
      .executeTakeFirst()) ?? null
  );
}
