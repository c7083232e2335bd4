/**
 * @module SQL of placements: the dated placement rules, vacancy reports, reservations. Offerings are read
 * only through the offerings catalogue (offerings.public.ts).
 */
import { type Expression, sql } from 'kysely';
import { validOn } from '../core/db/dated.js';
import type { Queryable } from '../core/db/types.js';
import { offeringCatalogue } from '../offerings/offerings.public.js';
import { areaIdOfMunicipalitySql } from '../reference/reference.public.js';
import type { ReservationStatus } from './placements.table.js';

// Rules --------------------------------------------------------------------------------------------------

export async function ruleOn(db: Queryable, areaId: number, date: string) {
  return (
    (await db
      .selectFrom('placement_rule')
      .selectAll()
      .where('area_id', '=', areaId)
      .where(validOn('placement_rule', date))
      .orderBy('valid_from', 'desc')
      .executeTakeFirst()) ?? null
  );
}
export type PlacementRuleRow = NonNullable<Awaited<ReturnType<typeof ruleOn>>>;

export async function rulesOn(db: Queryable, areaIds: readonly number[], date: string): Promise<Map<number, PlacementRuleRow>> {
  const out = new Map<number, PlacementRuleRow>();
  if (!areaIds.length) return out;
  const rows = await db
    .selectFrom('placement_rule')
    .selectAll()
    .where('area_id', 'in', [...areaIds])
    .where(validOn('placement_rule', date))
    .execute();
  for (const r of rows) out.set(r.area_id, r);
  return out;
}

export async function allRules(db: Queryable) {
  return db
    .selectFrom('placement_rule as r')
    .innerJoin('agreement_area as a', 'a.id', 'r.area_id')
    .select([
      'r.area_id',
      'a.name as area_name',
      'r.valid_from',
      'r.valid_to',
      'r.stale_after_days',
      'r.reservation_hours',
      'r.is_public_first',
      'r.public_first_search_days',
      'r.confirmed_hold_days',
      'r.source',
    ])
    .orderBy('a.name')
    .orderBy('r.valid_from')
    .execute();
}

/** The reasons for buying privately valid on a date (data). */
export async function publicFirstReasons(db: Queryable, date: string) {
  return db.selectFrom('public_first_reason').select(['code', 'label']).where(validOn('public_first_reason', date)).orderBy('sort').execute();
}

// Vacancy reports -----------------------------------------------------------------------------------------

export async function findReport(db: Queryable, offeringId: number) {
  return (await db.selectFrom('vacancy_report').selectAll().where('offering_id', '=', offeringId).executeTakeFirst()) ?? null;
}
export type VacancyReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

/** The report row, locked for the rest of the transaction: reservations of one offering queue up here. */
export async function lockReport(trx: Queryable, offeringId: number) {
  return (await trx.selectFrom('vacancy_report').selectAll().where('offering_id', '=', offeringId).forUpdate().executeTakeFirst()) ?? null;
}

export async function expectedOf(db: Queryable, offeringIds: readonly number[]) {
  if (!offeringIds.length) return [];
  return db
    .selectFrom('vacancy_expected')
    .selectAll()
    .where('offering_id', 'in', [...offeringIds])
    .orderBy('expected_date')
    .execute();
}

export type ReportValues = {
  freeNow: number;
  waitingCount: number;
  takenOutside: number;
  note: string | null;
  expected: Array<{ date: string; places: number }>;
};

export async function saveReport(trx: Queryable, offeringId: number, v: ReportValues, who: string, at: Date): Promise<void> {
  const row = {
    free_now: v.freeNow,
    waiting_count: v.waitingCount,
    taken_outside: v.takenOutside,
    note: v.note,
    reported_at: at,
    reported_by: who,
    confirmed_at: at,
    confirmed_by: who,
  };
  await trx
    .insertInto('vacancy_report')
    .values({ offering_id: offeringId, ...row })
    .onConflict((oc) => oc.column('offering_id').doUpdateSet({ ...row, version: sql`vacancy_report.version + 1` }))
    .execute();
  await trx.deleteFrom('vacancy_expected').where('offering_id', '=', offeringId).execute();
  if (v.expected.length)
    await trx
      .insertInto('vacancy_expected')
      .values(v.expected.map((e) => ({ offering_id: offeringId, expected_date: e.date, places: e.places })))
      .execute();
}

export async function confirmReport(trx: Queryable, offeringId: number, who: string, at: Date): Promise<void> {
  await trx
    .updateTable('vacancy_report')
    .set({ confirmed_at: at, confirmed_by: who, version: sql`version + 1` })
    .where('offering_id', '=', offeringId)
    .execute();
}

/**
 * Reservations holding a place at `now` (the same rule as `isHoldingPlace`): pending or confirmed and not past
 * their expiry (a confirmed one's expiry is the area's hold days from the confirmation), and not yet a contract (a
 * reservation that became a contract stops counting; the contract holds the place from then on).
 */
