/**
 * Speed of the forecasts (issue 11): every target group × 98 municipalities, ten years of history (2016-2025) and
 * ten years ahead, by every method (trend and rate) with its backtest, on deterministic synthetic series in
 * memory (the methods are pure; reading the figures is measured with the pages).
 *
 *   npx tsx bench/analysis.ts
 *
 * Target: ≤ 1 s for all of it. Prints the time of three runs and the slowest.
 */
import { seededRandom } from '../src/core/seed/random.js';
import { forecast, type YearValue } from '../src/analysis/forecast.js';

const GROUPS = 3;
const MUNICIPALITIES = 98;
const random = seededRandom(11);
const series: { history: YearValue[]; population: YearValue[] }[] = [];
for (let g = 0; g < GROUPS; g++)
  for (let m = 0; m < MUNICIPALITIES; m++) {
    const pop0 = 5000 + Math.round(random() * 200000);
    const rate = 0.002 + random() * 0.008;
    const growth = 1 + (random() - 0.4) * 0.03;
    const population: YearValue[] = [];
    const history: YearValue[] = [];
    let pop = pop0;
    let users = pop0 * rate;
    for (let y = 2016; y <= 2035; y++) {
      population.push({ year: y, value: String(Math.round(pop)) });
      if (y <= 2025) history.push({ year: y, value: String(Math.round(users * (1 + (random() - 0.5) * 0.08))) });
      pop *= 1.004;
      users *= growth;
    }
    series.push({ history, population });
  }

const times: number[] = [];
let methods = 0;
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  methods = 0;
  for (const s of series) methods += forecast({ history: s.history, population: s.population, horizon: 10 }).methods.length;
  times.push(performance.now() - started);
}
const slowest = Math.max(...times);
console.log(`Prognoser: ${series.length} serier (${GROUPS} målgrupper × ${MUNICIPALITIES} kommuner) × 10 år frem, ${methods} metoder med backtest`);
console.log(
  `Tid pr. kørsel: ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}; langsomste ${slowest.toFixed(0)} ms (mål ≤ 1000 ms) ${slowest <= 1000 ? 'OK' : 'FOR LANGSOM'}`,
);
