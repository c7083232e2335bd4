/**
 * The protected offerings' watch and their dialogue cases as users rely on them: every signed-in user (a reader token
 * too) lists the protected offerings with the triggers that fire today and the dialogue cases; the watch page shows the
 * occupancy chart with its table and the contracts behind each month; the area's secretariat keeps the dated trigger
 * rules (versioned, audited, no CPR numbers), records a seller's notice, opens the mandatory case of a firing trigger
 * with one click (once), records the procedure's steps in order and closes the case when every step is done; each
 * party municipality answers for itself only, on the version it read; nothing changes a closed case.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let secretariat: Session;
let holbaek: Session;
let naestved: Session;
let reader: Session;
let readerToken: string;
let demoCase: { id: number; offering_id: number; operator_org_id: number };

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-01T10:00:00Z') });
  secretariat = await t.login('demo-sekretariat');
  holbaek = await t.login('demo-myndighed');
  naestved = await t.login('demo-naestved');
  reader = await t.login('demo-laeser');
  readerToken = await t.token('demo-laeser');
  demoCase = await t.db
    .selectFrom('coop_dialogue_case as c')
    .innerJoin('offering as o', 'o.id', 'c.offering_id')
    .select(['c.id', 'c.offering_id', 'o.operator_org_id'])
    .orderBy('c.id')
    .executeTakeFirstOrThrow();
});
after(() => t.close());

const page = (s: Session | null, url: string) => t.as(s, { method: 'GET', url, headers: { accept: 'text/html' } });
const post = (s: Session, url: string, fields: Record<string, string | number>) =>
  t.as(s, {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: form({ _csrf: s.csrf, ...fields }),
  });
const auditCount = async (entity: string) => (await t.db.selectFrom('audit_log').select('id').where('entity', '=', entity).execute()).length;
const ruleId = async (kind: string) =>
  (
    await t.db
      .selectFrom('coop_protection_trigger as r')
      .innerJoin('agreement_area as a', 'a.id', 'r.area_id')
      .select('r.id')
      .where('a.code', '=', 'sjaelland')
      .where('r.kind', '=', kind as 'varsel')
      .orderBy('r.id')
      .executeTakeFirstOrThrow()
  ).id;

describe('the protected offerings API', () => {
  it('lists Sjælland’s protected offerings with today’s occupancy and firing triggers for a reader token, and refuses a bad area', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/protected-offerings?area=sjaelland', headers: { authorization: `Bearer ${readerToken}` } });
    assert.equal(res.statusCode, 200, res.body);
    const list = res.json().offerings as { id: number; areaCode: string; firing: { kind: string; reason: string }[]; openCases: number; protection: string }[];
    assert.ok(list.length > 0);
    assert.ok(list.every((o) => o.areaCode === 'sjaelland' && o.protection !== 'ingen'));
    const withCase = list.find((o) => o.id === demoCase.offering_id)!;
    assert.equal(withCase.openCases, 1);
    assert.ok(withCase.firing.some((f) => f.kind === 'belaegning' && /under 80,0 % i 3 måneder i træk/.test(f.reason)));
    assert.equal((await t.as(holbaek, { method: 'GET', url: '/api/protected-offerings?area=atlantis' })).statusCode, 400);
    assert.equal((await t.as(null, { method: 'GET', url: '/api/protected-offerings' })).statusCode, 401);
  });

  it('lists the dialogue cases of an area with their procedure and steps', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/dialogue-cases?area=sjaelland&status=aaben',
      headers: { authorization: `Bearer ${readerToken}` },
    });
    assert.equal(res.statusCode, 200, res.body);
    const c = (res.json().cases as { id: number; procedure: string; stepsDone: number; steps: number; status: string }[]).find((x) => x.id === demoCase.id)!;
    assert.deepEqual([c.procedure, c.stepsDone, c.steps, c.status], ['Fælles dialog', 1, 4, 'aaben']);
    assert.equal((await t.as(holbaek, { method: 'GET', url: '/api/dialogue-cases?status=lukket' })).statusCode, 400);
  });
});

describe('the watch page', () => {
  it('shows the chart with its table, the triggers with their reasons and the contracts behind a month', async () => {
    const res = await page(reader, `/samarbejde/beskyttede-tilbud/${demoCase.offering_id}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /<svg[^>]+role="img"/);
    assert.match(res.body, /Belægning pr\. måned/);
    assert.match(res.body, /Der er en åben dialogsag/);
    assert.doesNotMatch(res.body, /Åbn dialogsag/, 'a reader is offered no action');
    const rows = await page(reader, `/samarbejde/beskyttede-tilbud/${demoCase.offering_id}?maaned=2026-11-01`);
    assert.match(rows.body, /Kontrakter den 1\. november 2026/);
    assert.equal((await page(reader, '/samarbejde/beskyttede-tilbud/999999')).statusCode, 404);
    const list = await page(reader, '/samarbejde/beskyttede-tilbud?area=sjaelland');
    assert.match(list.body, new RegExp(`/samarbejde/beskyttede-tilbud/${demoCase.offering_id}"`));
  });
});

describe('the trigger rules', () => {
  it('are added by the area’s secretariat only, with Danish messages for missing values and CPR numbers, and audited', async () => {
    const rule = { areaCode: 'sjaelland', kind: 'underskud', amount: '750.000,00', deadlineDays: 21, note: 'Ny grænse', validFrom: '2027-01-01', validTo: '' };
    assert.equal((await post(holbaek, '/samarbejde/beskyttede-tilbud/regler', rule)).statusCode, 403);
    const missing = await post(secretariat, '/samarbejde/beskyttede-tilbud/regler', { ...rule, amount: '' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Angiv det beløb, underskuddet skal overstige/);
    assert.equal((await post(secretariat, '/samarbejde/beskyttede-tilbud/regler', { ...rule, note: 'Borger 010203-1234' })).statusCode, 400);
    assert.equal((await post(secretariat, '/samarbejde/beskyttede-tilbud/regler', { ...rule, validTo: '2026-01-01' })).statusCode, 400);
    const before = await auditCount('coop_protection_trigger');
    const ok = await post(secretariat, '/samarbejde/beskyttede-tilbud/regler', rule);
    assert.equal(ok.statusCode, 303, ok.body);
    const saved = await t.db.selectFrom('coop_protection_trigger').selectAll().where('note', '=', 'Ny grænse').executeTakeFirstOrThrow();
    assert.equal(String(saved.amount), '750000.00');
    assert.equal(await auditCount('coop_protection_trigger'), before + 1);
  });

  it('are changed on the version read (a stale version is shown again as a conflict)', async () => {
    const r = await t.db.selectFrom('coop_protection_trigger').select(['id', 'version']).where('note', '=', 'Ny grænse').executeTakeFirstOrThrow();
    const change = { kind: 'underskud', amount: '800000', deadlineDays: 21, note: 'Ny grænse', validFrom: '2027-01-01', validTo: '', version: r.version };
    assert.equal((await post(holbaek, `/samarbejde/beskyttede-tilbud/regler/${r.id}`, change)).statusCode, 403);
    assert.equal((await post(secretariat, `/samarbejde/beskyttede-tilbud/regler/${r.id}`, change)).statusCode, 303);
    const stale = await post(secretariat, `/samarbejde/beskyttede-tilbud/regler/${r.id}`, { ...change, amount: '900000' });
    assert.equal(stale.statusCode, 409);
    const now = await t.db.selectFrom('coop_protection_trigger').select(['amount', 'version']).where('id', '=', r.id).executeTakeFirstOrThrow();
    assert.deepEqual([String(now.amount), now.version], ['800000.00', r.version + 1]);
  });
});

describe('a notice, and opening the dialogue case of a firing trigger', () => {
  let caseId: number;

  it('records the seller’s notice (the secretariat only, checked dates) and the notice trigger then fires', async () => {
    const url = `/samarbejde/beskyttede-tilbud/${demoCase.offering_id}/varsel`;
    const notice = { kind: 'lukning', placesAfter: '', givenOn: '2026-11-20', effectiveOn: '2027-06-30', text: 'Driftsherren varsler lukning.' };
    assert.equal((await post(holbaek, url, notice)).statusCode, 403);
    assert.equal((await post(secretariat, url, { ...notice, givenOn: '2026-12-24' })).statusCode, 400, 'not given in the future');
    assert.equal((await post(secretariat, url, { ...notice, kind: 'faerre_pladser', placesAfter: '100000' })).statusCode, 400);
    const ok = await post(secretariat, url, notice);
    assert.equal(ok.statusCode, 303, ok.body);
    const watch = await page(secretariat, `/samarbejde/beskyttede-tilbud/${demoCase.offering_id}`);
    assert.match(watch.body, /Sælger har den 20\. november 2026 varslet lukning fra 30\. juni 2027/);
    assert.match(watch.body, /Åbn dialogsag/);
  });

  it('opens one case per firing trigger with the deadline from the rule and the area’s steps, refuses a trigger that does not fire', async () => {
    const url = `/samarbejde/beskyttede-tilbud/${demoCase.offering_id}/dialogsag`;
    const varsel = await ruleId('varsel');
    assert.equal((await post(holbaek, url, { triggerId: varsel })).statusCode, 403);
    const before = await auditCount('coop_dialogue_case');
    const opened = await post(secretariat, url, { triggerId: varsel });
    assert.equal(opened.statusCode, 303, opened.body);
    caseId = Number(/dialogsager\/(\d+)/.exec(String(opened.headers.location))![1]);
    const c = await t.db.selectFrom('coop_dialogue_case').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    assert.equal(c.deadline, '2026-12-31', '30 days from 1 December');
    assert.match(c.reason, /varslet lukning/);
    assert.equal(await auditCount('coop_dialogue_case'), before + 1);
    const again = await post(secretariat, url, { triggerId: varsel });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /allerede en åben dialogsag/);
    const other = await t.db.selectFrom('coop_protection_trigger').select('id').where('note', '=', 'Ny grænse').executeTakeFirstOrThrow();
    assert.equal((await post(secretariat, url, { triggerId: other.id })).statusCode, 400, 'a rule not in force today');
    const steps = await t.db.selectFrom('coop_dialogue_step').select('label').where('case_id', '=', caseId).orderBy('sort').execute();
    assert.deepEqual(
      steps.map((s) => s.label),
      ['Varsel til sekretariatet', 'Dialog med kommunerne', 'Behandling i styregruppen', 'Beslutning'],
    );
  });

  it('takes each party’s own versioned answer, not the operator’s, a reader’s or the secretariat’s', async () => {
    const isHolbaekOperator =
      (await t.db.selectFrom('app_user').select('organisation_id').where('username', '=', 'demo-myndighed').executeTakeFirstOrThrow()).organisation_id ===
      demoCase.operator_org_id;
    const party = isHolbaekOperator ? naestved : holbaek;
    const url = `/samarbejde/dialogsager/${caseId}/svar`;
    assert.equal((await post(reader, url, { answer: 'bevar', version: 0 })).statusCode, 403);
    assert.equal((await post(secretariat, url, { answer: 'bevar', version: 0 })).statusCode, 403);
    assert.equal((await post(party, url, { answer: 'bevar', note: 'Borger 010203-1234', version: 0 })).statusCode, 400);
    assert.equal((await post(party, url, { answer: 'bevar', note: 'Vi bruger tilbuddet.', version: 0 })).statusCode, 303);
    assert.equal((await post(party, url, { answer: 'bekymring', version: 0 })).statusCode, 409, 'stale version shown as a conflict');
    assert.equal((await post(party, url, { answer: 'bekymring', version: 1 })).statusCode, 303);
    const a = await t.db.selectFrom('coop_dialogue_answer').select(['answer', 'version']).where('case_id', '=', caseId).executeTakeFirstOrThrow();
    assert.deepEqual([a.answer, a.version], ['bekymring', 2]);
    const front = await page(isHolbaekOperator ? holbaek : naestved, '/');
    assert.equal(front.statusCode, 200);
  });

  it('records the steps in order (who and when), closes only when all are done, and then refuses every change', async () => {
    const step = (sort: number, doneOn = '2026-12-01') => post(secretariat, `/samarbejde/dialogsager/${caseId}/trin`, { sort, doneOn, note: `Trin ${sort}` });
    assert.equal((await post(holbaek, `/samarbejde/dialogsager/${caseId}/trin`, { sort: 1, doneOn: '2026-12-01' })).statusCode, 403);
    assert.equal((await step(2)).statusCode, 409, 'not before step 1');
    assert.equal((await step(1, '2026-12-02')).statusCode, 400, 'not in the future');
    assert.equal((await step(1)).statusCode, 303);
    assert.equal((await step(1)).statusCode, 409, 'already recorded');
    const c = await t.db.selectFrom('coop_dialogue_case').select('version').where('id', '=', caseId).executeTakeFirstOrThrow();
    const early = await post(secretariat, `/samarbejde/dialogsager/${caseId}/afslut`, {
      outcome: 'Tilbuddet bevares.',
      closedOn: '2026-12-01',
      version: c.version,
    });
    assert.equal(early.statusCode, 409);
    assert.match(early.body, /alle trin er registreret/);
    for (const sort of [2, 3, 4]) assert.equal((await step(sort)).statusCode, 303);
    const s1 = await t.db
      .selectFrom('coop_dialogue_step')
      .select(['done_by', 'done_on'])
      .where('case_id', '=', caseId)
      .where('sort', '=', 1)
      .executeTakeFirstOrThrow();
    assert.deepEqual([s1.done_by, s1.done_on], ['demo-sekretariat', '2026-12-01']);
    const v = (await t.db.selectFrom('coop_dialogue_case').select('version').where('id', '=', caseId).executeTakeFirstOrThrow()).version;
    assert.equal(
      (await post(secretariat, `/samarbejde/dialogsager/${caseId}/afslut`, { outcome: 'Ok', closedOn: '2026-12-01', version: v - 1 })).statusCode,
      409,
      'stale',
    );
    assert.equal((await post(holbaek, `/samarbejde/dialogsager/${caseId}/afslut`, { outcome: 'Ok', closedOn: '2026-12-01', version: v })).statusCode, 403);
    const closed = await post(secretariat, `/samarbejde/dialogsager/${caseId}/afslut`, {
      outcome: 'Tilbuddet bevares med færre pladser.',
      closedOn: '2026-12-01',
      version: v,
    });
    assert.equal(closed.statusCode, 303, closed.body);
    const done = await t.db.selectFrom('coop_dialogue_case').select(['status', 'outcome']).where('id', '=', caseId).executeTakeFirstOrThrow();
    assert.deepEqual([done.status, done.outcome], ['afsluttet', 'Tilbuddet bevares med færre pladser.']);
    const party = holbaek;
    assert.notEqual(
      (await post(party, `/samarbejde/dialogsager/${caseId}/svar`, { answer: 'bevar', version: 2 })).statusCode,
      303,
      'a closed case takes no answer',
    );
    const page1 = await page(reader, `/samarbejde/dialogsager/${caseId}`);
    assert.match(page1.body, /registreret af demo-sekretariat/);
    assert.match(page1.body, /Tilbuddet bevares med færre pladser/);
  });
});
