/**
 * @module Forecast of a yearly series (recipients per target group and municipality) by two methods, each
 * with its error on past years:
 * - `trend`: ordinary least squares of value on year over the history, extended to the forecast years;
 * - `rate`: the mean over the last three years of value ÷ population (of the age band), times the projected
 *   population of each forecast year (a what-if may scale that rate).
 * The backtest holds out the last three years of history, fits on the years before them, and reports the mean
 * absolute percentage error over the held-out years (MAPE, in %; years whose actual value is 0 are left out,
 * and the MAPE is null when all are 0). Forecasts never go below zero. Pure: no I/O, exact decimals.
 */
import { Dec, type DecInput } from './decimal.js';

export const FORECAST_METHODS = ['trend', 'rate'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

export type YearValue = { year: number; value: DecInput };
export type ForecastInput = {
  history: readonly YearValue[];
  population: readonly YearValue[];
  /** Years ahead of the last history year (1-10). */
  horizon: number;
  /** What-if: the rate method's rate times this factor (1 = as observed). */
  rateFactor?: DecInput;
};

export type BacktestYear = { year: number; actual: string; predicted: string };
export type MethodResult = {
  method: ForecastMethod;
  /** MAPE over the held-out years in % (two decimals), null when every held-out value is 0. */
  backtestMape: string | null;
  backtest: BacktestYear[];
  forecast: { year: number; value: string }[];
};
export type ForecastResult = { methods: MethodResult[] };

export const MIN_HISTORY_YEARS = 5;
export const MAX_HORIZON = 10;
export const HOLDOUT_YEARS = 3;
const RATE_YEARS = 3;

/** A problem with the input, in Danish, on the field it concerns. */
export type ForecastProblem = { field: 'history' | 'population' | 'horizon'; message: string };

const listYears = (years: readonly number[]) => years.join(', ');

/** The population years the methods and their backtests need: from the sixth-last history year to the horizon. */
export function neededPopulationYears(historyYears: readonly number[], horizon: number): number[] {
  const first = historyYears[0];
  const last = historyYears[historyYears.length - 1];
  if (first === undefined || last === undefined) return [];
  const out: number[] = [];
  for (let y = Math.max(first, last - HOLDOUT_YEARS - RATE_YEARS + 1); y <= last + horizon; y++) out.push(y);
  return out;
}

/** Everything wrong with the input (empty: it can be forecast). */
export function forecastProblems(input: ForecastInput): ForecastProblem[] {
  const problems: ForecastProblem[] = [];
  const years = input.history.map((h) => h.year).sort((a, b) => a - b);
  const duplicates = years.filter((y, i) => i > 0 && years[i - 1] === y);
  if (duplicates.length) problems.push({ field: 'history', message: `Året ${listYears([...new Set(duplicates)])} står mere end én gang i historikken.` });
  if (new Set(years).size < MIN_HISTORY_YEARS)
    problems.push({ field: 'history', message: `Historikken skal have mindst ${MIN_HISTORY_YEARS} år; den har ${new Set(years).size}.` });
  const gaps: number[] = [];
  for (let i = 1; i < years.length; i++) for (let y = years[i - 1]! + 1; y < years[i]!; y++) gaps.push(y);
  if (gaps.length) problems.push({ field: 'history', message: `Historikken har huller: ${listYears(gaps)} mangler.` });
  if (!Number.isInteger(input.horizon) || input.horizon < 1 || input.horizon > MAX_HORIZON)
    problems.push({ field: 'horizon', message: `Horisonten skal være et helt antal år fra 1 til ${MAX_HORIZON}.` });
  if (problems.length) return problems;
  const popYears = new Set(input.population.map((p) => p.year));
  const popDuplicates = input.population.length - popYears.size;
  if (popDuplicates) problems.push({ field: 'population', message: 'Et år står mere end én gang i befolkningstallene.' });
  const missing = neededPopulationYears(years, input.horizon).filter((y) => !popYears.has(y));
  if (missing.length)
    problems.push({ field: 'population', message: `Befolkningstallene skal dække historikkens sidste år og horisonten; ${listYears(missing)} mangler.` });
  return problems;
}

type Point = { year: number; value: Dec };

/** Least-squares line through the points: value = intercept + slope × year (centred on the mean year). */
export function fitTrend(points: readonly Point[]): (year: number) => Dec {
  const n = points.length;
  const mx = new Dec(points.reduce((s, p) => s + p.year, 0)).div(n);
  const my = points.reduce((s, p) => s.plus(p.value), new Dec(0)).div(n);
  let sxy = new Dec(0);
  let sxx = new Dec(0);
  for (const p of points) {
    const dx = new Dec(p.year).minus(mx);
    sxy = sxy.plus(dx.times(p.value.minus(my)));
    sxx = sxx.plus(dx.times(dx));
  }
  const slope = sxx.isZero() ? new Dec(0) : sxy.div(sxx);
  return (year) => Dec.max(0, my.plus(slope.times(new Dec(year).minus(mx))));
}

/** The mean of value ÷ population over the last three points (fewer when there are fewer), times `factor`. */
export function fitRate(points: readonly Point[], population: ReadonlyMap<number, Dec>, factor: Dec): (year: number) => Dec {
  const last = points.slice(-RATE_YEARS);
  const rate = last
    .reduce((s, p) => s.plus(p.value.div(population.get(p.year) ?? Number.NaN)), new Dec(0))
    .div(last.length)
    .times(factor);
  return (year) => Dec.max(0, rate.times(population.get(year) ?? Number.NaN));
}

/** MAPE in % over the held-out years whose actual value is not 0; null when none is. */
export function mape(pairs: readonly { actual: Dec; predicted: Dec }[]): Dec | null {
  const counted = pairs.filter((p) => !p.actual.isZero());
  if (!counted.length) return null;
  return counted
    .reduce((s, p) => s.plus(p.actual.minus(p.predicted).abs().div(p.actual.abs())), new Dec(0))
    .div(counted.length)
    .times(100);
}

/** Both methods with their backtests. Call `forecastProblems` first: this throws on input it lists. */
export function forecast(input: ForecastInput): ForecastResult {
  const problems = forecastProblems(input);
  if (problems.length) throw new RangeError(problems.map((p) => p.message).join(' '));
  const points: Point[] = input.history.map((h) => ({ year: h.year, value: new Dec(h.value) })).sort((a, b) => a.year - b.year);
  const population = new Map(input.population.map((p) => [p.year, new Dec(p.value)]));
  const factor = new Dec(input.rateFactor ?? 1);
  const last = points[points.length - 1]!.year;
  const training = points.slice(0, -HOLDOUT_YEARS);
  const heldOut = points.slice(-HOLDOUT_YEARS);
  const fits: Record<ForecastMethod, (p: readonly Point[], f: Dec) => (year: number) => Dec> = {
    trend: (p) => fitTrend(p),
    rate: (p, f) => fitRate(p, population, f),
  };
  return {
    methods: FORECAST_METHODS.map((method) => {
      const back = fits[method](training, new Dec(1));
      const pairs = heldOut.map((h) => ({ year: h.year, actual: h.value, predicted: back(h.year) }));
      const error = mape(pairs);
      const predict = fits[method](points, factor);
      return {
        method,
        backtestMape: error === null ? null : error.toFixed(2),
        backtest: pairs.map((p) => ({ year: p.year, actual: p.actual.toFixed(2), predicted: p.predicted.toFixed(2) })),
        forecast: Array.from({ length: input.horizon }, (_, i) => ({ year: last + i + 1, value: predict(last + i + 1).toFixed(2) })),
      };
    }),
  };
}
