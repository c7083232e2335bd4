/**
 * The public calculation endpoint: answers without login, uses an area's rules on request, and rejects bad
 * input with a 400 and Danish messages per field (never a 500).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const valid = {
  unit: 'day',
  year: 2026,
  places: 12,
  occupancyPct: 97.5,
  occupancyHistoryPct: [96.0, 98.5],
  shortStay: false,
  occupancyDeviationApproved: false,
  costs: [
    { category: 'salaries', amount: '6500000.00' },
    { category: 'operations', amount: '1200000.00' },
    { category: 'property', amount: 800000 },
    { category: 'depreciation', amount: '150000.00' },
    { category: 'interest', amount: '50000.00' },
  ],
  overhead: { pct: '6.0' },
  income: '120000.00',
  regulation: { result: '350000.00', costBase: '8000000.00', retained: '0.00' },
  retainLimitPct: '5',
  levels: [
    { name: 'Niveau 1', weight: '1.0', share: '0.5' },
    { name: 'Niveau 2', weight: '2', share: '0.5' },
  ],
};

const calc = (payload: unknown) => t.as(null, { method: 'POST', url: '/api/tariffs/calculate', payload: payload as object });

test('anyone can calculate without logging in; nothing is saved', async () => {
  const before = await t.db
    .selectFrom('tariff_version')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const res = await calc(valid);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  // basis 9,090,000 − 350,000 = 8,740,000; Σws = 1.5; divisor 4,270.5 × 1.5 = 6,405.75
  assert.equal(body.basis, '8740000.00');
  assert.equal(body.overhead, '510000.00');
  assert.equal(body.occupancyPctUsed, '97.50');
  assert.equal(body.capacityUnits, '4380');
  assert.deepEqual(body.levels, [
    { name: 'Niveau 1', tariff: '1364.40' }, // 8,740,000 ÷ 6,405.75 = 1,364.3992…
    { name: 'Niveau 2', tariff: '2728.80' },
  ]);
  assert.ok(body.breakdown.length > 10);
  assert.deepEqual(body.warnings, []);
  const afterCount = await t.db
    .selectFrom('tariff_version')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(afterCount.n, before.n);
});

test('Danish decimal notation is accepted', async () => {
  const res = await calc({ ...valid, occupancyPct: '97,5', income: '120.000,00', levels: undefined });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().occupancyPctUsed, '97.50');
});

test('an area’s rules apply when named: Hovedstaden warns about overhead above 6 %', async () => {
  const res = await calc({ ...valid, overhead: { pct: '7' }, area: 'hovedstaden' });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(res.json().warnings.join(' '), /loft på 6 %/);
  const sj = await calc({ ...valid, overhead: { pct: '7' }, area: 'sjaelland' });
  assert.deepEqual(sj.json().warnings, []);
  const unknown = await calc({ ...valid, area: 'atlantis' });
  assert.equal(unknown.statusCode, 400);
  assert.ok(unknown.json().fields.area);
});

const badCases: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ['negative places', { places: -3 }, 'places', /mindst 1/],
  ['places missing for a day tariff', { places: undefined }, 'places', /Skal udfyldes/],
  ['planned hours missing for an hour tariff', { unit: 'hour', places: undefined }, 'plannedHours', /Skal udfyldes/],
  [
    'shares not summing to 1',
    {
      levels: [
        { name: 'A', weight: '1', share: '0.5' },
        { name: 'B', weight: '2', share: '0.3' },
      ],
    },
    'levels',
    /give 1/,
  ],
  ['retained above 5 % of the cost base', { regulation: { result: '600000', costBase: '8000000', retained: '450000' } }, 'regulation.retained', /Højst 5 %/],
  ['retained with the wrong sign', { regulation: { result: '-600000', costBase: '8000000', retained: '100000' } }, 'regulation.retained', /samme fortegn/],
  ['unknown cost category', { costs: [{ category: 'champagne', amount: '100' }] }, 'costs.0.category', /Ukendt udgiftskategori/],
  ['a negative amount', { costs: [{ category: 'salaries', amount: '-5' }] }, 'costs.0.amount', /negativ/],
  ['an amount that is not a number', { income: 'mange penge' }, 'income', /beløb/],
  ['an unknown unit', { unit: 'week' }, 'unit', /day, month eller hour/],
  ['an unknown field', { colour: 'blue' }, 'colour', /Ukendt felt/],
  ['neither occupancy nor history', { occupancyPct: undefined, occupancyHistoryPct: undefined }, 'occupancyPct', /belægningsprocent/],
  ['overhead in two ways', { overhead: { pct: '5', amount: '100' } }, 'overhead', /.+/],
  ['a weight of zero', { levels: [{ name: 'A', weight: '0', share: '1' }] }, 'levels.0.weight', /større end 0/],
];

for (const [name, change, field, message] of badCases) {
  test(`400 with a Danish message: ${name}`, async () => {
    const res = await calc({ ...valid, ...change });
    assert.equal(res.statusCode, 400, res.body);
    const body = res.json();
    assert.ok(body.fields?.[field], `felt ${field} mangler i ${JSON.stringify(body.fields)}`);
    assert.match(body.fields[field].join(' '), message);
  });
}

test('a body that is not an object, or broken JSON, is a 400', async () => {
  assert.equal((await calc([1, 2])).statusCode, 400);
  const broken = await t.as(null, { method: 'POST', url: '/api/tariffs/calculate', payload: '{"unit":', headers: { 'content-type': 'application/json' } });
  assert.equal(broken.statusCode, 400);
});

test('the calculation is documented in the OpenAPI document under Takster', async () => {
  const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
  const op = doc.paths['/api/tariffs/calculate'].post;
  assert.deepEqual(op.tags, ['Takster']);
  assert.ok(op.requestBody.content['application/json'].schema.properties.costs);
  for (const p of [
    '/api/tariffs',
    '/api/tariffs/{id}',
    '/api/tariffs/{id}/submit',
    '/api/tariffs/{id}/approve',
    '/api/tariffs/{id}/return',
    '/api/tariffs/publish',
  ])
    assert.ok(doc.paths[p], p);
});
