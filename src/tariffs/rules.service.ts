/**
 * @module The public side of the calculation: the open calculation (with an area's rules for the year, or the
 * standard rules), and the rules per area and period with the P/L index. Nothing here needs a login.
 */
import { requireAccess } from '../core/access/access.js';
import type { Ctx } from '../core/capability.js';
import { badRequest } from '../core/errors.js';
import { calculateTariff, CalculationInputError, type CalcRules } from './calculation.js';
import { toCalcInput, type TCalculateRequest } from './calculation.schema.js';
import { STANDARD_CALC_RULES } from './rules.data.js';
import { calcRulesOf, findRule, listPriceIndex, listRules } from './rules.repository.js';
import { findAreaByCode } from './tariffs.repository.js';

/** Calculates a tariff without saving anything: every step, the warnings and the tariff per level. */
export async function calculatePublic(ctx: Ctx, request: TCalculateRequest) {
  requireAccess(ctx, 'tariffs.calculate', null);
  const { area, ...body } = request;
  let rules: CalcRules = STANDARD_CALC_RULES;
  if (area) {
    const a = await findAreaByCode(ctx.db, area);
    if (!a) throw badRequest('Oplysningerne er ikke gyldige.', { area: [`Ukendt rammeaftaleområde "${area}".`] });
    const rule = await findRule(ctx.db, a.id, body.year);
    if (!rule) throw badRequest('Oplysningerne er ikke gyldige.', { area: [`Området har ingen takstregler for ${body.year}.`] });
    rules = calcRulesOf(rule);
  }
  try {
    const r = calculateTariff(toCalcInput(body), rules);
    return {
      basis: r.basis,
      overhead: r.overhead,
      overheadBase: r.overheadBase,
      occupancyPctUsed: r.occupancyPctUsed,
      capacityUnits: r.capacityUnits,
      averageTariff: r.averageTariff,
      levels: r.levels.map((l) => ({ name: l.name, tariff: l.tariff })),
      addOns: r.addOns.map((a) => ({ name: a.name, hourlyRate: a.hourlyRate })),
      breakdown: r.breakdown,
      warnings: r.warnings,
      rules,
    };
  } catch (error) {
    if (error instanceof CalculationInputError) throw badRequest('Beregningen kan ikke udføres. Ret felterne.', error.problems);
    throw error;
  }
}

/** The rules per area and period and the P/L index, as the rules page shows them (areas by name). */
export async function tariffRules(ctx: Ctx, by: 'code' | 'name' = 'name') {
  requireAccess(ctx, 'tariffs.rules.read', null);
  const [rules, priceIndex] = [await listRules(ctx.db, by), await listPriceIndex(ctx.db)];
  return { rules, priceIndex };
}
export type TariffRulesData = Awaited<ReturnType<typeof tariffRules>>;

/** The rules as the API answers them (areas by code). */
export async function rulesJson(ctx: Ctx) {
  const { rules, priceIndex } = await tariffRules(ctx, 'code');
  return {
    rules: rules.map((r) => ({
      areaCode: r.area_code,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      retainLimitPct: r.retain_limit_pct,
      occupancyFloorPct: r.occupancy_floor_pct,
      shortStayFloorPct: r.short_stay_floor_pct,
      occupancyCeilingPct: r.occupancy_ceiling_pct,
      recommendedMaxPct: r.recommended_max_pct,
      overheadCapPct: r.overhead_cap_pct,
      increaseThresholdPct: r.increase_threshold_pct,
      increaseBasis: r.increase_basis,
      submissionDeadline: `${r.submission_deadline_md} (året før takståret)`,
      reviewDates: r.review_dates_md,
      source: r.source,
    })),
    priceIndex: priceIndex.map((p) => ({ year: p.year, pct: p.pct, source: p.source })),
  };
}
