/**
 * Access matrix entries for tariffs (see testing/access.ts). Published tariffs and overviews are public;
 * drafts belong to the operating organisation (Holbæk, 316, is demo-tilbudsoekonomi's) and the area's
 * secretariat; only the secretariat approves, returns and publishes. Fixtures that a write may consume (a draft
 * submitted or deleted) are made per entry, each in a tariff year of its own.
 */
import { sql } from 'kysely';
import { systemClock } from '../../core/clock.js';
import type { Db } from '../../core/db/types.js';
import { ALL, SIGNED_IN, offeringOf, type AccessExpectation } from '../access.js';

const YEAR = Number(systemClock.today().slice(0, 4));
const ROUND = YEAR + 1;

/** This year's published version of a Sjælland offering. */
async function published(db: Db): Promise<number> {
  const r = await db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .select('v.id')
    .where('t.year', '=', YEAR)
    .where('v.status', '=', 'offentliggjort')
    .where('v.superseded_at', 'is', null)
    .orderBy('v.id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A submitted (or approved) version waiting for the secretariat. */
async function pending(db: Db, status: 'indsendt' | 'godkendt' = 'indsendt'): Promise<number> {
  const r = await db.selectFrom('tariff_version').select('id').where('status', '=', status).orderBy('id').executeTakeFirst();
  if (!r) throw new Error(`The demo has no ${status} tariff; the seed must leave some in the round.`);
  return r.id;
}

/**
 * A draft of Holbæk's first offering in a tariff year of its own, copied from this year's published calculation.
 * `wasSubmitted`: it went to the secretariat and came back, so it can no longer be deleted (the walk keeps it).
 */
async function holbaekDraft(db: Db, year: number, wasSubmitted = false): Promise<number> {
  const offeringId = await offeringOf(db, 316);
  const existing = await db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .select('v.id')
    .where('t.offering_id', '=', offeringId)
    .where('t.year', '=', year)
    .executeTakeFirst();
  if (existing) return existing.id;
  const source = await db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .select(['v.id', 't.area_id'])
    .where('t.offering_id', '=', offeringId)
    .where('v.status', '=', 'offentliggjort')
    .orderBy('t.year', 'desc')
    .executeTakeFirstOrThrow();
  const tariff = await db.insertInto('tariff').values({ offering_id: offeringId, year, area_id: source.area_id }).returning('id').executeTakeFirstOrThrow();
  const cols = sql.raw('unit, input, rules, basis, overhead, overhead_pct, occupancy_pct_used, occupancy_source, capacity_units, average_tariff, warnings');
  const v = await sql<{ id: number }>`
    insert into tariff_version (tariff_id, version, status, created_by, ${cols})
    select ${tariff.id}, 1, 'kladde', 'access-matrix', ${cols} from tariff_version where id = ${source.id} returning id`.execute(db);
  const id = v.rows[0]!.id;
  await sql`insert into tariff_level select ${id}, sort, name, weight, share, tariff from tariff_level where version_id = ${source.id}`.execute(db);
  if (wasSubmitted)
    await db.updateTable('tariff_version').set({ submitted_at: systemClock.now(), submitted_by: 'access-matrix' }).where('id', '=', id).execute();
  return id;
}

const OWNER_AND_SECRETARIAT = ['sekretariat', 'tilbudsoekonomi'] as const;

// An unpublished version is hidden from everyone but its operator and the area's secretariat: they get 404 (401 when
// not signed in), so those entries count a 404 as a refusal.

export const accessExpectations: AccessExpectation[] = [
  // Public: the calculation, published tariffs, overviews, rules.
  { route: 'POST /api/tariffs/calculate', url: '/api/tariffs/calculate', allowed: ALL, note: 'an empty body fails validation for everyone' },
  { route: 'GET /api/tariffs', url: '/api/tariffs', allowed: ALL, note: 'anonymous callers see published tariffs only' },
  { route: 'GET /api/tariffs/rules', url: '/api/tariffs/rules', allowed: ALL },
  { route: 'GET /api/tariffs/overview/:area/:year', url: `/api/tariffs/overview/sjaelland/${YEAR}`, allowed: ALL },
  { route: 'GET /api/tariffs/:id', url: async (db) => `/api/tariffs/${await published(db)}`, allowed: ALL, note: 'a published tariff' },
  {
    route: 'GET /api/tariffs/:id',
    url: async (db) => `/api/tariffs/${await holbaekDraft(db, ROUND + 1)}`,
    allowed: [...OWNER_AND_SECRETARIAT],
    note: 'Holbæk’s draft',
    refusedAsNotFound: true,
  },
  { route: 'GET /takster', url: '/takster', allowed: ALL },
  { route: 'GET /takster/regler', url: '/takster/regler', allowed: ALL },
  {
    route: 'GET /takster/tilbud/:offeringId',
    url: async (db) => `/takster/tilbud/${await offeringOf(db, 316)}`,
    allowed: SIGNED_IN,
    note: 'an offering of the register: signed-in users only',
  },
  {
    route: 'GET /takster/oversigt/:area/:year',
    url: `/takster/oversigt/sjaelland/${YEAR}?forhaandsvisning=1`,
    allowed: ALL,
    note: 'published; the preview is the secretariat’s only',
  },
  { route: 'GET /takster/oversigt/:area/:year/eksport.csv', url: `/takster/oversigt/sjaelland/${YEAR}/eksport.csv`, allowed: ALL },
  { route: 'GET /takster/oversigt/:area/:year/eksport.xlsx', url: `/takster/oversigt/sjaelland/${YEAR}/eksport.xlsx`, allowed: ALL },
  { route: 'GET /takster/:id', url: async (db) => `/takster/${await published(db)}`, allowed: ALL, note: 'a published tariff' },
  {
    route: 'GET /takster/:id',
    url: async (db) => `/takster/${await holbaekDraft(db, ROUND + 1)}`,
    allowed: [...OWNER_AND_SECRETARIAT],
    note: 'Holbæk’s draft',
    refusedAsNotFound: true,
  },
  { route: 'POST /takster/:id/hvis', url: async (db) => `/takster/${await published(db)}/hvis`, allowed: ALL, isForm: true, payload: { occupancyPct: '97' } },

  // The increase watch: signed-in users read.
  { route: 'GET /takster/indberetning', url: '/takster/indberetning?area=sjaelland', allowed: SIGNED_IN },
  { route: 'GET /takster/indberetning/eksport.csv', url: '/takster/indberetning/eksport.csv?area=sjaelland', allowed: SIGNED_IN },
  { route: 'GET /takster/styregruppe', url: '/takster/styregruppe?area=sjaelland', allowed: SIGNED_IN },
  {
    route: 'POST /takster/indberetning/sendt',
    url: '/takster/indberetning/sendt',
    allowed: ['sekretariat'],
    isForm: true,
    payload: { area: 'sjaelland', periode: `${YEAR - 2}-1`, sentBy: 'Sekretariatet' },
    note: 'without a date the form is refused as input',
  },

  // The operator's editor for its own offering.
  {
    route: 'GET /takster/tilbud/:offeringId/:year/ny',
    url: async (db) => `/takster/tilbud/${await offeringOf(db, 316)}/${ROUND}/ny`,
    allowed: ['tilbudsoekonomi'],
  },
  {
    route: 'GET /takster/tilbud/:offeringId/:year/ny',
    url: async (db) => `/takster/tilbud/${await offeringOf(db, 390)}/${ROUND}/ny`,
    allowed: [],
    note: 'another municipality’s offering',
  },
  {
    route: 'POST /takster/tilbud/:offeringId/:year/ny',
    url: async (db) => `/takster/tilbud/${await offeringOf(db, 316)}/${ROUND}/ny`,
    allowed: ['tilbudsoekonomi'],
    isForm: true,
  },
  {
    route: 'POST /takster/forhaandsvisning/:offeringId/:year',
    url: async (db) => `/takster/forhaandsvisning/${await offeringOf(db, 316)}/${ROUND}`,
    allowed: ['tilbudsoekonomi'],
    isForm: true,
  },
  {
    route: 'GET /takster/:id/rediger',
    url: async (db) => `/takster/${await holbaekDraft(db, ROUND + 1)}/rediger`,
    allowed: ['tilbudsoekonomi'],
    refusedAsNotFound: true,
  },
  {
    route: 'POST /takster/:id/rediger',
    url: async (db) => `/takster/${await holbaekDraft(db, ROUND + 1)}/rediger`,
    allowed: ['tilbudsoekonomi'],
    isForm: true,
    payload: { handling: 'gem', places: 'mange' },
    refusedAsNotFound: true,
  },
  {
    route: 'POST /takster/:id/indsend',
    url: async (db) => `/takster/${await holbaekDraft(db, ROUND + 2)}/indsend`,
    allowed: ['tilbudsoekonomi'],
    isForm: true,
    refusedAsNotFound: true,
  },
  {
    route: 'POST /takster/:id/slet',
    url: async (db) => `/takster/${await holbaekDraft(db, ROUND + 3, true)}/slet`,
    allowed: ['tilbudsoekonomi'],
    isForm: true,
    note: 'once submitted it cannot be deleted: 409 for the owner',
    refusedAsNotFound: true,
  },
  {
    route: 'POST /api/tariffs',
    url: '/api/tariffs',
    allowed: ['tilbudsoekonomi', 'leverandoer'],
    note: 'an empty body fails validation; the offering decides the organisation',
  },
  {
    route: 'PUT /api/tariffs/:id',
    url: async (db) => `/api/tariffs/${await holbaekDraft(db, ROUND + 4)}`,
    allowed: ['tilbudsoekonomi'],
    payload: { places: 'mange' },
    refusedAsNotFound: true,
  },
  {
    route: 'POST /api/tariffs/:id/submit',
    url: async (db) => `/api/tariffs/${await holbaekDraft(db, ROUND + 5)}/submit`,
    allowed: ['tilbudsoekonomi'],
    refusedAsNotFound: true,
  },
  {
    route: 'DELETE /api/tariffs/:id',
    url: async (db) => `/api/tariffs/${await holbaekDraft(db, ROUND + 6, true)}`,
    allowed: ['tilbudsoekonomi'],
    note: 'once submitted it cannot be deleted: 409 for the owner',
    refusedAsNotFound: true,
  },

  // The secretariat of the area approves, returns and publishes.
  {
    route: 'POST /takster/:id/godkend',
    url: async (db) => `/takster/${await pending(db)}/godkend`,
    allowed: ['sekretariat'],
    isForm: true,
    refusedAsNotFound: true,
  },
  {
    route: 'POST /takster/:id/returner',
    url: async (db) => `/takster/${await pending(db)}/returner`,
    allowed: ['sekretariat'],
    isForm: true,
    note: 'an empty comment is refused as input',
    refusedAsNotFound: true,
  },
  { route: 'POST /api/tariffs/:id/approve', url: async (db) => `/api/tariffs/${await pending(db)}/approve`, allowed: ['sekretariat'], refusedAsNotFound: true },
  {
    route: 'POST /api/tariffs/:id/return',
    url: async (db) => `/api/tariffs/${await pending(db, 'godkendt')}/return`,
    allowed: ['sekretariat'],
    note: 'an empty comment is refused as input',
    refusedAsNotFound: true,
  },
  { route: 'POST /api/tariffs/publish', url: '/api/tariffs/publish', allowed: ['sekretariat'], note: 'an empty body fails validation' },
  {
    route: 'GET /takster/oversigt/:area/:year/offentliggoer',
    url: `/takster/oversigt/sjaelland/${YEAR}/offentliggoer`,
    allowed: ['sekretariat'],
    note: 'the confirmation page before publishing',
  },
  {
    route: 'GET /takster/oversigt/:area/:year/status/:state',
    url: `/takster/oversigt/sjaelland/${YEAR}/status/indsendt`,
    allowed: ['sekretariat'],
    note: 'whom to chase in the round',
  },
  {
    route: 'POST /takster/oversigt/:area/:year/offentliggoer',
    url: `/takster/oversigt/sjaelland/${YEAR}/offentliggoer`,
    allowed: ['sekretariat'],
    isForm: true,
    note: 'nothing approved for this year: a 400 page',
  },
];
