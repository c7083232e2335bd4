/**
 * @module Vacancy reports (ledige pladser): an offering's free places as its operator reports them, what can be
 * reserved now, Ramme's own figure beside it, the report's age and whether it is stale under the area's rule;
 * reporting and confirming "no change"; the operator's overview and the secretariat's stale list.
 */
import { can, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';
import { badRequest } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { catalogueEntry, type CatalogueRow } from '../offerings/offerings.public.js';
import { areaIdsOfMunicipalities } from '../reference/reference.public.js';
import { ageInDays, isStale, placeFigures } from './logic.js';
import { PLACEMENTS, type PlaceOfferingTarget } from './placements.policy.js';
import * as repo from './placements.repository.js';
import { ZVacancyInput } from './placements.schema.js';

export type PlaceOffering = { entry: CatalogueRow; areaIds: number[] };

/** The offering from the catalogue with its areas today, or null. */
export async function loadPlaceOffering(db: Queryable, offeringId: number, today: string): Promise<PlaceOffering | null> {
  const entry = offeringId > 0 ? await catalogueEntry(db, offeringId) : null;
  if (!entry) return null;
  const areas = await areaIdsOfMunicipalities(db, [entry.municipality_code], today);
  return { entry, areaIds: areas.get(entry.municipality_code) ?? [] };
}

export const targetOf = (o: PlaceOffering | null): PlaceOfferingTarget => (o ? { operatorOrgId: o.entry.operator_org_id, areaIds: o.areaIds } : null);

/** The free-place figures of one offering at `now`: reservable against the report, and Ramme's own figure beside it. */
export async function vacancyFigures(db: Queryable, o: PlaceOffering, now: Date, today: string) {
  const id = o.entry.offering_id;
  const [report, expected, held, rule] = await Promise.all([
    repo.findReport(db, id),
    repo.expectedOf(db, [id]),
    repo.placeCounts(db, [id], now, today),
    o.areaIds[0] !== undefined ? repo.ruleOn(db, o.areaIds[0], today) : Promise.resolve(null),
  ]);
  const counts = held.get(id) ?? repo.NO_PLACE_COUNTS;
  const isOpenForIntake = o.entry.status === 'aktiv';
  const figures = placeFigures({
    places: o.entry.places,
    freeNow: report?.free_now ?? null,
    takenOutside: report?.taken_outside ?? 0,
    isOpenForIntake,
    counts,
  });
  const ageDays = report ? ageInDays(report.confirmed_at, today) : null;
  return {
    offeringId: id,
    report,
    expected: expected.map((e) => ({ date: e.expected_date, places: e.places })),
    ...figures,
    ageDays,
    staleAfterDays: rule?.stale_after_days ?? null,
    isStale: ageDays !== null && rule ? isStale(ageDays, rule.stale_after_days) : false,
    isOpenForIntake,
    heldNow: counts.reservations,
    contractsNow: counts.contracts,
    reservedSince: counts.reservationsSince,
    contractedSince: counts.contractsSince,
  };
}
export type VacancyFigures = Awaited<ReturnType<typeof vacancyFigures>>;

export async function getVacancy(ctx: Ctx, offeringId: number): Promise<VacancyFigures> {
  const today = ctx.clock.today();
  const o = await loadPlaceOffering(ctx.db, offeringId, today);
  requireSignedIn(ctx, 'placements.vacancy.read', targetOf(o));
  return vacancyFigures(ctx.db, o!, ctx.clock.now(), today);
}

/** The access check of reporting on its own (the API runs it before validating the body). */
export async function authorizeReport(ctx: Ctx, offeringId: number): Promise<void> {
  requireSignedIn(ctx, 'placements.vacancy.report', targetOf(await loadPlaceOffering(ctx.db, offeringId, ctx.clock.today())));
}

/** The operator's page of one offering: the figures and whether the actor may report. */
export async function vacancyForm(ctx: Ctx, offeringId: number) {
  const today = ctx.clock.today();
  const o = await loadPlaceOffering(ctx.db, offeringId, today);
  requireSignedIn(ctx, 'placements.vacancy.report', targetOf(o));
  return { offering: o!.entry, figures: await vacancyFigures(ctx.db, o!, ctx.clock.now(), today) };
}

const auditState = (r: repo.VacancyReportRow | null, expected: Array<{ date: string; places: number }>) =>
  r ? { freeNow: r.free_now, waitingCount: r.waiting_count, takenOutside: r.taken_outside, note: r.note, expected } : null;

/** Sets the operator's report (free places now, expected places with dates, waiting count, note). */
export async function reportVacancy(ctx: Ctx, offeringId: number, data: unknown): Promise<VacancyFigures> {
  const today = ctx.clock.today();
  const o = await loadPlaceOffering(ctx.db, offeringId, today);
  const actor = requireSignedIn(ctx, 'placements.vacancy.report', targetOf(o));
  const input = parseInput(ZVacancyInput, data);
  const dates = input.expected.map((e) => e.date);
  if (new Set(dates).size !== dates.length) throw badRequest('Oplysningerne er ikke gyldige.', { expected: ['Hver dato må kun stå én gang.'] });
  if (dates.some((d) => d <= today)) throw badRequest('Oplysningerne er ikke gyldige.', { expected: ['Forventede pladser skal have en dato efter i dag.'] });
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.lockReport(trx, offeringId);
    const beforeExpected = before ? (await repo.expectedOf(trx, [offeringId])).map((e) => ({ date: e.expected_date, places: e.places })) : [];
    await repo.saveReport(trx, offeringId, input, actor.username, now);
    await audit(trx, ctx, {
      entity: 'vacancy_report',
      entityId: offeringId,
      action: before ? 'update' : 'create',
      before: auditState(before, beforeExpected),
      after: { freeNow: input.freeNow, waitingCount: input.waitingCount, takenOutside: input.takenOutside, note: input.note, expected: input.expected },
    });
    return vacancyFigures(trx, o!, now, today);
  });
}

