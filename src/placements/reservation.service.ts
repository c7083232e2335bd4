/**
 * @module Reservations: a case worker reserves a free place for a case for the area's number of hours; the
 * operator confirms or declines with a reason; a confirmed one holds for the area's number of days until the
 * contract is drafted (then the contract holds the place); the buyer may cancel; a reservation past its expiry
 * simply stops counting. Reserving is safe under concurrency: the offering's report row is locked inside the
 * transaction, so of many parallel requests for the last place exactly one gets it.
 */
import { can, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, conflict } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { scopeOf } from '../core/access/rules.js';
import { areaIdsOfMunicipalities } from '../reference/reference.public.js';
import { confirmedExpiryOf, expiryOf, reservablePlaces, reservationState } from './logic.js';
import { isCaseWorker, PLACEMENTS, type ReservationTarget } from './placements.policy.js';
import { contractOfReservation } from './contract.repository.js';
import * as repo from './placements.repository.js';
import { ZDecisionInput, ZReservationInput } from './placements.schema.js';
import { loadPlaceOffering, targetOf, vacancyFigures } from './vacancy.service.js';

export const NO_PLACE = 'Der er ingen ledig plads at reservere i tilbuddet lige nu. Søg igen, eller kontakt tilbuddet.';

export type ReservationView = repo.ReservationRow & { state: ReturnType<typeof reservationState> };

const withState = (r: repo.ReservationRow, now: Date): ReservationView => ({ ...r, state: reservationState(r.status, r.expires_at, now, r.has_contract) });

/** Reserves a free place; 409 when none is free. Returns the reservation. */
export async function reservePlace(ctx: Ctx, offeringId: number, data: unknown): Promise<ReservationView> {
  const today = ctx.clock.today();
  const o = await loadPlaceOffering(ctx.db, offeringId, today);
  const actor = requireSignedIn(ctx, 'placements.reserve', targetOf(o));
  const input = parseInput(ZReservationInput, data);
  if (input.startDate < today) throw badRequest('Oplysningerne er ikke gyldige.', { startDate: ['Startdatoen kan ikke ligge før i dag.'] });
  if (input.searchId && !(await repo.isOwnSearch(ctx.db, input.searchId, actor.organisationId)))
    throw badRequest('Oplysningerne er ikke gyldige.', { searchId: ['Søgningen findes ikke i din kommune.'] });
  const rule = o!.areaIds[0] !== undefined ? await repo.ruleOn(ctx.db, o!.areaIds[0], today) : null;
  if (!rule) throw conflict('Tilbuddets rammeaftale har ingen regel for reservationer. Kontakt sekretariatet.');
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const report = await repo.lockReport(trx, offeringId);
    // Counted after the lock: reservations and contracts made against the offering since its report.
    const held = (await repo.placeCounts(trx, [offeringId], now, today)).get(offeringId);
    const free = reservablePlaces({
      freeNow: report?.free_now ?? null,
      reservedSince: held?.reservationsSince ?? 0,
      contractedSince: held?.contractsSince ?? 0,
      isOpenForIntake: o!.entry.status === 'aktiv',
    });
    if (free < 1) throw conflict(NO_PLACE);
    const expiresAt = expiryOf(now, rule.reservation_hours);
    const newId = await repo.insertReservation(trx, {
      offeringId,
      buyerOrgId: actor.organisationId,
      caseReference: input.caseReference,
      startDate: input.startDate,
      createdBy: actor.username,
      createdAt: now,
      expiresAt,
      searchId: input.searchId ?? null,
    });
    await audit(trx, ctx, {
      entity: 'reservation',
      entityId: newId,
      action: 'create',
      after: { offeringId, caseReference: input.caseReference, startDate: input.startDate, status: 'afventer', expiresAt: expiresAt.toISOString() },
    });
    return newId;
  });
  return withState((await repo.findReservation(ctx.db, id))!, now);
}

/** The reservation form of one offering: how many places can be reserved now. */
export async function reserveForm(ctx: Ctx, offeringId: number) {
  const today = ctx.clock.today();
  const o = await loadPlaceOffering(ctx.db, offeringId, today);
  requireSignedIn(ctx, 'placements.reserve', targetOf(o));
  const figures = await vacancyFigures(ctx.db, o!, ctx.clock.now(), today);
  return { offering: o!.entry, reservable: figures.reservable, today };
}

/** The access check of reserving on its own (the API runs it before validating the body). */
export async function authorizeReserve(ctx: Ctx, offeringId: number): Promise<void> {
  requireSignedIn(ctx, 'placements.reserve', targetOf(await loadPlaceOffering(ctx.db, offeringId, ctx.clock.today())));
}

