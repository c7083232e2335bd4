/**
 * Access matrix entries for the central announcements (see src/testing/access.ts): every signed-in user reads;
 * the secretariat of a concerned area (demo-sekretariat: Sjælland) registers and edits announcements and compiles
 * the area's report; a municipality's own users (demo-myndighed, demo-tilbudsoekonomi: Holbæk) answer for it.
 */
import type { Db } from '../../core/db/types.js';
import { SIGNED_IN, type AccessExpectation } from '../access.js';

const SECRETARIAT = ['sekretariat'] as const;
const HOLBAEK = ['myndighed', 'tilbudsoekonomi'] as const;

/** An announcement concerning Sjælland whose report is still a draft (demo data: the open one of 2026). */
async function openAnnouncement(db: Db): Promise<number> {
  const row = await db
    .selectFrom('coop_announcement_area as x')
    .innerJoin('agreement_area as a', 'a.id', 'x.area_id')
    .select('x.announcement_id')
    .where('a.code', '=', 'sjaelland')
    .where('x.status', '=', 'kladde')
    .orderBy('x.announcement_id', 'desc')
    .executeTakeFirstOrThrow();
  return row.announcement_id;
}

async function extension(db: Db): Promise<number> {
  const row = await db.selectFrom('coop_announcement_extension').select('id').orderBy('id').executeTakeFirstOrThrow();
  return row.id;
}

async function holbaek(db: Db): Promise<number> {
  const row = await db.selectFrom('app_user').select('organisation_id').where('username', '=', 'demo-myndighed').executeTakeFirstOrThrow();
  return row.organisation_id;
}

const ann =
  (suffix = '') =>
  async (db: Db) =>
    `/api/announcements/${await openAnnouncement(db)}${suffix}`;
const page =
  (suffix = '') =>
  async (db: Db) =>
    `/samarbejde/udmeldinger/${await openAnnouncement(db)}${suffix}`;

export const accessExpectations: AccessExpectation[] = [
  { route: 'GET /api/announcements', url: '/api/announcements?area=sjaelland', allowed: SIGNED_IN },
  { route: 'POST /api/announcements', url: '/api/announcements', allowed: [...SECRETARIAT], note: 'no areas given: the actor’s own area' },
  { route: 'GET /api/announcements/:id', url: ann(), allowed: SIGNED_IN },
  { route: 'PUT /api/announcements/:id', url: ann(), allowed: [...SECRETARIAT] },
  { route: 'POST /api/announcements/:id/extensions', url: ann('/extensions'), allowed: [...SECRETARIAT] },
  { route: 'PUT /api/announcement-extensions/:id', url: async (db) => `/api/announcement-extensions/${await extension(db)}`, allowed: [...SECRETARIAT] },
  { route: 'GET /api/announcements/:id/answers/:organisationId', url: async (db) => `${await ann()(db)}/answers/${await holbaek(db)}`, allowed: SIGNED_IN },
  {
    route: 'PUT /api/announcements/:id/answers/:organisationId',
    url: async (db) => `${await ann()(db)}/answers/${await holbaek(db)}`,
    allowed: [...HOLBAEK],
    note: 'only Holbæk’s own users answer for Holbæk',
  },
  { route: 'GET /api/announcements/:id/areas/:area', url: ann('/areas/sjaelland'), allowed: SIGNED_IN },
  { route: 'PUT /api/announcements/:id/areas/:area/report', url: ann('/areas/sjaelland/report'), allowed: [...SECRETARIAT] },
  { route: 'POST /api/announcements/:id/areas/:area/sent', url: ann('/areas/sjaelland/sent'), allowed: [...SECRETARIAT] },
  { route: 'POST /api/announcements/:id/areas/:area/response', url: ann('/areas/sjaelland/response'), allowed: [...SECRETARIAT] },
  { route: 'GET /samarbejde/udmeldinger', url: '/samarbejde/udmeldinger?area=sjaelland', allowed: SIGNED_IN },
  { route: 'GET /samarbejde/udmeldinger/ny', url: '/samarbejde/udmeldinger/ny', allowed: [...SECRETARIAT] },
  { route: 'POST /samarbejde/udmeldinger/ny', url: '/samarbejde/udmeldinger/ny', allowed: [...SECRETARIAT], isForm: true },
  { route: 'GET /samarbejde/udmeldinger/:id', url: page(), allowed: SIGNED_IN },
  { route: 'GET /samarbejde/udmeldinger/:id/rediger', url: page('/rediger'), allowed: [...SECRETARIAT] },
  { route: 'POST /samarbejde/udmeldinger/:id/rediger', url: page('/rediger'), allowed: [...SECRETARIAT], isForm: true },
  { route: 'POST /samarbejde/udmeldinger/:id/frister', url: page('/frister'), allowed: [...SECRETARIAT], isForm: true },
  {
    route: 'POST /samarbejde/udmeldinger/frister/:id',
    url: async (db) => `/samarbejde/udmeldinger/frister/${await extension(db)}`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
  { route: 'GET /samarbejde/udmeldinger/:id/svar', url: page('/svar'), allowed: [...HOLBAEK] },
  { route: 'POST /samarbejde/udmeldinger/:id/svar', url: page('/svar'), allowed: [...HOLBAEK], isForm: true },
  { route: 'GET /samarbejde/udmeldinger/:id/omraader/:area', url: page('/omraader/sjaelland'), allowed: SIGNED_IN },
  { route: 'POST /samarbejde/udmeldinger/:id/omraader/:area/rapport', url: page('/omraader/sjaelland/rapport'), allowed: [...SECRETARIAT], isForm: true },
  { route: 'POST /samarbejde/udmeldinger/:id/omraader/:area/sendt', url: page('/omraader/sjaelland/sendt'), allowed: [...SECRETARIAT], isForm: true },
  {
    route: 'POST /samarbejde/udmeldinger/:id/omraader/:area/styrelsens-svar',
    url: page('/omraader/sjaelland/styrelsens-svar'),
    allowed: [...SECRETARIAT],
    isForm: true,
    note: 'the open announcement is not sent: the secretariat gets a 409 form, others 403',
  },
];
