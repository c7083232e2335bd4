/** Access matrix entries for placements (see src/testing/access.ts). Holbæk (316) is demo-tilbudsoekonomi's and demo-myndighed's municipality. */
import type { Db } from '../../core/db/types.js';
import { SIGNED_IN, offeringOf, providerOffering, type AccessExpectation } from '../access.js';

/** A reservation on an offering Holbæk runs, made by another municipality (the seed always makes some). */
async function reservationOnHolbaek(db: Db): Promise<number> {
  const offeringId = await offeringOf(db, 316);
  const holbaek = await db.selectFrom('offering').select('operator_org_id').where('id', '=', offeringId).executeTakeFirstOrThrow();
  const row = await db
    .selectFrom('reservation as r')
    .innerJoin('offering as o', 'o.id', 'r.offering_id')
    .select('r.id')
    .where('o.operator_org_id', '=', holbaek.operator_org_id)
    .where('r.buyer_org_id', '<>', holbaek.operator_org_id)
    .orderBy('r.id')
    .executeTakeFirst();
  if (!row) throw new Error('The seed made no reservation on an offering Holbæk runs.');
  return row.id;
}

export const accessExpectations: AccessExpectation[] = [
  { route: 'GET /api/offerings/:id/vacancies', url: async (db) => `/api/offerings/${await offeringOf(db, 390)}/vacancies`, allowed: SIGNED_IN },
  {
    route: 'PUT /api/offerings/:id/vacancies',
    url: async (db) => `/api/offerings/${await offeringOf(db, 316)}/vacancies`,
    allowed: ['tilbudsoekonomi'],
    note: 'Holbæk’s own offering',
  },
  {
    route: 'PUT /api/offerings/:id/vacancies',
    url: async (db) => `/api/offerings/${await providerOffering(db)}/vacancies`,
    allowed: ['leverandoer'],
    note: 'the provider’s own offering',
  },
  { route: 'POST /api/offerings/:id/reservations', url: async (db) => `/api/offerings/${await offeringOf(db, 390)}/reservations`, allowed: ['myndighed'] },
  {
    route: 'POST /api/reservations/:id/decision',
    url: async (db) => `/api/reservations/${await reservationOnHolbaek(db)}/decision`,
    allowed: ['tilbudsoekonomi'],
    refusedAsNotFound: true,
  },
];
