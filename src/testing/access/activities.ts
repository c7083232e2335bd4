/**
 * Access matrix entries for the cooperation's activities and projects (see src/testing/access.ts): every signed-in user reads
 * them; the secretariat of the area (demo-sekretariat: Sjælland) records and changes them.
 */
import type { Db } from '../../core/db/types.js';
import { SIGNED_IN, type AccessExpectation } from '../access.js';

const SECRETARIAT = ['sekretariat'] as const;

/** An activity of Sjælland (the demo data has some; else one is recorded here). */
async function sjaellandActivity(db: Db): Promise<number> {
  const area = await db.selectFrom('agreement_area').select('id').where('code', '=', 'sjaelland').executeTakeFirstOrThrow();
  const found = await db.selectFrom('coop_activity').select('id').where('area_id', '=', area.id).orderBy('id').executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('coop_activity')
    .values({
      area_id: area.id,
      kind: 'temadag',
      title: 'Temadag',
      audience: null,
      starts_on: '2023-03-01',
      ends_on: null,
      organisers: 'Styregruppen',
      place: null,
      registrations: null,
      participants: null,
      evaluation: null,
      focus_area_id: null,
      created_by: 'system',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A project of Sjælland (the demo data has some; else one is recorded here). */
async function sjaellandProject(db: Db): Promise<number> {
  const area = await db.selectFrom('agreement_area').select('id').where('code', '=', 'sjaelland').executeTakeFirstOrThrow();
  const found = await db.selectFrom('coop_project').select('id').where('area_id', '=', area.id).orderBy('id').executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('coop_project')
    .values({
      area_id: area.id,
      title: 'Projekt',
      purpose: 'Formål',
      owner: 'Styregruppen',
      starts_on: '2023-01-01',
      ends_on: null,
      status: 'igang',
      results: null,
      evaluation: null,
      focus_area_id: null,
      created_by: 'system',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const accessExpectations: AccessExpectation[] = [
  { route: 'GET /api/activities', url: '/api/activities?area=sjaelland&year=2023', allowed: SIGNED_IN },
  { route: 'GET /api/activities/:id', url: async (db) => `/api/activities/${await sjaellandActivity(db)}`, allowed: SIGNED_IN },
  { route: 'POST /api/activities', url: '/api/activities', allowed: [...SECRETARIAT], note: 'no area: the check any secretariat passes' },
  { route: 'PUT /api/activities/:id', url: async (db) => `/api/activities/${await sjaellandActivity(db)}`, allowed: [...SECRETARIAT] },
  { route: 'GET /samarbejde/aktiviteter', url: '/samarbejde/aktiviteter?area=sjaelland&year=2023', allowed: SIGNED_IN },
  { route: 'GET /samarbejde/aktiviteter/ny', url: '/samarbejde/aktiviteter/ny?area=sjaelland', allowed: [...SECRETARIAT] },
  { route: 'POST /samarbejde/aktiviteter/ny', url: '/samarbejde/aktiviteter/ny', allowed: [...SECRETARIAT], isForm: true, payload: { areaCode: 'sjaelland' } },
  { route: 'GET /samarbejde/aktiviteter/:id', url: async (db) => `/samarbejde/aktiviteter/${await sjaellandActivity(db)}`, allowed: SIGNED_IN },
  { route: 'GET /samarbejde/aktiviteter/:id/ret', url: async (db) => `/samarbejde/aktiviteter/${await sjaellandActivity(db)}/ret`, allowed: [...SECRETARIAT] },
  {
    route: 'POST /samarbejde/aktiviteter/:id/ret',
    url: async (db) => `/samarbejde/aktiviteter/${await sjaellandActivity(db)}/ret`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
  { route: 'GET /api/activities/:id/survey', url: async (db) => `/api/activities/${await sjaellandActivity(db)}/survey`, allowed: SIGNED_IN },
  { route: 'PUT /api/activities/:id/survey', url: async (db) => `/api/activities/${await sjaellandActivity(db)}/survey`, allowed: [...SECRETARIAT] },
  {
    route: 'GET /samarbejde/aktiviteter/:id/evaluering',
    url: async (db) => `/samarbejde/aktiviteter/${await sjaellandActivity(db)}/evaluering`,
    allowed: [...SECRETARIAT],
  },
  {
    route: 'POST /samarbejde/aktiviteter/:id/evaluering',
    url: async (db) => `/samarbejde/aktiviteter/${await sjaellandActivity(db)}/evaluering`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
  { route: 'GET /api/yearly-report', url: '/api/yearly-report?area=sjaelland&year=2023', allowed: SIGNED_IN },
  { route: 'GET /samarbejde/aarsrapport', url: '/samarbejde/aarsrapport?area=sjaelland&year=2023', allowed: SIGNED_IN },
  { route: 'GET /api/projects', url: '/api/projects?area=sjaelland&year=2023', allowed: SIGNED_IN },
  { route: 'GET /api/projects/:id', url: async (db) => `/api/projects/${await sjaellandProject(db)}`, allowed: SIGNED_IN },
  { route: 'POST /api/projects', url: '/api/projects', allowed: [...SECRETARIAT], note: 'no area: the check any secretariat passes' },
  { route: 'PUT /api/projects/:id', url: async (db) => `/api/projects/${await sjaellandProject(db)}`, allowed: [...SECRETARIAT] },
  { route: 'GET /samarbejde/projekter', url: '/samarbejde/projekter?area=sjaelland', allowed: SIGNED_IN },
  { route: 'GET /samarbejde/projekter/nyt', url: '/samarbejde/projekter/nyt?area=sjaelland', allowed: [...SECRETARIAT] },
  { route: 'POST /samarbejde/projekter/nyt', url: '/samarbejde/projekter/nyt', allowed: [...SECRETARIAT], isForm: true, payload: { areaCode: 'sjaelland' } },
  { route: 'GET /samarbejde/projekter/:id', url: async (db) => `/samarbejde/projekter/${await sjaellandProject(db)}`, allowed: SIGNED_IN },
  { route: 'GET /samarbejde/projekter/:id/ret', url: async (db) => `/samarbejde/projekter/${await sjaellandProject(db)}/ret`, allowed: [...SECRETARIAT] },
  {
    route: 'POST /samarbejde/projekter/:id/ret',
    url: async (db) => `/samarbejde/projekter/${await sjaellandProject(db)}/ret`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
];
