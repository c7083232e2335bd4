/**
 * @module The standard contract, first part: a draft made from a confirmed reservation on the template in force
 * (inside or outside the agreement, adults or children; the version is recorded), priced from the published
 * tariff for the start year (never typed in); the public-first check recorded; sent by the buyer (who accepts by
 * sending) and accepted by the provider. Status changes re-check the status inside the transaction.
 */
import { can, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, conflict } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { catalogueEntry } from '../offerings/offerings.public.js';
import { areaIdsOfMunicipalities } from '../reference/reference.public.js';
import { publishedTariffs } from '../tariffs/tariffs.public.js';
import * as repo from './contract.repository.js';
import { isPublicOperatorType, reservationState } from './logic.js';
import type { ReservationTarget } from './placements.policy.js';
import { publicFirstReasons, ruleOn } from './placements.repository.js';
import { ZPublicFirstInput } from './placements.schema.js';
import { checkPublicFirst } from './public-first.js';
import { loadReservation } from './reservation.service.js';

async function loadContract(ctx: Ctx, id: number): Promise<{ row: repo.ContractRow | null; target: ReservationTarget; areaIds: number[] }> {
  const row = id > 0 ? await repo.findContract(ctx.db, id) : null;
  if (!row) return { row: null, target: null, areaIds: [] };
  const areaIds = (await areaIdsOfMunicipalities(ctx.db, [row.municipality_code], ctx.clock.today())).get(row.municipality_code) ?? [];
  return { row, target: { buyerOrgId: row.buyer_org_id, operatorOrgId: row.operator_org_id, areaIds }, areaIds };
}

export async function getContract(ctx: Ctx, id: number) {
  const { row, target } = await loadContract(ctx, id);
  requireSignedIn(ctx, 'placements.contract.read', target);
  return { ...row!, canEdit: can(ctx, 'placements.contract.edit', target), canAccept: can(ctx, 'placements.contract.accept', target) };
}

/** The draft from a confirmed reservation (one contract per reservation). */
export async function createContractDraft(ctx: Ctx, reservationId: number) {
  const { row: r, target } = await loadReservation(ctx, reservationId);
  const actor = requireSignedIn(ctx, 'placements.contract.edit', target);
  if (reservationState(r!.status, r!.expires_at, ctx.clock.now()) !== 'bekraeftet') throw conflict('Kun en bekræftet reservation kan blive til en kontrakt.');
  if (await repo.contractOfReservation(ctx.db, reservationId)) throw conflict('Reservationen har allerede en kontrakt.');
  const offering = (await catalogueEntry(ctx.db, r!.offering_id))!;
  const isInside = isPublicOperatorType(offering.operator_type) && offering.is_covered;
  const code = `${isInside ? 'inside' : 'outside'}_${offering.legal_basis_law === 'Barnets lov' ? 'child' : 'adult'}`;
  const template = await repo.templateOn(ctx.db, code, r!.start_date);
  if (!template) throw conflict('Der er ingen standardkontrakt i kraft på startdatoen. Sekretariatet skal oprette skabelonen.');
  const tariff = (await publishedTariffs(ctx.db, [r!.offering_id], Number(r!.start_date.slice(0, 4)))).get(r!.offering_id) ?? null;
  const level = tariff?.levels[0] ?? null;
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertContract(trx, {
      reservation_id: reservationId,
      offering_id: r!.offering_id,
      buyer_org_id: r!.buyer_org_id,
      template_id: template.id,
      case_reference: r!.case_reference,
      start_date: r!.start_date,
      status: 'kladde',
      tariff_version_id: tariff?.versionId ?? null,
      tariff_level: level?.name ?? null,
      tariff_price: level?.tariff ?? tariff?.averageTariff ?? null,
      tariff_unit: tariff?.unit ?? null,
      search_id: r!.search_id,
      created_at: now,
      created_by: actor.username,
    });
    await audit(trx, ctx, {
      entity: 'contract',
      entityId: newId,
      action: 'create',
      after: {
        reservationId,
        templateCode: code,
        templateVersion: template.version,
        status: 'kladde',
        tariffPrice: level?.tariff ?? tariff?.averageTariff ?? null,
      },
    });
    return newId;
  });
  return getContract(ctx, id);
}