/** "No change": the operator confirms the current report in one click; its age starts again. */
export async function confirmVacancy(ctx: Ctx, offeringId: number): Promise<VacancyFigures> {
  const today = ctx.clock.today();
  const o = await loadPlaceOffering(ctx.db, offeringId, today);
  const actor = requireSignedIn(ctx, 'placements.vacancy.report', targetOf(o));
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.lockReport(trx, offeringId);
    if (!before) throw badRequest('Der er ingen pladsmelding at bekræfte. Meld de ledige pladser først.', { freeNow: ['Skal udfyldes.'] });
    await repo.confirmReport(trx, offeringId, actor.username, now);
    await audit(trx, ctx, {
      entity: 'vacancy_report',
      entityId: offeringId,
      action: 'update',
      before: { confirmedAt: before.confirmed_at.toISOString() },
      after: { confirmedAt: now.toISOString() },
    });
    return vacancyFigures(trx, o!, now, today);
  });
}

/** The placements front page: the operator's offerings with their reports, and what else the actor may open. */
export async function placementsFront(ctx: Ctx) {
  requireSignedIn(ctx, 'placements.reservation.list', PLACEMENTS);
  return {
    offerings: await operatorOverview(ctx),
    canSearch: can(ctx, 'placements.search', PLACEMENTS),
    canSeeStale: can(ctx, 'placements.stale.list', PLACEMENTS),
  };
}

/** The operator's offerings with their reports' age and staleness (the operator's page). */
export async function operatorOverview(ctx: Ctx) {
  const actor = requireSignedIn(ctx, 'placements.reservation.list', PLACEMENTS);
  const today = ctx.clock.today();
  const rows = can(ctx, 'placements.vacancy.report', { operatorOrgId: actor.organisationId, areaIds: [] })
    ? await repo.operatorOfferings(ctx.db, actor.organisationId)
    : [];
  const areas = await areaIdsOfMunicipalities(ctx.db, [...new Set(rows.map((r) => r.municipality_code))], today);
  const rules = await repo.rulesOn(ctx.db, [...new Set([...areas.values()].flat())], today);
  return rows.map((r) => {
    const rule = rules.get(areas.get(r.municipality_code)?.[0] ?? -1);
    const ageDays = r.confirmed_at ? ageInDays(r.confirmed_at, today) : null;
    return { ...r, ageDays, isStale: ageDays === null || (!!rule && isStale(ageDays, rule.stale_after_days)) };
  });
}

/** Stale reports in the secretariat's areas, grouped per operator. */
export async function staleReports(ctx: Ctx) {
  const actor = requireSignedIn(ctx, 'placements.stale.list', PLACEMENTS);
  const today = ctx.clock.today();
  const rules = await repo.rulesOn(ctx.db, actor.areaIds, today);
  const rows = await repo.reportsInAreas(ctx.db, actor.areaIds, today);
  const stale = rows
    .map((r) => ({ ...r, ageDays: ageInDays(r.confirmed_at, today), staleAfterDays: rules.get(r.area_id)?.stale_after_days ?? null }))
    .filter((r) => r.staleAfterDays !== null && isStale(r.ageDays, r.staleAfterDays));
  const byOperator = new Map<number, { operatorName: string; rows: typeof stale }>();
  for (const r of stale) {
    const g = byOperator.get(r.operator_org_id) ?? { operatorName: r.operator_name, rows: [] };
    g.rows.push(r);
    byOperator.set(r.operator_org_id, g);
  }
  return { reportCount: rows.length, staleCount: stale.length, operators: [...byOperator.values()] };
}
