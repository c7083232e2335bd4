/**
 * @module Tariff use cases: calculate in an offering's context, create and update drafts, submit, approve,
 * return and delete. Each starts with the access check and writes in one transaction with an audit entry.
 * Publishing lives in publish.service.ts.
 */
import { z } from 'zod';
import type { Actor } from '../core/auth/actor.js';
import { requireActor, requireRole } from '../core/auth/actor.js';
import { audit } from '../core/audit.js';
import type { Db, Queryable } from '../core/db/types.js';
import { badRequest, conflict, forbidden, HttpError, notFound, unauthorized, type FieldErrors } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { canEditTariffsOf, canReviewArea, canSeeVersion } from './access.js';
import { calculateTariff, checkCalculation, CalculationInputError, type CalcInput, type CalcResult } from './calculation.js';
import { toCalcInput, type TCalcInput } from './calculation.schema.js';
import { isIncreaseFlagged, tariffChange, type Change } from './increase.js';
import { calcRulesOf, findRule, priceIndexPct, requireRule, snapshotOf, type RuleRow } from './rules.repository.js';
import {
  currentPublished, findTariff, getVersion, insertTariff, insertVersion, latestVersionNumber, offeringContext, openVersionOf, updateVersion,
  type OfferingContext, type VersionDetail, type VersionValues,
} from './tariffs.repository.js';
import { ZReturn, ZSubmit, ZTariffCreate, ZTariffUpdate } from './tariffs.schema.js';
import type { RulesSnapshot } from './tariffs.table.js';

/** Today's date in Copenhagen ('YYYY-MM-DD'), for deadlines. */
export const todayDk = (): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());

/** The latest year a new tariff can be started for: next year (the round being worked on). */
export const latestTariffYear = (): number => Number(todayDk().slice(0, 4)) + 1;

/** Refuses a tariff year after next year with a Danish message (rules for later years are not decided yet). */
export function requireTariffYear(year: number): void {
  const latest = latestTariffYear();
  if (year > latest) throw badRequest(`Takster kan højst beregnes for næste år (${latest}); aftalens regler for ${year} er ikke fastlagt.`, { year: [`Takster kan højst beregnes for ${latest}.`] });
}

export type Computed = {
  input: CalcInput;
  result: CalcResult;
  rule: RuleRow;
  snapshot: RulesSnapshot;
  previous: { id: number; average_tariff: string; version: number } | null;
  change: Change;
  isFlagged: boolean;
};

type CalcFields = Omit<TCalcInput, 'year' | 'shortStay' | 'retainLimitPct'>;

/** Calculates a tariff for an offering and year with the agreement's rules, and compares it with last year's. */
export async function computeInContext(db: Queryable, ctx: OfferingContext, year: number, calc: CalcFields): Promise<Computed> {
  if (!ctx.area) throw badRequest(`Tilbuddets kommune hører ikke til et rammeaftaleområde i ${year}.`);
  const rule = await requireRule(db, ctx.area.id, year);
  const pl = await priceIndexPct(db, year);
  const input = toCalcInput({ ...calc, year, shortStay: ctx.is_short_stay, retainLimitPct: null });
  let result: CalcResult;
  try {
    result = calculateTariff(input, calcRulesOf(rule));
  } catch (error) {
    if (error instanceof CalculationInputError) throw badRequest('Beregningen kan ikke udføres. Ret felterne nedenfor.', error.problems);
    throw error;
  }
  const prev = await currentPublished(db, ctx.id, year - 1);
  const previous = prev && prev.unit === input.unit ? prev : null;
  const change = tariffChange(previous?.average_tariff ?? null, result.averageTariff, pl);
  const snapshot = snapshotOf(rule, year, pl);
  return { input, result, rule, snapshot, previous, change, isFlagged: isIncreaseFlagged(change, snapshot, ctx.is_residential) };
}

function calcValues(c: Computed) {
  return {
    unit: c.input.unit,
    input: JSON.stringify(c.input),
    rules: JSON.stringify(c.snapshot),
    basis: c.result.basis,
    overhead: c.result.overhead,
    overhead_pct: c.result.overheadPct,
    occupancy_pct_used: c.result.occupancyPctUsed,
    occupancy_source: c.result.occupancySource,
    capacity_units: c.result.capacityUnits,
    average_tariff: c.result.averageTariff,
    warnings: JSON.stringify(c.result.warnings),
    prev_version_id: c.previous?.id ?? null,
    nominal_change_pct: c.change.nominalPct,
    real_change_pct: c.change.realPct,
    is_flagged: c.isFlagged,
  } satisfies Partial<VersionValues>;
}

