/**
 * @module Drafts: create one for an offering and year (or a new version of a published tariff), edit it, and
 * the editor's data with the live calculation. The API sends a validated body; the pages send form fields,
 * validated here so the form can be shown again with every problem at once. Each starts with one access call.
 */
import { requireAccess, requireSignedIn } from '../core/access/access.js';
import type { Actor } from '../core/auth/actor.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';
import { badRequest, conflict, HttpError, notFound, type FieldErrors } from '../core/errors.js';
import { formatForInput } from '../core/format.js';
import { parseInput } from '../core/validation.js';
import type { ExpectedVersion } from '../core/version.js';
import { parseAndCompute, computeWith, computeInContext, calcValues, levelValues, requireTariffYear, type Computed, type DraftBody } from './draft.compute.js';
import { formToBody, inputToForm, mapErrors, type FormValues } from './draft.form.js';
import { deadlineFor, findRule } from './rules.repository.js';
import {
  currentPublished,
  findTariff,
  getVersion,
  insertTariff,
  insertVersion,
  latestVersionNumber,
  occupancyHistory,
  offeringContext,
  openVersionOf,
  type OfferingContext,
} from './tariffs.repository.js';
import { ZTariffUpdate, type TTariffCreate, type TTariffUpdate } from './tariffs.schema.js';
import { changeStatus, requireTransition, requireVersion, versionAudit } from './tariffs.service.js';

const REASON = 'Skriv en begrundelse: taksten er offentliggjort, så en rettelse bliver en ny version.';

/** The offering a draft is for, with the access decision (its operator only) and the year check (up to next year). */
async function requireOffering(ctx: Ctx, offeringId: number, year: number): Promise<{ offering: OfferingContext; actor: Actor }> {
  const offering = await offeringContext(ctx.db, offeringId, year);
  if (!offering) throw notFound('Tilbuddet findes ikke.');
  const actor = requireSignedIn(ctx, 'tariffs.create', { operatorOrgId: offering.operator_org_id });
  requireTariffYear(ctx.clock, year);
  return { offering, actor };
}

/** A version the actor may edit now (its own offering; a draft or returned). */
async function requireEditable(ctx: Ctx, id: number) {
  const found = await requireVersion(ctx, id, 'tariffs.edit');
  requireTransition(found.v.status, 'kladde');
  return found;
}

/** The access decision of creating drafts at all (API routes make it before Fastify validates the body). */
export function checkMayCreateDrafts(ctx: Ctx): void {
  requireAccess(ctx, 'tariffs.operate', null);
}

/** A new draft for a tariff that has versions but none open is a correction, and needs a reason. */
async function isCorrection(db: Queryable, offeringId: number, year: number): Promise<boolean> {
  const tariff = await findTariff(db, offeringId, year);
  return !!tariff && !(await openVersionOf(db, tariff.id)) && (await latestVersionNumber(db, tariff.id)) > 0;
}

const rawText = (data: unknown, key: string): string =>
  String((typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined) ?? '').trim();

async function insertDraft(ctx: Ctx, actor: Actor, offering: OfferingContext, year: number, body: DraftBody, computed: Computed): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findTariff(trx, offering.id, year);
    const tariffId = existing?.id ?? (await insertTariff(trx, { offering_id: offering.id, year, area_id: offering.area!.id }));
    if (existing && (await openVersionOf(trx, existing.id))) throw conflict(`Der findes allerede en åben version af taksten for ${year}. Ret den i stedet.`);
    const version = (await latestVersionNumber(trx, tariffId)) + 1;
    if (version > 1 && !body.correctionReason) throw badRequest('Oplysningerne er ikke gyldige.', { correctionReason: [REASON] });
    const values = {
      tariff_id: tariffId,
      version,
      status: 'kladde' as const,
      ...calcValues(computed),
      explanation: body.explanation,
      correction_reason: version > 1 ? body.correctionReason : null,
    };
    const id = await insertVersion(trx, { ...values, created_by: actor.username }, levelValues(computed.result));
    const after = { ...values, offering_id: offering.id, year, input: computed.input, return_comment: null };
    await audit(trx, ctx, { entity: 'tariff_version', entityId: id, action: 'create', after: versionAudit(after) });
    return id;
  });
}

