/**
 * The front page as a work page per role, on the seeded demo: an operator sees its tariffs to submit with the
 * deadline, the secretariat the tariffs to approve; with an agreement in hearing, a municipality sees the hearing
 * with its deadline, and with one awaiting council decisions, a member sees its own missing decision and the
 * secretariat how many are missing. A visitor sees no work list.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { suiteClock } from '../../testing/clock.js';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
const today = suiteClock().today();
const get = (s: Session | null) => t.as(s, { method: 'GET', url: '/', headers: { accept: 'text/html' } });

before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('a visitor gets the links, no work list', async () => {
  const page = await get(null);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /Det venter på dig/);
});

test('the operator sees its tariffs to submit with the deadline, the secretariat those to approve', async () => {
  const operator = await get(await t.login('demo-tilbudsoekonomi'));
  assert.match(operator.body, /Det venter på dig/);
  assert.match(operator.body, /Takster \d{4} at indsende \(\d+\)/);
  assert.match(operator.body, /Indsend takst \d{4}: /);
  assert.match(operator.body, /Frist \d+\. [a-zæøå]+ \d{4}/);
  const secretariat = await get(await t.login('demo-sekretariat'));
  assert.match(secretariat.body, /Takster at godkende \(\d+\)/);
  assert.match(secretariat.body, /Godkend takst \d{4}: /);
  assert.doesNotMatch(secretariat.body, /Indsend takst/);
});

test('an open hearing and missing council decisions show for the organisations concerned', async () => {
  const a = await t.db.selectFrom('agreement').select(['id', 'title']).where('status', '=', 'under_udarbejdelse').orderBy('id').executeTakeFirstOrThrow();
  const until = `${Number(today.slice(0, 4)) + 1}-01-15`;
  const v = await t.db
    .insertInto('agreement_version')
    .values({ agreement_id: a.id, number: 99, created_on: today, content: JSON.stringify([]), hearing_until: until, created_by: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.updateTable('agreement').set({ status: 'i_hoering', hearing_version_id: v.id }).where('id', '=', a.id).execute();
  const municipality = await get(await t.login('demo-myndighed'));
  assert.match(municipality.body, new RegExp(`Høring: ${a.title}`));
  assert.match(municipality.body, /Frist 15\. januar/);
  assert.match(municipality.body, new RegExp(`href="/aftaler/${a.id}/hoering"`));
  // A reader cannot give a hearing comment, so the hearing is not its task.
  assert.doesNotMatch((await get(await t.login('demo-laeser'))).body, /Høring: /);

  await t.db.updateTable('agreement').set({ status: 'til_godkendelse' }).where('id', '=', a.id).execute();
  const member = await get(await t.login('demo-naestved'));
  assert.match(member.body, new RegExp(`Jeres politiske beslutning mangler: ${a.title}`));
  const secretariat = await get(await t.login('demo-sekretariat'));
  assert.match(secretariat.body, /Beslutninger mangler: .*\d+ medlemmer af \d+ mangler en beslutning/s);
});
