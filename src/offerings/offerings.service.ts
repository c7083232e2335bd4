/**
 * @module Offerings use cases. Each starts with one access call naming the permission and the target,
 * validates codes against the reference data valid today (the clock's today, Copenhagen), writes in one
 * transaction and records the change in the audit log in the same transaction.
 */
import { can, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';
import { badRequest, forbidden } from '../core/errors.js';
import { formatDate } from '../core/format.js';
import { parseInput } from '../core/validation.js';
import { checkVersion, type ExpectedVersion } from '../core/version.js';
import { areasOfMunicipality } from '../reference/reference.public.js';
import { type PublishedTariff, publishedTariffs } from '../tariffs/tariffs.public.js';
import { outcomesOfOfferings } from '../settlement/settlement.public.js';
import { describeChanges } from './history.js';
import { checkCodes, codeBook } from './offerings.codes.js';
import { REGISTER, type OfferingTarget } from './offerings.policy.js';
import {
  areaMunicipalityCodes,
  countOfferings,
  exportOfferingRows,
  findOffering,
  insertOffering,
  listOfferingRows,
  lockOffering,
  offeringHistory,
  operatorOrganisations,
  organisationKinds,
  referenceLists,
  updateOffering,
  type OfferingRow,
  type OfferingRowValues,
  type ReferenceLists,
  type ResolvedFilters,
} from './offerings.repository.js';
import { ZClose, ZOfferingInput, type TListQuery, type TOfferingInput } from './offerings.schema.js';
import type { OfferingStatus } from './offerings.table.js';

/** The 412 of a stale version: someone else saved the offering after it was read. */
export const OFFERING_STALE = 'En anden har ændret tilbuddet, siden du hentede det. Intet er gemt. Hent tilbuddet igen, og gentag dine ændringer.';

/** One offering as the API and pages show it: the catalogue row, its links and its agreement areas today. */

export type OfferingDetail = OfferingRow & { areas: Array<{ id: number; code: string; name: string }> };

/** Audit before/after of an offering: the input shape, plus the reason of a closing and the source of an import. */
export type OfferingAuditState = TOfferingInput & { reason?: string; source?: 'import' };

export function toInput(o: OfferingRow): TOfferingInput {
  return {
    name: o.offering_name,
    operatorOrganisationId: o.operator_org_id,
    operatorType: o.operator_type,
    address: o.address,
    postalCode: o.postal_code,
    city: o.city,
    municipalityCode: o.municipality_code,
    offeringType: o.offering_type,
    primaryLegalBasis: o.primary_legal_basis,
    extraLegalBases: o.extra_legal_basis_list.map((l) => l.code),
    targetGroups: o.target_group_list.map((t) => t.code),
    places: o.places,
    ageMin: o.age_min,
    ageMax: o.age_max,
    status: o.status,
    statusSince: o.status_since,
    socialtilsynCode: o.socialtilsyn_code,
    approvalDate: o.approval_date,
    isCovered: o.is_covered,
    protection: o.protection,
    description: o.description,
    contactName: o.contact_name,
    contactEmail: o.contact_email,
    contactPhone: o.contact_phone,
  };
}

export function toRow(v: TOfferingInput): OfferingRowValues {
  return {
    name: v.name,
    operator_org_id: v.operatorOrganisationId,
    operator_type: v.operatorType,
    address: v.address,
    postal_code: v.postalCode,
    city: v.city,
    municipality_code: v.municipalityCode,
    offering_type: v.offeringType,
    primary_legal_basis: v.primaryLegalBasis,
    places: v.places,
    age_min: v.ageMin,
    age_max: v.ageMax,
    status: v.status,
    status_since: v.statusSince,
    socialtilsyn_code: v.socialtilsynCode,
    approval_date: v.approvalDate,
    is_covered: v.isCovered,
    protection: v.protection,
    description: v.description,
    contact_name: v.contactName,
    contact_email: v.contactEmail,
    contact_phone: v.contactPhone,
  };
}

const areasOn = (db: Queryable, municipalityCode: number, date: string) => areasOfMunicipality(db, municipalityCode, date);

/** The access target of a loaded offering (null: none). */
const targetOf = (o: OfferingDetail | null): OfferingTarget => (o ? { operatorOrgId: o.operator_org_id, areaIds: o.areas.map((a) => a.id) } : null);

/** Loads one offering with its agreement areas on `date`, or null. */
async function loadDetail(db: Queryable, id: number, date: string): Promise<OfferingDetail | null> {
  const row = await findOffering(db, id);
  return row ? { ...row, areas: await areasOn(db, row.municipality_code, date) } : null;
}

/** Where a (new or changed) offering would be: its operator and its municipality's areas today. */
async function targetOfInput(db: Queryable, v: TOfferingInput, date: string, known?: OfferingDetail): Promise<OfferingTarget> {
  const areaIds =
    known && known.municipality_code === v.municipalityCode ? known.areas.map((a) => a.id) : (await areasOn(db, v.municipalityCode, date)).map((a) => a.id);
  return { operatorOrgId: v.operatorOrganisationId, areaIds };
}

/** Schema, then codes (reference lists of `date`, prefetched by the caller outside any transaction). */
async function validateForWrite(db: Queryable, refs: ReferenceLists, data: unknown, date: string): Promise<TOfferingInput> {
  const input = parseInput(ZOfferingInput, data);
  const errors = checkCodes(input, codeBook(refs, await organisationKinds(db, [input.operatorOrganisationId]), date));
  if (Object.keys(errors).length) throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', errors);
  return input;
}

// Reads ----------------------------------------------------------------------------------------------------

/** Filters resolved against the cached reference data: no statement of their own once warm. */
async function resolveFilters(db: Queryable, f: TListQuery, date: string): Promise<ResolvedFilters> {
  const areaMunicipalities = f.area ? await areaMunicipalityCodes(db, f.area, date) : null;
  const wanted = f.targetGroup;
  const targetGroups = wanted
    ? (await referenceLists(db, date)).allTargetGroups
        .filter((t) => wanted.includes(t.code) || (t.parent_code !== null && wanted.includes(t.parent_code)))
        .map((t) => t.code)
    : null;
  return { areaMunicipalities, targetGroups };
}

async function queryList(ctx: Ctx, f: TListQuery) {
  const resolved = await resolveFilters(ctx.db, f, ctx.clock.today());
  const [total, rows] = await Promise.all([countOfferings(ctx.db, f, resolved), listOfferingRows(ctx.db, f, resolved)]);
  return { total, rows, page: f.page, pageSize: f.pageSize, pageCount: Math.max(1, Math.ceil(total / f.pageSize)) };
}

/** The filtered, sorted page of the register and the size of the whole filtered set: one list statement and its count. */
export async function listOfferings(ctx: Ctx, f: TListQuery) {
  requireSignedIn(ctx, 'offerings.read', REGISTER);
  return queryList(ctx, f);
}

/**
 * What a case worker needs to know next to an offering: its published tariff for the current year (one
 * statement for all the offerings shown). Free places will join here once the capability for them exists.
 */
async function tariffsInForce(ctx: Ctx, offeringIds: number[]): Promise<{ tariffYear: number; tariffs: Map<number, PublishedTariff> }> {
  const tariffYear = Number(ctx.clock.today().slice(0, 4));
  return { tariffYear, tariffs: await publishedTariffs(ctx.db, offeringIds, tariffYear) };
}

/** The list page: the page of offerings, what the filters offer, what the actor may start, and its own organisation (a shortcut filter). */
export async function listPage(ctx: Ctx, f: TListQuery) {
  const actor = requireSignedIn(ctx, 'offerings.read', REGISTER);
  const list = await queryList(ctx, f);
  return {
    ...list,
    ...(await tariffsInForce(
      ctx,
      list.rows.map((r) => r.offering_id),
    )),
    refs: await referenceLists(ctx.db, ctx.clock.today()),
    actions: { canCreate: can(ctx, 'offerings.create', REGISTER), canImport: can(ctx, 'offerings.import', REGISTER) },
    own: { organisationId: actor.organisationId, organisationName: actor.organisationName, isSecretariat: actor.organisationKind === 'secretariat' },
  };
}

/** Every offering matching the filters, for an export file; `date` names the file. */
export async function exportOfferings(ctx: Ctx, f: TListQuery) {
  requireSignedIn(ctx, 'offerings.read', REGISTER);
  const date = ctx.clock.today();
  return { date, rows: await exportOfferingRows(ctx.db, f, await resolveFilters(ctx.db, f, date)) };
}

/** What the actor may do with one offering (for links and buttons). */
const actionsOn = (ctx: Ctx, o: OfferingDetail) => {
  const canEdit = can(ctx, 'offerings.edit', targetOf(o));
  return { canEdit, canClose: canEdit && o.status !== 'lukket' };
};

/** One offering; 404 when there is none. */
export async function getOffering(ctx: Ctx, id: number): Promise<OfferingDetail> {
  const o = await loadDetail(ctx.db, id, ctx.clock.today());
  requireSignedIn(ctx, 'offerings.read', targetOf(o));
  return o!;
}

/** The detail page: the offering, what the actor may do with it, and its latest changes. */
export async function offeringPage(ctx: Ctx, id: number) {
  const offering = await getOffering(ctx, id);
  const [{ tariffYear, tariffs }, entries, refs, outcomes] = await Promise.all([
    tariffsInForce(ctx, [id]),
    offeringHistory(ctx.db, id),
    referenceLists(ctx.db, ctx.clock.today()),
    outcomesOfOfferings(ctx.db, [id], ctx.clock.today()),
  ]);
  const history = entries.map((h) => ({
    at: h.at,
    action: h.action,
    who: h.actor_name ?? h.actor_username,
    changes: describeChanges(h.before as Record<string, unknown> | null, h.after as Record<string, unknown> | null, refs),
  }));
  return { offering, actions: actionsOn(ctx, offering), history, tariffYear, tariff: tariffs.get(id) ?? null, outcome: outcomes.get(id) };
}

/** Organisations the actor may choose as operator in the form. */
async function operatorChoices(ctx: Ctx & { actor: NonNullable<Ctx['actor']> }) {
  const { actor } = ctx;
  if (actor.organisationKind !== 'secretariat') return [{ id: actor.organisationId, name: actor.organisationName }];
  return operatorOrganisations(ctx.db);
}

/** What the create form needs: reference lists, operator choices and today (for defaults). */
export async function newOfferingForm(ctx: Ctx) {
  const actor = requireSignedIn(ctx, 'offerings.create', REGISTER);
  const today = ctx.clock.today();
  return { actor, today, refs: await referenceLists(ctx.db, today), operators: await operatorChoices({ ...ctx, actor }) };
}

/** What the edit form needs: the offering's current values and the lists to choose from. */
export async function editOfferingForm(ctx: Ctx, id: number) {
  const today = ctx.clock.today();
  const o = await loadDetail(ctx.db, id, today);
  const actor = requireSignedIn(ctx, 'offerings.edit', targetOf(o));
  return {
    id,
    name: o!.offering_name,
    version: o!.version,
    values: toInput(o!),
    refs: await referenceLists(ctx.db, today),
    operators: await operatorChoices({ ...ctx, actor }),
  };
}

/** What the close form needs: the current status and today. */
export async function closeOfferingForm(ctx: Ctx, id: number) {
  const today = ctx.clock.today();
  const o = await loadDetail(ctx.db, id, today);
  requireSignedIn(ctx, 'offerings.edit', targetOf(o));
  return { id, name: o!.offering_name, version: o!.version, status: o!.status, statusSince: o!.status_since, today };
}

/**
 * The access check of the edit use cases on their own, for the API to run before Fastify validates the body
 * (so a user who may not edit gets 403/404, not a 400 about the body).
 */
export async function authorizeEdit(ctx: Ctx, id: number): Promise<void> {
  requireSignedIn(ctx, 'offerings.edit', targetOf(await loadDetail(ctx.db, id, ctx.clock.today())));
}

// Writes ---------------------------------------------------------------------------------------------------

/** Creates an offering; returns it as stored. */
export async function createOffering(ctx: Ctx, data: unknown): Promise<OfferingDetail> {
  requireSignedIn(ctx, 'offerings.create', REGISTER);
  const today = ctx.clock.today();
  const input = await validateForWrite(ctx.db, await referenceLists(ctx.db, today), data, today);
  if (!can(ctx, 'offerings.edit', await targetOfInput(ctx.db, input, today)))
    throw forbidden('Du kan kun oprette tilbud, som din egen organisation driver (sekretariatet: tilbud i eget rammeaftaleområde).');
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertOffering(trx, toRow(input), input.extraLegalBases, input.targetGroups);
    await audit(trx, ctx, { entity: 'offering', entityId: id, action: 'create', after: input satisfies OfferingAuditState });
    return (await loadDetail(trx, id, today))!;
  });
}