/** Records the public-first check on a draft: the search it points to, and a reason with a text when needed. */
export async function recordPublicFirst(ctx: Ctx, id: number, data: unknown) {
  const { row, target } = await loadContract(ctx, id);
  const actor = requireSignedIn(ctx, 'placements.contract.edit', target);
  const input = parseInput(ZPublicFirstInput, data);
  if (input.reasonCode && !(await publicFirstReasons(ctx.db, ctx.clock.today())).some((x) => x.code === input.reasonCode))
    throw badRequest('Oplysningerne er ikke gyldige.', { reasonCode: ['Ukendt begrundelse. Vælg en fra listen.'] });
  const search = input.searchId ? await repo.searchOf(ctx.db, input.searchId) : null;
  if (input.searchId && search?.organisation_id !== actor.organisationId)
    throw badRequest('Oplysningerne er ikke gyldige.', { searchId: ['Søgningen findes ikke i din kommune.'] });
  await ctx.db.transaction().execute(async (trx) => {
    const done = await repo.setPublicFirst(trx, id, { searchId: input.searchId ?? null, reason: input.reasonCode ?? null, text: input.reasonText ?? null });
    if (!done) throw conflict('Kontrakten er allerede sendt; tjekket kan ikke ændres.');
    await audit(trx, ctx, {
      entity: 'contract',
      entityId: id,
      action: 'update',
      before: { searchId: row!.search_id, publicFirstReason: row!.public_first_reason, publicFirstText: row!.public_first_text },
      after: { searchId: input.searchId ?? null, publicFirstReason: input.reasonCode ?? null, publicFirstText: input.reasonText ?? null },
    });
  });
  return getContract(ctx, id);
}

/** Sends the draft to the provider; refused (400 on `publicFirstCheck`) when the public-first check is missing. */
export async function sendContract(ctx: Ctx, id: number) {
  const { row: c, target, areaIds } = await loadContract(ctx, id);
  const actor = requireSignedIn(ctx, 'placements.contract.edit', target);
  const rule = areaIds[0] !== undefined ? await ruleOn(ctx.db, areaIds[0], c!.start_date) : null;
  const search = c!.search_id ? await repo.searchOf(ctx.db, c!.search_id) : null;
  const verdict = checkPublicFirst({
    operatorType: c!.operator_type,
    rule: rule ? { isPublicFirst: rule.is_public_first, searchDays: rule.public_first_search_days } : null,
    buyerOrgId: c!.buyer_org_id,
    search: search ? { organisationId: search.organisation_id, madeAt: search.made_at, publicWithPlaceCount: search.public_with_place_count } : null,
    reasonCode: c!.public_first_reason,
    reasonText: c!.public_first_text,
    reasonCodes: (await publicFirstReasons(ctx.db, ctx.clock.today())).map((x) => x.code),
    now: ctx.clock.now(),
  });
  if (!verdict.ok) throw badRequest('Kontrakten kan ikke sendes endnu.', { publicFirstCheck: [verdict.message] });
  return changeStatus(ctx, id, 'kladde', 'sendt', actor.username, 'Kontrakten er allerede sendt.');
}

/** The provider accepts a sent contract. */
export async function acceptContract(ctx: Ctx, id: number) {
  const { target } = await loadContract(ctx, id);
  const actor = requireSignedIn(ctx, 'placements.contract.accept', target);
  return changeStatus(ctx, id, 'sendt', 'accepteret', actor.username, 'Kontrakten er ikke sendt til accept (den er en kladde eller allerede accepteret).');
}

async function changeStatus(ctx: Ctx, id: number, from: 'kladde' | 'sendt', to: 'sendt' | 'accepteret', by: string, refused: string) {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.setContractStatus(trx, id, from, to, ctx.clock.now(), by))) throw conflict(refused);
    await audit(trx, ctx, { entity: 'contract', entityId: id, action: 'update', before: { status: from }, after: { status: to } });
  });
  return getContract(ctx, id);
}
