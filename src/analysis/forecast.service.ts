/**
 * @module The forecast page: recipients of a target group in a municipality (or the whole area) 1-10 years
 * ahead by every method, each with its backtest error, and a what-if that changes the rate by a percentage.
 * The population of the age band is the observed one where it exists, else the projection.
 */
import { requireAccess } from '../core/access/access.js';
import type { Ctx } from '../core/capability.js';
import { municipalities, municipalityCodesOfArea, referenceTables } from '../reference/reference.public.js';
import { contractPeriodsForFlows } from '../placements/placements.public.js';
import { currentSeries, groupFacts, groups, legalBasesOfGroup, targetOccupancyOn } from './analysis.repository.js';
import { flowsFromContracts, stockFlowForecast, stockFlowProblems } from './stockflow.js';
import { AGE_BAND_LABEL } from './benchmark.service.js';
import { Dec } from './decimal.js';
import { forecast, forecastProblems, MAX_HORIZON, type ForecastMethod, type MethodResult } from './forecast.js';
import { notFound } from '../core/errors.js';
import './analysis.policy.js';

export const METHOD_LABELS: Record<ForecastMethod, string> = { trend: 'Trend (mindste kvadrater)', rate: 'Andel af befolkningen × fremskrivning' };

export type ForecastQuery = {
  group?: string;
  area?: string;
  municipality?: number;
  horizon?: number;
  ratePct?: string;
  stayPct?: string;
  occupancyPct?: number;
};

/** Used only when no target occupancy rule is valid today. */
export const DEFAULT_OCCUPANCY_PCT = 95;

export async function forecastPage(ctx: Ctx, q: ForecastQuery) {
  requireAccess(ctx, 'analysis.read', null);
  const [allGroups, names, ref, series] = await Promise.all([groups(ctx.db), municipalities(ctx.db), referenceTables(ctx.db), currentSeries(ctx.db)]);
  const group = allGroups.find((g) => g.code === q.group) ?? allGroups[0];
  if (!group) throw notFound('Der er ingen målgrupper i analysen.');
  const today = ctx.clock.today();
  const areas = ref.areas.filter((a) => a.valid_from <= today && (a.valid_to === null || a.valid_to >= today));
  const area =
    areas.find((a) => a.code === q.area) ?? areas.find((a) => ctx.actor?.areaIds.includes(a.id)) ?? areas.find((a) => a.code === 'sjaelland') ?? areas[0];
  if (!area) throw notFound('Der er ingen rammeaftaleområder.');
  const areaCodes = await municipalityCodesOfArea(ctx.db, { id: area.id }, today);
  const rows = await groupFacts(ctx.db, group.code, null, areaCodes);
  const withData = new Set(rows.map((r) => r.municipality_code));
  const areaMunicipalities = names.filter((m) => areaCodes.includes(m.code) && withData.has(m.code));
  const municipality = areaMunicipalities.find((m) => m.code === q.municipality) ?? null;
  const codes = municipality ? [municipality.code] : areaMunicipalities.map((m) => m.code);
  const horizon = Math.min(MAX_HORIZON, Math.max(1, q.horizon ?? MAX_HORIZON));
  const ratePct = q.ratePct ?? '0';

  // Sum the chosen municipalities per year: recipients where observed, population (observed, else projected).
  const byYear = new Map<number, { recipients: Dec | null; population: Dec | null; count: number }>();
  for (const r of rows) {
    if (!codes.includes(r.municipality_code)) continue;
    const y = byYear.get(r.year) ?? { recipients: new Dec(0), population: new Dec(0), count: 0 };
    y.count++;
    y.population = y.population === null || r.population === null ? null : y.population.plus(r.population);
    y.recipients = y.recipients === null || r.recipients === null || r.is_projected ? null : y.recipients.plus(r.recipients);
    byYear.set(r.year, y);
  }
  const complete = (y: { count: number }) => y.count === codes.length;
  const history = [...byYear]
    .filter(([, y]) => complete(y) && y.recipients !== null)
    .map(([year, y]) => ({ year, value: y.recipients!.toFixed(2) }))
    .sort((a, b) => a.year - b.year);
  const population = [...byYear]
    .filter(([, y]) => complete(y) && y.population !== null)
    .map(([year, y]) => ({ year, value: y.population!.toFixed() }))
    .sort((a, b) => a.year - b.year);
  const input = { history, population, horizon, rateFactor: new Dec(100).plus(ratePct).div(100) };
  const problems = forecastProblems(input);
  const [rule, legalBases] = await Promise.all([targetOccupancyOn(ctx.db, today), legalBasesOfGroup(ctx.db, group.code)]);
  const occupancyPct = q.occupancyPct ?? (rule ? Number(rule.target_occupancy_pct) : DEFAULT_OCCUPANCY_PCT);
  // Places needed in the last forecast year = recipients ÷ target occupancy, rounded up to whole places.
  const placesOf = (m: MethodResult) => {
    const last = m.forecast[m.forecast.length - 1];
    return last ? { year: last.year, places: new Dec(last.value).times(100).div(occupancyPct).ceil().toNumber() } : null;
  };
  const methods: (MethodResult & { label: string; placesNeeded: { year: number; places: number } | null })[] = problems.length
    ? []
    : forecast(input).methods.map((m) => ({ ...m, label: METHOD_LABELS[m.method], placesNeeded: placesOf(m) }));
  const stayPct = q.stayPct ?? '0';
  const stockFlow = await stockFlowOf(ctx, { codes, legalBases, population, horizon, stayPct, ratePct, occupancyPct, today });
  const lastYear = history[history.length - 1]?.year ?? null;
  const years = [...new Set([...history.map((h) => h.year), ...methods.flatMap((m) => m.forecast.map((f) => f.year))])].sort((a, b) => a - b);
  const popOf = new Map(population.map((p) => [p.year, p.value]));
  const histOf = new Map(history.map((h) => [h.year, h.value]));
  const table = years.map((year) => ({
    year,
    history: histOf.get(year) ?? null,
    forecasts: methods.map((m) => m.forecast.find((f) => f.year === year)?.value ?? null),
    population: popOf.get(year) ?? null,
    isProjectedPopulation: rows.some((r) => r.year === year && codes.includes(r.municipality_code) && r.is_projected),
  }));
  return {
    group: { code: group.code, name: group.name, ageBand: group.age_band, ageBandLabel: AGE_BAND_LABEL[group.age_band] ?? group.age_band },
    groups: allGroups.map((g) => ({ code: g.code, name: g.name })),
    area: { code: area.code, name: area.name },
    areas: areas.map((a) => ({ code: a.code, name: a.name })),
    areaMunicipalities,
    municipality,
    horizon,
    ratePct,
    stayPct,
    occupancyPct,
    occupancyRule: rule && q.occupancyPct === undefined ? { validFrom: rule.valid_from, source: rule.source } : null,
    stockFlow,
    lastYear,
    problems,
    methods,
    table,
    series,
  };
}
export type ForecastView = Awaited<ReturnType<typeof forecastPage>>;

