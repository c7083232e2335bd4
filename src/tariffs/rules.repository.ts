/**
 * @module Reading the agreement's tariff rules (per area, valid on 1 January of the tariff year), the P/L index
 * and the deadlines and review dates they imply.
 */
import type { Selectable } from 'kysely';
import { isValidOn, validOn } from '../core/db/dated.js';
import type { Queryable } from '../core/db/types.js';
import { notFound } from '../core/errors.js';
import type { CalcRules } from './calculation.js';
import type { RulesSnapshot, TariffRuleTable } from './tariffs.table.js';

export type RuleRow = Selectable<TariffRuleTable>;

export const yearStart = (year: number) => `${year}-01-01`;

/** The rule for an area and tariff year, or null. */
export async function findRule(db: Queryable, areaId: number, year: number): Promise<RuleRow | null> {
  const d = yearStart(year);
  return (
    (await db
      .selectFrom('tariff_rule')
      .selectAll()
      .where('area_id', '=', areaId)
      .where(validOn('tariff_rule', d))
      .orderBy('valid_from', 'desc')
      .executeTakeFirst()) ?? null
  );
}

export async function requireRule(db: Queryable, areaId: number, year: number): Promise<RuleRow> {
  const rule = await findRule(db, areaId, year);
  if (!rule) throw notFound(`Rammeaftalen har ingen takstregler for ${year}. Sekretariatet skal oprette dem først.`);
  return rule;
}

/** Every rule row valid for some tariff year, keyed "areaId:year", for batch work (overview, seed, bench). */
export async function rulesByAreaYear(db: Queryable, pairs: Array<{ areaId: number; year: number }>): Promise<Map<string, RuleRow>> {
  const out = new Map<string, RuleRow>();
  if (!pairs.length) return out;
  const rows = await db
    .selectFrom('tariff_rule')
    .selectAll()
    .where('area_id', 'in', [...new Set(pairs.map((p) => p.areaId))])
    .orderBy('valid_from', 'desc')
    .execute();
  for (const p of pairs) {
    const d = yearStart(p.year);
    const r = rows.find((x) => x.area_id === p.areaId && isValidOn(x, d));
    if (r) out.set(`${p.areaId}:${p.year}`, r);
  }
  return out;
}

export const calcRulesOf = (r: RuleRow): CalcRules => ({
  retainLimitPct: r.retain_limit_pct,
  occupancyFloorPct: r.occupancy_floor_pct,
  shortStayFloorPct: r.short_stay_floor_pct,
  occupancyCeilingPct: r.occupancy_ceiling_pct,
  recommendedMaxPct: r.recommended_max_pct,
  overheadCapPct: r.overhead_cap_pct,
});

/** Submission deadline for a tariff year: the rule's month-day in the year before. */
export const deadlineFor = (r: Pick<RuleRow, 'submission_deadline_md'>, year: number): string => `${year - 1}-${r.submission_deadline_md}`;

/** The steering group's review dates in one calendar year. */
export const reviewDatesIn = (r: Pick<RuleRow, 'review_dates_md'>, calendarYear: number): string[] =>
  [...r.review_dates_md].sort().map((md) => `${calendarYear}-${md}`);

export function snapshotOf(r: RuleRow, year: number, plPct: string | null): RulesSnapshot {
  return { ...calcRulesOf(r), increaseThresholdPct: r.increase_threshold_pct, increaseBasis: r.increase_basis, plPct, deadline: deadlineFor(r, year) };
}

export async function priceIndexPct(db: Queryable, year: number): Promise<string | null> {
  return (await db.selectFrom('tariff_price_index').select('pct').where('year', '=', year).executeTakeFirst())?.pct ?? null;
}

export async function priceIndex(db: Queryable): Promise<Map<number, string>> {
  return new Map((await db.selectFrom('tariff_price_index').select(['year', 'pct']).execute()).map((r) => [r.year, r.pct]));
}

/** Every rule with its area, by area (code or name) and period (the rules API and page). */
export async function listRules(db: Queryable, by: 'code' | 'name') {
  return db
    .selectFrom('tariff_rule as r')
    .innerJoin('agreement_area as a', 'a.id', 'r.area_id')
    .selectAll('r')
    .select(['a.code as area_code', 'a.name as area_name'])
    .orderBy(by === 'code' ? 'a.code' : 'a.name')
    .orderBy('r.valid_from')
    .execute();
}

/** The P/L index, by year. */
export async function listPriceIndex(db: Queryable) {
  return db.selectFrom('tariff_price_index').selectAll().orderBy('year').execute();
}