export async function loadReservation(ctx: Ctx, id: number) {
  const r = id > 0 ? await repo.findReservation(ctx.db, id) : null;
  if (!r) return { row: null, target: null as ReservationTarget };
  const areas = await areaIdsOfMunicipalities(ctx.db, [r.municipality_code], ctx.clock.today());
  return { row: r, target: { buyerOrgId: r.buyer_org_id, operatorOrgId: r.operator_org_id, areaIds: areas.get(r.municipality_code) ?? [] } };
}

/** The access check of deciding on its own (the API runs it before validating the body). */
export async function authorizeDecision(ctx: Ctx, id: number): Promise<void> {
  requireSignedIn(ctx, 'placements.reservation.decide', (await loadReservation(ctx, id)).target);
}

/** One reservation, with what the actor may do with it. */
export async function reservationPage(ctx: Ctx, id: number) {
  const { row, target } = await loadReservation(ctx, id);
  requireSignedIn(ctx, 'placements.reservation.read', target);
  const now = ctx.clock.now();
  const view = withState(row!, now);
  const contract = await contractOfReservation(ctx.db, id);
  return {
    reservation: view,
    contractId: contract?.id ?? null,
    canDraft: !contract && view.state === 'bekraeftet' && can(ctx, 'placements.contract.edit', target),
    canDecide: view.state === 'afventer' && can(ctx, 'placements.reservation.decide', target),
    canCancel: !contract && (view.state === 'afventer' || view.state === 'bekraeftet') && can(ctx, 'placements.reservation.cancel', target),
  };
}

/**
 * The operator confirms or declines (with a reason) a pending, unexpired reservation. A confirmation holds the
 * place for the area's number of days (its rule today) for the buyer to draft the contract.
 */
export async function decideReservation(ctx: Ctx, id: number, data: unknown): Promise<ReservationView> {
  const { target } = await loadReservation(ctx, id);
  const actor = requireSignedIn(ctx, 'placements.reservation.decide', target);
  const input = parseInput(ZDecisionInput, data);
  const now = ctx.clock.now();
  const areaId = target?.areaIds[0];
  const rule = areaId !== undefined ? await repo.ruleOn(ctx.db, areaId, ctx.clock.today()) : null;
  const expiresAt = input.decision === 'bekraeft' && rule ? confirmedExpiryOf(now, rule.confirmed_hold_days) : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    const to = input.decision === 'bekraeft' ? 'bekraeftet' : 'afvist';
    const reason = input.decision === 'afvis' ? input.reason : null;
    const done = await repo.setReservationStatus(trx, id, { from: 'afventer', to, at: now, by: actor.username, reason, notExpiredAt: now, expiresAt });
    if (!done) throw conflict('Reservationen afventer ikke længere svar (den er besvaret, annulleret eller udløbet). Genindlæs siden.');
    await audit(trx, ctx, {
      entity: 'reservation',
      entityId: id,
      action: 'update',
      before: { status: 'afventer' },
      after: { status: to, declineReason: reason, ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) },
    });
  });
  return withState((await repo.findReservation(ctx.db, id))!, now);
}

/** The buyer cancels a pending or confirmed reservation; the place is free again. */
export async function cancelReservation(ctx: Ctx, id: number): Promise<ReservationView> {
  const { row, target } = await loadReservation(ctx, id);
  const actor = requireSignedIn(ctx, 'placements.reservation.cancel', target);
  const now = ctx.clock.now();
  const state = reservationState(row!.status, row!.expires_at, now, row!.has_contract);
  if (row!.has_contract) throw conflict('Reservationen er blevet til en kontrakt og kan ikke annulleres.');
  if (state !== 'afventer' && state !== 'bekraeftet') throw conflict('Reservationen er allerede afsluttet.');
  await ctx.db.transaction().execute(async (trx) => {
    const done = await repo.setReservationStatus(trx, id, { from: state, to: 'annulleret', at: now, by: actor.username });
    if (!done) throw conflict('Reservationen er ændret af en anden. Genindlæs siden.');
    await audit(trx, ctx, { entity: 'reservation', entityId: id, action: 'update', before: { status: state }, after: { status: 'annulleret' } });
  });
  return withState((await repo.findReservation(ctx.db, id))!, now);
}

/** The reservations the actor sees: its municipality's (case worker), its offerings' (operator), its areas' (secretariat). */
export async function listReservations(ctx: Ctx) {
  const actor = requireSignedIn(ctx, 'placements.reservation.list', PLACEMENTS);
  const scope = scopeOf(actor);
  const now = ctx.clock.now();
  const rows = await repo.listReservations(
    ctx.db,
    { buyerOrgId: isCaseWorker(actor) ? actor.organisationId : null, operatorOrgId: scope.operatorOrgId, areaIds: scope.secretariatAreaIds },
    ctx.clock.today(),
  );
  return rows.map((r) => withState(r, now));
}
