/**
 * The agreement cycle takes "today" from the app's clock, in Danish time: at 00:30 on 1 January 2027 in
 * Copenhagen (23:30 UTC the day before) today is 2027-01-01, not 2026-12-31.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../core/clock.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let token: string;
const api = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
  const res = await t.app.inject({ method, url, payload: payload as never, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
};

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-31T23:30:00Z') });
  token = await t.token('demo-sekretariat');
});
after(() => t.close());

test('at 00:30 Danish time a measurement dated today is not in the future, and a milestone done now is done today', async () => {
  const agreement = await t.db.selectFrom('agreement').select('id').where('title', '=', 'Rammeaftale Sjælland 2025-2026').executeTakeFirstOrThrow();
  const indicator = await t.db
    .selectFrom('agreement_indicator')
    .select('id')
    .where('agreement_id', '=', agreement.id)
    .where('source', '=', 'manual')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const url = `/api/agreements/${agreement.id}/indicators/${indicator.id}/measurements`;
  const today = await api('POST', url, { measuredOn: '2027-01-01', value: '12,5', source: 'Opgørelse' });
  assert.equal(today.status, 201, JSON.stringify(today.body));
  const tomorrow = await api('POST', url, { measuredOn: '2027-01-02', value: '12,5', source: 'Opgørelse' });
  assert.equal(tomorrow.status, 400);
  assert.match(tomorrow.body.fields.measuredOn[0], /fremtiden/);

  const milestone = await api('POST', `/api/agreements/${agreement.id}/milestones`, { dueOn: '2026-12-15', title: 'Midtvejsmøde' });
  assert.equal(milestone.status, 201);
  assert.equal((await api('POST', `/api/agreements/${agreement.id}/milestones/${milestone.body.id}/done`)).status, 200);
  const row = await t.db.selectFrom('agreement_milestone').select('completed_on').where('id', '=', milestone.body.id).executeTakeFirstOrThrow();
  assert.equal(row.completed_on, '2027-01-01');
});