/**
 * Locks the offering, loads it inside the transaction and checks access on what it is now, then the version the
 * change builds on (if given: 412 when another change came first), then runs `change`. Parallel changes of one
 * offering wait for each other, so none is lost; the audit's "before" is the locked row.
 */
async function withLockedOffering<T>(
  ctx: Ctx,
  id: number,
  expectedVersion: ExpectedVersion,
  change: (trx: Queryable, existing: OfferingDetail, today: string) => Promise<T>,
): Promise<T> {
  const today = ctx.clock.today();
  await referenceLists(ctx.db, today); // warm the cache outside the transaction (PGlite has one connection)
  return ctx.db.transaction().execute(async (trx) => {
    const existing = (await lockOffering(trx, id)) !== null ? await loadDetail(trx, id, today) : null;
    requireSignedIn(ctx, 'offerings.edit', targetOf(existing));
    checkVersion(existing!.version, expectedVersion, OFFERING_STALE);
    return change(trx, existing!, today);
  });
}

/**
 * Partial update: the patch is merged into the current offering (read under lock) and the whole is validated.
 * `expectedVersion` (If-Match, the form's version) makes it refuse with 412 when the offering changed since. Returns the offering as stored.
 */
export async function patchOffering(ctx: Ctx, id: number, patch: Record<string, unknown>, expectedVersion?: ExpectedVersion): Promise<OfferingDetail> {
  const refs = await referenceLists(ctx.db, ctx.clock.today());
  return withLockedOffering(ctx, id, expectedVersion, async (trx, existing, today) => {
    const before = toInput(existing);
    const input = await validateForWrite(trx, refs, { ...before, ...patch }, today);
    if (!can(ctx, 'offerings.edit', await targetOfInput(trx, input, today, existing)))
      throw forbidden('Du kan ikke flytte tilbuddet til en driftsherre eller kommune uden for dit ansvar.');
    // Saving an unchanged form writes nothing and logs nothing.
    if (JSON.stringify(before) === JSON.stringify(input)) return existing;
    await updateOffering(trx, id, toRow(input), input.extraLegalBases, input.targetGroups);
    await audit(trx, ctx, {
      entity: 'offering',
      entityId: id,
      action: 'update',
      before: before satisfies OfferingAuditState,
      after: input satisfies OfferingAuditState,
    });
    return (await loadDetail(trx, id, today))!;
  });
}

