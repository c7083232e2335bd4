/**
 * An activity's evaluation survey as its users rely on it: the demo activities carry surveys whose counts the API
 * and the activity page show with their shares; the area's secretariat enters one (version 0), changes it on its
 * version (412 when stale) and removes it, each audited; more answers than respondents, bad counts and CPR-like
 * text are 400s naming the field; a municipality and a reader token are refused (403), anonymous 401. The form
 * works without JavaScript and keeps the input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let secretariat: Session;
let member: Session;
let readerToken: string;

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-01T10:00:00Z') });
  secretariat = await t.login('demo-sekretariat');
  member = await t.login('demo-tilbudsoekonomi');
  readerToken = await t.token('demo-laeser');
});
after(() => t.close());

const api = (s: Session | null, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object, headers?: Record<string, string>) =>
  t.as(s, { method, url, payload, headers });
const page = (s: Session | null, url: string) => t.as(s, { method: 'GET', url, headers: { accept: 'text/html' } });
const post = (s: Session, url: string, fields: Record<string, string | number>) =>
  t.as(s, {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: form({ _csrf: s.csrf, ...fields }),
  });

/** A new activity of Sjælland without a survey. */
async function newActivity(title: string): Promise<number> {
  const res = await api(secretariat, 'POST', '/api/activities', {
    areaCode: 'sjaelland',
    kind: 'temadag',
    title,
    date: '2026-09-10',
    organisers: 'Udviklingsgruppen',
    participants: 80,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as number;
}

const survey = (counts = [1, 4, 10, 30, 15]) => ({
  respondents: 60,
  questions: [
    { text: 'Hvor tilfreds var du med dagen?', counts },
    { text: 'Hvor relevant var indholdet for dit arbejde?', counts: [0, 2, 8, 25, 20] },
  ],
});

describe('the evaluation survey API', () => {
  it('answers a seeded survey with its counts, mean and shares, also for a reader token', async () => {
    const seeded = await t.db.selectFrom('coop_activity_survey').select(['activity_id', 'respondents']).orderBy('activity_id').executeTakeFirstOrThrow();
    const q = await t.db.selectFrom('coop_activity_survey_question').selectAll().where('activity_id', '=', seeded.activity_id).orderBy('position').execute();
    const res = await t.app.inject({ method: 'GET', url: `/api/activities/${seeded.activity_id}/survey`, headers: { authorization: `Bearer ${readerToken}` } });
    assert.equal(res.statusCode, 200, res.body);
    const s = res.json().survey;
    assert.equal(s.respondents, seeded.respondents);
    assert.deepEqual(
      s.questions.map((x: { counts: number[] }) => x.counts),
      q.map((x) => [x.count_1, x.count_2, x.count_3, x.count_4, x.count_5]),
    );
    assert.ok(s.questions.every((x: { answers: number }) => x.answers <= s.respondents));
    assert.equal((await api(null, 'GET', `/api/activities/${seeded.activity_id}/survey`)).statusCode, 401);
  });

  it('lets the secretariat enter a survey at version 0, change it on its version, and remove it; a stale version is a 412; all audited', async () => {
    const id = await newActivity('Temadag om overgange');
    const none = await api(member, 'GET', `/api/activities/${id}/survey`);
    assert.equal(none.statusCode, 200);
    assert.equal(none.json().survey, null);
    assert.equal(none.headers.etag, '"0"');
    const created = await api(secretariat, 'PUT', `/api/activities/${id}/survey`, survey(), { 'if-match': '"0"' });
    assert.equal(created.statusCode, 200, created.body);
    assert.equal(created.headers.etag, '"1"');
    const first = created.json().survey.questions[0];
    // 1·1 + 4·2 + 10·3 + 30·4 + 15·5 = 234; 234 / 60 = 3,9; 45 of 60 answered 4 or 5.
    assert.equal(first.mean, '3.9');
    assert.equal(first.topShare, '75.0');
    assert.equal(created.json().survey.responseRate, '75.0', '60 of 80 participants');
    assert.equal((await api(secretariat, 'PUT', `/api/activities/${id}/survey`, survey(), { 'if-match': '"0"' })).statusCode, 412, 'another saved one first');
    const changed = await api(secretariat, 'PUT', `/api/activities/${id}/survey`, { ...survey([0, 0, 10, 30, 20]), version: 1 });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().survey.questions[0].mean, '4.2');
    assert.equal((await api(secretariat, 'PUT', `/api/activities/${id}/survey`, { ...survey(), version: 1 })).statusCode, 412);
    assert.equal((await api(secretariat, 'PUT', `/api/activities/${id}/survey`, { respondents: 0, questions: [] }, { 'if-match': '"2"' })).statusCode, 200);
    assert.equal((await api(member, 'GET', `/api/activities/${id}/survey`)).json().survey, null);
    const log = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'coop_activity_survey')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    assert.deepEqual(
      log.map((l) => l.action),
      ['create', 'update', 'delete'],
    );
  });

  it('refuses more answers than respondents, bad counts, a missing version and CPR-like text with a 400 naming the field; nothing is saved', async () => {
    const id = await newActivity('Temadag om bad input');
    const cases: [object, string][] = [
      [{ ...survey([10, 10, 10, 30, 15]), version: 0 }, 'questions.0.counts'],
      [{ ...survey([-1, 4, 10, 30, 15]), version: 0 }, 'questions.0.counts.0'],
      [{ ...survey([1, 4, 10, 30]), version: 0 }, 'questions.0.counts'],
      [{ ...survey(), respondents: 1e9, version: 0 }, 'respondents'],
      [{ ...survey(), questions: [{ text: 'Borger 010190-1234 var glad', counts: [0, 0, 0, 1, 0] }], version: 0 }, 'questions.0.text'],
      [survey(), 'version'],
    ];
    for (const [body, field] of cases) {
      const res = await api(secretariat, 'PUT', `/api/activities/${id}/survey`, body);
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      assert.ok(res.json().fields[field], `${field}: ${res.body}`);
    }
    assert.equal((await api(member, 'GET', `/api/activities/${id}/survey`)).json().survey, null);
  });

  it('refuses a municipality and a reader token (403), anonymous (401) and an unknown activity (404)', async () => {
    const id = await newActivity('Temadag om adgang');
    assert.equal((await api(member, 'PUT', `/api/activities/${id}/survey`, { ...survey(), version: 0 })).statusCode, 403);
    const reader = await t.app.inject({
      method: 'PUT',
      url: `/api/activities/${id}/survey`,
      payload: { ...survey(), version: 0 },
      headers: { authorization: `Bearer ${readerToken}` },
    });
    assert.equal(reader.statusCode, 403);
    assert.equal((await api(null, 'PUT', `/api/activities/${id}/survey`, { ...survey(), version: 0 })).statusCode, 401);
    assert.equal((await api(member, 'GET', '/api/activities/999999/survey')).statusCode, 404);
    assert.equal((await api(member, 'GET', `/api/activities/${id}/survey`)).json().survey, null);
  });
});

