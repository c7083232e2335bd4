/**
 * The national central announcements as their users rely on them: the secretariat registers an announcement for
 * its area with ordered questions and extensions of the deadline; each member municipality answers for itself only
 * (another municipality's answers are refused, a reader only reads), until the area's report is sent; answers and
 * edits carry a version (412 when stale); the secretariat sees who has answered, compiles the report with the
 * answers as annexes, records when it was sent and the authority's response; every change is audited and the list
 * finds past announcements by their text. The flow: an announcement arrives, three municipalities answer, the
 * secretariat compiles and sends the report.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let secretariat: Session;
let holbaek: Session;
let holbaekEconomy: Session;
let naestved: Session;
let soroe: Session;
let provider: Session;
let readerToken: string;

async function orgId(name: string) {
  return (await t.db.selectFrom('organisation').select('id').where('name', '=', name).where('kind', '=', 'municipality').executeTakeFirstOrThrow()).id;
}

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-03-02T10:00:00Z') });
  const soroeId = await orgId('Sorø Kommune').catch(() => orgId('Sorø'));
  const user = await t.db
    .insertInto('app_user')
    .values({ username: 'test-soroe', display_name: 'Sofie Sorø', organisation_id: soroeId, is_demo: true, password_hash: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.insertInto('user_role').values({ user_id: user.id, role: 'myndighed' }).execute();
  secretariat = await t.login('demo-sekretariat');
  holbaek = await t.login('demo-myndighed');
  holbaekEconomy = await t.login('demo-tilbudsoekonomi');
  naestved = await t.login('demo-naestved');
  soroe = await t.login('test-soroe');
  provider = await t.login('demo-leverandoer');
  readerToken = await t.token('demo-laeser');
});
after(() => t.close());

const api = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers?: Record<string, string>) =>
  t.as(s, { method, url, payload, headers });
const reader = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${readerToken}` } });
const lastAudit = (entity: string) =>
  t.db
    .selectFrom('audit_log')
    .select(['entity_id', 'action', 'after', 'actor_username'])
    .where('entity', '=', entity)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();

const announcement = {
  title: 'Central udmelding om borgere med sjældne spiseforstyrrelser',
  targetGroup: 'Børn og voksne med svære spiseforstyrrelser',
  description: 'Styrelsen beder om en beskrivelse af kapacitet og samarbejde om de mest specialiserede indsatser.',
  issuedOn: '2026-02-01',
  deadline: '2026-03-06',
  areaCodes: ['sjaelland'],
  questions: ['Hvilke tilbud bruger kommunen i dag?', 'Hvordan vurderer kommunen behovet de næste fem år?', 'Er der behov for fælles koordinering?'],
};

let id: number;
let questionIds: number[];
let holbaekId: number;
let naestvedId: number;
let soroeId: number;

describe('registering an announcement', () => {
  it('lets the secretariat of a concerned area register it with ordered questions, audited', async () => {
    const res = await api(secretariat, 'POST', '/api/announcements', announcement);
    assert.equal(res.statusCode, 201, res.body);
    id = res.json().id;
    const got = await reader(`/api/announcements/${id}`);
    assert.equal(got.statusCode, 200, got.body);
    const a = got.json();
    assert.equal(a.authority, 'Social- og Boligstyrelsen');
    assert.deepEqual(
      a.questions.map((q: { position: number; text: string }) => [q.position, q.text]),
      announcement.questions.map((q, i) => [i + 1, q]),
    );
    assert.equal(a.state, 'aaben');
    assert.equal(got.headers.etag, '"1"');
    questionIds = a.questions.map((q: { id: number }) => q.id);
    const audited = await lastAudit('coop_announcement');
    assert.equal(audited.entity_id, String(id));
    assert.equal(audited.actor_username, 'demo-sekretariat');
    holbaekId = await orgId('Holbæk Kommune').catch(() => orgId('Holbæk'));
    naestvedId = await orgId('Næstved Kommune').catch(() => orgId('Næstved'));
    soroeId = await orgId('Sorø Kommune').catch(() => orgId('Sorø'));
  });

  it('refuses municipalities, providers and readers (403) and the anonymous (401)', async () => {
    assert.equal((await api(holbaek, 'POST', '/api/announcements', announcement)).statusCode, 403);
    assert.equal((await api(provider, 'POST', '/api/announcements', announcement)).statusCode, 403);
    const r = await t.app.inject({ method: 'POST', url: '/api/announcements', payload: announcement, headers: { authorization: `Bearer ${readerToken}` } });
    assert.equal(r.statusCode, 403);
    assert.equal((await api(null, 'POST', '/api/announcements', announcement)).statusCode, 401);
  });

  it('answers 400 naming the field on a deadline before the issue date and on no questions', async () => {
    const bad = await api(secretariat, 'POST', '/api/announcements', { ...announcement, deadline: '2026-01-01' });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().fields.deadline);
    const none = await api(secretariat, 'POST', '/api/announcements', { ...announcement, questions: [] });
    assert.equal(none.statusCode, 400);
    assert.ok(none.json().fields.questions);
  });

  it('edits on the version read; a stale version is 412', async () => {
    const ok = await api(secretariat, 'PUT', `/api/announcements/${id}`, { ...announcement, title: `${announcement.title} (rettet)` }, { 'if-match': '"1"' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().version, 2);
    const stale = await api(secretariat, 'PUT', `/api/announcements/${id}`, { ...announcement, version: 1 });
    assert.equal(stale.statusCode, 412);
    assert.equal((await api(holbaek, 'PUT', `/api/announcements/${id}`, { ...announcement, version: 2 })).statusCode, 403);
  });

  it('records a requested extension and the authority granting it; the deadline in force moves', async () => {
    const res = await api(secretariat, 'POST', `/api/announcements/${id}/extensions`, {
      requestedOn: '2026-02-20',
      newDeadline: '2026-04-30',
      status: 'afventer',
    });
    assert.equal(res.statusCode, 201, res.body);
    const extId = res.json().id;
    assert.equal((await reader(`/api/announcements/${id}`)).json().deadline, '2026-03-06');
    assert.equal((await api(holbaek, 'PUT', `/api/announcement-extensions/${extId}`, { status: 'bevilget' })).statusCode, 403);
    assert.equal((await api(secretariat, 'PUT', `/api/announcement-extensions/${extId}`, { status: 'bevilget' })).statusCode, 200);
    assert.equal((await api(secretariat, 'PUT', `/api/announcement-extensions/${extId}`, { status: 'afslaaet' })).statusCode, 409);
    const a = (await reader(`/api/announcements/${id}`)).json();
    assert.equal(a.deadline, '2026-04-30');
    assert.equal(a.firstDeadline, '2026-03-06');
    const early = await api(secretariat, 'POST', `/api/announcements/${id}/extensions`, {
      requestedOn: '2026-02-20',
      newDeadline: '2026-03-01',
      status: 'afventer',
    });
    assert.equal(early.statusCode, 400);
    assert.ok(early.json().fields.newDeadline);
  });
});

const answers = (texts: string[]) => ({ answers: texts.map((text, i) => ({ questionId: questionIds[i], text })), version: 0 });

describe('the flow: three municipalities answer, the secretariat compiles and sends', () => {
  it('lets each municipality answer for itself, audited', async () => {
    const h = await api(holbaek, 'PUT', `/api/announcements/${id}/answers/${holbaekId}`, answers(['Et regionalt tilbud.', 'Stigende.', 'Ja.']));
    assert.equal(h.statusCode, 200, h.body);
    assert.equal(h.json().version, 1);
    assert.equal(h.headers.etag, '"1"');
    const n = await api(naestved, 'PUT', `/api/announcements/${id}/answers/${naestvedId}`, answers(['To private tilbud.', 'Uændret.']));
    assert.equal(n.statusCode, 200, n.body);
    const s = await api(soroe, 'PUT', `/api/announcements/${id}/answers/${soroeId}`, answers(['Ingen.', 'Svagt stigende.', 'Nej.']));
    assert.equal(s.statusCode, 200, s.body);
    const audited = await lastAudit('coop_announcement_response');
    assert.equal(audited.actor_username, 'test-soroe');
  });

  it('puts what is left on the front page: a municipality that has not answered every question, and the report to send', async () => {
    const front = async (s: Session) => (await t.as(s, { method: 'GET', url: '/', headers: { accept: 'text/html' } })).body;
    const naestvedPage = await front(naestved);
    assert.match(naestvedPage, new RegExp(`href="/samarbejde/udmeldinger/${id}/svar"`));
    assert.match(naestvedPage, /2 af 3 spørgsmål besvaret/);
    assert.doesNotMatch(await front(holbaek), new RegExp(`/samarbejde/udmeldinger/${id}/svar`), 'Holbæk has answered every question');
    assert.match(await front(secretariat), new RegExp(`href="/samarbejde/udmeldinger/${id}/omraader/sjaelland"`));
  });

  it("refuses another municipality's answers (403), a reader (403), and an unknown municipality (404)", async () => {
    const other = await api(holbaek, 'PUT', `/api/announcements/${id}/answers/${naestvedId}`, answers(['Overskrevet']));
    assert.equal(other.statusCode, 403);
    assert.match(other.json().error, /egen kommune/);
    const r = await t.app.inject({
      method: 'PUT',
      url: `/api/announcements/${id}/answers/${naestvedId}`,
      payload: answers(['x']),
      headers: { authorization: `Bearer ${readerToken}` },
    });
    assert.equal(r.statusCode, 403);
    assert.equal((await api(secretariat, 'PUT', `/api/announcements/${id}/answers/${holbaekId}`, answers(['x']))).statusCode, 403);
    assert.equal((await api(holbaek, 'PUT', `/api/announcements/${id}/answers/999999`, answers(['x']))).statusCode, 404);
    assert.equal((await api(holbaek, 'PUT', `/api/announcements/999999/answers/${holbaekId}`, answers(['x']))).statusCode, 404);
  });

  it('lets a colleague of the same municipality edit on the version read; a stale version is 412', async () => {
    const stale = await api(holbaekEconomy, 'PUT', `/api/announcements/${id}/answers/${holbaekId}`, answers(['Ny tekst']));
    assert.equal(stale.statusCode, 412);
    const ok = await api(
      holbaekEconomy,
      'PUT',
      `/api/announcements/${id}/answers/${holbaekId}`,
      { ...answers(['Et regionalt og et kommunalt tilbud.', 'Stigende.', 'Ja, gerne.']), version: undefined },
      { 'if-match': '"1"' },
    );
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().version, 2);
    assert.equal(ok.json().answers[0].text, 'Et regionalt og et kommunalt tilbud.');
  });

  it('shows the secretariat who has answered which question, with counts', async () => {
    const res = await api(secretariat, 'GET', `/api/announcements/${id}/areas/sjaelland`);
    assert.equal(res.statusCode, 200, res.body);
    const v = res.json();
    assert.deepEqual(v.matrix.perQuestion, [3, 3, 2]);
    assert.equal(v.matrix.complete, 2);
    assert.equal(v.matrix.started, 3);
    assert.ok(v.matrix.rows.length > 3, 'every member municipality has a row');
    assert.equal(v.annexes.length, 3);
  });

  it('lets only the secretariat compile the report, on the version read', async () => {
    assert.equal((await api(holbaek, 'PUT', `/api/announcements/${id}/areas/sjaelland/report`, { text: 'x', version: 1 })).statusCode, 403);
    const ok = await api(secretariat, 'PUT', `/api/announcements/${id}/areas/sjaelland/report`, {
      text: 'Samlet set bruger kommunerne få, højt specialiserede tilbud.',
      version: 1,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().version, 2);
    assert.equal((await api(secretariat, 'PUT', `/api/announcements/${id}/areas/sjaelland/report`, { text: 'y', version: 1 })).statusCode, 412);
  });

  it('records the report as sent; then answers and the report are locked (409), and it cannot be sent twice', async () => {
    const future = await api(secretariat, 'POST', `/api/announcements/${id}/areas/sjaelland/sent`, { sentOn: '2026-03-10' });
    assert.equal(future.statusCode, 400);
    assert.ok(future.json().fields.sentOn);
    const sent = await api(secretariat, 'POST', `/api/announcements/${id}/areas/sjaelland/sent`, { sentOn: '2026-03-02', reference: 'SBST 2026-0142' });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().status, 'sendt');
    assert.equal(sent.json().sentBy, 'Sara Sekretariat');
    assert.equal(sent.json().sentReference, 'SBST 2026-0142');
    assert.equal((await api(secretariat, 'POST', `/api/announcements/${id}/areas/sjaelland/sent`, { sentOn: '2026-03-02' })).statusCode, 409);
    const late = await api(holbaek, 'PUT', `/api/announcements/${id}/answers/${holbaekId}`, { ...answers(['Sent']), version: 2 });
    assert.equal(late.statusCode, 409);
    assert.equal((await api(secretariat, 'PUT', `/api/announcements/${id}/areas/sjaelland/report`, { text: 'z', version: 2 })).statusCode, 409);
    assert.equal((await reader(`/api/announcements/${id}`)).json().state, 'afsluttet');
    const front = (await t.as(secretariat, { method: 'GET', url: '/', headers: { accept: 'text/html' } })).body;
    assert.doesNotMatch(front, new RegExp(`/samarbejde/udmeldinger/${id}/omraader/sjaelland"`), 'a sent report is no longer on the work list');
    const naestvedFront = (await t.as(naestved, { method: 'GET', url: '/', headers: { accept: 'text/html' } })).body;
    assert.doesNotMatch(naestvedFront, new RegExp(`/samarbejde/udmeldinger/${id}/svar"`), 'answers close when the report is sent');
  });

  it("records the authority's response once", async () => {
    const res = await api(secretariat, 'POST', `/api/announcements/${id}/areas/sjaelland/response`, {
      responseOn: '2026-03-02',
      text: 'Styrelsen takker for afrapporteringen.',
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'besvaret');
    assert.equal(
      (await api(secretariat, 'POST', `/api/announcements/${id}/areas/sjaelland/response`, { responseOn: '2026-03-02', text: 'Igen' })).statusCode,
      409,
    );
  });
});

describe('GET /api/announcements', () => {
  it('finds past announcements by the text of their answers and filters by area, year and status, for a reader token', async () => {
    const byAnswer = await reader('/api/announcements?q=kommunalt%20tilbud');
    assert.equal(byAnswer.statusCode, 200, byAnswer.body);
    assert.ok(byAnswer.json().announcements.some((a: { id: number }) => a.id === id));
    const closed = (await reader('/api/announcements?area=sjaelland&year=2026&status=afsluttet')).json().announcements;
    assert.ok(closed.some((a: { id: number }) => a.id === id));
    const open = (await reader('/api/announcements?status=aaben&year=2026')).json().announcements;
    assert.ok(!open.some((a: { id: number }) => a.id === id));
    assert.equal((await reader('/api/announcements?year=2019')).json().announcements.length, 0);
  });

  it('answers 400 on an unknown area and 401 without a sign-in', async () => {
    const bad = await reader('/api/announcements?area=atlantis');
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().fields.area);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/announcements' })).statusCode, 401);
  });
});
