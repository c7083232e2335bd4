/**
 * The public split and forecast endpoints: they answer without login, save nothing, and refuse bad input
 * (zero, negative, huge numbers, text with NUL, gaps, too few years, a population short of the horizon) with a
 * 400 and a Danish message on the field — never a 500.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const post = (url: string, payload: unknown) => t.as(null, { method: 'POST', url, payload: payload as object });
const decompose = (payload: unknown) => post('/api/analysis/decompose', payload);
const forecast = (payload: unknown) => post('/api/analysis/forecast', payload);

const from = { population: 10000, recipients: 100, spending: '10000000' };
const to = { population: 11000, recipients: 132, spending: '16500000.00' };

test('anyone may split a change in spending; the three effects add up to the total', async () => {
  const res = await decompose({ from, to });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { totalChange: '6500000.00', demographic: '1237114.10', userShare: '2366510.78', unitCost: '2896375.12' });
});

test('numbers, strings and decimal commas are all accepted', async () => {
  const res = await decompose({ from: { population: '10000', recipients: '100', spending: 10000000 }, to: { ...to, spending: '16500000,00' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().totalChange, '6500000.00');
});

test('zero, negative, huge and malformed figures are 400 with a Danish message on the field', async () => {
  const cases: [unknown, string, RegExp][] = [
    [{ from: { ...from, population: 0 }, to }, 'from.population', /Befolkningstallet skal være større end 0/],
    [{ from, to: { ...to, spending: '-5' } }, 'to.spending', /Udgiften skal være større end 0/],
    [{ from, to: { ...to, recipients: 1e308 } }, 'to.recipients', /skal være et tal/],
    [{ from, to: { ...to, spending: '99999999999999999999999' } }, 'to.spending', /skal være et tal/],
    [{ from, to: { ...to, spending: '1\u00002' } }, 'to.spending', /kontroltegn/],
    [{ from, to: { ...to, population: 10.5 } }, 'to.population', /helt tal/],
    [{ from, to: { ...to, population: true } }, 'to.population', /tal/],
    [{ from }, 'to', /udfyldes/],
    [{ from, to, extra: 1 }, 'extra', /Ukendt felt/],
  ];
  for (const [payload, field, message] of cases) {
    const res = await decompose(payload);
    assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
    const body = res.json();
    assert.match(body.fields?.[field]?.join(' ') ?? '', message, `${field}: ${res.body}`);
  }
  for (const raw of ['', 'null', '[]', '"x"', '{"from":', '\u0000']) {
    const res = await t.app.inject({ method: 'POST', url: '/api/analysis/decompose', headers: { 'content-type': 'application/json' }, payload: raw });
    assert.equal(res.statusCode, 400, `${JSON.stringify(raw)}: ${res.body}`);
  }
});

const years = (from: number, values: number[]) => values.map((value, i) => ({ year: from + i, value }));
const population = Array.from({ length: 20 }, (_, i) => ({ year: 2016 + i, value: 1000 }));

test('anyone may forecast a series; every method comes with its backtest error', async () => {
  const res = await forecast({ history: years(2016, [10, 12, 14, 16, 18, 20, 22, 24]), population, horizon: 2 });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), {
    methods: [
      {
        method: 'trend',
        backtestMape: '0.00',
        forecast: [
          { year: 2024, value: '26.00' },
          { year: 2025, value: '28.00' },
        ],
      },
      {
        method: 'rate',
        backtestMape: '26.87',
        forecast: [
          { year: 2024, value: '22.00' },
          { year: 2025, value: '22.00' },
        ],
      },
    ],
  });
});

test('too few years, a gap, a short population and bad values are 400 in Danish on the field', async () => {
  const cases: [unknown, string, RegExp][] = [
    [{ history: years(2016, [1, 2, 3, 4]), population, horizon: 2 }, 'history', /mindst 5 år/],
    [{ history: [...years(2016, [1, 2, 3]), ...years(2020, [4, 5])], population, horizon: 2 }, 'history', /huller: 2019 mangler/],
    [{ history: years(2016, [1, 2, 3, 4, 5]), population: population.slice(0, 6), horizon: 3 }, 'population', /2022, 2023 mangler/],
    [{ history: years(2016, [1, 2, 3, 4, 5]), population, horizon: 11 }, 'horizon', /1 til 10/],
    [{ history: years(2016, [1, 2, 3, 4, -5]), population, horizon: 2 }, 'history.4.value', /må ikke være negativ/],
    [{ history: years(2016, [1, 2, 3, 4, 1e300]), population, horizon: 2 }, 'history.4.value', /tal/],
    [{ history: [...years(2016, [1, 2, 3, 4]), { year: 2020, value: 'x\u0000' }], population, horizon: 2 }, 'history.4.value', /kontroltegn/],
    [{ history: years(2016, [1, 2, 3, 4, 5]), population: [{ year: 2016, value: 0 }], horizon: 2 }, 'population.0.value', /større end 0/],
    [{ history: years(99999999, [1, 2, 3, 4, 5]), population, horizon: 2 }, 'history.0.year', /2200/],
  ];
  for (const [payload, field, message] of cases) {
    const res = await forecast(payload);
    assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
    assert.match(res.json().fields?.[field]?.join(' ') ?? '', message, `${field}: ${res.body}`);
  }
  const huge = await forecast({ history: Array.from({ length: 5000 }, (_, i) => ({ year: 1900 + i, value: 1 })), population, horizon: 2 });
  assert.equal(huge.statusCode, 400);
});

test('both endpoints are in the OpenAPI document', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const paths = res.json().paths;
  assert.ok(paths['/api/analysis/decompose']?.post, 'decompose');
  assert.ok(paths['/api/analysis/forecast']?.post, 'forecast');
});
