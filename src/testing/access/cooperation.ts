/**
 * Access matrix entries for the cooperation (see src/testing/access.ts): every signed-in user reads bodies,
 * members and organisation versions; the secretariat of the area (demo-sekretariat: Sjælland) changes them.
 */
import type { Db } from '../../core/db/types.js';
import { SIGNED_IN, type AccessExpectation } from '../access.js';

const SECRETARIAT = ['sekretariat'] as const;

async function sjaellandBody(db: Db): Promise<number> {
  const row = await db
    .selectFrom('coop_body as b')
    .innerJoin('agreement_area as a', 'a.id', 'b.area_id')
    .select('b.id')
    .where('a.code', '=', 'sjaelland')
    .where('b.kind', '=', 'styregruppe')
    .orderBy('b.id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function sjaellandMember(db: Db): Promise<number> {
  const body = await sjaellandBody(db);
  return (await db.selectFrom('coop_member').select('id').where('body_id', '=', body).orderBy('id').executeTakeFirstOrThrow()).id;
}

async function sjaellandStructure(db: Db): Promise<number> {
  const row = await db
    .selectFrom('coop_structure as s')
    .innerJoin('agreement_area as a', 'a.id', 's.area_id')
    .select('s.id')
    .where('a.code', '=', 'sjaelland')
    .where('s.status', '=', 'forslag')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A meeting of Sjælland's steering group (the demo data has a year of them; else one is planned here). */
async function sjaellandMeeting(db: Db): Promise<number> {
  const body = await sjaellandBody(db);
  const found = await db.selectFrom('coop_meeting').select('id').where('body_id', '=', body).orderBy('id').executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('coop_meeting')
    .values({
      body_id: body,
      title: 'Styregruppemøde',
      meeting_date: '2026-03-12',
      starts_at: '09:00',
      ends_at: '12:00',
      place: null,
      online_url: null,
      created_by: 'system',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('coop_agenda_item')
    .values({
      meeting_id: row.id,
      position: 1,
      starts_at: null,
      title: 'Velkomst',
      presenter: null,
      form: null,
      description: null,
      link_kind: null,
      link_id: null,
      link_url: null,
      minutes: null,
      decision: null,
    })
    .execute();
  return row.id;
}

async function sjaellandItem(db: Db): Promise<string> {
  const meeting = await sjaellandMeeting(db);
  const item = await db.selectFrom('coop_agenda_item').select('id').where('meeting_id', '=', meeting).orderBy('position').executeTakeFirstOrThrow();
  return `${meeting}/items/${item.id}`;
}

export const accessExpectations: AccessExpectation[] = [
  { route: 'GET /samarbejde', url: '/samarbejde', allowed: SIGNED_IN },
  { route: 'GET /api/bodies', url: '/api/bodies?area=sjaelland', allowed: SIGNED_IN },
  { route: 'POST /api/bodies', url: '/api/bodies', allowed: [...SECRETARIAT], note: 'no area: a national body, any secretariat' },
  { route: 'POST /api/bodies/:id/members', url: async (db) => `/api/bodies/${await sjaellandBody(db)}/members`, allowed: [...SECRETARIAT] },
  { route: 'POST /api/bodies/:id/mandates', url: async (db) => `/api/bodies/${await sjaellandBody(db)}/mandates`, allowed: [...SECRETARIAT] },
  { route: 'POST /api/body-members/:id/end', url: async (db) => `/api/body-members/${await sjaellandMember(db)}/end`, allowed: [...SECRETARIAT] },
  { route: 'POST /api/body-structures', url: '/api/body-structures', allowed: [...SECRETARIAT] },
  { route: 'GET /api/body-structures/:id', url: async (db) => `/api/body-structures/${await sjaellandStructure(db)}`, allowed: SIGNED_IN },
  {
    route: 'PUT /api/body-structures/:id/placements',
    url: async (db) => `/api/body-structures/${await sjaellandStructure(db)}/placements`,
    allowed: [...SECRETARIAT],
  },
  { route: 'GET /samarbejde/organer', url: '/samarbejde/organer', allowed: SIGNED_IN },
  { route: 'GET /samarbejde/organer/ny', url: '/samarbejde/organer/ny?area=sjaelland', allowed: [...SECRETARIAT] },
  { route: 'POST /samarbejde/organer/ny', url: '/samarbejde/organer/ny', allowed: [...SECRETARIAT], isForm: true, payload: { areaCode: 'sjaelland' } },
  { route: 'GET /samarbejde/organer/:id', url: async (db) => `/samarbejde/organer/${await sjaellandBody(db)}`, allowed: SIGNED_IN },
  {
    route: 'POST /samarbejde/organer/:id/medlemmer',
    url: async (db) => `/samarbejde/organer/${await sjaellandBody(db)}/medlemmer`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
  {
    route: 'POST /samarbejde/organer/:id/kommissorium',
    url: async (db) => `/samarbejde/organer/${await sjaellandBody(db)}/kommissorium`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
  {
    route: 'POST /samarbejde/medlemmer/:id/afslut',
    url: async (db) => `/samarbejde/medlemmer/${await sjaellandMember(db)}/afslut`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
  { route: 'POST /samarbejde/organisering/ny', url: '/samarbejde/organisering/ny', allowed: [...SECRETARIAT], isForm: true },
  { route: 'GET /samarbejde/organisering/:id', url: async (db) => `/samarbejde/organisering/${await sjaellandStructure(db)}`, allowed: SIGNED_IN },
  {
    route: 'POST /samarbejde/organisering/:id',
    url: async (db) => `/samarbejde/organisering/${await sjaellandStructure(db)}`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
  // Meetings ------------------------------------------------------------------------------------------
  { route: 'GET /api/meetings', url: '/api/meetings?area=sjaelland&year=2026', allowed: SIGNED_IN },
  { route: 'GET /api/meetings/:id', url: async (db) => `/api/meetings/${await sjaellandMeeting(db)}`, allowed: SIGNED_IN },
  { route: 'POST /api/meetings', url: '/api/meetings', allowed: [...SECRETARIAT], note: 'no body: the check any secretariat passes' },
  { route: 'PUT /api/meetings/:id', url: async (db) => `/api/meetings/${await sjaellandMeeting(db)}`, allowed: [...SECRETARIAT] },
  { route: 'POST /api/meetings/:id/status', url: async (db) => `/api/meetings/${await sjaellandMeeting(db)}/status`, allowed: [...SECRETARIAT] },
  { route: 'POST /api/meetings/:id/items', url: async (db) => `/api/meetings/${await sjaellandMeeting(db)}/items`, allowed: [...SECRETARIAT] },
  { route: 'PUT /api/meetings/:id/items/:itemId', url: async (db) => `/api/meetings/${await sjaellandItem(db)}`, allowed: [...SECRETARIAT] },
  { route: 'PUT /api/meetings/:id/order', url: async (db) => `/api/meetings/${await sjaellandMeeting(db)}/order`, allowed: [...SECRETARIAT] },
  { route: 'PUT /api/meetings/:id/minutes', url: async (db) => `/api/meetings/${await sjaellandMeeting(db)}/minutes`, allowed: [...SECRETARIAT] },
  { route: 'POST /api/meetings/:id/publish', url: async (db) => `/api/meetings/${await sjaellandMeeting(db)}/publish`, allowed: [...SECRETARIAT] },
  { route: 'GET /samarbejde/moeder', url: '/samarbejde/moeder?area=sjaelland&year=2026', allowed: SIGNED_IN },
  { route: 'GET /samarbejde/moeder/nyt', url: async (db) => `/samarbejde/moeder/nyt?body=${await sjaellandBody(db)}`, allowed: [...SECRETARIAT] },
  { route: 'POST /samarbejde/moeder/nyt', url: '/samarbejde/moeder/nyt', allowed: [...SECRETARIAT], isForm: true },
  { route: 'GET /samarbejde/moeder/:id', url: async (db) => `/samarbejde/moeder/${await sjaellandMeeting(db)}`, allowed: SIGNED_IN },
  { route: 'GET /samarbejde/moeder/:id/ret', url: async (db) => `/samarbejde/moeder/${await sjaellandMeeting(db)}/ret`, allowed: [...SECRETARIAT] },
  {
    route: 'POST /samarbejde/moeder/:id/ret',
    url: async (db) => `/samarbejde/moeder/${await sjaellandMeeting(db)}/ret`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
  {
    route: 'POST /samarbejde/moeder/:id/status',
    url: async (db) => `/samarbejde/moeder/${await sjaellandMeeting(db)}/status`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
  {
    route: 'POST /samarbejde/moeder/:id/punkter',
    url: async (db) => `/samarbejde/moeder/${await sjaellandMeeting(db)}/punkter`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
  {
    route: 'POST /samarbejde/moeder/:id/punkter/:itemId/flyt',
    url: async (db) => `/samarbejde/moeder/${(await sjaellandItem(db)).replace('/items/', '/punkter/')}/flyt`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
  { route: 'GET /samarbejde/moeder/:id/referat', url: async (db) => `/samarbejde/moeder/${await sjaellandMeeting(db)}/referat`, allowed: [...SECRETARIAT] },
  {
    route: 'POST /samarbejde/moeder/:id/referat',
    url: async (db) => `/samarbejde/moeder/${await sjaellandMeeting(db)}/referat`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
  {
    route: 'POST /samarbejde/moeder/:id/offentliggoer',
    url: async (db) => `/samarbejde/moeder/${await sjaellandMeeting(db)}/offentliggoer`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
  { route: 'GET /samarbejde/organer/:id/kalender.ics', url: async (db) => `/samarbejde/organer/${await sjaellandBody(db)}/kalender.ics`, allowed: SIGNED_IN },
  { route: 'GET /samarbejde/moeder/min-kalender.ics', url: '/samarbejde/moeder/min-kalender.ics', allowed: SIGNED_IN },
  // End of meetings -----------------------------------------------------------------------------------
];