const levelValues = (r: CalcResult) => r.levels.map((l) => ({ name: l.name, weight: l.weight, share: l.share, tariff: l.tariff }));

async function requireContext(db: Queryable, offeringId: number, year: number): Promise<OfferingContext> {
  const ctx = await offeringContext(db, offeringId, year);
  if (!ctx) throw notFound('Tilbuddet findes ikke.');
  return ctx;
}

/** Loads a version the actor may see; an unpublished one is refused (401/403) to all but its operator and the secretariat. */
export async function requireVisibleVersion(db: Queryable, actor: Actor | null, id: number): Promise<{ v: VersionDetail; ctx: OfferingContext }> {
  const v = await getVersion(db, id);
  if (!v) throw notFound('Taksten findes ikke.');
  const ctx = await requireContext(db, v.offering_id, v.year);
  if (!canSeeVersion(actor, v, ctx)) {
    if (!actor) throw unauthorized('Taksten er ikke offentliggjort. Log ind for at se den.');
    throw forbidden('Taksten er ikke offentliggjort; kun driftsherren og rammeaftalens sekretariat kan se den.');
  }
  return { v, ctx };
}

const mergeErrors = (a: FieldErrors, b: FieldErrors): FieldErrors => {
  const out: FieldErrors = { ...a };
  for (const [k, msgs] of Object.entries(b)) out[k] = [...(out[k] ?? []), ...msgs];
  return out;
};

/**
 * The calculation's own checks (places, occupancy, regulation, shares) on the fields that passed the schema, so a
 * form shows those problems together with the schema's instead of one round later. Fields with schema errors are
 * left out, and so are their problems.
 */
async function checksOnValidFields(db: Queryable, ctx: OfferingContext, year: number, data: unknown, schemaErrors: FieldErrors): Promise<FieldErrors> {
  const bad = new Set(Object.keys(schemaErrors).map((p) => p.split('.')[0]!));
  if (!ctx.area || bad.has('unit') || bad.has('_') || typeof data !== 'object' || data === null) return {};
  const lenient: Record<string, unknown> = Object.fromEntries(Object.entries(data).filter(([k]) => !bad.has(k) && k !== 'offeringId' && k !== 'year'));
  if (bad.has('costs')) lenient.costs = [{ category: 'salaries', amount: '1' }];
  const parsed = ZTariffUpdate.safeParse(lenient);
  const rule = parsed.success ? await findRule(db, ctx.area.id, year) : null;
  if (!parsed.success || !rule) return {};
  const { explanation: _e, correctionReason: _c, ...calc } = parsed.data;
  const problems = checkCalculation(toCalcInput({ ...calc, year, shortStay: ctx.is_short_stay, retainLimitPct: null }), calcRulesOf(rule));
  return Object.fromEntries(Object.entries(problems).filter(([k]) => !bad.has(k.split('.')[0]!) && k !== 'costs'));
}

/** Parses a draft and calculates it, reporting every problem at once: the schema's, the calculation's and `extra` (a missing reason). */
async function parseAndCompute<T extends CalcFields & { explanation: string | null; correctionReason: string | null }>(
  db: Queryable,
  parse: () => T,
  context: (body: T | null) => Promise<{ ctx: OfferingContext; year: number } | null>,
  data: unknown,
  extra: (body: T | null) => FieldErrors,
): Promise<{ body: T; computed: Computed; ctx: OfferingContext }> {
  let body: T;
  try {
    body = parse();
  } catch (error) {
    if (!(error instanceof HttpError) || error.statusCode !== 400) throw error;
    const c = await context(null);
    const more = c ? await checksOnValidFields(db, c.ctx, c.year, data, error.fieldErrors) : {};
    throw badRequest(error.message, mergeErrors(mergeErrors(error.fieldErrors, more), extra(null)));
  }
  const c = (await context(body))!;
  const missing = extra(body);
  try {
    const { explanation: _e, correctionReason: _c, ...calc } = body;
    const computed = await computeInContext(db, c.ctx, c.year, calc as CalcFields);
    if (Object.keys(missing).length) throw badRequest('Oplysningerne er ikke gyldige.', missing);
    return { body, computed, ctx: c.ctx };
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 400 && Object.keys(missing).length && !Object.keys(error.fieldErrors).some((k) => k in missing))
      throw badRequest(error.message, mergeErrors(error.fieldErrors, missing));
    throw error;
  }
}

const rawField = (data: unknown, key: string): unknown => (typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined);

