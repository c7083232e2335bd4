/**
 * The forecast methods and their backtests: hand-worked cases for `trend` (least squares), `rate` (mean of the
 * last three rates × projected population), the MAPE of the held-out years, the what-if factor and the input
 * problems; properties (a straight line is forecast exactly with zero error; forecasts are never negative; the
 * what-if scales the rate forecast).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Dec } from './decimal.js';
import { forecast, forecastProblems, type YearValue } from './forecast.js';

const series = (from: number, values: number[]): YearValue[] => values.map((value, i) => ({ year: from + i, value }));
const flat = (from: number, to: number, value: number): YearValue[] => Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, value }));

test('a straight line: trend forecasts it exactly with a zero backtest error; rate misses the growth', () => {
  const r = forecast({ history: series(2016, [10, 12, 14, 16, 18, 20, 22, 24]), population: flat(2016, 2030, 1000), horizon: 2 });
  const [trend, rate] = r.methods;
  assert.equal(trend?.method, 'trend');
  assert.deepEqual(trend?.forecast, [
    { year: 2024, value: '26.00' },
    { year: 2025, value: '28.00' },
  ]);
  assert.equal(trend?.backtestMape, '0.00');
  // rate: (20 + 22 + 24) / 3 / 1000 = 0.022 → 22 a year at 1,000 inhabitants.
  assert.deepEqual(rate?.forecast, [
    { year: 2024, value: '22.00' },
    { year: 2025, value: '22.00' },
  ]);
  // backtest: fitted on 2016-2020, rate (14 + 16 + 18) / 3 / 1000 = 0.016 → 16; errors 4/20, 6/22, 8/24 → 26.87 %.
  assert.equal(rate?.backtestMape, '26.87');
  assert.deepEqual(rate?.backtest, [
    { year: 2021, actual: '20.00', predicted: '16.00' },
    { year: 2022, actual: '22.00', predicted: '16.00' },
    { year: 2023, actual: '24.00', predicted: '16.00' },
  ]);
});

test('five noisy years: least squares on the history, the rate on a growing projected population', () => {
  const population = [...flat(2019, 2023, 1000), { year: 2024, value: 1100 }, { year: 2025, value: 1200 }];
  const r = forecast({ history: series(2019, [10, 14, 12, 16, 18]), population, horizon: 2 });
  const [trend, rate] = r.methods;
  // x − 2021 = −2..2, mean y = 14, Σxy = 18, Σx² = 10 → slope 1.8: 2024 = 14 + 3 × 1.8 = 19.4, 2025 = 21.2.
  assert.deepEqual(trend?.forecast, [
    { year: 2024, value: '19.40' },
    { year: 2025, value: '21.20' },
  ]);
  // backtest on 2019-2020 only: slope 4 → 18, 22, 26 against 12, 16, 18: (6/12 + 6/16 + 8/18) / 3 = 43.98 %.
  assert.equal(trend?.backtestMape, '43.98');
  // rate = (12 + 16 + 18) / 3 / 1000 = 0.015333…: 2024 = 16.87, 2025 = 18.40.
  assert.deepEqual(rate?.forecast, [
    { year: 2024, value: '16.87' },
    { year: 2025, value: '18.40' },
  ]);
  // backtest: rate of 2019-2020 = 0.012 → 12 against 12, 16, 18: (0 + 4/16 + 6/18) / 3 = 19.44 %.
  assert.equal(rate?.backtestMape, '19.44');
});

test('what-if: a rate 10 % higher raises the rate forecast by 10 %, not its backtest', () => {
  const population = [...flat(2019, 2023, 1000), { year: 2024, value: 1100 }];
  const r = forecast({ history: series(2019, [10, 14, 12, 16, 18]), population, horizon: 1, rateFactor: '1.1' });
  assert.deepEqual(r.methods[1]?.forecast, [{ year: 2024, value: '18.55' }]); // 16.8667 × 1.1
  assert.equal(r.methods[1]?.backtestMape, '19.44');
});

test('a falling trend stops at zero', () => {
  const r = forecast({ history: series(2019, [50, 40, 30, 20, 10]), population: flat(2019, 2025, 1000), horizon: 2 });
  assert.deepEqual(r.methods[0]?.forecast, [
    { year: 2024, value: '0.00' },
    { year: 2025, value: '0.00' },
  ]);
});

test('held-out years of zero are left out of the MAPE, and all zeros give no MAPE', () => {
  const r = forecast({ history: series(2019, [0, 0, 0, 0, 0]), population: flat(2019, 2024, 1000), horizon: 1 });
  assert.equal(r.methods[0]?.backtestMape, null);
  assert.equal(r.methods[0]?.forecast[0]?.value, '0.00');
});

test('the input problems are named in Danish on their field', () => {
  assert.deepEqual(forecastProblems({ history: series(2020, [1, 2, 3, 4]), population: flat(2020, 2030, 10), horizon: 2 }), [
    { field: 'history', message: 'Historikken skal have mindst 5 år; den har 4.' },
  ]);
  const gap = [...series(2016, [1, 2, 3]), ...series(2021, [4, 5, 6])];
  assert.deepEqual(forecastProblems({ history: gap, population: flat(2016, 2030, 10), horizon: 2 }), [
    { field: 'history', message: 'Historikken har huller: 2019, 2020 mangler.' },
  ]);
  assert.match(
    forecastProblems({ history: [...series(2016, [1, 2, 3, 4, 5]), { year: 2016, value: 1 }], population: flat(2016, 2030, 10), horizon: 2 })[0]!.message,
    /2016 står mere end én gang/,
  );
  assert.deepEqual(forecastProblems({ history: series(2016, [1, 2, 3, 4, 5]), population: flat(2016, 2021, 10), horizon: 3 }), [
    { field: 'population', message: 'Befolkningstallene skal dække historikkens sidste år og horisonten; 2022, 2023 mangler.' },
  ]);
  assert.equal(forecastProblems({ history: series(2016, [1, 2, 3, 4, 5]), population: flat(2016, 2040, 10), horizon: 11 })[0]?.field, 'horizon');
  assert.throws(() => forecast({ history: series(2020, [1, 2, 3]), population: [], horizon: 1 }), RangeError);
});

const history = fc
  .tuple(fc.integer({ min: 2000, max: 2020 }), fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 5, maxLength: 12 }))
  .map(([from, values]) => series(from, values));

test('property: a straight (non-negative) line is forecast exactly by trend, with a zero backtest error', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 5, max: 12 }),
      fc.integer({ min: 1, max: 10 }),
      (a, b, n, h) => {
        const values = Array.from({ length: n }, (_, i) => a + b * i);
        const r = forecast({ history: series(2010, values), population: flat(2010, 2040, 100), horizon: h });
        assert.equal(r.methods[0]?.backtestMape, '0.00');
        r.methods[0]?.forecast.forEach((f, i) => assert.equal(f.value, new Dec(a + b * (n + i)).toFixed(2)));
      },
    ),
  );
});

test('property: every forecast is non-negative, for consecutive years after the history, and the what-if scales the rate', () => {
  fc.assert(
    fc.property(history, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 300 }), (h, horizon, pct) => {
      const first = h[0]!.year;
      const population = flat(first, first + h.length + horizon, 2000);
      const base = forecast({ history: h, population, horizon });
      const what = forecast({ history: h, population, horizon, rateFactor: new Dec(pct).div(100) });
      for (const m of base.methods) {
        assert.equal(m.forecast.length, horizon);
        m.forecast.forEach((f, i) => {
          assert.equal(f.year, h[h.length - 1]!.year + i + 1);
          assert.ok(new Dec(f.value).gte(0));
        });
        if (m.backtestMape !== null) assert.ok(new Dec(m.backtestMape).gte(0));
      }
      base.methods[1]?.forecast.forEach((f, i) => {
        const scaled = new Dec(f.value).times(pct).div(100);
        // Both are rounded to øre-like hundredths: half a hundredth each, the first one scaled.
        assert.ok(scaled.minus(what.methods[1]!.forecast[i]!.value).abs().lte(new Dec(pct).div(100).plus(1).times('0.005')));
      });
    }),
    { numRuns: 200 },
  );
});