/** From which status an offering may be closed, wound down or closed for intake, and to which. */
const CLOSE_TRANSITIONS: Record<OfferingStatus, readonly OfferingStatus[]> = {
  aktiv: ['lukket_for_indskrivning', 'under_afvikling', 'lukket'],
  lukket_for_indskrivning: ['lukket_for_indskrivning', 'under_afvikling', 'lukket'],
  under_afvikling: ['lukket_for_indskrivning', 'under_afvikling', 'lukket'],
  lukket: [],
};

/** Closes an offering for intake, winds it down or closes it, with a reason for the log. Returns the offering as stored. */
export async function closeOffering(ctx: Ctx, id: number, data: unknown, expectedVersion?: ExpectedVersion): Promise<OfferingDetail> {
  return withLockedOffering(ctx, id, expectedVersion, async (trx, existing, today) => {
    const body = parseInput(ZClose, data);
    if (!CLOSE_TRANSITIONS[existing.status].includes(body.status)) throw badRequest('Tilbuddet er allerede lukket.');
    if (body.statusSince < existing.status_since)
      throw badRequest('Oplysningerne er ikke gyldige.', {
        statusSince: [`Datoen må ikke ligge før den nuværende status (${formatDate(existing.status_since)}).`],
      });
    if (body.statusSince > today)
      throw badRequest('Oplysningerne er ikke gyldige.', {
        statusSince: ['Datoen kan ikke ligge i fremtiden. Registrér ændringen, når den træder i kraft (sæt evt. status "under afvikling" nu).'],
      });
    if (body.status === 'lukket')
      for (const c of ctx.capabilities) {
        const refusal = c.beforeOfferingClosed ? await c.beforeOfferingClosed(ctx, trx, id) : null;
        if (refusal) throw badRequest('Tilbuddet kan ikke lukkes endnu.', { status: [refusal] });
      }
    const before = toInput(existing);
    const after = { ...before, status: body.status, statusSince: body.statusSince };
    await updateOffering(trx, id, toRow(after), after.extraLegalBases, after.targetGroups);
    await audit(trx, ctx, {
      entity: 'offering',
      entityId: id,
      action: 'update',
      before: before satisfies OfferingAuditState,
      after: { ...after, reason: body.reason } satisfies OfferingAuditState,
    });
    return (await loadDetail(trx, id, today))!;
  });
}

export type { OfferingExportRow, OfferingListRow, ReferenceLists } from './offerings.repository.js';