export async function createDraft(db: Db, actor: Actor | null, data: unknown): Promise<number> {
  const a = requireRole(actor, 'tilbudsoekonomi', 'leverandoer');
  // Offering and year decide the access check and the rules; they are read first, so the rest is validated in one go.
  const ids = z.object({ offeringId: z.number().int().positive().max(2147483647), year: z.number().int().min(2000).max(2100) }).safeParse({ offeringId: rawField(data, 'offeringId'), year: rawField(data, 'year') });
  const early = ids.success ? await offeringContext(db, ids.data.offeringId, ids.data.year) : null;
  if (early && !canEditTariffsOf(a, early)) throw forbidden('Du kan kun beregne takster for tilbud, som din egen organisation driver.');
  if (ids.success) requireTariffYear(ids.data.year);
  const existingBefore = early ? await findTariff(db, early.id, ids.data!.year) : null;
  const isCorrection = !!existingBefore && !(await openVersionOf(db, existingBefore.id)) && (await latestVersionNumber(db, existingBefore.id)) > 0;
  const { body, computed, ctx } = await parseAndCompute(
    db,
    () => parseInput(ZTariffCreate, data),
    async (b) => {
      if (!b) return early ? { ctx: early, year: ids.data!.year } : null;
      const ctx = early && early.id === b.offeringId ? early : await requireContext(db, b.offeringId, b.year);
      if (!canEditTariffsOf(a, ctx)) throw forbidden('Du kan kun beregne takster for tilbud, som din egen organisation driver.');
      requireTariffYear(b.year);
      return { ctx, year: b.year };
    },
    data,
    (b): FieldErrors => (isCorrection && !(b ? b.correctionReason : String(rawField(data, 'correctionReason') ?? '').trim()) ? { correctionReason: ['Skriv en begrundelse: taksten er offentliggjort, så en rettelse bliver en ny version.'] } : {}),
  );
  const { offeringId, explanation, correctionReason, year } = body;
  return db.transaction().execute(async (trx) => {
    const existing = await findTariff(trx, offeringId, year);
    const tariffId = existing?.id ?? (await insertTariff(trx, { offering_id: offeringId, year, area_id: ctx.area!.id }));
    if (existing && (await openVersionOf(trx, existing.id))) throw conflict(`Der findes allerede en åben version af taksten for ${year}. Ret den i stedet.`);
    const version = (await latestVersionNumber(trx, tariffId)) + 1;
    if (version > 1 && !correctionReason) throw badRequest('Oplysningerne er ikke gyldige.', { correctionReason: ['Skriv en begrundelse: taksten er offentliggjort, så en rettelse bliver en ny version.'] });
    const id = await insertVersion(
      trx,
      { tariff_id: tariffId, version, status: 'kladde', ...calcValues(computed), explanation, correction_reason: version > 1 ? correctionReason : null, created_by: a.username },
      levelValues(computed.result),
    );
    await audit(trx, a, { entity: 'tariff_version', entityId: id, action: 'create', after: { offeringId, year, version, input: computed.input, averageTariff: computed.result.averageTariff } });
    return id;
  });
}

/** Loads a version the actor may edit (its own offering, status draft or returned). */
async function requireEditableVersion(db: Queryable, actor: Actor, id: number) {
  const { v, ctx } = await requireVisibleVersion(db, actor, id);
  if (!canEditTariffsOf(actor, ctx)) throw forbidden('Du kan kun rette takster for tilbud, som din egen organisation driver.');
  if (v.status !== 'kladde' && v.status !== 'returneret') throw conflict(`Taksten er ${v.status} og kan ikke rettes. ${v.status === 'offentliggjort' ? 'Opret en ny version med en begrundelse.' : ''}`.trim());
  return { v, ctx };
}

export async function updateDraft(db: Db, actor: Actor | null, id: number, data: unknown): Promise<void> {
  const a = requireActor(actor);
  const { v, ctx } = await requireEditableVersion(db, a, id);
  const reasonMissing = { correctionReason: ['Skriv en begrundelse for den nye version.'] };
  const { body, computed } = await parseAndCompute(
    db,
    () => parseInput(ZTariffUpdate, data),
    async () => ({ ctx, year: v.year }),
    data,
    (b): FieldErrors => (v.version > 1 && !(b ? b.correctionReason : String(rawField(data, 'correctionReason') ?? '').trim()) ? reasonMissing : {}),
  );
  const { explanation, correctionReason } = body;
  await db.transaction().execute(async (trx) => {
    await updateVersion(trx, id, { status: 'kladde', ...calcValues(computed), explanation, correction_reason: v.version > 1 ? correctionReason : null }, levelValues(computed.result));
    await audit(trx, a, { entity: 'tariff_version', entityId: id, action: 'update', before: { input: v.input, averageTariff: v.average_tariff, explanation: v.explanation }, after: { input: computed.input, averageTariff: computed.result.averageTariff, explanation } });
  });
}