const holding = (now: Date) =>
  sql<boolean>`(r.status in ('afventer', 'bekraeftet') and r.expires_at > ${now}
    and not exists (select 1 from contract hc where hc.reservation_id = r.id))`;

/** Contracts holding a place on `today`: any stored status, until the effective end (the same rule as `isContractHoldingPlace`). */
export const contractHoldingSql = (today: string) => sql<boolean>`coalesce(least(c.current_end_date, c.notice_end_date), 'infinity'::date) >= ${today}::date`;

/**
 * A contract made since the report (the same rule as `isContractSinceReport`): from its reservation's time when it
 * came from one, else from its own creation; an imported contract never counts against a report.
 */
const contractSinceSql = sql<boolean>`(not c.is_imported and v.reported_at is not null and coalesce(cr.created_at, c.created_at) >= v.reported_at)`;

export type PlaceCounts = { reservations: number; reservationsSince: number; contracts: number; contractsSince: number };
export const NO_PLACE_COUNTS: PlaceCounts = { reservations: 0, reservationsSince: 0, contracts: 0, contractsSince: 0 };

/**
 * Per offering, one grouped statement: the reservations and contracts holding a place now, and those of them made
 * since the offering's latest report. `offeringIds` is a list or a subquery of offering ids (the place search
 * passes its candidates), so the whole country is counted in one statement, never per offering.
 */
export function placeCountsQuery(db: Queryable, offeringIds: readonly number[] | Expression<number>, now: Date, today: string) {
  const inOfferings = (column: string) => sql<boolean>`${sql.ref(column)} in (${Array.isArray(offeringIds) ? sql.join(offeringIds) : offeringIds})`;
  const reservations = db
    .selectFrom('reservation as r')
    .leftJoin('vacancy_report as v', 'v.offering_id', 'r.offering_id')
    .select('r.offering_id')
    .select(sql<number>`1`.as('is_reservation'))
    .select(sql<boolean>`(v.reported_at is not null and r.created_at >= v.reported_at)`.as('is_since'))
    .where(inOfferings('r.offering_id'))
    .where(holding(now));
  const contracts = db
    .selectFrom('contract as c')
    .leftJoin('reservation as cr', 'cr.id', 'c.reservation_id')
    .leftJoin('vacancy_report as v', 'v.offering_id', 'c.offering_id')
    .select('c.offering_id')
    .select(sql<number>`0`.as('is_reservation'))
    .select(contractSinceSql.as('is_since'))
    .where(inOfferings('c.offering_id'))
    .where(contractHoldingSql(today));
  return db
    .selectFrom(reservations.unionAll(contracts).as('h'))
    .select('h.offering_id')
    .select(sql<number>`count(*) filter (where h.is_reservation = 1)::int`.as('reservations'))
    .select(sql<number>`count(*) filter (where h.is_reservation = 1 and h.is_since)::int`.as('reservations_since'))
    .select(sql<number>`count(*) filter (where h.is_reservation = 0)::int`.as('contracts'))
    .select(sql<number>`count(*) filter (where h.is_reservation = 0 and h.is_since)::int`.as('contracts_since'))
    .groupBy('h.offering_id');
}

/** The place counts of the given offerings (absent: nothing holds a place). */
export async function placeCounts(db: Queryable, offeringIds: readonly number[], now: Date, today: string): Promise<Map<number, PlaceCounts>> {
  const out = new Map<number, PlaceCounts>();
  if (!offeringIds.length) return out;
  for (const r of await placeCountsQuery(db, offeringIds, now, today).execute())
    out.set(r.offering_id, {
      reservations: r.reservations,
      reservationsSince: r.reservations_since,
      contracts: r.contracts,
      contractsSince: r.contracts_since,
    });
  return out;
}

/** The operator's offerings (not closed) with their reports, for the operator's page. */
export async function operatorOfferings(db: Queryable, operatorOrgId: number) {
  return db
    .selectFrom(offeringCatalogue(db).as('oc'))
    .leftJoin('vacancy_report as v', 'v.offering_id', 'oc.offering_id')
    .select(['oc.offering_id', 'oc.offering_name', 'oc.status', 'oc.places', 'oc.municipality_code', 'oc.municipality_name', 'oc.offering_type_name'])
    .select(['v.free_now', 'v.waiting_count', 'v.taken_outside', 'v.note', 'v.reported_at', 'v.confirmed_at', 'v.confirmed_by'])
    .where('oc.operator_org_id', '=', operatorOrgId)
    .where('oc.status', '<>', 'lukket')
    .orderBy('oc.offering_name')
    .execute();
}

