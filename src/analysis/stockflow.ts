/**
 * @module The stock-flow forecast from contracts: the number of citizens in a target group with a running contract
 * (the stock at year end) moves by the inflow (new contracts) and the exits (ended contracts):
 *
 *   S(t) = S(t−1) × (1 − e) + r × P(t)
 *
 * with e the exit share — the exits of the last three years ÷ the stock at the start of those years (so the mean
 * length of stay is 1/e years) — and r the mean inflow rate of the last three years (inflow ÷ population of the age
 * band), times the projected population P. A what-if multiplies the length of stay (divides e) or the inflow rate.
 * The backtest holds out the last three years, fits on the years before them, runs the model from the stock at the
 * end of the last fitted year, and reports the MAPE over the held-out stocks (as the trend and rate methods do).
 * Pure: no I/O, exact decimals.
 */
import { Dec, type DecInput } from './decimal.js';
import { HOLDOUT_YEARS, mape, MAX_HORIZON, MIN_HISTORY_YEARS, type BacktestYear, type YearValue } from './forecast.js';

const FIT_YEARS = 3;

/** One year of contracts: the stock on 31 December, contracts started and contracts ended during the year. */
export type FlowYear = { year: number; stock: DecInput; inflow: DecInput; exits: DecInput };
export type StockFlowInput = {
  history: readonly FlowYear[];
  population: readonly YearValue[];
  horizon: number;
  /** What-if: the length of stay times this factor (1 = as observed). */
  stayFactor?: DecInput;
  /** What-if: the inflow rate times this factor (1 = as observed). */
  inflowFactor?: DecInput;
};
export type StockFlowResult = {
  method: 'stockflow';
  /** Exits ÷ stock at the start of the year, over the last three years (after the what-if), six decimals. */
  exitShare: string;
  /** Mean length of stay in years (1 ÷ exit share), two decimals; null when nobody left. */
  meanStayYears: string | null;
  /** New contracts per inhabitant of the age band, per year (after the what-if), eight decimals. */
  inflowRate: string;
  backtestMape: string | null;
  backtest: BacktestYear[];
  forecast: { year: number; value: string }[];
};

export type StockFlowProblem = { field: 'history' | 'population' | 'horizon'; message: string };

type Year = { year: number; stock: Dec; inflow: Dec; exits: Dec; start: Dec };

/** The years the population must cover: the fitted years of the backtest and of the forecast, and the horizon. */
function neededPopulation(years: readonly number[], horizon: number): number[] {
  const last = years[years.length - 1]!;
  const out: number[] = [];
  for (let y = Math.max(years[0]!, last - HOLDOUT_YEARS - FIT_YEARS + 1); y <= last + horizon; y++) out.push(y);
  return out;
}

export function stockFlowProblems(input: StockFlowInput): StockFlowProblem[] {
  const problems: StockFlowProblem[] = [];
  const years = input.history.map((h) => h.year).sort((a, b) => a - b);
  if (new Set(years).size !== years.length) problems.push({ field: 'history', message: 'Et år står mere end én gang i kontrakternes historik.' });
  if (years.length < MIN_HISTORY_YEARS)
    problems.push({ field: 'history', message: `Kontrakterne skal dække mindst ${MIN_HISTORY_YEARS} hele år; de dækker ${years.length}.` });
  for (let i = 1; i < years.length; i++)
    if (years[i]! - years[i - 1]! > 1) problems.push({ field: 'history', message: `Kontrakternes historik har et hul efter ${years[i - 1]}.` });
  for (const h of input.history)
    if ([h.stock, h.inflow, h.exits].some((v) => new Dec(v).isNegative()))
      problems.push({ field: 'history', message: `Tallene for ${h.year} må ikke være negative.` });
  if (!Number.isInteger(input.horizon) || input.horizon < 1 || input.horizon > MAX_HORIZON)
    problems.push({ field: 'horizon', message: `Horisonten skal være et helt antal år fra 1 til ${MAX_HORIZON}.` });
  if (problems.length) return problems;
  const have = new Map(input.population.map((p) => [p.year, new Dec(p.value)]));
  const missing = neededPopulation(years, input.horizon).filter((y) => !have.get(y)?.gt(0));
  if (missing.length) problems.push({ field: 'population', message: `Befolkningstallene mangler for ${missing.join(', ')}.` });
  return problems;
}