/** Submits a draft; an explanation given with the submission (the tariff page has the field) replaces the stored one. */
export async function submitVersion(db: Db, actor: Actor | null, id: number, data: unknown = {}): Promise<void> {
  const a = requireActor(actor);
  const { v, ctx } = await requireEditableVersion(db, a, id);
  const explanation = parseInput(ZSubmit, data ?? {}).explanation || v.explanation;
  // Recalculate: last year's tariff or the rules may have changed since the draft was saved.
  const { year: _year, shortStay: _s, retainLimitPct: _r, ...calc } = v.input;
  const computed = await computeInContext(db, ctx, v.year, calc as CalcFields);
  if (computed.isFlagged && !explanation)
    throw badRequest('Taksten kan ikke indsendes endnu.', { explanation: [`Stigningen overstiger aftalens grænse på ${computed.snapshot.increaseThresholdPct.replace('.', ',')} %. Forklar stigningen, før taksten indsendes.`] });
  // On time is decided by the first submission; a resubmission after a return keeps it.
  const today = todayDk();
  await db.transaction().execute(async (trx) => {
    await updateVersion(
      trx,
      id,
      { ...calcValues(computed), status: 'indsendt', explanation, submitted_at: new Date(), submitted_by: a.username, is_on_time: v.version === 1 ? (v.is_on_time ?? today <= computed.snapshot.deadline) : null, return_comment: v.return_comment },
      levelValues(computed.result),
    );
    await audit(trx, a, { entity: 'tariff_version', entityId: id, action: 'update', before: { status: v.status }, after: { status: 'indsendt', deadline: computed.snapshot.deadline, isFlagged: computed.isFlagged, ...(explanation !== v.explanation ? { explanation } : {}) } });
  });
}

async function requireReviewableVersion(db: Queryable, actor: Actor, id: number) {
  const { v, ctx } = await requireVisibleVersion(db, actor, id);
  if (!canReviewArea(actor, v.area_id)) throw forbidden('Kun rammeaftalens sekretariat kan godkende eller sende takster retur.');
  return { v, ctx };
}

export async function approveVersion(db: Db, actor: Actor | null, id: number): Promise<void> {
  const a = requireActor(actor);
  const { v } = await requireReviewableVersion(db, a, id);
  if (v.status !== 'indsendt') throw conflict(`Kun indsendte takster kan godkendes; denne er ${v.status}.`);
  await db.transaction().execute(async (trx) => {
    await updateVersion(trx, id, { status: 'godkendt', approved_at: new Date(), approved_by: a.username, return_comment: null });
    await audit(trx, a, { entity: 'tariff_version', entityId: id, action: 'update', before: { status: v.status }, after: { status: 'godkendt' } });
  });
}

export async function returnVersion(db: Db, actor: Actor | null, id: number, data: unknown): Promise<void> {
  const a = requireActor(actor);
  const { v } = await requireReviewableVersion(db, a, id);
  const { comment } = parseInput(ZReturn, data);
  if (v.status !== 'indsendt' && v.status !== 'godkendt') throw conflict(`Kun indsendte eller godkendte takster kan sendes retur; denne er ${v.status}.`);
  await db.transaction().execute(async (trx) => {
    await updateVersion(trx, id, { status: 'returneret', return_comment: comment, approved_at: null, approved_by: null });
    await audit(trx, a, { entity: 'tariff_version', entityId: id, action: 'update', before: { status: v.status }, after: { status: 'returneret', comment } });
  });
}

/** Deletes a draft that was never submitted (and the tariff row when it was its only version). */
export async function deleteDraft(db: Db, actor: Actor | null, id: number): Promise<void> {
  const a = requireActor(actor);
  const { v } = await requireEditableVersion(db, a, id);
  if (v.status !== 'kladde' || v.submitted_at) throw conflict('Kun en kladde, der aldrig er indsendt, kan slettes.');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('tariff_version').where('id', '=', id).execute();
    const left = await trx.selectFrom('tariff_version').select('id').where('tariff_id', '=', v.tariff_id).executeTakeFirst();
    if (!left) await trx.deleteFrom('tariff').where('id', '=', v.tariff_id).execute();
    await audit(trx, a, { entity: 'tariff_version', entityId: id, action: 'delete', before: { offeringId: v.offering_id, year: v.year, input: v.input } });
  });
}