/** Creates a draft from a validated API body. */
export async function createDraft(ctx: Ctx, body: TTariffCreate): Promise<number> {
  const { offering, actor } = await requireOffering(ctx, body.offeringId, body.year);
  const { offeringId: _o, year, ...draft } = body;
  const missing: FieldErrors = (await isCorrection(ctx.db, offering.id, year)) && !draft.correctionReason ? { correctionReason: [REASON] } : {};
  return insertDraft(ctx, actor, offering, year, draft, await computeWith(ctx.db, offering, year, draft, missing));
}

/** Form fields → the body and the way back from its error paths; a 400 comes back with the form's field names. */
async function fromForm<T>(values: FormValues, run: (body: Record<string, unknown>) => Promise<T>): Promise<T> {
  const { body, fieldOf } = formToBody(values);
  try {
    return await run(body);
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 400)
      throw badRequest(error.message, mapErrors(Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] }, fieldOf));
    throw error;
  }
}

/** Creates a draft from the editor form, every problem reported at once (on the form's fields). */
export async function createDraftFromForm(ctx: Ctx, offeringId: number, year: number, values: FormValues): Promise<number> {
  const { offering, actor } = await requireOffering(ctx, offeringId, year);
  const correction = await isCorrection(ctx.db, offering.id, year);
  return fromForm(values, async (data) => {
    const missing = (b: DraftBody | null): FieldErrors =>
      correction && !(b ? b.correctionReason : rawText(data, 'correctionReason')) ? { correctionReason: [REASON] } : {};
    const { body, computed } = await parseAndCompute(ctx.db, offering, year, data, missing);
    return insertDraft(ctx, actor, offering, year, body, computed);
  });
}

async function saveDraft(
  ctx: Ctx,
  v: Awaited<ReturnType<typeof requireEditable>>['v'],
  body: DraftBody,
  computed: Computed,
  expectedRevision: ExpectedVersion,
): Promise<void> {
  const values = { ...calcValues(computed), explanation: body.explanation, correction_reason: v.version > 1 ? body.correctionReason : null };
  await changeStatus(ctx, v, 'kladde', values, { levels: levelValues(computed.result), input: computed.input }, expectedRevision);
}

const REASON_AGAIN = { correctionReason: ['Skriv en begrundelse for den nye version.'] };

/** Saves a draft or a returned tariff from a validated API body (the whole calculation is sent); If-Match (optional) → 412 when stale. */
export async function updateDraft(ctx: Ctx, id: number, body: TTariffUpdate, expectedRevision?: ExpectedVersion): Promise<void> {
  const { v, offering } = await requireEditable(ctx, id);
  const computed = await computeWith(ctx.db, offering, v.year, body, v.version > 1 && !body.correctionReason ? REASON_AGAIN : {});
  await saveDraft(ctx, v, body, computed, expectedRevision);
}

/** Saves a draft from the editor form, every problem reported at once (on the form's fields); the form's revision → 412 when stale. */
export async function updateDraftFromForm(ctx: Ctx, id: number, values: FormValues, expectedRevision: ExpectedVersion): Promise<void> {
  const { v, offering } = await requireEditable(ctx, id);
  await fromForm(values, async (data) => {
    const missing = (b: DraftBody | null): FieldErrors => (v.version > 1 && !(b ? b.correctionReason : rawText(data, 'correctionReason')) ? REASON_AGAIN : {});
    const { body, computed } = await parseAndCompute(ctx.db, offering, v.year, data, missing);
    await saveDraft(ctx, v, body, computed, expectedRevision);
  });
}

export type Preview = { computed: Computed | null; errors: FieldErrors };

/** Tries the calculation for the live preview; returns the problems (on form fields) instead of throwing. */
async function tryCompute(db: Queryable, offering: OfferingContext, year: number, values: FormValues): Promise<Preview> {
  try {
    return {
      computed: await fromForm(values, async (data) => {
        const { explanation: _e, correctionReason: _c, ...calc } = parseInput(ZTariffUpdate, data);
        return computeInContext(db, offering, year, calc);
      }),
      errors: {},
    };
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 400) return { computed: null, errors: error.fieldErrors };
    throw error;
  }
}

