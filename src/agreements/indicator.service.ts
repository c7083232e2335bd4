/**
 * @module Indicators: an indicator's values (for a computed indicator, the named computation's value for the
 * area and each member with the rows behind it; for every indicator, its recorded measurements: "every
 * number can be opened"), and the secretariat's forms and writes for indicators and measurements. The
 * computations come from the app context (`ctx.indicators`), which every capability contributes to.
 */
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import type { Db, Queryable } from '../core/db/types.js';
import { badRequest, notFound, type FieldErrors } from '../core/errors.js';
import type { IndicatorComputation, IndicatorResult } from '../core/indicators.js';
import { parseInput } from '../core/validation.js';
import { checkVersion, type ExpectedVersion } from '../core/version.js';
import { auditShape } from './agreements.audit.js';
import { editable, mayEdit, readable, readableSignedIn } from './agreements.guard.js';
import { agreementMembers, touchAgreement, type AgreementRow } from './agreements.repository.js';
import { ZIndicator, ZMeasurement } from './agreements.schema.js';
import { CONTENT_STALE } from './content.service.js';
import * as repo from './content.repository.js';
import { indicatorProgress } from './logic.js';

const INVALID = 'Oplysningerne er ikke gyldige. Ret felterne nedenfor.';
const fail = (field: string, message: string): never => {
  throw badRequest(INVALID, { [field]: [message] });
};

export type ComputedValue = IndicatorResult & { code: string; name: string; description: string; date: string };

/** The values of one indicator of an agreement the caller may read (access already checked). */
async function indicatorValues(
  db: Queryable,
  computations: ReadonlyMap<string, IndicatorComputation>,
  agreement: AgreementRow,
  indicatorId: number,
  date: string,
) {
  const indicator = await repo.findIndicator(db, agreement.id, indicatorId);
  if (!indicator) throw notFound('Indikatoren findes ikke.');
  const measurements = await repo.measurementsOf(db, indicatorId);
  let computed: ComputedValue | null = null;
  if (indicator.source !== 'manual') {
    const c = computations.get(indicator.source);
    if (c) computed = { code: c.code, name: c.name, description: c.description, date, ...(await c.compute(db as Db, { areaId: agreement.area_id, date })) };
  }
  const areaLatest = [...measurements].reverse().find((m) => m.organisation_id === null);
  const latestValue = computed?.area.value ?? areaLatest?.value ?? null;
  return {
    indicator: {
      id: indicator.id,
      name: indicator.name,
      definition: indicator.definition,
      unit: indicator.unit,
      direction: indicator.direction,
      source: indicator.source,
      baseline: indicator.baseline_value === null ? null : { value: indicator.baseline_value, date: indicator.baseline_date },
      target: indicator.target_value === null ? null : { value: indicator.target_value, date: indicator.target_date },
    },
    progress: indicatorProgress(indicator.direction, indicator.baseline_value, indicator.target_value, latestValue),
    latestValue,
    computed,
    measurements: measurements.map((m) => ({
      id: m.id,
      organisationId: m.organisation_id,
      organisation: m.organisation_name,
      measuredOn: m.measured_on,
      value: m.value,
      source: m.source,
      note: m.note,
    })),
  };
}
export type IndicatorValues = Awaited<ReturnType<typeof indicatorValues>>;

/** An indicator's values, computed today. The rows behind them name offerings: signed-in readers only. */
export async function computeIndicator(ctx: Ctx, agreementId: number, indicatorId: number): Promise<IndicatorValues> {
  const agreement = await readableSignedIn(ctx, agreementId);
  return indicatorValues(ctx.db, ctx.indicators, agreement, indicatorId, ctx.clock.today());
}

/** A computed indicator's value for the whole area today (nothing behind it): part of the published agreement. */
export async function indicatorAreaValue(ctx: Ctx, agreementId: number, indicatorId: number): Promise<{ value: string | null; date: string } | null> {
  const agreement = await readable(ctx, agreementId);
  const { computed } = await indicatorValues(ctx.db, ctx.indicators, agreement, indicatorId, ctx.clock.today());
  return computed ? { value: computed.area.value, date: computed.date } : null;
}

/** The indicator page: its values, the members a measurement can be about, and whether the actor may edit (signed-in readers only). */
export async function indicatorView(ctx: Ctx, agreementId: number, indicatorId: number) {
  const agreement = await readableSignedIn(ctx, agreementId);
  const [values, members] = await Promise.all([
    indicatorValues(ctx.db, ctx.indicators, agreement, indicatorId, ctx.clock.today()),
    agreementMembers(ctx.db, agreement),
  ]);
  return { agreement, values, members, canEdit: mayEdit(ctx, agreement) };
}
export type IndicatorView = Awaited<ReturnType<typeof indicatorView>>;

