/**
 * Speed of the forecasts (issue 11): every target group × 98 municipalities, ten years of history (2016-2025) and
 * ten years ahead, by every method (trend and rate, and stock-flow on synthetic flows) with its backtest, on deterministic synthetic series in
 * memory (the methods are pure; reading the figures is measured with the pages).
 *
 *   npx tsx bench/analysis.ts
 *
 * Target: ≤ 1 s for all of it. Prints the time of three runs and the slowest.
 */
import { seededRandom } from '../src/core/seed/random.js';
import { forecast, type YearValue } from '../src/analysis/forecast.js';
import { stockFlowForecast } from '../src/analysis/stockflow.js';

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

// The stock-flow method from contracts (issue 11): the same 294 series as yearly flows (stock, inflow, exits).
const flows = series.map((x) => {
  let stock = Number(x.history[0]!.value);
  return {
    population: x.population,
    history: x.history.map((h) => {
      const exits = Math.round(stock * (0.15 + random() * 0.1));
      const inflow = Math.max(0, Number(h.value) - stock + exits);
      stock = stock - exits + inflow;
      return { year: h.year, stock, inflow, exits };
    }),
  };
});
const flowTimes: number[] = [];
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  for (const f of flows) stockFlowForecast({ history: f.history, population: f.population, horizon: 10 });
  flowTimes.push(performance.now() - started);
}
console.log(`Lager og strøm: ${flows.length} serier × 10 år frem med backtest: ${flowTimes.map((t) => `${t.toFixed(0)} ms`).join(', ')}`);

// Part 2 (with DATABASE_URL): the benchmark for the whole country on PostgreSQL — a database of its own with the
// national analysis demo data (98 municipalities); 50 benchmark reads (every group, each area), p50 and p95.
if (process.env.DATABASE_URL) {
  const { sql } = await import('kysely');
  const { openDatabase } = await import('../src/core/db/connect.js');
  const { migrateToLatest } = await import('../src/core/db/migrate.js');
  const { capabilities } = await import('../src/capabilities.js');
  const { readConfig } = await import('../src/core/config.js');
  const { callContext, createAppContext } = await import('../src/core/context.js');
  const { systemClock } = await import('../src/core/clock.js');
  const { seedAnalysis } = await import('../src/analysis/analysis.seed.js');
  const { benchmarks } = await import('../src/analysis/benchmark.service.js');
  const NAME = 'ramme_bench_analysis';
  const admin = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL });
  await sql`drop database if exists ${sql.id(NAME)} with (force)`.execute(admin.db);
  await sql`create database ${sql.id(NAME)}`.execute(admin.db);
  await admin.close();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${NAME}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  await migrateToLatest(database.db, capabilities);
  const seeded = performance.now();
  await seedAnalysis({ db: database.db, clock: systemClock, scope: 'national', random: seededRandom(1), log: (m) => console.log(`Demodata: ${m}`) });
  console.log(`Seed (national, PostgreSQL): ${(performance.now() - seeded).toFixed(0)} ms`);
  await sql`analyze`.execute(database.db);
  const app = createAppContext({ db: database.db, config: readConfig(), capabilities });
  const actor = {
    userId: 0,
    username: 'bench',
    displayName: 'Bench',
    organisationId: 0,
    organisationName: 'Bench',
    organisationKind: 'secretariat' as const,
    areaIds: [],
    roles: ['laeser' as const],
    via: 'token' as const,
  };
  const ctx = callContext(app, actor);
  const groups = ['voksne-botilbud', 'voksne-dagtilbud', 'boern-anbringelse'];
  const areas = ['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'];
  for (let i = 0; i < 5; i++) await benchmarks(ctx, { group: groups[i % 3], area: areas[i % 5] });
  const reads: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await benchmarks(ctx, { group: groups[i % 3], area: areas[i % 5] });
    reads.push(performance.now() - t0);
  }
  reads.sort((a, b) => a - b);
  const p = (q: number) => reads[Math.min(reads.length - 1, Math.floor(q * reads.length))]!;
  console.log(
    `Benchmark for hele landet (PostgreSQL, 98 kommuner, service uden HTTP): p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms (mål p95 ≤ 100 ms) ${p(0.95) <= 100 ? 'OK' : 'FOR LANGSOM'}`,
  );
  await database.close();
}