/** Starting values for a new draft: last year's published calculation (without its regulation) and Ramme's occupancy history. */
async function startingValues(db: Queryable, offering: OfferingContext, year: number, correctionOf: number | null): Promise<FormValues> {
  const history = await occupancyHistory(db, offering.id, year);
  const source = correctionOf ?? (await currentPublished(db, offering.id, year - 1))?.id ?? null;
  const v = source ? await getVersion(db, source) : null;
  const values: FormValues = v
    ? inputToForm(correctionOf ? v.input : { ...v.input, regulation: null, occupancyPct: null, occupancyHistoryPct: null })
    : { unit: 'day', places: String(offering.places), overheadMode: 'pct' };
  if (!correctionOf) history.forEach((h, i) => (values[`hist.${i}`] = formatForInput(h.occupancy_pct)));
  return values;
}

/** What the editor page shows: the offering, the deadline, the years of occupancy Ramme has, the values and the calculation. */
async function editorModel(
  db: Queryable,
  offering: OfferingContext,
  year: number,
  values: FormValues,
  o: { isCorrection: boolean; withPreview: boolean; version: { id: number; version: number; revision: number } | null },
) {
  const history = await occupancyHistory(db, offering.id, year);
  const rule = offering.area ? await findRule(db, offering.area.id, year) : null;
  const preview = o.withPreview ? await tryCompute(db, offering, year, values) : null;
  return {
    offering,
    year,
    values,
    isCorrection: o.isCorrection,
    version: o.version,
    deadline: rule ? deadlineFor(rule, year) : null,
    historyYears: history.map((h) => h.year),
    preview,
  };
}
export type EditorModel = Awaited<ReturnType<typeof editorModel>>;

/** The editor for a new draft of an offering's tariff (or a new version of a published one), with the form's values. */
export async function newDraftEditor(ctx: Ctx, offeringId: number, year: number, values: FormValues, o: { withPreview: boolean }): Promise<EditorModel> {
  const { offering } = await requireOffering(ctx, offeringId, year);
  const tariff = await findTariff(ctx.db, offering.id, year);
  const isCorrection = !!tariff && !!(await currentPublished(ctx.db, offering.id, year));
  return editorModel(ctx.db, offering, year, values, { isCorrection, withPreview: o.withPreview, version: null });
}

/** Starting a new draft: the editor with last year's calculation, or the version already open for the year. */
export async function startDraft(ctx: Ctx, offeringId: number, year: number): Promise<EditorModel | { openVersionId: number }> {
  const { offering } = await requireOffering(ctx, offeringId, year);
  const tariff = await findTariff(ctx.db, offering.id, year);
  const open = tariff ? await openVersionOf(ctx.db, tariff.id) : null;
  if (open) return { openVersionId: open.id };
  const published = tariff ? await currentPublished(ctx.db, offering.id, year) : null;
  const values = await startingValues(ctx.db, offering, year, published?.id ?? null);
  return editorModel(ctx.db, offering, year, values, { isCorrection: !!published, withPreview: true, version: null });
}

/** The editor for a draft or a returned tariff: its stored calculation, or the form's values. */
export async function draftEditor(ctx: Ctx, id: number, values: FormValues | null, o: { withPreview: boolean }): Promise<EditorModel> {
  const { v, offering } = await requireEditable(ctx, id);
  const start = values ?? inputToForm(v.input, { explanation: v.explanation, correctionReason: v.correction_reason });
  return editorModel(ctx.db, offering, v.year, start, {
    isCorrection: v.version > 1,
    withPreview: o.withPreview,
    version: { id: v.id, version: v.version, revision: v.revision },
  });
}

/** The live calculation of the editor's fields, saving nothing. */
export async function previewDraft(ctx: Ctx, offeringId: number, year: number, values: FormValues) {
  const { offering } = await requireOffering(ctx, offeringId, year);
  return { ...(await tryCompute(ctx.db, offering, year, values)), offering };
}
