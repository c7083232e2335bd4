/**
 * Access matrix entries for a meeting's attachments (see src/testing/access.ts): the list and the download follow the
 * minutes' rule (here a held meeting of Sjælland's steering group with minutes published to all: everyone signed in;
 * the internal case is in meeting-attachments.test.ts); only the area's secretariat (demo-sekretariat) uploads and
 * deletes. The attachment id is unknown: for those let through the answer is a 404 after the access check.
 */
import type { Db } from '../../core/db/types.js';
import { SIGNED_IN, type AccessExpectation } from '../access.js';

const SECRETARIAT = ['sekretariat'] as const;

async function publishedMeeting(db: Db): Promise<number> {
  const row = await db
    .selectFrom('coop_meeting as m')
    .innerJoin('coop_body as b', 'b.id', 'm.body_id')
    .innerJoin('agreement_area as a', 'a.id', 'b.area_id')
    .select('m.id')
    .where('a.code', '=', 'sjaelland')
    .where('m.minutes_visibility', '=', 'offentlig')
    .orderBy('m.id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const accessExpectations: AccessExpectation[] = [
  { route: 'GET /api/meetings/:id/attachments', url: async (db) => `/api/meetings/${await publishedMeeting(db)}/attachments`, allowed: SIGNED_IN },
  {
    route: 'GET /api/meetings/:id/attachments/:attachmentId',
    url: async (db) => `/api/meetings/${await publishedMeeting(db)}/attachments/999999`,
    allowed: SIGNED_IN,
  },
  {
    route: 'POST /api/meetings/:id/attachments',
    url: async (db) => `/api/meetings/${await publishedMeeting(db)}/attachments`,
    allowed: [...SECRETARIAT],
    note: 'not multipart: a 400 after the access check',
  },
  {
    route: 'DELETE /api/meetings/:id/attachments/:attachmentId',
    url: async (db) => `/api/meetings/${await publishedMeeting(db)}/attachments/999999`,
    allowed: [...SECRETARIAT],
  },
  {
    route: 'POST /samarbejde/moeder/:id/bilag',
    url: async (db) => `/samarbejde/moeder/${await publishedMeeting(db)}/bilag`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
  {
    route: 'GET /samarbejde/moeder/:id/bilag/:attachmentId',
    url: async (db) => `/samarbejde/moeder/${await publishedMeeting(db)}/bilag/999999`,
    allowed: SIGNED_IN,
  },
  {
    route: 'POST /samarbejde/moeder/:id/bilag/:attachmentId/slet',
    url: async (db) => `/samarbejde/moeder/${await publishedMeeting(db)}/bilag/999999/slet`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
];