/** Exit share and inflow rate from the last three of the given years. */
function fit(years: readonly Year[], population: ReadonlyMap<number, Dec>, stayFactor: Dec, inflowFactor: Dec) {
  const last = years.slice(-FIT_YEARS);
  const starts = last.reduce((s, y) => s.plus(y.start), new Dec(0));
  const exits = last.reduce((s, y) => s.plus(y.exits), new Dec(0));
  const observed = starts.isZero() ? new Dec(0) : Dec.min(1, exits.div(starts));
  const exitShare = observed.div(stayFactor);
  const inflowRate = last
    .reduce((s, y) => s.plus(y.inflow.div(population.get(y.year)!)), new Dec(0))
    .div(last.length)
    .times(inflowFactor);
  return { exitShare: Dec.min(1, exitShare), inflowRate };
}

function run(from: Dec, firstYear: number, count: number, f: { exitShare: Dec; inflowRate: Dec }, population: ReadonlyMap<number, Dec>) {
  const out: { year: number; value: Dec }[] = [];
  let stock = from;
  for (let i = 0; i < count; i++) {
    const year = firstYear + i;
    stock = Dec.max(0, stock.times(new Dec(1).minus(f.exitShare)).plus(f.inflowRate.times(population.get(year)!)));
    out.push({ year, value: stock });
  }
  return out;
}

/** The stock-flow forecast with its backtest. Call `stockFlowProblems` first: this throws on input it lists. */
export function stockFlowForecast(input: StockFlowInput): StockFlowResult {
  const problems = stockFlowProblems(input);
  if (problems.length) throw new RangeError(problems.map((p) => p.message).join(' '));
  const population = new Map(input.population.map((p) => [p.year, new Dec(p.value)]));
  const years: Year[] = [...input.history]
    .sort((a, b) => a.year - b.year)
    .map((h) => {
      const stock = new Dec(h.stock);
      const inflow = new Dec(h.inflow);
      const exits = new Dec(h.exits);
      return { year: h.year, stock, inflow, exits, start: Dec.max(0, stock.minus(inflow).plus(exits)) };
    });
  const training = years.slice(0, -HOLDOUT_YEARS);
  const heldOut = years.slice(-HOLDOUT_YEARS);
  const back = run(training[training.length - 1]!.stock, heldOut[0]!.year, HOLDOUT_YEARS, fit(training, population, new Dec(1), new Dec(1)), population);
  const pairs = heldOut.map((h, i) => ({ year: h.year, actual: h.stock, predicted: back[i]!.value }));
  const error = mape(pairs);
  const f = fit(years, population, new Dec(input.stayFactor ?? 1), new Dec(input.inflowFactor ?? 1));
  const last = years[years.length - 1]!;
  return {
    method: 'stockflow',
    exitShare: f.exitShare.toFixed(6),
    meanStayYears: f.exitShare.isZero() ? null : new Dec(1).div(f.exitShare).toFixed(2),
    inflowRate: f.inflowRate.toFixed(8),
    backtestMape: error === null ? null : error.toFixed(2),
    backtest: pairs.map((p) => ({ year: p.year, actual: p.actual.toFixed(2), predicted: p.predicted.toFixed(2) })),
    forecast: run(last.stock, last.year + 1, input.horizon, f, population).map((x) => ({ year: x.year, value: x.value.toFixed(2) })),
  };
}

/**
 * Yearly flows from contract periods (the last day inclusive): for each full year in [firstYear, lastYear], the
 * contracts still running after 31 December (the stock), started during the year and ended during the year, so
 * that stock(Y) = stock(Y − 1) + inflow(Y) − exits(Y).
 */
export function flowsFromContracts(
  contracts: readonly { startDate: string; endDate: string | null }[],
  firstYear: number,
  lastYear: number,
): { year: number; stock: number; inflow: number; exits: number }[] {
  const out: { year: number; stock: number; inflow: number; exits: number }[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    let stock = 0;
    let inflow = 0;
    let exits = 0;
    for (const c of contracts) {
      if (c.startDate >= from && c.startDate <= to) inflow++;
      if (c.endDate !== null && c.endDate >= from && c.endDate <= to) exits++;
      if (c.startDate <= to && (c.endDate === null || c.endDate > to)) stock++;
    }
    out.push({ year, stock, inflow, exits });
  }
  return out;
}
