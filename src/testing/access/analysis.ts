/**
 * Access matrix entries for analysis (see src/testing/access.ts): the split and the forecast are open to anyone; the
 * data, benchmarks and forecasts to every signed-in user; importing to the secretariat.
 */
import type { Db } from '../../core/db/types.js';
import { ALL, SIGNED_IN, type AccessExpectation } from '../access.js';

/** Sjælland's secretariat and the users of its member municipalities, the administrator too (not the private provider). */
const AREA = ['sekretariat', 'myndighed', 'tilbudsoekonomi', 'laeser', 'administrator'] as const;
/** Holbæk's users who act for it. */
const HOLBAEK = ['myndighed', 'tilbudsoekonomi'] as const;

async function holbaek(db: Db): Promise<number> {
  const row = await db.selectFrom('app_user').select('organisation_id').where('username', '=', 'demo-myndighed').executeTakeFirstOrThrow();
  return row.organisation_id;
}

export const accessExpectations: AccessExpectation[] = [
  { route: 'POST /api/analysis/decompose', url: '/api/analysis/decompose', allowed: ALL, note: 'an empty body fails validation for everyone' },
  { route: 'POST /api/analysis/forecast', url: '/api/analysis/forecast', allowed: ALL, note: 'an empty body fails validation for everyone' },
  {
    route: 'POST /api/analysis/imports',
    url: '/api/analysis/imports',
    allowed: ['sekretariat'],
    note: 'a body that is not multipart fails for the secretariat',
  },
  { route: 'GET /api/analysis/series', url: '/api/analysis/series', allowed: SIGNED_IN },
  { route: 'GET /api/analysis/benchmarks', url: '/api/analysis/benchmarks', allowed: SIGNED_IN },
  { route: 'GET /api/analysis/sources', url: '/api/analysis/sources?group=voksne-botilbud&municipality=316&year=2024', allowed: SIGNED_IN },
  { route: 'GET /analyse', url: '/analyse', allowed: SIGNED_IN },
  { route: 'GET /analyse/benchmark', url: '/analyse/benchmark', allowed: SIGNED_IN },
  { route: 'GET /analyse/vaekst', url: '/analyse/vaekst', allowed: SIGNED_IN },
  { route: 'GET /analyse/prognose', url: '/analyse/prognose', allowed: SIGNED_IN },
  { route: 'GET /analyse/kilder', url: '/analyse/kilder?group=voksne-botilbud&municipality=316&year=2024', allowed: SIGNED_IN },
  { route: 'GET /analyse/data', url: '/analyse/data', allowed: SIGNED_IN },
  { route: 'POST /analyse/data', url: '/analyse/data', allowed: ['sekretariat'], isForm: true },
  { route: 'GET /api/analysis/capacity', url: '/api/analysis/capacity?area=sjaelland', allowed: [...AREA], note: 'the area’s secretariat and members' },
  { route: 'GET /analyse/kapacitet', url: '/analyse/kapacitet?area=sjaelland', allowed: [...AREA] },
  { route: 'GET /analyse/kapacitet/rapport', url: '/analyse/kapacitet/rapport?area=sjaelland', allowed: [...AREA] },
  { route: 'GET /analyse/redegoerelse', url: '/analyse/redegoerelse?area=sjaelland', allowed: [...AREA] },
  { route: 'GET /api/analysis/assessments', url: '/api/analysis/assessments?area=sjaelland', allowed: [...AREA] },
  { route: 'GET /analyse/redegoerelse/kommune', url: '/analyse/redegoerelse/kommune', allowed: [...HOLBAEK], note: 'the actor’s own municipality' },
  { route: 'POST /analyse/redegoerelse/kommune', url: '/analyse/redegoerelse/kommune', allowed: [...HOLBAEK], isForm: true },
  {
    route: 'PUT /api/analysis/assessments/:organisationId/:year',
    url: async (db) => `/api/analysis/assessments/${await holbaek(db)}/${new Date().getUTCFullYear()}`,
    allowed: [...HOLBAEK],
    note: 'only Holbæk’s own users answer for Holbæk; an empty body fails validation',
  },
  { route: 'GET /analyse/kapacitet/raekker', url: '/analyse/kapacitet/raekker?area=sjaelland', allowed: [...AREA] },
];