/** Every report in the given areas confirmed before `staleBefore` per area, with its operator (secretariat's list). */
export async function reportsInAreas(db: Queryable, areaIds: readonly number[], today: string) {
  if (!areaIds.length) return [];
  return db
    .selectFrom(offeringCatalogue(db).as('oc'))
    .innerJoin('vacancy_report as v', 'v.offering_id', 'oc.offering_id')
    .select(['oc.offering_id', 'oc.offering_name', 'oc.operator_org_id', 'oc.operator_name', 'oc.status', 'v.free_now', 'v.confirmed_at'])
    .select(sql<number>`${areaIdOfMunicipalitySql(sql.ref('oc.municipality_code'), today)}`.as('area_id'))
    .where(areaIdOfMunicipalitySql(sql.ref('oc.municipality_code'), today), 'in', [...areaIds])
    .where('oc.status', '<>', 'lukket')
    .orderBy('oc.operator_name')
    .orderBy('oc.offering_name')
    .execute();
}

// Reservations --------------------------------------------------------------------------------------------

export type NewReservation = {
  offeringId: number;
  buyerOrgId: number;
  caseReference: string;
  startDate: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  searchId: number | null;
};

export async function insertReservation(trx: Queryable, r: NewReservation): Promise<number> {
  const row = await trx
    .insertInto('reservation')
    .values({
      offering_id: r.offeringId,
      buyer_org_id: r.buyerOrgId,
      case_reference: r.caseReference,
      start_date: r.startDate,
      status: 'afventer',
      created_by: r.createdBy,
      created_at: r.createdAt,
      expires_at: r.expiresAt,
      search_id: r.searchId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The search belongs to the organisation (a reservation may point to it). */
export async function isOwnSearch(db: Queryable, searchId: number, organisationId: number): Promise<boolean> {
  return !!(await db.selectFrom('place_search').select('id').where('id', '=', searchId).where('organisation_id', '=', organisationId).executeTakeFirst());
}

const reservationColumns = [
  'r.id',
  'r.offering_id',
  'r.buyer_org_id',
  'b.name as buyer_name',
  'r.case_reference',
  'r.start_date',
  'r.status',
  'r.created_at',
  'r.created_by',
  'r.expires_at',
  'r.decided_at',
  'r.decided_by',
  'r.decline_reason',
  'r.search_id',
  'oc.offering_name',
  'oc.operator_org_id',
  'oc.operator_name',
  'oc.municipality_code',
] as const;

function reservations(db: Queryable) {
  return db
    .selectFrom('reservation as r')
    .innerJoin(offeringCatalogue(db).as('oc'), 'oc.offering_id', 'r.offering_id')
    .innerJoin('organisation as b', 'b.id', 'r.buyer_org_id')
    .select(reservationColumns)
    .select(sql<boolean>`exists (select 1 from contract rc where rc.reservation_id = r.id)`.as('has_contract'));
}

export async function findReservation(db: Queryable, id: number) {
  return (await reservations(db).where('r.id', '=', id).executeTakeFirst()) ?? null;
}
export type ReservationRow = NonNullable<Awaited<ReturnType<typeof findReservation>>>;

export async function lockReservation(trx: Queryable, id: number): Promise<boolean> {
  return !!(await trx.selectFrom('reservation').select('id').where('id', '=', id).forUpdate().executeTakeFirst());
}

/** The reservations the scope sees: its own organisation's (buyer), its offerings' (operator), its areas' (secretariat). */
export async function listReservations(
  db: Queryable,
  scope: { buyerOrgId: number | null; operatorOrgId: number | null; areaIds: number[] },
  today: string,
  limit = 200,
) {
  return reservations(db)
    .where((eb) => {
      const ors = [];
      if (scope.buyerOrgId !== null) ors.push(eb('r.buyer_org_id', '=', scope.buyerOrgId));
      if (scope.operatorOrgId !== null) ors.push(eb('oc.operator_org_id', '=', scope.operatorOrgId));
      if (scope.areaIds.length) ors.push(eb(areaIdOfMunicipalitySql(sql.ref('oc.municipality_code'), today), 'in', scope.areaIds));
      return ors.length ? eb.or(ors) : sql<boolean>`false`;
    })
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

/** Moves a reservation from one status to another; null when it was no longer in `from` (someone else acted). */
export async function setReservationStatus(
  trx: Queryable,
  id: number,
  change: { from: ReservationStatus; to: ReservationStatus; at: Date; by: string; reason?: string | null; notExpiredAt?: Date; expiresAt?: Date },
) {
  let q = trx
    .updateTable('reservation')
    .set({ status: change.to, decided_at: change.at, decided_by: change.by, decline_reason: change.reason ?? null })
    .$if(change.expiresAt !== undefined, (u) => u.set({ expires_at: change.expiresAt! }))
    .where('id', '=', id)
    .where('status', '=', change.from);
  if (change.notExpiredAt) q = q.where('expires_at', '>', change.notExpiredAt);
  return (await q.returning('id').executeTakeFirst()) ?? null;
}
