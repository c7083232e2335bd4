/**
 * Access matrix entries for the protected offerings' watch and their dialogue cases (see src/testing/access.ts): every
 * signed-in user reads; only Sjælland's secretariat (demo-sekretariat) keeps the trigger rules, records notices, opens,
 * advances and closes cases; a party municipality's acting users (demo-myndighed, demo-tilbudsoekonomi: Holbæk)
 * answer for their own municipality (the demo case's offering is not operated by Holbæk, or the answer is refused).
 */
import type { Db } from '../../core/db/types.js';
import { SIGNED_IN, type AccessExpectation } from '../access.js';

const SECRETARIAT = ['sekretariat'] as const;
const HOLBAEK = ['myndighed', 'tilbudsoekonomi'] as const;

/** Sjælland's demo dialogue case (open). */
async function demoCase(db: Db): Promise<{ id: number; offeringId: number; isHolbaekOperator: boolean }> {
  const row = await db
    .selectFrom('coop_dialogue_case as c')
    .innerJoin('agreement_area as a', 'a.id', 'c.area_id')
    .innerJoin('offering as o', 'o.id', 'c.offering_id')
    .innerJoin('organisation as op', 'op.id', 'o.operator_org_id')
    .select(['c.id', 'c.offering_id', 'op.name'])
    .where('a.code', '=', 'sjaelland')
    .orderBy('c.id')
    .executeTakeFirstOrThrow();
  return { id: row.id, offeringId: row.offering_id, isHolbaekOperator: row.name.startsWith('Holbæk') };
}

async function sjaellandRule(db: Db): Promise<number> {
  const row = await db
    .selectFrom('coop_protection_trigger as r')
    .innerJoin('agreement_area as a', 'a.id', 'r.area_id')
    .select('r.id')
    .where('a.code', '=', 'sjaelland')
    .orderBy('r.id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const base = '/samarbejde/beskyttede-tilbud';

export const accessExpectations: AccessExpectation[] = [
  { route: 'GET /api/protected-offerings', url: '/api/protected-offerings?area=sjaelland', allowed: SIGNED_IN },
  { route: 'GET /api/dialogue-cases', url: '/api/dialogue-cases?area=sjaelland', allowed: SIGNED_IN },
  { route: `GET ${base}`, url: `${base}?area=sjaelland`, allowed: SIGNED_IN },
  { route: `GET ${base}/regler`, url: `${base}/regler?area=sjaelland`, allowed: SIGNED_IN },
  { route: `POST ${base}/regler`, url: `${base}/regler`, allowed: [...SECRETARIAT], isForm: true, note: 'no area given: the actor’s own area' },
  { route: `GET ${base}/regler/:id`, url: async (db) => `${base}/regler/${await sjaellandRule(db)}`, allowed: [...SECRETARIAT] },
  { route: `POST ${base}/regler/:id`, url: async (db) => `${base}/regler/${await sjaellandRule(db)}`, allowed: [...SECRETARIAT], isForm: true },
  { route: `GET ${base}/:id`, url: async (db) => `${base}/${(await demoCase(db)).offeringId}`, allowed: SIGNED_IN },
  { route: `POST ${base}/:id/varsel`, url: async (db) => `${base}/${(await demoCase(db)).offeringId}/varsel`, allowed: [...SECRETARIAT], isForm: true },
  { route: `POST ${base}/:id/dialogsag`, url: async (db) => `${base}/${(await demoCase(db)).offeringId}/dialogsag`, allowed: [...SECRETARIAT], isForm: true },
  { route: 'GET /samarbejde/dialogsager', url: '/samarbejde/dialogsager?area=sjaelland', allowed: SIGNED_IN },
  { route: 'GET /samarbejde/dialogsager/:id', url: async (db) => `/samarbejde/dialogsager/${(await demoCase(db)).id}`, allowed: SIGNED_IN },
  {
    route: 'POST /samarbejde/dialogsager/:id/trin',
    url: async (db) => `/samarbejde/dialogsager/${(await demoCase(db)).id}/trin`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
  {
    route: 'POST /samarbejde/dialogsager/:id/svar',
    url: async (db) => `/samarbejde/dialogsager/${(await demoCase(db)).id}/svar`,
    allowed: [...HOLBAEK],
    isForm: true,
    note: 'the actor answers for its own municipality, a party to the case',
  },
  {
    route: 'POST /samarbejde/dialogsager/:id/afslut',
    url: async (db) => `/samarbejde/dialogsager/${(await demoCase(db)).id}/afslut`,
    allowed: [...SECRETARIAT],
    isForm: true,
  },
];
