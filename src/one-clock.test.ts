/**
 * One clock for the whole of Ramme: at 00:30 on 1 January 2027 in Copenhagen (still 31 December 2026 in UTC)
 * the offerings register, the tariffs and the agreement cycle all agree that today is 2027-01-01.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fixedClock } from './core/clock.js';
import { offeringOf } from './testing/access.js';
import { createTestApp, type TestApp } from './testing/test-app.js';

const HALF_PAST_MIDNIGHT = '2026-12-31T23:30:00Z';
let t: TestApp;

before(async () => {
  t = await createTestApp({ clock: fixedClock(HALF_PAST_MIDNIGHT) });
});
after(() => t.close());

test('offerings, tariffs and agreements agree on the Danish date at 00:30', async () => {
  assert.equal(new Date(HALF_PAST_MIDNIGHT).toISOString().slice(0, 10), '2026-12-31', 'UTC still says 31 December');
  assert.equal(t.ctx.clock.today(), '2027-01-01');
  const offering = await offeringOf(t.db, 316);

  // Offerings: an approval dated today is not "in the future".
  const operator = await t.login('demo-tilbudsoekonomi');
  const approved = await t.as(operator, { method: 'PATCH', url: `/api/offerings/${offering}`, payload: { approvalDate: '2027-01-01' } });
  assert.equal(approved.statusCode, 200, approved.body);
  const tomorrow = await t.as(operator, { method: 'PATCH', url: `/api/offerings/${offering}`, payload: { approvalDate: '2027-01-02' } });
  assert.equal(tomorrow.statusCode, 400);

  // Tariffs: the round being worked on is next year's from today's date, 2028, and not 2029.
  const open = await t.as(operator, { method: 'GET', url: `/takster/tilbud/${offering}/2028/ny`, headers: { accept: 'text/html' } });
  assert.ok([200, 303].includes(open.statusCode), `${open.statusCode} ${open.body.slice(0, 200)}`);
  const later = await t.as(operator, { method: 'GET', url: `/takster/tilbud/${offering}/2029/ny`, headers: { accept: 'text/html' } });
  assert.equal(later.statusCode, 400);

  // Agreements: a measurement dated today is accepted, tomorrow's is refused.
  const secretariat = await t.login('demo-sekretariat');
  const agreement = await t.db.selectFrom('agreement').select('id').where('title', '=', 'Rammeaftale Sjælland 2025-2026').executeTakeFirstOrThrow();
  const indicator = await t.db
    .selectFrom('agreement_indicator')
    .select('id')
    .where('agreement_id', '=', agreement.id)
    .where('source', '=', 'manual')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const url = `/api/agreements/${agreement.id}/indicators/${indicator.id}/measurements`;
  const measured = await t.as(secretariat, { method: 'POST', url, payload: { measuredOn: '2027-01-01', value: '3', source: 'Opgørelse' } });
  assert.equal(measured.statusCode, 201, measured.body);
  const early = await t.as(secretariat, { method: 'POST', url, payload: { measuredOn: '2027-01-02', value: '3', source: 'Opgørelse' } });
  assert.equal(early.statusCode, 400);
});
