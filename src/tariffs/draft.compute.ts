/**
 * @module Calculating a draft in its offering's context: the agreement's rule for the area and year, the P/L
 * index, last year's published tariff to compare with, and whether the increase must be explained. Also the
 * form path's "every problem at once": the schema's, the calculation's and a missing reason together.
 */
import type { Clock } from '../core/clock.js';
import type { Queryable } from '../core/db/types.js';
import { badRequest, HttpError, type FieldErrors } from '../core/errors.js';
import { fieldErrorsFrom } from '../core/validation.js';
import { calculateTariff, checkCalculation, CalculationInputError, type CalcInput, type CalcResult } from './calculation.js';
import { toCalcInput, type TCalcInput } from './calculation.schema.js';
import { isIncreaseFlagged, tariffChange, type Change } from './increase.js';
import { calcRulesOf, findRule, priceIndexPct, requireRule, snapshotOf, type RuleRow } from './rules.repository.js';
import { currentPublished, type OfferingContext, type VersionValues } from './tariffs.repository.js';
import { ZTariffUpdate } from './tariffs.schema.js';
import type { RulesSnapshot } from './tariffs.table.js';

/** The latest year a new tariff can be started for: next year (the round being worked on). */
export const latestTariffYear = (clock: Clock): number => Number(clock.today().slice(0, 4)) + 1;

/** Refuses a tariff year after next year with a Danish message (rules for later years are not decided yet). */
export function requireTariffYear(clock: Clock, year: number): void {
  const latest = latestTariffYear(clock);
  if (year > latest)
    throw badRequest(`Takster kan højst beregnes for næste år (${latest}); aftalens regler for ${year} er ikke fastlagt.`, {
      year: [`Takster kan højst beregnes for ${latest}.`],
    });
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

export type CalcFields = Omit<TCalcInput, 'year' | 'shortStay' | 'retainLimitPct'>;

/** The calculation fields of a stored input (year, short stay and the retain limit follow from the context). */
export function calcFieldsOf(input: CalcInput): CalcFields {
  const { year: _year, shortStay: _s, retainLimitPct: _r, ...calc } = input;
  return calc as CalcFields;
}

/** Calculates a tariff for an offering and year with the agreement's rules, and compares it with last year's. */
export async function computeInContext(db: Queryable, offering: OfferingContext, year: number, calc: CalcFields): Promise<Computed> {
  if (!offering.area) throw badRequest(`Tilbuddets kommune hører ikke til et rammeaftaleområde i ${year}.`);
  const rule = await requireRule(db, offering.area.id, year);
  const pl = await priceIndexPct(db, year);
  const input = toCalcInput({ ...calc, year, shortStay: offering.is_short_stay, retainLimitPct: null });
  let result: CalcResult;
  try {
    result = calculateTariff(input, calcRulesOf(rule));
  } catch (error) {
    if (error instanceof CalculationInputError) throw badRequest('Beregningen kan ikke udføres. Ret felterne nedenfor.', error.problems);
    throw error;
  }
  const prev = await currentPublished(db, offering.id, year - 1);
  const previous = prev && prev.unit === input.unit ? prev : null;
  const change = tariffChange(previous?.average_tariff ?? null, result.averageTariff, pl);
  const snapshot = snapshotOf(rule, year, pl);
  return { input, result, rule, snapshot, previous, change, isFlagged: isIncreaseFlagged(change, snapshot, offering.is_residential) };
}

/** The stored columns of a calculation. */
export function calcValues(c: Computed) {
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

export const levelValues = (r: CalcResult) => r.levels.map((l) => ({ name: l.name, weight: l.weight, share: l.share, tariff: l.tariff }));

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
async function checksOnValidFields(db: Queryable, offering: OfferingContext, year: number, data: unknown, schemaErrors: FieldErrors): Promise<FieldErrors> {
  const bad = new Set(Object.keys(schemaErrors).map((p) => p.split('.')[0]!));
  if (!offering.area || bad.has('unit') || bad.has('_') || typeof data !== 'object' || data === null) return {};
  const lenient: Record<string, unknown> = Object.fromEntries(Object.entries(data).filter(([k]) => !bad.has(k) && k !== 'offeringId' && k !== 'year'));
  if (bad.has('costs')) lenient.costs = [{ category: 'salaries', amount: '1' }];
  const parsed = ZTariffUpdate.safeParse(lenient);
  const rule = parsed.success ? await findRule(db, offering.area.id, year) : null;
  if (!parsed.success || !rule) return {};
  const { explanation: _e, correctionReason: _c, ...calc } = parsed.data;
  const problems = checkCalculation(toCalcInput({ ...calc, year, shortStay: offering.is_short_stay, retainLimitPct: null }), calcRulesOf(rule));
  return Object.fromEntries(Object.entries(problems).filter(([k]) => !bad.has(k.split('.')[0]!) && k !== 'costs'));
}

export type DraftBody = CalcFields & { explanation: string | null; correctionReason: string | null };

/**
 * Validates a draft body and calculates it, reporting every problem at once: the schema's, the calculation's and
 * `missing` (a missing reason, given the body or null when it did not parse).
 */
export async function parseAndCompute(
  db: Queryable,
  offering: OfferingContext,
  year: number,
  data: unknown,
  missing: (body: DraftBody | null) => FieldErrors,
): Promise<{ body: DraftBody; computed: Computed }> {
  const parsed = ZTariffUpdate.safeParse(data);
  if (!parsed.success) {
    const errors = fieldErrorsFrom(parsed.error);
    const more = await checksOnValidFields(db, offering, year, data, errors);
    throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', mergeErrors(mergeErrors(errors, more), missing(null)));
  }
  return { body: parsed.data, computed: await computeWith(db, offering, year, parsed.data, missing(parsed.data)) };
}

/** Calculates a valid body; a missing reason is reported together with the calculation's problems. */
export async function computeWith(db: Queryable, offering: OfferingContext, year: number, body: DraftBody, missing: FieldErrors): Promise<Computed> {
  try {
    const { explanation: _e, correctionReason: _c, ...calc } = body;
    const computed = await computeInContext(db, offering, year, calc);
    if (Object.keys(missing).length) throw badRequest('Oplysningerne er ikke gyldige.', missing);
    return computed;
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 400 && Object.keys(missing).length && !Object.keys(error.fieldErrors).some((k) => k in missing))
      throw badRequest(error.message, mergeErrors(error.fieldErrors, missing));
    throw error;
  }
}
