/**
 * The joint consultations as their users rely on them: every signed-in user (a reader token too) lists and reads the
 * cases; the operating municipality opens a closure of a covered residential offering (the area's dated rule), a
 * member opens an inquiry before a single-person offering; each member answers for itself only, on the version it
 * read (412 when stale, audited, no CPR numbers); the opener closes the case with the outcome and the local
 * decision, after which answers are refused. The pages show the list, the answer overview and the forms.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let holbaek: Session;
let naestved: Session;
let secretariat: Session;
let readerToken: string;
let holbaekId: number;
let naestvedId: number;

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-01T10:00:00Z') });
  holbaek = await t.login('demo-myndighed');
  naestved = await t.login('demo-naestved');
  secretariat = await t.login('demo-sekretariat');
  readerToken = await t.token('demo-laeser');
  const orgs = await t.db.selectFrom('app_user').select(['username', 'organisation_id']).where('username', 'in', ['demo-myndighed', 'demo-naestved']).execute();
  holbaekId = orgs.find((o) => o.username === 'demo-myndighed')!.organisation_id;
  naestvedId = orgs.find((o) => o.username === 'demo-naestved')!.organisation_id;
});
after(() => t.close());

const api = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers?: Record<string, string>) =>
  t.as(s, { method, url, payload, headers });
const page = (s: Session | null, url: string) => t.as(s, { method: 'GET', url, headers: { accept: 'text/html' } });
const post = (s: Session, url: string, fields: Record<string, string | number>) =>
  t.as(s, {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: form({ _csrf: s.csrf, ...fields }),
  });

const inquiry = () => ({
  areaCode: 'sjaelland',
  kind: 'enkeltmandstilbud',
  title: 'Forespørgsel om skærmet botilbud',
  description: 'En voksen med erhvervet hjerneskade har brug for et skærmet botilbud med døgndækning.',
  deadline: '2027-01-15',
});

describe('the consultations API', () => {
  it('lists the demo cases with filters, also for a reader token, and refuses a bad filter', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/consultations?area=sjaelland&year=2026', headers: { authorization: `Bearer ${readerToken}` } });
    assert.equal(res.statusCode, 200, res.body);
    const list = res.json().consultations as { kind: string; status: string; answered: number; members: number }[];
    assert.ok(list.some((c) => c.kind === 'lukning' && c.status === 'afsluttet' && c.answered === c.members));
    assert.ok(list.some((c) => c.kind === 'enkeltmandstilbud' && c.status === 'aaben'));
    const open = await api(holbaek, 'GET', '/api/consultations?status=aaben&kind=enkeltmandstilbud');
    assert.ok((open.json().consultations as { status: string }[]).every((c) => c.status === 'aaben'));
    assert.equal((await api(holbaek, 'GET', '/api/consultations?area=atlantis')).statusCode, 400);
    assert.equal((await api(holbaek, 'GET', '/api/consultations?kind=salg')).statusCode, 400);
    assert.equal((await api(null, 'GET', '/api/consultations')).statusCode, 401);
  });

  it('opens an inquiry, takes each member’s own versioned answer, and closes it by the opener only', async () => {
    const created = await api(naestved, 'POST', '/api/consultations', inquiry());
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as number;
    const url = `/api/consultations/${id}/answers/${holbaekId}`;
    assert.equal((await api(naestved, 'PUT', url, { answer: 'nej', version: 0 })).statusCode, 403, 'Næstved cannot answer for Holbæk');
    assert.equal((await api(holbaek, 'PUT', `/api/consultations/${id}/answers/${naestvedId}`, { answer: 'nej', version: 0 })).statusCode, 403);
    assert.equal((await api(holbaek, 'PUT', url, { answer: 'bekymring', version: 0 })).statusCode, 400, 'closure answers do not fit an inquiry');
    const cpr = await api(holbaek, 'PUT', url, { answer: 'nej', note: 'Borger 010203-1234', version: 0 });
    assert.equal(cpr.statusCode, 400);
    const first = await api(holbaek, 'PUT', url, { answer: 'vil_dele', note: 'Vi har et lignende behov.', version: 0 });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().version, 1);
    assert.equal((await api(holbaek, 'PUT', url, { answer: 'nej' }, { 'if-match': '"0"' })).statusCode, 412);
    assert.equal((await api(holbaek, 'PUT', url, { answer: 'har_plads' }, { 'if-match': '"1"' })).statusCode, 200);
    const one = await api(secretariat, 'GET', `/api/consultations/${id}`);
    assert.equal(one.statusCode, 200);
    const mine = (one.json().answers as { organisationId: number; answer: string | null; version: number }[]).find((a) => a.organisationId === holbaekId);
    assert.deepEqual([mine?.answer, mine?.version], ['har_plads', 2]);
    const audits = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'coop_consultation_answer').execute();
    assert.ok(audits.length >= 2);

    const closeBody = {
      outcome: 'Holbæk har en plads.',
      decisionText: 'Borgeren visiteres til Holbæks plads.',
      decisionOn: '2026-11-30',
      result: 'ikke_oprettet',
    };
    assert.equal((await api(holbaek, 'POST', `/api/consultations/${id}/close`, { ...closeBody, version: 1 })).statusCode, 403);
    assert.equal((await api(naestved, 'POST', `/api/consultations/${id}/close`, { ...closeBody, decisionOn: '2027-05-01', version: 1 })).statusCode, 400);
    assert.equal((await api(naestved, 'POST', `/api/consultations/${id}/close`, { ...closeBody, version: 7 })).statusCode, 412);
    const closed = await api(naestved, 'POST', `/api/consultations/${id}/close`, { ...closeBody, version: 1 });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal((await api(naestved, 'POST', `/api/consultations/${id}/close`, { ...closeBody, version: 2 })).statusCode, 409);
    assert.equal((await api(holbaek, 'PUT', url, { answer: 'nej' }, { 'if-match': '"2"' })).statusCode, 409, 'no answers after closing');
  });

  it('opens a closure only for a covered residential offering the municipality operates; bad input names the field', async () => {
    const own = await t.db
      .selectFrom('offering as o')
      .innerJoin('offering_type as ot', 'ot.code', 'o.offering_type')
      .select(['o.id', 'o.is_covered', 'o.operator_org_id'])
      .where('ot.is_residential', '=', true)
      .orderBy('o.id')
      .execute();
    const covered = own.find((o) => o.operator_org_id === holbaekId && o.is_covered);
    const foreign = own.find((o) => o.operator_org_id !== holbaekId);
    const closure = (offeringId: number) => ({ ...inquiry(), kind: 'lukning', offeringId, title: 'Lukning af botilbud' });
    if (foreign) assert.equal((await api(holbaek, 'POST', '/api/consultations', closure(foreign.id))).statusCode, 403);
    if (covered) {
      const res = await api(holbaek, 'POST', '/api/consultations', closure(covered.id));
      assert.equal(res.statusCode, 201, res.body);
    }
    const uncovered = own.find((o) => o.operator_org_id === holbaekId && !o.is_covered);
    if (uncovered) {
      const res = await api(holbaek, 'POST', '/api/consultations', closure(uncovered.id));
      assert.equal(res.statusCode, 400);
      assert.ok(res.json().fieldErrors?.offeringId ?? res.json().errors?.offeringId, res.body);
    }
    const missing = await api(holbaek, 'POST', '/api/consultations', { ...inquiry(), kind: 'lukning' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /offeringId/);
    const past = await api(holbaek, 'POST', '/api/consultations', { ...inquiry(), deadline: '2026-01-01' });
    assert.equal(past.statusCode, 400);
    assert.match(past.body, /deadline/);
    assert.equal((await api(holbaek, 'POST', '/api/consultations', { ...inquiry(), description: 'CPR 010203-1234' })).statusCode, 400);
    assert.equal((await api(secretariat, 'POST', '/api/consultations', inquiry())).statusCode, 403);
    assert.equal((await api(holbaek, 'GET', '/api/consultations/999999')).statusCode, 404);
  });
});

describe('closing an offering in the register', () => {
  it('refuses to close a covered residential offering before its closure has been consulted, and closes one that has', async () => {
    const economy = await t.login('demo-tilbudsoekonomi');
    const consulted = await t.db
      .selectFrom('coop_consultation')
      .select('offering_id')
      .where('kind', '=', 'lukning')
      .where('status', '=', 'afsluttet')
      .executeTakeFirstOrThrow();
    const open = await t.db
      .selectFrom('offering as o')
      .innerJoin('offering_type as ot', 'ot.code', 'o.offering_type')
      .select('o.id')
      .where('ot.is_residential', '=', true)
      .where('o.is_covered', '=', true)
      .where('o.operator_org_id', '=', holbaekId)
      .where('o.status', '<>', 'lukket')
      .where('o.id', '<>', consulted.offering_id!)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('coop_consultation as c').select('c.id').whereRef('c.offering_id', '=', 'o.id'))))
      .orderBy('o.id')
      .executeTakeFirstOrThrow();
    const close = (id: number, status = 'lukket') =>
      api(economy, 'POST', `/api/offerings/${id}/close`, { status, statusSince: '2026-12-01', reason: 'Byrådet har besluttet at lukke tilbuddet.' });
    const refused = await close(open.id);
    assert.equal(refused.statusCode, 400, refused.body);
    assert.match(refused.json().fields.status[0], /fælles drøftelse/);
    const still = await t.db.selectFrom('offering').select('status').where('id', '=', open.id).executeTakeFirstOrThrow();
    assert.notEqual(still.status, 'lukket', 'nothing was saved');
    assert.equal((await close(open.id, 'under_afvikling')).statusCode, 200, 'winding down needs no consultation');
    const closed = await close(consulted.offering_id!);
    assert.equal(closed.statusCode, 200, closed.body);
  });
});

describe('the consultations pages', () => {
  it('lists, shows the overview with the answer form, saves an answer and shows the due item', async () => {
    const front = await page(holbaek, '/samarbejde');
    assert.match(front.body, /href="\/samarbejde\/droeftelser"/);
    const list = await page(holbaek, '/samarbejde/droeftelser?area=sjaelland&status=aaben');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Forespørgsel: enkeltmandstilbud/);
    const demo = await t.db.selectFrom('coop_consultation').select('id').where('kind', '=', 'enkeltmandstilbud').orderBy('id').executeTakeFirstOrThrow();
    const home = await page(holbaek, '/');
    assert.match(home.body, /Fælles drøftelser at besvare/);
    const view = await page(holbaek, `/samarbejde/droeftelser/${demo.id}`);
    assert.equal(view.statusCode, 200);
    assert.match(view.body, /Hvem har svaret hvad/);
    assert.match(view.body, /Gem svaret/);
    const bad = await post(holbaek, `/samarbejde/droeftelser/${demo.id}/svar`, { answer: 'bekymring', version: 0 });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Svar/);
    const ok = await post(holbaek, `/samarbejde/droeftelser/${demo.id}/svar`, { answer: 'nej', note: 'Ingen ledige pladser.', version: 0 });
    assert.equal(ok.statusCode, 303, ok.body);
    const stale = await post(holbaek, `/samarbejde/droeftelser/${demo.id}/svar`, { answer: 'vil_dele', version: 0 });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /En anden har ændret/);
    assert.doesNotMatch((await page(holbaek, '/')).body, /Forespørgsel: enkeltmandstilbud/, 'the answered inquiry is no longer due');
  });

  it('creates a case and closes it through the forms; others get no close form', async () => {
    assert.equal((await page(naestved, '/samarbejde/droeftelser/ny')).statusCode, 200);
    assert.equal((await page(secretariat, '/samarbejde/droeftelser/ny')).statusCode, 403);
    const bad = await post(naestved, '/samarbejde/droeftelser/ny', { ...inquiry(), title: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Titel/);
    const created = await post(naestved, '/samarbejde/droeftelser/ny', { ...inquiry(), offeringId: '' });
    assert.equal(created.statusCode, 303, created.body);
    const url = String(created.headers.location);
    assert.equal((await page(holbaek, `${url}/afslut`)).statusCode, 403);
    assert.equal((await page(naestved, `${url}/afslut`)).statusCode, 200);
    const closed = await post(naestved, `${url}/afslut`, {
      outcome: 'Ingen pladser.',
      decisionText: 'Eget tilbud etableres.',
      decisionOn: '2026-11-30',
      result: 'ikke_oprettet',
      resultOfferingId: '',
      version: 1,
    });
    assert.equal(closed.statusCode, 303, closed.body);
    const shown = await page(secretariat, url);
    assert.match(shown.body, /Eget tilbud etableres/);
  });
});

describe('co-establishment proposals (forslag om fælles etablering)', () => {
  const proposal = (extra: object = {}) => ({
    ...inquiry(),
    kind: 'samdrift',
    proposalType: 'underskudsgaranti',
    title: 'Forslag: fælles underskudsgaranti for et nyt døgntilbud',
    ...extra,
  });

  it('opens a proposal with its form, takes the answers fitting it and records an offering created', async () => {
    assert.equal((await api(naestved, 'POST', '/api/consultations', proposal({ proposalType: undefined }))).statusCode, 400, 'the form is required');
    const noForm = await api(naestved, 'POST', '/api/consultations', { ...inquiry(), proposalType: 'selskab_60' });
    assert.equal(noForm.statusCode, 400, 'only a proposal has a form');
    assert.match(noForm.body, /proposalType/);
    const withOffering = await api(naestved, 'POST', '/api/consultations', proposal({ offeringId: 1 }));
    assert.equal(withOffering.statusCode, 400);
    assert.match(withOffering.body, /offeringId/);
    assert.equal((await api(naestved, 'POST', '/api/consultations', proposal({ description: 'Borger 010203-1234' }))).statusCode, 400);
    const created = await api(naestved, 'POST', '/api/consultations', proposal());
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as number;
    const audit = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity', '=', 'coop_consultation')
      .where('entity_id', '=', String(id))
      .executeTakeFirstOrThrow();
    assert.equal((audit.after as { proposalType?: string }).proposalType, 'underskudsgaranti');

    const url = `/api/consultations/${id}/answers/${holbaekId}`;
    assert.equal((await api(holbaek, 'PUT', url, { answer: 'har_plads', version: 0 })).statusCode, 400, 'inquiry answers do not fit a proposal');
    const answered = await api(holbaek, 'PUT', url, { answer: 'maaske', note: 'Vi vil drøfte garantiens loft.', version: 0 });
    assert.equal(answered.statusCode, 200, answered.body);

    const listed = await api(holbaek, 'GET', '/api/consultations?kind=samdrift&proposalType=underskudsgaranti');
    const found = (listed.json().consultations as { id: number; proposalType: string; kind: string }[]).find((c) => c.id === id);
    assert.deepEqual([found?.kind, found?.proposalType], ['samdrift', 'underskudsgaranti']);
    assert.equal((await api(holbaek, 'GET', '/api/consultations?proposalType=aktieselskab')).statusCode, 400);

    const offering = await t.db.selectFrom('offering').select(['id', 'name']).orderBy('id').executeTakeFirstOrThrow();
    const close = { outcome: 'Tre kommuner deltager.', decisionText: 'Tilbuddet etableres med garanti.', decisionOn: '2026-11-30', version: 1 };
    assert.equal((await api(naestved, 'POST', `/api/consultations/${id}/close`, close)).statusCode, 400, 'the result is required');
    const unknown = await api(naestved, 'POST', `/api/consultations/${id}/close`, { ...close, result: 'oprettet', resultOfferingId: 999999 });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /resultOfferingId/);
    const notCreated = await api(naestved, 'POST', `/api/consultations/${id}/close`, { ...close, result: 'ikke_oprettet', resultOfferingId: offering.id });
    assert.equal(notCreated.statusCode, 400);
    const closed = await api(naestved, 'POST', `/api/consultations/${id}/close`, { ...close, result: 'oprettet', resultOfferingId: offering.id });
    assert.equal(closed.statusCode, 200, closed.body);
    const shown = (await api(secretariat, 'GET', `/api/consultations/${id}`)).json();
    assert.equal(shown.result, 'oprettet');
    assert.deepEqual(shown.resultOffering, { id: offering.id, name: offering.name });
    const closeAudit = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity', '=', 'coop_consultation')
      .where('entity_id', '=', String(id))
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    assert.equal((closeAudit.after as { resultOfferingId?: number }).resultOfferingId, offering.id);
  });

  it('refuses a result on a closure consultation', async () => {
    const closure = await t.db.selectFrom('coop_consultation').select('id').where('kind', '=', 'lukning').where('status', '=', 'aaben').executeTakeFirst();
    if (!closure) return;
    const res = await api(holbaek, 'POST', `/api/consultations/${closure.id}/close`, {
      outcome: 'x',
      decisionText: 'y',
      decisionOn: '2026-11-30',
      result: 'oprettet',
      version: 1,
    });
    assert.equal(res.statusCode, 400);
  });

  it('shows the demo proposal with its form and the proposal answers, and the create form offers the kind', async () => {
    const demo = await t.db.selectFrom('coop_consultation').select('id').where('kind', '=', 'samdrift').orderBy('id').executeTakeFirstOrThrow();
    const view = await page(holbaek, `/samarbejde/droeftelser/${demo.id}`);
    assert.equal(view.statusCode, 200);
    assert.match(view.body, /Forslag om fælles etablering/);
    assert.match(view.body, /Selskab efter § 60 i serviceloven/);
    assert.match(view.body, /Måske, vil drøfte det/);
    assert.match(view.body, /<option value="vil_deltage"/);
    const list = await page(holbaek, '/samarbejde/droeftelser?kind=samdrift&proposalType=selskab_60');
    assert.match(list.body, /fælles § 60-selskab/);
    assert.doesNotMatch(list.body, /Forespørgsel: enkeltmandstilbud/);
    const form = await page(naestved, '/samarbejde/droeftelser/ny');
    assert.match(form.body, /<option value="samdrift"/);
    assert.match(form.body, /<option value="underskudsgaranti"/);
    const created = await post(naestved, '/samarbejde/droeftelser/ny', { ...proposal(), offeringId: '' });
    assert.equal(created.statusCode, 303, created.body);
    const url = String(created.headers.location);
    const closeForm = await page(naestved, `${url}/afslut`);
    assert.match(closeForm.body, /Er et tilbud oprettet\?/);
    const missing = await post(naestved, `${url}/afslut`, {
      outcome: 'a',
      decisionText: 'b',
      decisionOn: '2026-11-30',
      result: '',
      resultOfferingId: '',
      version: 1,
    });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Vælg, om et tilbud er oprettet/);
  });
});
