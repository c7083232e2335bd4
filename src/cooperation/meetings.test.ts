/**
 * The cooperation's meetings as their users rely on them: the area's secretariat plans a meeting with its
 * programme, changes it on the version it read (412 when stale), adds and reorders items, marks it held, writes the
 * minutes and publishes them; everyone else is refused (403, 401; an unknown meeting 404). Members of the body read
 * internal minutes, others only published ones; a reader token lists the meetings with published minutes only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let secretariat: Session;
let member: Session;
let outsider: Session;
let readerToken: string;
let bodyId: number;

const HOLBAEK = 316;

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-01T10:00:00Z') });
  secretariat = await t.login('demo-sekretariat');
  member = await t.login('demo-tilbudsoekonomi'); // Holbæk
  readerToken = await t.token('demo-laeser');
  const holbaek = await t.db
    .selectFrom('organisation')
    .select('id')
    .where('municipality_code', '=', HOLBAEK)
    .where('kind', '=', 'municipality')
    .executeTakeFirstOrThrow();
  const sjaelland = await t.db.selectFrom('agreement_area').select('id').where('code', '=', 'sjaelland').executeTakeFirstOrThrow();
  bodyId = (await t.db.selectFrom('coop_body').select('id').where('name', '=', 'Udbydernetværket').executeTakeFirstOrThrow()).id;
  // Holbæk sits in the body; a user of another Sjælland municipality (not in it) plays the outsider.
  await t.db
    .insertInto('coop_member')
    .values({
      body_id: bodyId,
      person_name: 'Tina Tilbudsøkonomi',
      organisation_id: holbaek.id,
      organisation_text: null,
      role: 'medlem',
      valid_from: '2026-01-01',
      valid_to: null,
    })
    .execute();
  const other = await t.db
    .selectFrom('organisation as o')
    .innerJoin('agreement_area_member as am', 'am.organisation_id', 'o.id')
    .select('o.id')
    .where('am.area_id', '=', sjaelland.id)
    .where('o.kind', '=', 'municipality')
    .where('o.id', '<>', holbaek.id)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('coop_member as m').select('m.id').whereRef('m.organisation_id', '=', 'o.id').where('m.body_id', '=', bodyId))),
    )
    .orderBy('o.id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('app_user')
    .values({ username: 'test-udenfor', display_name: 'Ulla Udenfor', organisation_id: other.id, is_demo: true, password_hash: null })
    .execute();
  const u = await t.db.selectFrom('app_user').select('id').where('username', '=', 'test-udenfor').executeTakeFirstOrThrow();
  await t.db.insertInto('user_role').values({ user_id: u.id, role: 'myndighed' }).execute();
  outsider = await t.login('test-udenfor');
});
after(() => t.close());

const api = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers?: Record<string, string>) =>
  t.as(s, { method, url, payload, headers });
const asReader = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${readerToken}` } });

const front = async (s: Session) => (await t.as(s, { method: 'GET', url: '/', headers: { accept: 'text/html' } })).body;

const plan = () => ({
  bodyId,
  title: 'Netværksmøde om kapacitet',
  date: '2026-11-20',
  startTime: '09:30',
  endTime: '12:00',
  place: 'Holbæk Rådhus, mødelokale 2',
  items: [
    { time: '09:30', title: 'Velkomst og godkendelse af dagsorden', presenter: 'Formanden' },
    {
      time: '09:45',
      title: 'Pladser i 2027',
      presenter: 'Sekretariatet',
      form: 'bordvis drøftelse efterfulgt af opsamling i plenum',
      linkKind: 'url',
      linkUrl: '/takster',
    },
  ],
});

describe('planning a meeting', () => {
  let id: number;
  let version: number;

  it('lets the secretariat plan a meeting with two items, audited', async () => {
    const res = await api(secretariat, 'POST', '/api/meetings', plan());
    assert.equal(res.statusCode, 201, res.body);
    id = res.json().id;
    const got = await api(secretariat, 'GET', `/api/meetings/${id}`);
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers.etag, '"1"');
    const m = got.json();
    assert.equal(m.status, 'planlagt');
    assert.deepEqual(
      m.items.map((i: { title: string }) => i.title),
      ['Velkomst og godkendelse af dagsorden', 'Pladser i 2027'],
    );
    assert.deepEqual(m.items[1].link, { kind: 'url', label: 'Side i Ramme', href: '/takster' });
    version = m.version;
    const a = await t.db
      .selectFrom('audit_log')
      .select(['entity_id', 'actor_username'])
      .where('entity', '=', 'coop_meeting')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(a.entity_id, String(id));
    assert.equal(a.actor_username, 'demo-sekretariat');
    // The meeting's date has passed: the secretariat's front page asks for it to be marked held or cancelled.
    const work = await front(secretariat);
    assert.match(work, new RegExp(`href="/samarbejde/moeder/${id}"`));
    assert.match(work, /Mødet er ikke markeret som afholdt eller aflyst/);
    assert.doesNotMatch(await front(member), new RegExp(`href="/samarbejde/moeder/${id}"`), 'a member has nothing to do');
  });

  it('refuses a municipality, a reader token (403) and anonymous (401); nothing is saved', async () => {
    assert.equal((await api(member, 'POST', '/api/meetings', plan())).statusCode, 403);
    assert.equal((await asReader('POST', '/api/meetings', plan())).statusCode, 403);
    assert.equal((await api(null, 'POST', '/api/meetings', plan())).statusCode, 401);
    assert.equal((await api(member, 'PUT', `/api/meetings/${id}`, { ...plan(), bodyId: undefined, version: 1 })).statusCode, 403);
    const n = await t.db
      .selectFrom('coop_meeting')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('body_id', '=', bodyId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 1);
  });

  it('answers 404 for an unknown meeting and 400 on the fields for bad input', async () => {
    assert.equal((await api(secretariat, 'GET', '/api/meetings/999999')).statusCode, 404);
    assert.equal((await api(secretariat, 'PUT', '/api/meetings/999999', { ...plan(), bodyId: undefined, version: 1 })).statusCode, 404);
    const times = await api(secretariat, 'POST', '/api/meetings', { ...plan(), startTime: '12:00', endTime: '10:00' });
    assert.equal(times.statusCode, 400);
    assert.ok(times.json().fields.endTime);
    const link = await api(secretariat, 'POST', '/api/meetings', { ...plan(), items: [{ title: 'X', linkKind: 'url', linkUrl: 'https://example.com' }] });
    assert.ok(link.json().fields['items.0.linkUrl']);
    const report = await api(secretariat, 'POST', '/api/meetings', { ...plan(), items: [{ title: 'X', linkKind: 'tariff_increase_report', linkId: 999999 }] });
    assert.match(report.json().fields['items.0.linkId'][0], /findes ikke/);
    const cpr = await api(secretariat, 'POST', '/api/meetings', { ...plan(), title: 'Sag 010190-1234' });
    assert.match(cpr.json().fields.title[0], /CPR-nummer/);
  });

  it('changes the meeting on the version it read, and answers 412 on a stale version', async () => {
    const { bodyId: _, items: __, ...fields } = plan();
    const ok = await api(secretariat, 'PUT', `/api/meetings/${id}`, { ...fields, place: 'Online' }, { 'if-match': `"${version}"` });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.headers.etag, `"${version + 1}"`);
    const stale = await api(secretariat, 'PUT', `/api/meetings/${id}`, { ...fields, place: 'Næstved' }, { 'if-match': `"${version}"` });
    assert.equal(stale.statusCode, 412);
    const missing = await api(secretariat, 'PUT', `/api/meetings/${id}`, fields);
    assert.ok(missing.json().fields.version);
    version += 1;
  });

  it('adds an item at the end and reorders the programme; an order without every item is refused', async () => {
    const add = await api(secretariat, 'POST', `/api/meetings/${id}/items`, { title: 'Eventuelt', version });
    assert.equal(add.statusCode, 200, add.body);
    const m = add.json();
    version = m.version;
    const ids = m.items.map((i: { id: number }) => i.id);
    const bad = await api(secretariat, 'PUT', `/api/meetings/${id}/order`, { itemIds: ids.slice(0, 2), version });
    assert.ok(bad.json().fields.itemIds);
    const res = await api(secretariat, 'PUT', `/api/meetings/${id}/order`, { itemIds: [ids[1], ids[0], ids[2]], version });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().items[0].title, 'Pladser i 2027');
    assert.deepEqual(
      res.json().items.map((i: { position: number }) => i.position),
      [1, 2, 3],
    );
    version = res.json().version;
    const edit = await api(secretariat, 'PUT', `/api/meetings/${id}/items/${ids[2]}`, { title: 'Eventuelt og næste møde', version });
    assert.equal(edit.statusCode, 200, edit.body);
    version = edit.json().version;
  });

  it('writes minutes only for a held meeting; a cancelled meeting cannot be held (409)', async () => {
    const early = await api(secretariat, 'PUT', `/api/meetings/${id}/minutes`, { items: [], version });
    assert.equal(early.statusCode, 409);
    const held = await api(secretariat, 'POST', `/api/meetings/${id}/status`, { status: 'afholdt', version });
    assert.equal(held.statusCode, 200, held.body);
    version = held.json().version;
    const again = await api(secretariat, 'POST', `/api/meetings/${id}/status`, { status: 'aflyst', version });
    assert.equal(again.statusCode, 409);
    const items = held.json().items as Array<{ id: number }>;
    const res = await api(secretariat, 'PUT', `/api/meetings/${id}/minutes`, {
      items: [{ id: items[0]!.id, minutes: 'Netværket drøftede behovet for pladser.', decision: 'Sekretariatet laver et oplæg til styregruppen.' }],
      version,
    });
    assert.equal(res.statusCode, 200, res.body);
    version = res.json().version;
    const work = await front(secretariat);
    assert.match(work, new RegExp(`href="/samarbejde/moeder/${id}/referat"`), 'held, but the minutes are not published');
    assert.doesNotMatch(work, new RegExp(`href="/samarbejde/moeder/${id}"`));
  });

  it('keeps internal minutes for the members of the body and the secretariat', async () => {
    const forMember = (await api(member, 'GET', `/api/meetings/${id}`)).json();
    assert.equal(forMember.canReadMinutes, true);
    assert.equal(forMember.items[0].decision, 'Sekretariatet laver et oplæg til styregruppen.');
    const forOutsider = (await api(outsider, 'GET', `/api/meetings/${id}`)).json();
    assert.equal(forOutsider.canReadMinutes, false);
    assert.equal(forOutsider.items[0].minutes, null);
    assert.equal(forOutsider.items[0].title, 'Pladser i 2027');
    const list = (await asReader('GET', `/api/meetings?body=${bodyId}&year=2026`)).json();
    const mine = list.meetings.find((m: { id: number }) => m.id === id);
    assert.equal(mine.items[0].decision, null);
  });

  it('publishes the minutes to all: then a reader token and an outsider read them', async () => {
    assert.equal((await api(member, 'POST', `/api/meetings/${id}/publish`, { visibility: 'offentlig', version })).statusCode, 403);
    const res = await api(secretariat, 'POST', `/api/meetings/${id}/publish`, { visibility: 'offentlig', version });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().minutesPublishedAt, '2026-12-01T10:00:00.000Z');
    const list = (await asReader('GET', '/api/meetings?area=sjaelland&year=2026')).json();
    const mine = list.meetings.find((m: { id: number }) => m.id === id);
    assert.equal(mine.items[0].decision, 'Sekretariatet laver et oplæg til styregruppen.');
    assert.equal((await api(outsider, 'GET', `/api/meetings/${id}`)).json().canReadMinutes, true);
    assert.doesNotMatch(await front(secretariat), new RegExp(`/samarbejde/moeder/${id}(/referat)?"`), 'nothing left to do');
  });
});

describe('GET /api/meetings', () => {
  it('filters by year and answers 400 on an unknown area and 401 without a sign-in', async () => {
    const none = (await api(member, 'GET', `/api/meetings?body=${bodyId}&year=2025`)).json();
    assert.equal(none.meetings.length, 0);
    const bad = await api(member, 'GET', '/api/meetings?area=atlantis');
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().fields.area);
    assert.equal((await api(null, 'GET', '/api/meetings')).statusCode, 401);
  });
});

const page = (s: Session | null, url: string) => t.as(s, { method: 'GET', url, headers: { accept: 'text/html' } });
const post = (s: Session, url: string, fields: Record<string, string | number>) =>
  t.as(s, {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: form({ _csrf: s.csrf, ...fields }),
  });

describe('pages', () => {
  it('plans a meeting through the forms, adds two items, moves one, holds it, writes minutes and publishes them', async () => {
    const bad = await post(secretariat, '/samarbejde/moeder/nyt', { bodyId, title: 'Møde', date: '2026-11-25', startTime: '9', endTime: '12:00' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#f-startTime"/);
    const ok = await post(secretariat, '/samarbejde/moeder/nyt', {
      bodyId,
      title: 'Formøde',
      date: '2026-11-25',
      startTime: '13:00',
      endTime: '15:00',
      place: 'Roskilde',
    });
    assert.equal(ok.statusCode, 303, ok.body);
    const id = Number((ok.headers.location as string).match(/moeder\/(\d+)/)![1]);
    const version = async () => (await t.db.selectFrom('coop_meeting').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    assert.equal((await post(secretariat, `/samarbejde/moeder/${id}/punkter`, { title: 'Første punkt', version: await version() })).statusCode, 303);
    assert.equal(
      (
        await post(secretariat, `/samarbejde/moeder/${id}/punkter`, {
          title: 'Andet punkt',
          form: 'bordvis drøftelse efterfulgt af opsamling i plenum',
          version: await version(),
        })
      ).statusCode,
      303,
    );
    const stale = await post(secretariat, `/samarbejde/moeder/${id}/punkter`, { title: 'For sent', version: 1 });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /ændret af en anden/);
    const items = await t.db.selectFrom('coop_agenda_item').select(['id', 'title']).where('meeting_id', '=', id).orderBy('position').execute();
    assert.equal(
      (await post(secretariat, `/samarbejde/moeder/${id}/punkter/${items[1]!.id}/flyt`, { direction: 'op', version: await version() })).statusCode,
      303,
    );
    const shown = await page(secretariat, `/samarbejde/moeder/${id}`);
    assert.ok(shown.body.indexOf('Andet punkt') < shown.body.indexOf('Første punkt'));
    assert.match(shown.body, /Markér som afholdt/);
    assert.equal((await post(secretariat, `/samarbejde/moeder/${id}/status`, { status: 'afholdt', version: await version() })).statusCode, 303);
    const minutesForm = await page(secretariat, `/samarbejde/moeder/${id}/referat`);
    assert.match(minutesForm.body, new RegExp(`name="minutes-${items[0]!.id}"`));
    const saved = await post(secretariat, `/samarbejde/moeder/${id}/referat`, {
      version: await version(),
      [`minutes-${items[0]!.id}`]: 'Kort drøftelse.',
      [`decision-${items[0]!.id}`]: 'Godkendt.',
      [`minutes-${items[1]!.id}`]: '',
      [`decision-${items[1]!.id}`]: '',
    });
    assert.equal(saved.statusCode, 303, saved.body);
    assert.doesNotMatch((await page(outsider, `/samarbejde/moeder/${id}`)).body, /Godkendt\./);
    assert.equal((await post(secretariat, `/samarbejde/moeder/${id}/offentliggoer`, { visibility: 'medlemmer', version: await version() })).statusCode, 303);
    assert.match((await page(outsider, `/samarbejde/moeder/${id}`)).body, /Godkendt\./, 'a user in the area reads minutes published to the members');
  });

  it('lists the meetings of a body and an area, and offers planning only to the secretariat', async () => {
    const forBody = await page(secretariat, `/samarbejde/moeder?body=${bodyId}&year=2026`);
    assert.equal(forBody.statusCode, 200);
    assert.match(forBody.body, /Formøde/);
    assert.match(forBody.body, /Planlæg et møde/);
    assert.doesNotMatch((await page(member, `/samarbejde/moeder?body=${bodyId}`)).body, /Planlæg et møde/);
    const forArea = await page(member, '/samarbejde/moeder?area=sjaelland&year=2026');
    assert.match(forArea.body, /Netværksmøde om kapacitet/);
    assert.equal((await page(member, `/samarbejde/moeder/nyt?body=${bodyId}`)).statusCode, 403);
    assert.equal((await page(member, '/samarbejde/moeder/999999')).statusCode, 404);
  });
});

describe('calendar feeds', () => {
  it('serves the body’s meetings as text/calendar with stable UIDs and times in UTC', async () => {
    const res = await page(member, `/samarbejde/organer/${bodyId}/kalender.ics`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/calendar/);
    const id = (await t.db.selectFrom('coop_meeting').select('id').where('title', '=', 'Netværksmøde om kapacitet').executeTakeFirstOrThrow()).id;
    assert.match(res.body, new RegExp(`UID:moede-${id}@ramme\r\nDTSTAMP:20261201T100000Z\r\nDTSTART:20261120T083000Z\r\nDTEND:20261120T110000Z\r\n`));
    assert.match(res.body, /SUMMARY:Udbydernetværket: Netværksmøde om kapacitet\r\n/);
    assert.ok(res.body.endsWith('END:VCALENDAR\r\n'));
    assert.ok(
      res.body.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75),
      'every line folded',
    );
    assert.equal((await page(member, `/samarbejde/organer/${bodyId}/kalender.ics`)).body.match(/UID:.*/g)!.join(), res.body.match(/UID:.*/g)!.join());
    assert.equal((await page(member, '/samarbejde/organer/999999/kalender.ics')).statusCode, 404);
    assert.equal((await t.as(null, { method: 'GET', url: `/samarbejde/organer/${bodyId}/kalender.ics` })).statusCode, 401);
  });

  it('gives a person the meetings of the bodies they sit in, and nobody else’s', async () => {
    const mine = await page(member, '/samarbejde/moeder/min-kalender.ics');
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /Netværksmøde om kapacitet/);
    const theirs = await page(outsider, '/samarbejde/moeder/min-kalender.ics');
    assert.doesNotMatch(theirs.body, /Netværksmøde om kapacitet/);
    assert.match(theirs.body, /^BEGIN:VCALENDAR\r\n/);
  });
});
