/**
 * The front page's work list for the agreement cycle: council decisions still missing carry their deadline (the
 * agreement's open milestone that completes on approval), and the demo data has an agreement waiting for them.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, form, type TestApp } from '../testing/test-app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

test('missing council decisions are listed on the front page with their deadline, and the link opens', async () => {
  const s = await t.login('demo-sekretariat');
  const post = (url: string, fields: Record<string, string>) =>
    t.as(s, { method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: form(fields) });
  const title = 'Beslutningsfrist 2031-2032';
  assert.equal((await post('/aftaler/ny', { title, periodStart: '2031-01-01', periodEnd: '2032-12-31', preparationStart: '2026-01-01' })).statusCode, 303);
  const a = await t.db.selectFrom('agreement').select('id').where('title', '=', title).executeTakeFirstOrThrow();
  assert.equal((await post(`/aftaler/${a.id}/afsnit/ny`, { number: '1', title: 'Indledning', body: 'Aftalen gælder hele området.' })).statusCode, 303);
  assert.equal((await post(`/aftaler/${a.id}/versioner`, { changelog: 'Første udkast' })).statusCode, 303);
  assert.equal((await post(`/aftaler/${a.id}/status`, { status: 'i_hoering', hearingUntil: '2026-12-31' })).statusCode, 303);
  await t.db
    .insertInto('agreement_milestone')
    .values({
      agreement_id: a.id,
      due_on: '2027-02-26',
      title: 'Godkendelse i byråd og regionsråd',
      responsible: 'Kommunerne',
      status: 'planlagt',
      completes_on_status: 'godkendt',
    })
    .execute();
  const itemOf = (body: string) => body.match(new RegExp(`<li[^>]*>(?:(?!</li>)[\\s\\S])*Beslutninger mangler: ${title}(?:(?!</li>)[\\s\\S])*</li>`))?.[0];
  assert.equal(itemOf((await t.as(s, { method: 'GET', url: '/', headers: { accept: 'text/html' } })).body), undefined, 'nothing to decide while in hearing');
  assert.equal((await post(`/aftaler/${a.id}/status`, { status: 'til_godkendelse', closeHearingEarly: 'on', note: 'Videre' })).statusCode, 303);
  const item = itemOf((await t.as(s, { method: 'GET', url: '/', headers: { accept: 'text/html' } })).body);
  assert.ok(item, 'the work list names the agreement');
  assert.match(item, /Frist 26\. februar 2027/);
  assert.match(item, new RegExp(`href="/aftaler/${a.id}/godkendelse"`));
  assert.equal((await t.as(s, { method: 'GET', url: `/aftaler/${a.id}/godkendelse`, headers: { accept: 'text/html' } })).statusCode, 200);
});

test('the demo data has the next agreements under way: Syddanmark awaits its councils by a deadline, Nordjylland is in hearing', async () => {
  const syd = await t.db
    .selectFrom('agreement as a')
    .innerJoin('agreement_milestone as m', 'm.agreement_id', 'a.id')
    .select(['a.status', (eb) => eb.cast<string>('m.due_on', 'text').as('due')])
    .where('a.title', '=', 'Rammeaftale Syddanmark 2027-2028')
    .where('m.completes_on_status', '=', 'godkendt')
    .executeTakeFirstOrThrow();
  assert.equal(syd.status, 'til_godkendelse');
  assert.ok(syd.due > t.ctx.clock.today());
});

test('an agreement in hearing is open for its members’ responses until its deadline', async () => {
  const a = await t.db
    .selectFrom('agreement as a')
    .innerJoin('agreement_version as v', 'v.id', 'a.hearing_version_id')
    .select(['a.id', 'a.status', (eb) => eb.cast<string>('v.hearing_until', 'text').as('until')])
    .where('a.title', '=', 'Rammeaftale Nordjylland 2027-2028')
    .executeTakeFirstOrThrow();
  assert.equal(a.status, 'i_hoering');
  assert.ok(a.until >= t.ctx.clock.today(), 'the hearing deadline has not passed on the demo date');
});
