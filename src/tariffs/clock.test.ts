/**
 * Tariffs take "today" from the app's clock, in Danish time: at 00:30 on 1 January in Copenhagen (still
 * 31 December in UTC) the round being worked on is already the one after next year's.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../core/clock.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { offeringOf } from '../testing/access.js';
import { latestTariffYear } from './draft.compute.js';

const HALF_PAST_MIDNIGHT = '2026-12-31T23:30:00Z'; // 1 January 2027, 00:30 in Copenhagen

let t: TestApp;
let operator: Session;

before(async () => {
  t = await createTestApp({ clock: fixedClock(HALF_PAST_MIDNIGHT) });
  operator = await t.login('demo-tilbudsoekonomi');
});
after(() => t.close());

test('the latest tariff year follows the Danish date, not the UTC date', () => {
  assert.equal(new Date(HALF_PAST_MIDNIGHT).toISOString().slice(0, 10), '2026-12-31');
  assert.equal(latestTariffYear(fixedClock(HALF_PAST_MIDNIGHT)), 2028);
});

test('at 00:30 on 1 January the editor opens for the year after next and refuses the one after', async () => {
  const offering = await offeringOf(t.db, 316);
  const open = await t.as(operator, { method: 'GET', url: `/takster/tilbud/${offering}/2028/ny`, headers: { accept: 'text/html' } });
  assert.ok([200, 303].includes(open.statusCode), `${open.statusCode} ${open.body.slice(0, 200)}`);
  const later = await t.as(operator, { method: 'GET', url: `/takster/tilbud/${offering}/2029/ny`, headers: { accept: 'text/html' } });
  assert.equal(later.statusCode, 400);
  assert.match(later.body, /højst beregnes for næste år \(2028\)/);
});