/**
 * The stock-flow method on the contracts in Ramme bought by the chosen municipalities under the group's legal
 * bases: the full years from the first year after the earliest contract start to last year. Null when there are no
 * contracts; `problems` when they do not cover enough years.
 */
async function stockFlowOf(
  ctx: Ctx,
  p: {
    codes: number[];
    legalBases: string[];
    population: { year: number; value: string }[];
    horizon: number;
    stayPct: string;
    ratePct: string;
    occupancyPct: number;
    today: string;
  },
) {
  const contracts = await contractPeriodsForFlows(ctx.db, { buyerCodes: p.codes, legalBases: p.legalBases });
  if (!contracts.length) return null;
  const earliest = contracts.map((c) => c.startDate).sort()[0]!;
  const firstYear = Number(earliest.slice(0, 4)) + 1;
  const lastYear = Number(p.today.slice(0, 4)) - 1;
  const history = firstYear <= lastYear ? flowsFromContracts(contracts, firstYear, lastYear) : [];
  const input = {
    history,
    population: p.population,
    horizon: p.horizon,
    stayFactor: new Dec(100).plus(p.stayPct).div(100),
    inflowFactor: new Dec(100).plus(p.ratePct).div(100),
  };
  const problems = stockFlowProblems(input);
  const result = problems.length ? null : stockFlowForecast(input);
  const last = result?.forecast[result.forecast.length - 1];
  return {
    label: 'Lager og strøm (kontrakter i Ramme)',
    contractCount: contracts.length,
    earliest,
    history,
    problems,
    result,
    placesNeeded: last ? { year: last.year, places: new Dec(last.value).times(100).div(p.occupancyPct).ceil().toNumber() } : null,
  };
}
