/**
 * @module The access matrix: for every route, which kinds of user may use it. Each capability lists its
 * routes in a `*.access.ts` file; src/core/http/access-matrix.test.ts walks them all for every role and
 * fails when a registered route has no entry.
 */
import type { Db } from '../core/db/types.js';

export const WHO = ['anonym', 'sekretariat', 'myndighed', 'tilbudsoekonomi', 'leverandoer', 'laeser', 'administrator'] as const;
export type Who = (typeof WHO)[number];

/** The demo user who plays each role in the walk (anonym = not signed in). */
export const USER_FOR: Record<Who, string | null> = {
  anonym: null,
  sekretariat: 'demo-sekretariat',
  myndighed: 'demo-myndighed',
  tilbudsoekonomi: 'demo-tilbudsoekonomi',
  leverandoer: 'demo-leverandoer',
  laeser: 'demo-laeser',
  administrator: 'demo-admin',
};

export const ALL: Who[] = [...WHO];
export const SIGNED_IN: Who[] = WHO.filter((w) => w !== 'anonym');

export type AccessExpectation = {
  /** As registered: 'GET /tilbud/:id'. */
  route: string;
  /** A concrete URL to call; may look up a fixture (e.g. an offering run by Holbæk). */
  url: string | ((db: Db) => Promise<string>);
  /** Who gets through the access check (anything but 401, 403 or a redirect to the login page). */
  allowed: Who[];
  /** Body to send on writes; defaults to an empty object (which must fail validation, not access, for allowed users). */
  payload?: Record<string, unknown>;
  /** Send as a form instead of JSON. */
  isForm?: boolean;
  /** The record is hidden from those refused (it may not be seen): a 404 counts as a refusal on this entry. */
  refusedAsNotFound?: boolean;
  note?: string;
};

/** An offering run by the given municipality (by code) and located there. */
export async function offeringOf(db: Db, municipalityCode: number): Promise<number> {
  const row = await db
    .selectFrom('offering as o')
    .innerJoin('organisation as org', 'org.id', 'o.operator_org_id')
    .select('o.id')
    .where('org.municipality_code', '=', municipalityCode)
    .where('o.municipality_code', '=', municipalityCode)
    .orderBy('o.id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An offering run by the demo provider (demo-leverandoer's organisation). */
export async function providerOffering(db: Db): Promise<number> {
  const row = await db
    .selectFrom('offering as o')
    .innerJoin('app_user as u', 'u.organisation_id', 'o.operator_org_id')
    .select('o.id')
    .where('u.username', '=', 'demo-leverandoer')
    .orderBy('o.id')
    .executeTakeFirst();
  if (!row) throw new Error('The demo provider runs no offering; the seed must give it at least one.');
  return row.id;
}

/**
 * Empties an offering for a test that counts places: its contracts with what hangs on them (amendments, follow-ups,
 * statement lines and their corrections) and its reservations.
 */
export async function clearContractsOf(db: Db, offeringId: number): Promise<void> {
  const own = db.selectFrom('contract').select('id').where('offering_id', '=', offeringId);
  const lines = db.selectFrom('settlement_line').select('id').where('contract_id', 'in', own);
  await db.deleteFrom('settlement_line').where('corrects_line_id', 'in', lines).execute();
  await db.deleteFrom('settlement_line').where('contract_id', 'in', own).execute();
  await db.deleteFrom('followup').where('contract_id', 'in', own).execute();
  await db.deleteFrom('contract_amendment').where('contract_id', 'in', own).execute();
  await db.deleteFrom('contract').where('offering_id', '=', offeringId).execute();
  await db.deleteFrom('reservation').where('offering_id', '=', offeringId).execute();
}
