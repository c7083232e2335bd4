/**
 * The stock-flow forecast from contracts: hand-worked cases (a steady state is forecast exactly with zero error; a
 * growing inflow; the what-ifs on length of stay and inflow), the flows counted from contract periods, and the
 * input problems.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowsFromContracts, stockFlowForecast, stockFlowProblems, type FlowYear } from './stockflow.js';

const flat = (from: number, to: number, value: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, value }));

test('a steady state (100 in care, 20 in and 20 out a year) is forecast exactly, with a five-year stay', () => {
  const history: FlowYear[] = flat(2019, 2023, 0).map((y) => ({ year: y.year, stock: 100, inflow: 20, exits: 20 }));
  const r = stockFlowForecast({ history, population: flat(2019, 2026, 1000), horizon: 3 });
  assert.equal(r.exitShare, '0.200000');
  assert.equal(r.meanStayYears, '5.00');
  assert.equal(r.inflowRate, '0.02000000');
  assert.equal(r.backtestMape, '0.00');
  assert.deepEqual(
    r.forecast.map((f) => f.value),
    ['100.00', '100.00', '100.00'],
  );
});

// Inflow rises from 20 to 30 a year in 2021; a fifth of those at the start of a year leave during it.
const growing: FlowYear[] = [
  { year: 2019, stock: 100, inflow: 20, exits: 20 },
  { year: 2020, stock: 100, inflow: 20, exits: 20 },
  { year: 2021, stock: 110, inflow: 30, exits: 20 },
  { year: 2022, stock: 118, inflow: 30, exits: 22 },
  { year: 2023, stock: '124.4', inflow: 30, exits: '23.6' },
];

test('a growing inflow: exit share 65.6 / 328 = 0.2 and inflow 0.03 per inhabitant carry the stock on', () => {
  const r = stockFlowForecast({ history: growing, population: flat(2019, 2025, 1000), horizon: 2 });
  assert.equal(r.exitShare, '0.200000');
  assert.equal(r.inflowRate, '0.03000000');
  // 2024: 124.4 × 0.8 + 30 = 129.52; 2025: 129.52 × 0.8 + 30 = 133.616.
  assert.deepEqual(r.forecast, [
    { year: 2024, value: '129.52' },
    { year: 2025, value: '133.62' },
  ]);
  // Backtest fitted on 2019-2020 (e = 0.2, r = 0.02) runs 100 → 100, 100, 100 against 110, 118, 124.4:
  // (10/110 + 18/118 + 24.4/124.4) / 3 = 14.65 %.
  assert.equal(r.backtestMape, '14.65');
  assert.deepEqual(
    r.backtest.map((b) => b.predicted),
    ['100.00', '100.00', '100.00'],
  );
});

test('what-if: a doubled length of stay halves the exit share; a 10 % higher inflow adds 3 a year', () => {
  const longer = stockFlowForecast({ history: growing, population: flat(2019, 2024, 1000), horizon: 1, stayFactor: 2 });
  assert.equal(longer.meanStayYears, '10.00');
  assert.equal(longer.forecast[0]?.value, '141.96'); // 124.4 × 0.9 + 30
  const more = stockFlowForecast({ history: growing, population: flat(2019, 2024, 1000), horizon: 1, inflowFactor: '1.1' });
  assert.equal(more.forecast[0]?.value, '132.52'); // 124.4 × 0.8 + 33
  assert.equal(longer.backtestMape, '14.65', 'the backtest is of the method as observed');
});

test('flows from contract periods: stock(Y) = stock(Y − 1) + inflow − exits', () => {
  const contracts = [
    { startDate: '2020-03-01', endDate: null },
    { startDate: '2020-05-01', endDate: '2021-12-31' },
    { startDate: '2021-02-01', endDate: '2021-06-30' },
    { startDate: '2019-01-01', endDate: '2022-01-31' },
  ];
  const flows = flowsFromContracts(contracts, 2020, 2022);
  assert.deepEqual(flows, [
    { year: 2020, stock: 3, inflow: 2, exits: 0 },
    { year: 2021, stock: 2, inflow: 1, exits: 2 },
    { year: 2022, stock: 1, inflow: 0, exits: 1 },
  ]);
});

test('fewer than five years, a gap, a missing population year or a bad horizon are refused in Danish', () => {
  const short = stockFlowProblems({ history: growing.slice(0, 4), population: flat(2019, 2030, 1000), horizon: 2 });
  assert.match(short[0]!.message, /mindst 5 hele år/);
  const gap = stockFlowProblems({
    history: growing.filter((g) => g.year !== 2021).concat({ year: 2024, stock: 1, inflow: 1, exits: 0 }),
    population: flat(2019, 2030, 1000),
    horizon: 2,
  });
  assert.match(gap[0]!.message, /hul efter 2020/);
  const pop = stockFlowProblems({ history: growing, population: flat(2019, 2024, 1000), horizon: 3 });
  assert.deepEqual(pop, [{ field: 'population', message: 'Befolkningstallene mangler for 2025, 2026.' }]);
  assert.equal(stockFlowProblems({ history: growing, population: flat(2019, 2040, 1000), horizon: 11 })[0]?.field, 'horizon');
});
