/** Access matrix entries for placements (see src/testing/access.ts). Holbæk (316) is demo-tilbudsoekonomi's and demo-myndighed's municipality. */
import type { Db } from '../../core/db/types.js';
import { SIGNED_IN, offeringOf, providerOffering, type AccessExpectation } from '../access.js';

const ACTING = ['sekretariat', 'myndighed', 'tilbudsoekonomi', 'leverandoer'] as const;

async function orgOf(db: Db, username: string): Promise<number> {
  return (await db.selectFrom('app_user').select('organisation_id').where('username', '=', username).executeTakeFirstOrThrow()).organisation_id;
}

/** A reservation on an offering Holbæk runs, made by another municipality (the seed always makes some). */
async function reservationOnHolbaek(db: Db): Promise<number> {
  const holbaek = await orgOf(db, 'demo-tilbudsoekonomi');
  const row = await db
    .selectFrom('reservation as r')
    .innerJoin('offering as o', 'o.id', 'r.offering_id')
    .select('r.id')
    .where('o.operator_org_id', '=', holbaek)
    .where('r.buyer_org_id', '<>', holbaek)
    .orderBy('r.id')
    .executeTakeFirst();
  if (!row) throw new Error('The seed made no reservation on an offering Holbæk runs.');
  return row.id;
}

/** A reservation Holbæk (demo-myndighed) made on an offering another organisation runs. */
async function reservationByHolbaek(db: Db): Promise<number> {
  const holbaek = await orgOf(db, 'demo-myndighed');
  const provider = await orgOf(db, 'demo-leverandoer');
  const row = await db
    .selectFrom('reservation as r')
    .innerJoin('offering as o', 'o.id', 'r.offering_id')
    .select('r.id')
    .where('r.buyer_org_id', '=', holbaek)
    .where('o.operator_org_id', 'not in', [holbaek, provider])
    .orderBy('r.id')
    .executeTakeFirst();
  if (!row) throw new Error('The seed made no reservation by Holbæk.');
  return row.id;
}

/** A contract Holbæk (demo-myndighed) made with another organisation's offering. */
async function contractByHolbaek(db: Db): Promise<number> {
  const holbaek = await orgOf(db, 'demo-myndighed');
  const row = await db
    .selectFrom('contract as c')
    .innerJoin('offering as o', 'o.id', 'c.offering_id')
    .select('c.id')
    .where('c.buyer_org_id', '=', holbaek)
    .where('o.operator_org_id', '<>', holbaek)
    .orderBy('c.id')
    .executeTakeFirst();
  if (!row) throw new Error('The seed made no contract bought by Holbæk.');
  return row.id;
}

/** A contract another municipality made with one of Holbæk's offerings. */
async function contractOnHolbaek(db: Db): Promise<number> {
  const holbaek = await orgOf(db, 'demo-tilbudsoekonomi');
  const row = await db
    .selectFrom('contract as c')
    .innerJoin('offering as o', 'o.id', 'c.offering_id')
    .select('c.id')
    .where('o.operator_org_id', '=', holbaek)
    .where('c.buyer_org_id', '<>', holbaek)
    .orderBy('c.id')
    .executeTakeFirst();
  if (!row) throw new Error('The seed made no contract on an offering Holbæk runs.');
  return row.id;
}

const holbaekOffering = async (db: Db) => offeringOf(db, 316);

