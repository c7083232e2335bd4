/**
 * Access matrix entries for the joint consultations (see src/testing/access.ts): every signed-in user reads; a
 * member municipality's acting users (demo-myndighed, demo-tilbudsoekonomi: Holbæk) open a case and answer for
 * their own municipality; the opening municipality closes it (demo data: the finished closure, opened by Holbæk).
 */
import type { Db } from '../../core/db/types.js';
import { SIGNED_IN, type AccessExpectation } from '../access.js';

const HOLBAEK = ['myndighed', 'tilbudsoekonomi'] as const;

/** The demo data's open inquiry (opened by Næstved; Holbæk has not answered). */
async function openInquiry(db: Db): Promise<number> {
  const row = await db.selectFrom('coop_consultation').select('id').where('kind', '=', 'enkeltmandstilbud').orderBy('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The demo data's finished closure consultation (opened by the offering's operator, Holbæk). */
async function closure(db: Db): Promise<number> {
  const row = await db.selectFrom('coop_consultation').select('id').where('kind', '=', 'lukning').orderBy('id').executeTakeFirstOrThrow();
  return row.id;
}

async function holbaek(db: Db): Promise<number> {
  const row = await db.selectFrom('app_user').select('organisation_id').where('username', '=', 'demo-myndighed').executeTakeFirstOrThrow();
  return row.organisation_id;
}

export const accessExpectations: AccessExpectation[] = [
  { route: 'GET /api/consultations', url: '/api/consultations?area=sjaelland', allowed: SIGNED_IN },
  { route: 'POST /api/consultations', url: '/api/consultations', allowed: [...HOLBAEK], note: 'no area given: the actor’s own area' },
  { route: 'GET /api/consultations/:id', url: async (db) => `/api/consultations/${await openInquiry(db)}`, allowed: SIGNED_IN },
  {
    route: 'PUT /api/consultations/:id/answers/:organisationId',
    url: async (db) => `/api/consultations/${await openInquiry(db)}/answers/${await holbaek(db)}`,
    allowed: [...HOLBAEK],
    note: 'only Holbæk’s own acting users answer for Holbæk',
  },
  { route: 'POST /api/consultations/:id/close', url: async (db) => `/api/consultations/${await closure(db)}/close`, allowed: [...HOLBAEK] },
  { route: 'GET /samarbejde/droeftelser', url: '/samarbejde/droeftelser?area=sjaelland', allowed: SIGNED_IN },
  { route: 'GET /samarbejde/droeftelser/ny', url: '/samarbejde/droeftelser/ny', allowed: [...HOLBAEK] },
  { route: 'POST /samarbejde/droeftelser/ny', url: '/samarbejde/droeftelser/ny', allowed: [...HOLBAEK], isForm: true },
  { route: 'GET /samarbejde/droeftelser/:id', url: async (db) => `/samarbejde/droeftelser/${await openInquiry(db)}`, allowed: SIGNED_IN },
  {
    route: 'POST /samarbejde/droeftelser/:id/svar',
    url: async (db) => `/samarbejde/droeftelser/${await openInquiry(db)}/svar`,
    allowed: [...HOLBAEK],
    isForm: true,
    note: 'the actor answers for its own municipality',
  },
  { route: 'GET /samarbejde/droeftelser/:id/afslut', url: async (db) => `/samarbejde/droeftelser/${await closure(db)}/afslut`, allowed: [...HOLBAEK] },
  {
    route: 'POST /samarbejde/droeftelser/:id/afslut',
    url: async (db) => `/samarbejde/droeftelser/${await closure(db)}/afslut`,
    allowed: [...HOLBAEK],
    isForm: true,
  },
];
