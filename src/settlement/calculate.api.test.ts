/**
 * The public settlement calculation endpoint: answers without login, exactly as the example, and
 * rejects bad input with a 400 and a Danish message naming the field (never a 500).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const example = {
  month: '2026-03',
  lines: [
    { unit: 'day', price: '2381.04', from: '2026-02-15', to: '2026-03-10' },
    { unit: 'month', price: '61234.50', from: '2026-03-05', to: null },
    { unit: 'hour', price: '612.00', hours: '14.5' },
  ],
};
const calc = (payload: unknown) => t.as(null, { method: 'POST', url: '/api/settlement/calculate', payload: payload as object });

test('anyone can calculate without logging in: the issue’s example', async () => {
  const res = await calc(example);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), {
    lines: [
      { days: 10, amount: '23810.40' },
      { days: 27, amount: '53333.27' },
      { days: null, amount: '8874.00' },
    ],
    total: '86017.67',
  });
});

const line0 = example.lines[0]!;
const badCases: Array<[string, unknown, string, RegExp]> = [
  ['a to before from', { ...example, lines: [{ ...line0, to: '2026-02-01' }] }, 'lines.0.to', /før startdatoen/],
  ['an unknown unit', { ...example, lines: [{ ...line0, unit: 'week' }] }, 'lines.0.unit', /day.*month.*hour/],
  ['a negative price', { ...example, lines: [{ ...line0, price: '-5' }] }, 'lines.0.price', /negativ/],
  ['a month 13', { ...example, month: '2026-13' }, 'month', /måned/],
  ['a month without the year', { ...example, month: '03' }, 'month', /måned/],
  ['a NUL character in the month', { ...example, month: '2026-03\u0000' }, 'month', /kontroltegn/],
  ['a NUL character in a price', { ...example, lines: [{ ...line0, price: '100\u0000' }] }, 'lines.0.price', /kontroltegn/],
  ['a huge price', { ...example, lines: [{ ...line0, price: '9'.repeat(40) }] }, 'lines.0.price', /.+/],
  ['a price above 100 mio.', { ...example, lines: [{ ...line0, price: '100000000.01' }] }, 'lines.0.price', /højst/],
  ['a price as a huge number', { ...example, lines: [{ ...line0, price: 1e300 }] }, 'lines.0.price', /.+/],
  ['a date that does not exist', { ...example, lines: [{ ...line0, from: '2026-02-30' }] }, 'lines.0.from', /findes ikke/],
  ['hours missing on an hour price', { ...example, lines: [{ unit: 'hour', price: '612' }] }, 'lines.0.hours', /udfyldes/],
  ['a period on an hour price', { ...example, lines: [{ unit: 'hour', price: '612', hours: '2', from: '2026-03-01' }] }, 'lines.0.from', /timepris/],
  ['from missing on a day price', { ...example, lines: [{ unit: 'day', price: '612', to: null }] }, 'lines.0.from', /udfyldes/],
  ['too many hours', { ...example, lines: [{ unit: 'hour', price: '612', hours: '1000000' }] }, 'lines.0.hours', /højst/],
  ['no lines', { month: '2026-03', lines: [] }, 'lines', /mindst én/],
  ['an unknown field', { ...example, colour: 'blue' }, 'colour', /Ukendt felt/],
];

for (const [name, payload, field, message] of badCases) {
  test(`400 with a Danish message naming the field: ${name}`, async () => {
    const res = await calc(payload);
    assert.equal(res.statusCode, 400, res.body);
    const body = res.json();
    assert.ok(body.fields?.[field], `felt ${field} mangler i ${JSON.stringify(body.fields)}`);
    assert.match(body.fields[field].join(' '), message);
  });
}

test('broken JSON is a 400', async () => {
  const res = await t.as(null, { method: 'POST', url: '/api/settlement/calculate', payload: '{"month":', headers: { 'content-type': 'application/json' } });
  assert.equal(res.statusCode, 400);
});

test('the calculation is in the OpenAPI document under Afregning', async () => {
  const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
  const op = doc.paths['/api/settlement/calculate'].post;
  assert.deepEqual(op.tags, ['Afregning']);
  assert.ok(op.requestBody.content['application/json'].schema.properties.lines);
});