/** An indicator for its form (null: a new one), with the objectives and computations to choose from. */
export async function indicatorForm(ctx: Ctx, agreementId: number, indicatorId: number | null) {
  const { agreement } = await editable(ctx, agreementId);
  const indicator = indicatorId === null ? null : ((await repo.findIndicator(ctx.db, agreement.id, indicatorId)) ?? null);
  if (indicatorId !== null && !indicator) throw notFound('Indikatoren findes ikke.');
  const objectives = await repo.objectivesOfAgreement(ctx.db, agreement.id);
  const computations = [...ctx.indicators.values()].map((c) => ({ code: c.code, name: c.name }));
  return { agreement, indicator, objectives, computations };
}
export type IndicatorForm = Awaited<ReturnType<typeof indicatorForm>>;

/** Creates or changes an indicator; a change builds on `expected` (If-Match / the form's version: 412 when stale). Its id and new version. */
export async function saveIndicator(
  ctx: Ctx,
  agreementId: number,
  indicatorId: number | null,
  input: unknown,
  expected?: ExpectedVersion,
): Promise<{ id: number; version: number }> {
  const { agreement } = await editable(ctx, agreementId);
  const v = parseInput(ZIndicator, input);
  const errors: FieldErrors = {};
  const check = (bad: boolean, field: string, message: string) => bad && (errors[field] ??= []).push(message);
  const none = (x: unknown) => (x ?? null) === null;
  check(
    none(v.baselineValue) !== none(v.baselineDate),
    none(v.baselineValue) ? 'baselineValue' : 'baselineDate',
    'Udgangspunktet skal have både værdi og dato.',
  );
  check(none(v.targetValue) !== none(v.targetDate), none(v.targetValue) ? 'targetValue' : 'targetDate', 'Målet skal have både værdi og dato.');
  check(!!v.baselineDate && !!v.targetDate && v.targetDate < v.baselineDate, 'targetDate', 'Måldatoen skal ligge efter udgangspunktets dato.');
  check(v.source !== 'manual' && !ctx.indicators.has(v.source), 'source', 'Ukendt beregning. Vælg manuel indtastning eller en af Rammes beregninger.');
  if (Object.keys(errors).length) throw badRequest(INVALID, errors);
  return ctx.db.transaction().execute(async (trx) => {
    if (v.objectiveId && !(await repo.isObjectiveOf(trx, agreementId, v.objectiveId))) fail('objectiveId', 'Målsætningen findes ikke i denne aftale.');
    const values = {
      objective_id: v.objectiveId ?? null,
      name: v.name,
      definition: v.definition,
      unit: v.unit,
      direction: v.direction,
      baseline_value: v.baselineValue ?? null,
      baseline_date: v.baselineDate ?? null,
      target_value: v.targetValue ?? null,
      target_date: v.targetDate ?? null,
      source: v.source,
    };
    let id = indicatorId;
    let newVersion: number;
    if (id === null) {
      const row = await repo.insertIndicator(trx, { agreement_id: agreementId, ...values });
      await audit(trx, ctx, { entity: 'agreement_indicator', entityId: row.id, action: 'create', after: auditShape.indicator(row) });
      id = row.id;
      newVersion = row.version;
    } else {
      const version = await repo.lockContentRow(trx, 'agreement_indicator', id);
      const before = version === null ? undefined : await repo.findIndicator(trx, agreementId, id);
      if (!before) throw notFound('Indikatoren findes ikke.');
      checkVersion(version!, expected, CONTENT_STALE);
      const after = await repo.updateIndicator(trx, id, values);
      newVersion = await repo.bumpContentRow(trx, 'agreement_indicator', id);
      await audit(trx, ctx, {
        entity: 'agreement_indicator',
        entityId: id,
        action: 'update',
        before: auditShape.indicator(before),
        after: auditShape.indicator(after),
      });
    }
    await touchAgreement(trx, agreement.id, ctx.clock.now());
    return { id, version: newVersion };
  });
}

export async function addMeasurement(ctx: Ctx, agreementId: number, indicatorId: number, input: unknown): Promise<number> {
  const { agreement } = await editable(ctx, agreementId);
  const v = parseInput(ZMeasurement, input);
  if (v.measuredOn > ctx.clock.today()) fail('measuredOn', 'En måling kan ikke ligge i fremtiden.');
  if (v.organisationId) {
    const members = await agreementMembers(ctx.db, agreement);
    if (!members.some((m) => m.id === v.organisationId)) fail('organisationId', 'Organisationen er ikke medlem af aftalen.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findIndicator(trx, agreementId, indicatorId))) throw notFound('Indikatoren findes ikke.');
    const row = await repo.insertMeasurement(trx, {
      indicator_id: indicatorId,
      organisation_id: v.organisationId ?? null,
      measured_on: v.measuredOn,
      value: v.value,
      source: v.source,
      note: v.note,
    });
    await audit(trx, ctx, { entity: 'agreement_measurement', entityId: row.id, action: 'create', after: auditShape.measurement(row) });
    return row.id;
  });
}
