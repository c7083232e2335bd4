/**
 * The cooperation's activities as their users rely on them: every signed-in user (a reader token too) lists an
 * area's activities by year; the area's secretariat records one and changes it on the version it read (412 when
 * stale, audited); a municipality, a reader token and anonymous are refused; bad input is a 400 naming the field.
 * The pages show a table per year and the secretariat's no-JavaScript form. Projects follow the same rules.
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

const api = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers?: Record<string, string>) =>
  t.as(s, { method, url, payload, headers });
const asReader = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${readerToken}` } });
const page = (s: Session | null, url: string) => t.as(s, { method: 'GET', url, headers: { accept: 'text/html' } });
const post = (s: Session, url: string, fields: Record<string, string | number>) =>
  t.as(s, {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: form({ _csrf: s.csrf, ...fields }),
  });

const themeDay = () => ({
  areaCode: 'sjaelland',
  kind: 'temadag',
  title: 'Temadag om overgangen fra barn til voksen',
  audience: 'Sagsbehandlere i børne- og voksenområdet',
  date: '2026-10-08',
  organisers: 'Udviklingsgruppen',
  place: 'Slagelse',
  registrations: 80,
  participants: 74,
  evaluation: 'Godt udbytte; ønske om fælles sagsgange.',
});

describe('the activities API', () => {
  it('lists the demo activities of an area by year, also for a reader token', async () => {
    const res = await asReader('GET', '/api/activities?area=sjaelland&year=2023');
    assert.equal(res.statusCode, 200, res.body);
    const list = res.json().activities as { date: string; areaCode: string; title: string }[];
    assert.ok(list.length >= 2);
    assert.ok(list.every((a) => a.date.startsWith('2023-') && a.areaCode === 'sjaelland'));
    assert.ok(list.some((a) => a.title.startsWith('Politisk møde')));
    const bad = await api(member, 'GET', '/api/activities?area=atlantis');
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().fields.area);
    assert.equal((await api(null, 'GET', '/api/activities')).statusCode, 401);
  });

  it('lets the secretariat record an activity and change it on its version; a stale version is a 412, both audited', async () => {
    const res = await api(secretariat, 'POST', '/api/activities', themeDay());
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id as number;
    const got = await api(member, 'GET', `/api/activities/${id}`);
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers.etag, '"1"');
    assert.equal(got.json().participants, 74);
    const { areaCode: _, ...update } = themeDay();
    const changed = await api(secretariat, 'PUT', `/api/activities/${id}`, { ...update, participants: 77 }, { 'if-match': '"1"' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.headers.etag, '"2"');
    assert.equal(changed.json().participants, 77);
    const stale = await api(secretariat, 'PUT', `/api/activities/${id}`, { ...update, participants: 1, version: 1 });
    assert.equal(stale.statusCode, 412);
    assert.match(stale.json().error, /ændret af en anden/);
    assert.equal((await api(member, 'GET', `/api/activities/${id}`)).json().participants, 77);
    const log = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'coop_activity').where('entity_id', '=', String(id)).execute();
    assert.deepEqual(log.map((l) => l.action).sort(), ['create', 'update']);
  });

  it('refuses a municipality and a reader token (403) and anonymous (401); nothing is saved', async () => {
    const before = (await api(secretariat, 'GET', '/api/activities?area=sjaelland')).json().activities.length;
    assert.equal((await api(member, 'POST', '/api/activities', themeDay())).statusCode, 403);
    assert.equal((await asReader('POST', '/api/activities', themeDay())).statusCode, 403);
    assert.equal((await api(null, 'POST', '/api/activities', themeDay())).statusCode, 401);
    const first = (await api(member, 'GET', '/api/activities?area=sjaelland')).json().activities[0];
    assert.equal((await api(member, 'PUT', `/api/activities/${first.id}`, { ...themeDay(), areaCode: undefined, version: 1 })).statusCode, 403);
    assert.equal((await api(secretariat, 'GET', '/api/activities?area=sjaelland')).json().activities.length, before);
    assert.equal((await api(member, 'GET', '/api/activities/999999')).statusCode, 404);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const cases: [object, string][] = [
      [{ ...themeDay(), title: '' }, 'title'],
      [{ ...themeDay(), date: '2026-02-30' }, 'date'],
      [{ ...themeDay(), endDate: '2026-10-01' }, 'endDate'],
      [{ ...themeDay(), participants: -3 }, 'participants'],
      [{ ...themeDay(), kind: 'fest' }, 'kind'],
      [{ ...themeDay(), focusAreaId: 999999 }, 'focusAreaId'],
      [{ ...themeDay(), projectId: 999999 }, 'projectId'],
      [{ ...themeDay(), areaCode: 'atlantis' }, 'areaCode'],
    ];
    for (const [body, field] of cases) {
      const res = await api(secretariat, 'POST', '/api/activities', body);
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      assert.ok(res.json().fields[field], `${field}: ${res.body}`);
    }
  });
});

describe('the activities pages', () => {
  it('shows a table per year with tema, målgruppe, dato, afholdt af and deltagere; the front page links to it', async () => {
    assert.match((await page(member, '/samarbejde')).body, /href="\/samarbejde\/aktiviteter"/);
    const res = await page(member, '/samarbejde/aktiviteter?area=sjaelland');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h2>Aktiviteter i 2022<\/h2>/);
    assert.match(res.body, /<h2>Aktiviteter i 2023<\/h2>/);
    assert.match(res.body, /<th scope="col">Afholdt af<\/th>/);
    assert.match(res.body, /10\. maj – 11\. maj 2023|10\. maj–11\. maj 2023/);
    assert.doesNotMatch(res.body, /Registrér en aktivitet/, 'a municipality is not offered the form');
    const year = await page(member, '/samarbejde/aktiviteter?area=sjaelland&year=2022');
    assert.doesNotMatch(year.body, /Aktiviteter i 2023/);
    assert.equal((await page(member, '/samarbejde/aktiviteter/ny?area=sjaelland')).statusCode, 403);
  });

  it('lets the secretariat record an activity through the form, shows the field messages, and refuses a stale save', async () => {
    assert.match((await page(secretariat, '/samarbejde/aktiviteter?area=sjaelland')).body, /Registrér en aktivitet/);
    assert.equal((await page(secretariat, '/samarbejde/aktiviteter/ny?area=sjaelland')).statusCode, 200);
    const fields = { ...themeDay(), title: 'Netværksmøde om beskæftigelse', kind: 'netvaerksmoede' };
    const bad = await post(secretariat, '/samarbejde/aktiviteter/ny', { ...fields, organisers: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#f-organisers"/);
    assert.match(bad.body, /value="Netværksmøde om beskæftigelse"/, 'the input is kept');
    const ok = await post(secretariat, '/samarbejde/aktiviteter/ny', fields);
    assert.equal(ok.statusCode, 303, ok.body);
    const id = Number((ok.headers.location as string).match(/aktiviteter\/(\d+)/)![1]);
    const shown = await page(member, `/samarbejde/aktiviteter/${id}`);
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /Godt udbytte/);
    assert.equal((await page(secretariat, `/samarbejde/aktiviteter/${id}/ret`)).statusCode, 200);
    const { areaCode: _, ...edit } = fields;
    assert.equal((await post(secretariat, `/samarbejde/aktiviteter/${id}/ret`, { ...edit, participants: 70, version: 1 })).statusCode, 303);
    const stale = await post(secretariat, `/samarbejde/aktiviteter/${id}/ret`, { ...edit, participants: 5, version: 1 });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /ændret af en anden/);
  });
});

const analysis = () => ({
  areaCode: 'sjaelland',
  title: 'Analyse af behovet for aflastning',
  purpose: 'At afdække behovet for aflastningspladser på tværs af kommunerne.',
  owner: 'Udviklingsgruppen',
  startDate: '2026-02-01',
  endDate: '2026-11-30',
  status: 'afsluttet',
  results: 'Behovet er størst for unge over 15 år.',
});

describe('projects', () => {
  it('lists the demo projects (a reader token too), and lets only the secretariat record and change one on its version', async () => {
    const list = await asReader('GET', '/api/projects?area=sjaelland&year=2023');
    assert.equal(list.statusCode, 200, list.body);
    assert.ok(list.json().projects.length >= 2);
    assert.equal((await api(member, 'POST', '/api/projects', analysis())).statusCode, 403);
    assert.equal((await asReader('POST', '/api/projects', analysis())).statusCode, 403);
    assert.equal((await api(null, 'POST', '/api/projects', analysis())).statusCode, 401);
    const bad = await api(secretariat, 'POST', '/api/projects', { ...analysis(), endDate: '' });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().fields.endDate, 'a finished project needs its end date');
    const res = await api(secretariat, 'POST', '/api/projects', analysis());
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id as number;
    const { areaCode: _, ...update } = analysis();
    const changed = await api(secretariat, 'PUT', `/api/projects/${id}`, { ...update, results: 'Nyt resultat.' }, { 'if-match': '"1"' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().results, 'Nyt resultat.');
    assert.equal((await api(secretariat, 'PUT', `/api/projects/${id}`, { ...update, version: 1 })).statusCode, 412);
    assert.equal((await api(member, 'PUT', `/api/projects/${id}`, { ...update, version: 2 })).statusCode, 403);
    const log = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'coop_project').where('entity_id', '=', String(id)).execute();
    assert.deepEqual(log.map((l) => l.action).sort(), ['create', 'update']);
  });

  it('shows the projects page and the form for the secretariat only', async () => {
    assert.match((await page(member, '/samarbejde')).body, /href="\/samarbejde\/projekter"/);
    const res = await page(member, '/samarbejde/projekter?area=sjaelland');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Projektejer/);
    assert.doesNotMatch(res.body, /Registrér et projekt/);
    assert.equal((await page(member, '/samarbejde/projekter/nyt?area=sjaelland')).statusCode, 403);
    const bad = await post(secretariat, '/samarbejde/projekter/nyt', { ...analysis(), purpose: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#f-purpose"/);
    const ok = await post(secretariat, '/samarbejde/projekter/nyt', analysis());
    assert.equal(ok.statusCode, 303, ok.body);
    const id = Number((ok.headers.location as string).match(/projekter\/(\d+)/)![1]);
    assert.match((await page(member, `/samarbejde/projekter/${id}`)).body, /Behovet er størst/);
    // A seeded activity serves a seeded project: the project page lists it, and the activity links back.
    const served = (await api(member, 'GET', '/api/activities?area=sjaelland')).json().activities.find((x: { project: unknown }) => x.project);
    assert.ok(served, 'a demo activity serves a project');
    const projectPage = await page(member, `/samarbejde/projekter/${served.project.id}`);
    assert.match(projectPage.body, new RegExp(`href="/samarbejde/aktiviteter/${served.id}"`));
    const activity = await api(secretariat, 'POST', '/api/activities', { ...themeDay(), projectId: id });
    assert.equal(activity.statusCode, 201, activity.body);
    assert.equal((await api(member, 'GET', `/api/activities/${activity.json().id}`)).json().project.id, id);
    assert.equal((await page(secretariat, `/samarbejde/projekter/${id}/ret`)).statusCode, 200);
  });
});
