/**
 * The cooperation's bodies as their users rely on them: a reader token lists the bodies of an area with mandate
 * and members on a date; the area's secretariat creates bodies, adds and ends members and writes mandates, and
 * drafts a proposal for a new organisation to compare with today's; others are refused, bad input is a Danish
 * 400 on the field, and every change is audited. The pages show the chart as SVG with its text version.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let secretariat: Session;
let municipality: Session;
let readerToken: string;

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-01T10:00:00Z') });
  secretariat = await t.login('demo-sekretariat');
  municipality = await t.login('demo-tilbudsoekonomi');
  readerToken = await t.token('demo-laeser');
});
after(() => t.close());

const api = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.as(s, { method, url, payload });
const lastAudit = (entity: string) =>
  t.db
    .selectFrom('audit_log')
    .select(['entity_id', 'action', 'after', 'actor_username'])
    .where('entity', '=', entity)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();

async function bodyId(name: string) {
  return (await t.db.selectFrom('coop_body').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

describe('GET /api/bodies', () => {
  it('lists the bodies of Sjælland with mandate, members and superior for a reader token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/bodies?area=sjaelland', headers: { authorization: `Bearer ${readerToken}` } });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.date, '2026-12-01');
    const styre = body.bodies.find((b: { name: string }) => b.name === 'Styregruppen for Rammeaftale Sjælland');
    assert.ok(styre.mandate.text.includes('5 pct.'));
    assert.equal(styre.members.length, 8);
    assert.equal(styre.members[0].roleLabel, 'Formand');
    const oekonomi = body.bodies.find((b: { name: string }) => b.name === 'Økonomigruppen');
    assert.equal(oekonomi.reportsTo.name, 'Styregruppen for Rammeaftale Sjælland');
    assert.ok(body.bodies.every((b: { areaCode: string }) => b.areaCode === 'sjaelland'));
  });

  it('filters by date: before the members began, nobody is a member', async () => {
    const res = await api(municipality, 'GET', '/api/bodies?area=sjaelland&date=2023-06-01');
    assert.ok(res.json().bodies.every((b: { members: unknown[] }) => b.members.length === 0));
  });

  it('answers 400 on an unknown area and 401 without a sign-in', async () => {
    const bad = await api(municipality, 'GET', '/api/bodies?area=atlantis');
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().fields.area);
    assert.equal((await api(null, 'GET', '/api/bodies')).statusCode, 401);
  });
});

describe('writing bodies', () => {
  let created: number;

  it('lets the secretariat create a body under the steering group, audited', async () => {
    const styre = await bodyId('Styregruppen for Rammeaftale Sjælland');
    const res = await api(secretariat, 'POST', '/api/bodies', {
      areaCode: 'sjaelland',
      kind: 'ad_hoc',
      name: 'Ad hoc-gruppe om kapacitet',
      reportsToId: styre,
    });
    assert.equal(res.statusCode, 201, res.body);
    created = res.json().id;
    const list = (await api(secretariat, 'GET', '/api/bodies?area=sjaelland')).json();
    assert.equal(list.bodies.find((b: { id: number }) => b.id === created).reportsTo.id, styre);
    const a = await lastAudit('coop_body');
    assert.equal(a.entity_id, String(created));
    assert.equal(a.actor_username, 'demo-sekretariat');
  });

  it('refuses a municipality (403), a reader token (403) and anonymous (401); nothing is saved', async () => {
    const payload = { areaCode: 'sjaelland', kind: 'ad_hoc', name: 'Ikke tilladt' };
    assert.equal((await api(municipality, 'POST', '/api/bodies', payload)).statusCode, 403);
    const reader = await t.app.inject({ method: 'POST', url: '/api/bodies', payload, headers: { authorization: `Bearer ${readerToken}` } });
    assert.equal(reader.statusCode, 403);
    assert.equal((await api(null, 'POST', '/api/bodies', payload)).statusCode, 401);
    assert.equal(await t.db.selectFrom('coop_body').select('id').where('name', '=', 'Ikke tilladt').executeTakeFirst(), undefined);
  });

  it("refuses another area's secretariat with 403", async () => {
    const other = await t.db
      .selectFrom('organisation as o')
      .innerJoin('agreement_area as a', 'a.id', 'o.area_id')
      .select('o.id')
      .where('a.code', '=', 'hovedstaden')
      .where('o.kind', '=', 'secretariat')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('app_user')
      .values({ username: 'test-sek-h', display_name: 'Sek H', organisation_id: other.id, is_demo: true, password_hash: null })
      .execute();
    const u = await t.db.selectFrom('app_user').select('id').where('username', '=', 'test-sek-h').executeTakeFirstOrThrow();
    await t.db.insertInto('user_role').values({ user_id: u.id, role: 'sekretariat' }).execute();
    const res = await api(await t.login('test-sek-h'), 'POST', `/api/bodies/${created}/members`, {
      personName: 'X Y',
      organisationText: 'KL',
      role: 'medlem',
      validFrom: '2026-12-01',
    });
    assert.equal(res.statusCode, 403);
  });

  it('refuses a duplicate name, a superior from nowhere and a CPR number with messages on the fields', async () => {
    const dup = await api(secretariat, 'POST', '/api/bodies', { areaCode: 'sjaelland', kind: 'ad_hoc', name: 'Ad hoc-gruppe om kapacitet' });
    assert.equal(dup.statusCode, 400);
    assert.match(dup.json().fields.name[0], /findes allerede/);
    const sup = await api(secretariat, 'POST', '/api/bodies', { areaCode: 'sjaelland', kind: 'ad_hoc', name: 'Ny gruppe', reportsToId: 999999 });
    assert.ok(sup.json().fields.reportsToId);
    const cpr = await api(secretariat, 'POST', '/api/bodies', { areaCode: 'sjaelland', kind: 'ad_hoc', name: 'Ny gruppe', description: 'Borger 010190-1234' });
    assert.match(cpr.json().fields.description[0], /CPR-nummer/);
  });

  it('adds a member from a member organisation, refuses one from outside the area, and ends a membership once (409 the second time)', async () => {
    const holbaek = (
      await t.db.selectFrom('organisation').select('id').where('municipality_code', '=', 316).where('kind', '=', 'municipality').executeTakeFirstOrThrow()
    ).id;
    const ok = await api(secretariat, 'POST', `/api/bodies/${created}/members`, {
      personName: 'Mette Prøve',
      organisationId: holbaek,
      role: 'formand',
      validFrom: '2026-11-01',
    });
    assert.equal(ok.statusCode, 201, ok.body);
    const odense = (
      await t.db.selectFrom('organisation').select('id').where('municipality_code', '=', 461).where('kind', '=', 'municipality').executeTakeFirstOrThrow()
    ).id;
    const out = await api(secretariat, 'POST', `/api/bodies/${created}/members`, {
      personName: 'Ole Prøve',
      organisationId: odense,
      role: 'medlem',
      validFrom: '2026-11-01',
    });
    assert.equal(out.statusCode, 400);
    assert.ok(out.json().fields.organisationId);
    const none = await api(secretariat, 'POST', `/api/bodies/${created}/members`, { personName: 'Ole Prøve', role: 'medlem', validFrom: '2026-11-01' });
    assert.ok(none.json().fields.organisationId);
    const end = await api(secretariat, 'POST', `/api/body-members/${ok.json().id}/end`, { validTo: '2026-11-30' });
    assert.equal(end.statusCode, 200, end.body);
    assert.equal((await api(secretariat, 'POST', `/api/body-members/${ok.json().id}/end`, { validTo: '2026-11-30' })).statusCode, 409);
    const list = (await api(secretariat, 'GET', '/api/bodies?area=sjaelland')).json();
    assert.equal(list.bodies.find((b: { id: number }) => b.id === created).members.length, 0);
  });

  it('starts a new mandate and ends the open one the day before', async () => {
    await api(secretariat, 'POST', `/api/bodies/${created}/mandates`, { text: 'Første kommissorium.', validFrom: '2026-01-01' });
    const res = await api(secretariat, 'POST', `/api/bodies/${created}/mandates`, {
      text: 'Andet kommissorium.',
      validFrom: '2026-07-01',
      validTo: '2027-06-30',
    });
    assert.equal(res.statusCode, 201, res.body);
    const first = await t.db
      .selectFrom('coop_mandate')
      .select(['valid_to'])
      .where('body_id', '=', created)
      .where('text', '=', 'Første kommissorium.')
      .executeTakeFirstOrThrow();
    assert.equal(String(first.valid_to).slice(0, 10), '2026-06-30');
    const spring = (await api(secretariat, 'GET', '/api/bodies?area=sjaelland&date=2026-03-01')).json();
    assert.equal(spring.bodies.find((b: { id: number }) => b.id === created).mandate.text, 'Første kommissorium.');
    const bad = await api(secretariat, 'POST', `/api/bodies/${created}/mandates`, { text: 'X', validFrom: '2026-07-01', validTo: '2026-01-01' });
    assert.ok(bad.json().fields.validTo);
  });
});

describe('organisation versions', () => {
  it('drafts a proposal as a copy of today’s, moves a body, refuses a ring, and compares on the page', async () => {
    const res = await api(secretariat, 'POST', '/api/body-structures', { areaCode: 'sjaelland', title: 'Forslag B' });
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id;
    const copy = (await api(municipality, 'GET', `/api/body-structures/${id}`)).json();
    const current = await t.db
      .selectFrom('coop_structure_body as sb')
      .innerJoin('coop_structure as s', 's.id', 'sb.structure_id')
      .select('sb.body_id')
      .where('s.status', '=', 'gaeldende')
      .where('s.area_id', '=', (await t.db.selectFrom('agreement_area').select('id').where('code', '=', 'sjaelland').executeTakeFirstOrThrow()).id)
      .execute();
    assert.equal(copy.bodies.length, current.length);
    const styre = await bodyId('Styregruppen for Rammeaftale Sjælland');
    const udvikling = await bodyId('Udviklingsgruppen for Rammeaftale Sjælland');
    const udbyder = await bodyId('Udbydernetværket');
    const oekonomi = await bodyId('Økonomigruppen');
    const placements = copy.bodies
      .filter((b: { bodyId: number }) => b.bodyId !== udbyder)
      .map((b: { bodyId: number; reportsToId: number | null }) => ({
        bodyId: b.bodyId,
        isIncluded: true,
        reportsToId: b.bodyId === oekonomi ? udvikling : b.reportsToId,
      }));
    const ring = placements.map((p: { bodyId: number }) => (p.bodyId === styre ? { ...p, reportsToId: udvikling } : p));
    const refused = await api(secretariat, 'PUT', `/api/body-structures/${id}/placements`, { placements: ring });
    assert.equal(refused.statusCode, 400);
    assert.match(JSON.stringify(refused.json().fields), /ring/);
    assert.equal((await api(municipality, 'PUT', `/api/body-structures/${id}/placements`, { placements })).statusCode, 403);
    const saved = await api(secretariat, 'PUT', `/api/body-structures/${id}/placements`, { placements });
    assert.equal(saved.statusCode, 200, saved.body);
    const page = await t.as(municipality, { method: 'GET', url: `/samarbejde/organisering/${id}`, headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Udgår: Udbydernetværket/);
    assert.match(page.body, /Økonomigruppen rapporterer til Udviklingsgruppen for Rammeaftale Sjælland i stedet for Styregruppen for Rammeaftale Sjælland/);
    assert.match(page.body, /<svg[^>]*role="img"/);
    assert.doesNotMatch(page.body, /Gem organiseringen/, 'a municipality gets no edit form');
  });
});

describe('pages', () => {
  it('shows the bodies page with the chart as SVG and a text version, and the secretariat’s forms', async () => {
    const page = await t.as(secretariat, { method: 'GET', url: '/samarbejde/organer', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<svg[^>]*viewBox/);
    assert.match(page.body, /Tekstversion/);
    assert.match(page.body, /Lav forslag til ny organisering/);
    const muni = await t.as(municipality, { method: 'GET', url: '/samarbejde/organer', headers: { accept: 'text/html' } });
    assert.doesNotMatch(muni.body, /Opret organ/);
  });

  it('creates a body through the form and shows the form again with field messages on bad input', async () => {
    const bad = await t.as(secretariat, {
      method: 'POST',
      url: '/samarbejde/organer/ny',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: form({ _csrf: secretariat.csrf, areaCode: 'sjaelland', kind: 'ad_hoc', name: '' }),
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#f-name"/);
    const ok = await t.as(secretariat, {
      method: 'POST',
      url: '/samarbejde/organer/ny',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: form({ _csrf: secretariat.csrf, areaCode: 'sjaelland', kind: 'netvaerksgruppe', name: 'Netværk for sagsbehandlere', reportsToId: '' }),
    });
    assert.equal(ok.statusCode, 303, ok.body);
    const body = await t.as(secretariat, { method: 'GET', url: ok.headers.location as string, headers: { accept: 'text/html' } });
    assert.match(body.body, /Netværk for sagsbehandlere/);
    assert.match(body.body, /Tilføj medlem/);
  });
});