describe('the evaluation survey pages', () => {
  it('shows the survey on the activity page with counts and shares, and the secretariat enters one through the form', async () => {
    const id = await newActivity('Temadag om formularen');
    assert.equal((await page(member, `/samarbejde/aktiviteter/${id}/evaluering`)).statusCode, 403);
    const form = await page(secretariat, `/samarbejde/aktiviteter/${id}/evaluering`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="Hvor tilfreds var du med dagen\?"/, 'a new survey suggests the questions');
    const fields = { version: 0, respondents: 40, q1: 'Hvor tilfreds var du med dagen?', q1_1: 0, q1_2: 2, q1_3: 6, q1_4: 20, q1_5: 12, q2: '' };
    const bad = await post(secretariat, `/samarbejde/aktiviteter/${id}/evaluering`, { ...fields, q1_4: 35 });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#f-q1_1"/, 'the message links to the question');
    assert.match(bad.body, /value="35"/, 'the input is kept');
    const ok = await post(secretariat, `/samarbejde/aktiviteter/${id}/evaluering`, fields);
    assert.equal(ok.statusCode, 303, ok.body);
    const shown = await page(member, `/samarbejde/aktiviteter/${id}`);
    assert.match(shown.body, /40 besvarelser \(50,0 % af 80 deltagere\)/);
    assert.match(shown.body, /Gennemsnit 4,1 af 5 · 80,0 % svarede 4 eller 5 \(40 svar\)/);
    assert.match(shown.body, /<td class="ramme-num">20<\/td><td class="ramme-num">50,0 %<\/td>/);
    assert.doesNotMatch(shown.body, /Ret evalueringen/, 'a municipality is not offered the form');
    assert.match((await page(secretariat, `/samarbejde/aktiviteter/${id}`)).body, /Ret evalueringen/);
    const stale = await post(secretariat, `/samarbejde/aktiviteter/${id}/evaluering`, fields);
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /ændret af en anden/);
  });
});
