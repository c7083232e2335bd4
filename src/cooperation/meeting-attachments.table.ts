/**
 * @module Table type of a meeting's attachments (bilag): to the meeting or one of its agenda items, with the bytes.
 */
import type { Generated } from 'kysely';

export type CoopMeetingAttachmentTable = {
  id: Generated<number>;
  meeting_id: number;
  agenda_item_id: number | null;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  created_at: Generated<Date>;
  created_by: string;
};

declare module '../core/db/types.js' {
  interface DB {
    coop_meeting_attachment: CoopMeetingAttachmentTable;
  }
}
