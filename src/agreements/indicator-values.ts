/**
 * @module An indicator's values: for a computed indicator, the named computation's value for the area and each
 * member with the rows behind it; for every indicator, its recorded measurements. "Every number can be opened."
 */
import { today } from '../core/auth/auth.service.js';
import type { Db, Queryable } from '../core/db/types.js';
import type { IndicatorResult } from '../core/indicators.js';
import { notFound } from '../core/errors.js';
import type { AgreementRow } from './agreements.repo.js';
import { indicatorProgress } from './logic.js';

export async function computations() {
  const { indicatorComputations } = await import('../capabilities.js');
  return indicatorComputations();
}

export async function computeIndicator(db: Queryable, agreement: AgreementRow, indicatorId: number, date = today()) {
  const indicator = await db.selectFrom('agreement_indicator').selectAll().where('id', '=', indicatorId).where('agreement_id', '=', agreement.id).executeTakeFirst();
  if (!indicator) throw notFound('Indikatoren findes ikke.');
  const measurements = await db
    .selectFrom('agreement_measurement as m')
    .leftJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.id', 'm.organisation_id', 'o.name as organisation_name', 'm.measured_on', 'm.value', 'm.source', 'm.note'])
    .where('m.indicator_id', '=', indicatorId)
    .orderBy('m.measured_on')
    .orderBy('m.id')
    .execute();
  let computed: (IndicatorResult & { code: string; name: string; description: string; date: string }) | null = null;
  if (indicator.source !== 'manual') {
    const c = (await computations()).get(indicator.source);
    if (c) computed = { code: c.code, name: c.name, description: c.description, date, ...(await c.compute(db as Db, { areaId: agreement.area_id, date })) };
  }
  const areaLatest = [...measurements].reverse().find((m) => m.organisation_id === null);
  const latestValue = computed?.area.value ?? areaLatest?.value ?? null;
  return {
    indicator: {
      id: indicator.id, name: indicator.name, definition: indicator.definition, unit: indicator.unit, direction: indicator.direction, source: indicator.source,
      baseline: indicator.baseline_value === null ? null : { value: indicator.baseline_value, date: indicator.baseline_date },
      target: indicator.target_value === null ? null : { value: indicator.target_value, date: indicator.target_date },
    },
    progress: indicatorProgress(indicator.direction, indicator.baseline_value, indicator.target_value, latestValue),
    latestValue,
    computed,
    measurements: measurements.map((m) => ({ id: m.id, organisationId: m.organisation_id, organisation: m.organisation_name, measuredOn: m.measured_on, value: m.value, source: m.source, note: m.note })),
  };
}