export const accessExpectations: AccessExpectation[] = [
  { route: 'GET /api/offerings/:id/vacancies', url: async (db) => `/api/offerings/${await offeringOf(db, 390)}/vacancies`, allowed: SIGNED_IN },
  {
    route: 'PUT /api/offerings/:id/vacancies',
    url: async (db) => `/api/offerings/${await holbaekOffering(db)}/vacancies`,
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
  {
    route: 'GET /api/contracts/:id',
    url: async (db) => `/api/contracts/${await contractByHolbaek(db)}`,
    allowed: ['sekretariat', 'myndighed'],
    refusedAsNotFound: true,
  },
  {
    route: 'POST /api/reservations/:id/contract',
    url: async (db) => `/api/reservations/${await reservationByHolbaek(db)}/contract`,
    allowed: ['myndighed'],
    refusedAsNotFound: true,
  },
  {
    route: 'PUT /api/contracts/:id/public-first-check',
    url: async (db) => `/api/contracts/${await contractByHolbaek(db)}/public-first-check`,
    allowed: ['myndighed'],
    refusedAsNotFound: true,
  },
  {
    route: 'POST /api/contracts/:id/send',
    url: async (db) => `/api/contracts/${await contractByHolbaek(db)}/send`,
    allowed: ['myndighed'],
    refusedAsNotFound: true,
  },
  {
    route: 'POST /api/contracts/:id/accept',
    url: async (db) => `/api/contracts/${await contractOnHolbaek(db)}/accept`,
    allowed: ['tilbudsoekonomi'],
    refusedAsNotFound: true,
  },
  { route: 'GET /api/contracts', url: '/api/contracts', allowed: [...ACTING, 'laeser'], note: 'the reader gets counts only' },
  {
    route: 'PUT /api/contracts/:id/terms',
    url: async (db) => `/api/contracts/${await contractByHolbaek(db)}/terms`,
    allowed: ['myndighed'],
    refusedAsNotFound: true,
  },
  {
    route: 'POST /api/contracts/:id/notice',
    url: async (db) => `/api/contracts/${await contractByHolbaek(db)}/notice`,
    allowed: ['myndighed'],
    refusedAsNotFound: true,
    note: 'Holbæk’s purchase from another organisation: Holbæk’s operator is no party',
  },
  {
    route: 'POST /api/contracts/:id/notice',
    url: async (db) => `/api/contracts/${await contractOnHolbaek(db)}/notice`,
    allowed: ['tilbudsoekonomi'],
    refusedAsNotFound: true,
    note: 'another municipality’s purchase from Holbæk: the operator is the party',
  },
  {
    route: 'POST /api/contracts/:id/amendments',
    url: async (db) => `/api/contracts/${await contractByHolbaek(db)}/amendments`,
    allowed: ['myndighed'],
    refusedAsNotFound: true,
  },
  { route: 'GET /pladser', url: '/pladser', allowed: [...ACTING] },
  { route: 'GET /pladser/kontrakter', url: '/pladser/kontrakter', allowed: [...ACTING, 'laeser'], note: 'the reader sees counts only' },
  { route: 'GET /pladser/kontrakter/import', url: '/pladser/kontrakter/import', allowed: ['myndighed'] },
  { route: 'POST /pladser/kontrakter/import', url: '/pladser/kontrakter/import', allowed: ['myndighed'], isForm: true },
  { route: 'POST /api/contracts/import', url: '/api/contracts/import', allowed: ['myndighed'] },
  {
    route: 'GET /pladser/kontrakter/:id',
    url: async (db) => `/pladser/kontrakter/${await contractByHolbaek(db)}`,
    allowed: ['sekretariat', 'myndighed'],
    refusedAsNotFound: true,
  },
  {
    route: 'GET /pladser/kontrakter/:id/kontrakt.pdf',
    url: async (db) => `/pladser/kontrakter/${await contractOnHolbaek(db)}/kontrakt.pdf`,
    allowed: ['sekretariat', 'tilbudsoekonomi'],
    refusedAsNotFound: true,
  },
  {
    route: 'GET /pladser/kontrakter/:id/vilkaar',
    url: async (db) => `/pladser/kontrakter/${await contractByHolbaek(db)}/vilkaar`,
    allowed: ['myndighed'],
    refusedAsNotFound: true,
  },
  ...['vilkaar', 'tjek', 'send', 'tillaeg'].map((action) => ({
    route: `POST /pladser/kontrakter/:id/${action}`,
    url: async (db: Db) => `/pladser/kontrakter/${await contractByHolbaek(db)}/${action}`,
    allowed: ['myndighed'] as AccessExpectation['allowed'],
    isForm: true,
    refusedAsNotFound: true,
  })),
  {
    route: 'POST /pladser/kontrakter/:id/accepter',
    url: async (db) => `/pladser/kontrakter/${await contractOnHolbaek(db)}/accepter`,
    allowed: ['tilbudsoekonomi'],
    isForm: true,
    refusedAsNotFound: true,
  },
  {
    route: 'POST /pladser/kontrakter/:id/opsig',
    url: async (db) => `/pladser/kontrakter/${await contractOnHolbaek(db)}/opsig`,
    allowed: ['tilbudsoekonomi'],
    isForm: true,
    refusedAsNotFound: true,
  },
  {
    route: 'POST /pladser/reservationer/:id/kontrakt',
    url: async (db) => `/pladser/reservationer/${await reservationByHolbaek(db)}/kontrakt`,
    allowed: ['myndighed'],
    isForm: true,
    refusedAsNotFound: true,
  },
  { route: 'GET /pladser/tilbud/:id', url: async (db) => `/pladser/tilbud/${await holbaekOffering(db)}`, allowed: ['tilbudsoekonomi'] },
  { route: 'POST /pladser/tilbud/:id', url: async (db) => `/pladser/tilbud/${await holbaekOffering(db)}`, allowed: ['tilbudsoekonomi'], isForm: true },
  {
    route: 'POST /pladser/tilbud/:id/bekraeft',
    url: async (db) => `/pladser/tilbud/${await holbaekOffering(db)}/bekraeft`,
    allowed: ['tilbudsoekonomi'],
    isForm: true,
  },
  { route: 'GET /pladser/foraeldede', url: '/pladser/foraeldede', allowed: ['sekretariat'] },
  { route: 'GET /pladser/soeg', url: '/pladser/soeg?soeg=1&onlyFree=on', allowed: ['myndighed'] },
  { route: 'GET /pladser/tilbud/:id/reserver', url: async (db) => `/pladser/tilbud/${await offeringOf(db, 390)}/reserver`, allowed: ['myndighed'] },
  {
    route: 'POST /pladser/tilbud/:id/reserver',
    url: async (db) => `/pladser/tilbud/${await offeringOf(db, 390)}/reserver`,
    allowed: ['myndighed'],
    isForm: true,
  },
  { route: 'GET /pladser/reservationer', url: '/pladser/reservationer', allowed: [...ACTING] },
  {
    route: 'GET /pladser/reservationer/:id',
    url: async (db) => `/pladser/reservationer/${await reservationOnHolbaek(db)}`,
    allowed: ['sekretariat', 'tilbudsoekonomi'],
    refusedAsNotFound: true,
    note: 'another municipality’s reservation on Holbæk’s offering',
  },
  {
    route: 'GET /pladser/reservationer/:id',
    url: async (db) => `/pladser/reservationer/${await reservationByHolbaek(db)}`,
    allowed: ['sekretariat', 'myndighed'],
    refusedAsNotFound: true,
    note: 'Holbæk’s own reservation',
  },
  {
    route: 'POST /pladser/reservationer/:id/bekraeft',
    url: async (db) => `/pladser/reservationer/${await reservationOnHolbaek(db)}/bekraeft`,
    allowed: ['tilbudsoekonomi'],
    isForm: true,
    refusedAsNotFound: true,
  },
  {
    route: 'POST /pladser/reservationer/:id/afvis',
    url: async (db) => `/pladser/reservationer/${await reservationOnHolbaek(db)}/afvis`,
    allowed: ['tilbudsoekonomi'],
    isForm: true,
    refusedAsNotFound: true,
  },
  {
    route: 'POST /pladser/reservationer/:id/annuller',
    url: async (db) => `/pladser/reservationer/${await reservationByHolbaek(db)}/annuller`,
    allowed: ['myndighed'],
    isForm: true,
    refusedAsNotFound: true,
  },
];
