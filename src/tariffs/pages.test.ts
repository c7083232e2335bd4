/**
 * The tariff pages on the seeded demo: public overview and tariff pages, what-if without and with JavaScript,
 * the editor's no-JS flow with errors kept, the secretariat's approval and publication through forms, the
 * report to the socialtilsyn and the steering group's review list, and the role checks on every page.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { suiteClock } from '../testing/clock.js';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';
import { calculateTariff } from './calculation.js';
import { formatKr as dkKr } from './tariffs.format.js';
import { roundYear } from './tariffs.service.js';

let t: TestApp;
let operator: Session;
let secretariat: Session;
let editedOfferingId: number;
let clones = 0;
const ROUND = roundYear(suiteClock());
const THIS_YEAR = ROUND - 1;

before(async () => {
  t = await createTestApp();
  operator = await t.login('demo-tilbudsoekonomi');
  secretariat = await t.login('demo-sekretariat');
});
after(() => t.close());

const html = { accept: 'text/html' };
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
const get = (s: Session | null, url: string) => t.as(s, { method: 'GET', url, headers: html });
const post = (s: Session | null, url: string, fields: Record<string, string>, extra: Record<string, string> = {}) =>
  t.as(s, { method: 'POST', url, payload: form(fields), headers: { ...formHeaders, ...extra } });

/**
 * A fresh Holbæk offering for the editor tests: a copy of one of Holbæk's residential offerings with its
 * published tariff for this year, and no tariff for next year (the demo round is random).
 */
async function holbaekOfferingWithoutRoundTariff() {
  const src = await t.db
    .selectFrom('offering as o')
    .innerJoin('organisation as org', 'org.id', 'o.operator_org_id')
    .innerJoin('offering_type as ot', 'ot.code', 'o.offering_type')
    .innerJoin('tariff as t', 't.offering_id', 'o.id')
    .innerJoin('tariff_version as v', 'v.tariff_id', 't.id')
    .select(['o.id', 'v.id as version_id'])
    .where('org.municipality_code', '=', 316)
    .where('ot.is_residential', '=', true)
    .where('ot.is_short_stay', '=', false)
    .where('t.year', '=', THIS_YEAR)
    .where('v.status', '=', 'offentliggjort')
    .where('v.superseded_at', 'is', null)
    .where('v.unit', '=', 'day')
    .orderBy('o.id')
    .executeTakeFirstOrThrow();
  const name = `Testhuset ${++clones}`;
  const { rows } = await sql<{ id: number; places: number }>`
    insert into offering (name, operator_org_id, operator_type, address, postal_code, city, municipality_code, offering_type, primary_legal_basis, places,
      age_min, age_max, status, status_since, socialtilsyn_code, approval_date, is_covered, protection)
    select ${name}, operator_org_id, operator_type, address, postal_code, city, municipality_code, offering_type, primary_legal_basis, places,
      age_min, age_max, 'aktiv', status_since, socialtilsyn_code, approval_date, is_covered, protection from offering where id = ${src.id}
    returning id, places`.execute(t.db);
  const o = rows[0]!;
  await sql`insert into offering_target_group select ${o.id}, target_group_code from offering_target_group where offering_id = ${src.id}`.execute(t.db);
  await sql`insert into tariff_actual_occupancy select ${o.id}, year, occupancy_pct, source from tariff_actual_occupancy where offering_id = ${src.id}`.execute(
    t.db,
  );
  const tariff = (
    await sql<{
      id: number;
    }>`insert into tariff (offering_id, year, area_id) select ${o.id}, year, area_id from tariff where offering_id = ${src.id} and year = ${THIS_YEAR} returning id`.execute(
      t.db,
    )
  ).rows[0]!;
  const cols =
    sql.raw(`version, status, unit, input, rules, basis, overhead, overhead_pct, occupancy_pct_used, occupancy_source, capacity_units, average_tariff, warnings,
    nominal_change_pct, real_change_pct, is_flagged, explanation, correction_reason, created_by, submitted_at, submitted_by, is_on_time, approved_at, approved_by, published_at, publication_id`);
  const v = (
    await sql<{
      id: number;
    }>`insert into tariff_version (tariff_id, ${cols}) select ${tariff.id}, ${cols} from tariff_version where id = ${src.version_id} returning id`.execute(t.db)
  ).rows[0]!;
  await sql`insert into tariff_level select ${v.id}, sort, name, weight, share, tariff from tariff_level where version_id = ${src.version_id}`.execute(t.db);
  return { id: o.id, name, places: o.places };
}

async function publishedVersion(year: number) {
  return t.db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .select(['v.id', 'v.input', 'v.rules', 'v.average_tariff'])
    .where('t.year', '=', year)
    .where('v.status', '=', 'offentliggjort')
    .where('v.superseded_at', 'is', null)
    .where('v.unit', '=', 'day')
    .orderBy('v.id')
    .executeTakeFirstOrThrow();
}

test('the front page and the published overview are public; next year’s is not', async () => {
  const home = await get(null, '/takster');
  assert.equal(home.statusCode, 200);
  for (const y of [THIS_YEAR - 2, THIS_YEAR - 1, THIS_YEAR]) assert.match(home.body, new RegExp(`/takster/oversigt/sjaelland/${y}`));
  const overview = await get(null, `/takster/oversigt/sjaelland/${THIS_YEAR}`);
  assert.equal(overview.statusCode, 200);
  assert.match(overview.body, /<h2 id="kommune-316">Holbæk<\/h2>/);
  assert.match(overview.body, /Stigning over grænsen/);
  assert.match(overview.body, /Niveau 1: /); // some offerings use levels
  assert.equal((await get(null, `/takster/oversigt/sjaelland/${ROUND}`)).statusCode, 404);
  const preview = await get(secretariat, `/takster/oversigt/sjaelland/${ROUND}?forhaandsvisning=1`);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /Forhåndsvisning/);
  assert.match(preview.body, /Offentliggør \d+ godkendte takster/);
});

test('each count of the round links to the offerings in that state, for the secretariat only', async () => {
  const preview = await get(secretariat, `/takster/oversigt/sjaelland/${ROUND}?forhaandsvisning=1`);
  const notStarted = /<a href="(\/takster\/oversigt\/sjaelland\/\d+\/status\/mangler)">Ikke påbegyndt: (\d+)<\/a>/.exec(preview.body);
  assert.ok(notStarted, 'Ikke påbegyndt er et link');
  assert.match(preview.body, /<a href="[^"]*\/status\/returneret">Sendt retur: \d+<\/a>/);
  const list = await get(secretariat, notStarted[1]!);
  assert.equal(list.statusCode, 200);
  const rows = list.body.split('<tbody>')[1]?.match(/<tr>/g)?.length ?? 0;
  assert.equal(rows, Number(notStarted[2]));
  const submitted = await get(secretariat, `/takster/oversigt/sjaelland/${ROUND}/status/indsendt`);
  assert.match(submitted.body, /Åbn takst/);
  assert.equal((await get(secretariat, `/takster/oversigt/sjaelland/${ROUND}/status/nonsens`)).statusCode, 404);
  assert.notEqual((await get(operator, `/takster/oversigt/sjaelland/${ROUND}/status/mangler`)).statusCode, 200);
});

test('a published tariff shows its calculation step by step to anyone', async () => {
  const v = await publishedVersion(THIS_YEAR);
  const page = await get(null, `/takster/${v.id}`);
  assert.equal(page.statusCode, 200);
  for (const text of [
    'Beregningen trin for trin',
    'Grundlag for overhead',
    'Takstgrundlag',
    'Anvendt belægningsprocent',
    'Kapacitet i døgn/dage',
    'Regler, beregningen bygger på',
    'Hvad nu hvis?',
  ])
    assert.ok(page.body.includes(text), text);
});

test('what-if works without JavaScript (full page) and with it (fragment), saving nothing', async () => {
  const v = await publishedVersion(THIS_YEAR);
  const expected = calculateTariff({ ...v.input, occupancyPct: '99.5' }, v.rules);
  const first = await get(null, `/takster/${v.id}`);
  const csrf = first.cookies.find((c) => c.name === 'ramme_csrf')!.value;
  const cookie = `ramme_csrf=${csrf}`;
  const full = await post(null, `/takster/${v.id}/hvis`, { _csrf: csrf, occupancyPct: '99,5' }, { cookie });
  assert.equal(full.statusCode, 200, full.body.slice(0, 300));
  assert.match(full.body, /<html/);
  assert.ok(full.body.includes(dkKr(expected.levels[0]!.tariff)), `ny takst ${dkKr(expected.levels[0]!.tariff)} vises`);
  assert.match(full.body, /anbefalede maksimum på 98 %/);
  const fragment = await post(null, `/takster/${v.id}/hvis`, { _csrf: csrf, occupancyPct: 'abc' }, { cookie, 'x-ramme-fragment': '1' });
  assert.equal(fragment.statusCode, 200);
  assert.doesNotMatch(fragment.body, /<html/);
  assert.match(fragment.body, /ikke et gyldigt tal/);
  const again = await t.db.selectFrom('tariff_version').select('average_tariff').where('id', '=', v.id).executeTakeFirstOrThrow();
  assert.equal(again.average_tariff, v.average_tariff);
  // Without the CSRF token the form is refused.
  assert.equal((await post(null, `/takster/${v.id}/hvis`, { occupancyPct: '99' }, { cookie })).statusCode, 403);
});

test('the operator’s editor: prefilled history, no-JS calculation, errors kept, then saved and submitted', async () => {
  const o = await holbaekOfferingWithoutRoundTariff();
  editedOfferingId = o.id;
  const page = await get(operator, `/takster/tilbud/${o.id}/${ROUND}/ny`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`Faktisk belægning ${THIS_YEAR - 1}`));
  assert.match(page.body, /data-live-url="\/takster\/forhaandsvisning\//);
  const fields = {
    unit: 'day',
    places: String(o.places),
    occupancyPct: '96',
    'cost.salaries': '7.200.000',
    'cost.operations': '900000',
    'cost.property': '650000',
    overheadMode: 'pct',
    overheadValue: '6',
    income: '40000',
  };
  const calc = await post(operator, `/takster/tilbud/${o.id}/${ROUND}/ny`, { ...fields, handling: 'beregn' });
  assert.equal(calc.statusCode, 200);
  assert.match(calc.body, /Beregnet takst/);
  assert.equal(await t.db.selectFrom('tariff').select('id').where('offering_id', '=', o.id).where('year', '=', ROUND).executeTakeFirst(), undefined);
  const live = await post(operator, `/takster/forhaandsvisning/${o.id}/${ROUND}`, fields, { 'x-ramme-fragment': '1' });
  assert.equal(live.statusCode, 200);
  assert.doesNotMatch(live.body, /<html/);
  assert.match(live.body, /Beregnet takst/);
  const bad = await post(operator, `/takster/tilbud/${o.id}/${ROUND}/ny`, { ...fields, places: 'mange' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Der er fejl i formularen/);
  assert.match(bad.body, /value="mange"/);
  assert.match(bad.body, /href="#f-places"/);
  // All problems at once: a bad amount (schema), missing places and shares not summing to 1 (calculation).
  const all = await post(operator, `/takster/tilbud/${o.id}/${ROUND}/ny`, {
    ...fields,
    places: '',
    'cost.operations': 'mange',
    'level.0.name': 'A',
    'level.0.weight': '1',
    'level.0.share': '0,7',
  });
  assert.equal(all.statusCode, 400);
  for (const field of ['f-places', 'f-cost-operations', 'f-level-0-share']) assert.match(all.body, new RegExp(`href="#${field}"`), field);
  // Rules the schema cannot see (shares summing to 1) come back on the right field too.
  const shares = await post(operator, `/takster/tilbud/${o.id}/${ROUND}/ny`, { ...fields, 'level.0.name': 'A', 'level.0.weight': '1', 'level.0.share': '0,7' });
  assert.equal(shares.statusCode, 400);
  assert.match(shares.body, /href="#f-level-0-share"/);
  assert.match(shares.body, /value="0,7"/);
  const saved = await post(operator, `/takster/tilbud/${o.id}/${ROUND}/ny`, { ...fields, handling: 'gem', explanation: 'Ny nattevagt.' });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
  const id = Number(saved.headers.location!.split('/')[2]!.split('?')[0]);
  const detail = await get(operator, saved.headers.location!);
  assert.match(detail.body, /Kladden er gemt/);
  assert.match(detail.body, /Indsend til sekretariatet/);
  const submitted = await post(operator, `/takster/${id}/indsend`, {});
  assert.equal(submitted.statusCode, 303);
  const row = await t.db.selectFrom('tariff_version').select(['status', 'basis']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.status, 'indsendt');
  assert.equal(row.basis, '9235000.00'); // (7,200,000 + 900,000 + 650,000) × 1.06 − 40,000
});

test('a stale save of the draft editor shows the Danish message with what the operator typed, and saves nothing', async () => {
  const o = await holbaekOfferingWithoutRoundTariff();
  const fields = {
    unit: 'day',
    places: String(o.places),
    occupancyPct: '96',
    'cost.salaries': '7200000',
    'cost.operations': '900000',
    overheadMode: 'pct',
    overheadValue: '6',
    income: '40000',
  };
  const saved = await post(operator, `/takster/tilbud/${o.id}/${ROUND}/ny`, { ...fields, handling: 'gem' });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
  const id = Number(saved.headers.location!.split('/')[2]!.split('?')[0]);
  const revisionOf = (body: string) => body.match(/name="revision" value="(\d+)"/)?.[1];
  const opened = revisionOf((await get(operator, `/takster/${id}/rediger`)).body);
  assert.ok(opened, 'the editor carries the revision in a hidden field');
  // A colleague saves first.
  assert.equal((await post(operator, `/takster/${id}/rediger`, { ...fields, income: '41000', handling: 'gem', revision: opened })).statusCode, 303);
  const stored = await t.db.selectFrom('tariff_version').select(['input', 'revision']).where('id', '=', id).executeTakeFirstOrThrow();
  const stale = await post(operator, `/takster/${id}/rediger`, { ...fields, income: '45678', handling: 'gem', revision: opened });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /En anden har ændret taksten, mens du redigerede den/);
  assert.match(stale.body, /value="45678"/, 'what the operator typed is kept');
  const after = await t.db.selectFrom('tariff_version').select(['input', 'revision']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(after, stored, 'nothing is saved');
  assert.equal(revisionOf(stale.body), String(stored.revision), 'the editor shown again carries the current revision');
  assert.equal(
    (await post(operator, `/takster/${id}/rediger`, { ...fields, income: '45678', handling: 'gem', revision: String(stored.revision) })).statusCode,
    303,
  );
  assert.equal((await post(operator, `/takster/${id}/rediger`, { ...fields, handling: 'gem' })).statusCode, 400, 'a form without its revision is refused');
});

test('a flagged increase cannot be submitted without an explanation', async () => {
  const o = await holbaekOfferingWithoutRoundTariff();
  const last = await t.db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .select(['v.input'])
    .where('t.offering_id', '=', o.id)
    .where('t.year', '=', THIS_YEAR)
    .where('v.status', '=', 'offentliggjort')
    .where('v.superseded_at', 'is', null)
    .executeTakeFirstOrThrow();
  // Last year's calculation with 20 % higher salaries: a residential offering over the 5 % threshold.
  const salaries = last.input.costs.find((c) => c.category === 'salaries')!;
  const fields = {
    unit: last.input.unit,
    places: String(last.input.places),
    occupancyPct: '96',
    ...Object.fromEntries(last.input.costs.map((c) => [`cost.${c.category}`, c === salaries ? String(Math.round(Number(c.amount) * 1.2)) : c.amount])),
    overheadMode: 'pct',
    overheadValue: '6',
  };
  const saved = await post(operator, `/takster/tilbud/${o.id}/${ROUND}/ny`, { ...fields, handling: 'gem' });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
  const id = Number(saved.headers.location!.split('/')[2]!.split('?')[0]);
  assert.equal((await t.db.selectFrom('tariff_version').select('is_flagged').where('id', '=', id).executeTakeFirstOrThrow()).is_flagged, true);
  const refused = await post(operator, `/takster/${id}/indsend`, {});
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Forklar stigningen/);
  // The error links to a field on the same page, so the operator fixes it there and submits again.
  assert.match(refused.body, /href="#f-explanation"/);
  assert.match(refused.body, /<textarea[^>]*id="f-explanation"/);
  assert.match((await get(operator, `/takster/${id}`)).body, /<textarea[^>]*id="f-explanation"/);
  assert.equal((await post(operator, `/takster/${id}/indsend`, { explanation: 'To ekstra nattevagter efter tilsynsbesøg.' })).statusCode, 303);
  const row = await t.db.selectFrom('tariff_version').select(['status', 'explanation']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'indsendt', explanation: 'To ekstra nattevagter efter tilsynsbesøg.' });
});

test('a tariff can only be started for next year at the latest, with a Danish message', async () => {
  const page = await get(operator, `/takster/tilbud/${editedOfferingId}/2099/ny`);
  assert.equal(page.statusCode, 400);
  assert.match(page.body, new RegExp(`højst beregnes for næste år \\(${ROUND}\\)`));
  const posted = await post(operator, `/takster/tilbud/${editedOfferingId}/2099/ny`, {
    unit: 'day',
    places: '10',
    'cost.salaries': '1000000',
    handling: 'gem',
  });
  assert.equal(posted.statusCode, 400);
  assert.equal(await t.db.selectFrom('tariff').select('id').where('year', '=', 2099).executeTakeFirst(), undefined);
});

test('other organisations cannot open the editor', async () => {
  const o = { id: editedOfferingId };
  for (const user of ['demo-naestved', 'demo-laeser', 'demo-myndighed', 'demo-sekretariat']) {
    const s = await t.login(user);
    assert.equal((await get(s, `/takster/tilbud/${o.id}/${ROUND}/ny`)).statusCode, 403, user);
  }
  assert.equal((await get(null, `/takster/tilbud/${o.id}/${ROUND}/ny`)).statusCode, 302); // to the login page
});

test('the secretariat approves, returns with a comment and publishes through the pages', async () => {
  const home = await get(secretariat, '/takster');
  assert.match(home.body, /Til behandling \(\d+\)/);
  const queued = await t.db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .select('v.id')
    .where('v.status', '=', 'indsendt')
    .where('t.year', '=', ROUND)
    .orderBy('v.id')
    .limit(2)
    .execute();
  const [a, b] = queued;
  const noComment = await post(secretariat, `/takster/${b!.id}/returner`, { comment: '' });
  assert.equal(noComment.statusCode, 400);
  assert.match(noComment.body, /Skriv en kommentar/);
  assert.equal((await post(secretariat, `/takster/${b!.id}/returner`, { comment: 'Mangler forklaring.' })).statusCode, 303);
  // Another organisation's unpublished tariff is hidden from the operator and the reader (404).
  assert.equal((await post(operator, `/takster/${a!.id}/godkend`, {})).statusCode, 404);
  assert.equal((await post(await t.login('demo-laeser'), `/takster/${a!.id}/godkend`, {})).statusCode, 404);
  assert.equal((await post(secretariat, `/takster/${a!.id}/godkend`, {})).statusCode, 303);
  const approved = await t.db
    .selectFrom('tariff_version')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'godkendt')
    .executeTakeFirstOrThrow();
  // Publishing goes through a confirmation page with the round's status and the deadline.
  const unconfirmed = await post(secretariat, `/takster/oversigt/sjaelland/${ROUND}/offentliggoer`, {});
  assert.equal(unconfirmed.statusCode, 200, 'an unconfirmed post shows the confirmation page');
  assert.match(unconfirmed.body, /Offentliggør takstoversigten/);
  assert.equal((await get(null, `/takster/oversigt/sjaelland/${ROUND}`)).statusCode, 404);
  const confirm = await get(secretariat, `/takster/oversigt/sjaelland/${ROUND}/offentliggoer`);
  assert.equal(confirm.statusCode, 200);
  for (const label of ['Godkendt (offentliggøres nu)', 'Indsendt, ikke behandlet', 'Sendt retur', 'Ikke påbegyndt', 'Frist for indsendelse'])
    assert.ok(confirm.body.includes(label), label);
  assert.match(confirm.body, new RegExp(`1\\. december ${THIS_YEAR} \\(fristen er (ikke overskredet endnu|overskredet)\\)`));
  assert.match(confirm.body, new RegExp(`Bekræft: offentliggør ${approved.n} godkendte takster`));
  assert.equal((await get(operator, `/takster/oversigt/sjaelland/${ROUND}/offentliggoer`)).statusCode, 404);
  const published = await post(secretariat, `/takster/oversigt/sjaelland/${ROUND}/offentliggoer`, { bekraeft: 'ja' });
  assert.equal(published.statusCode, 303);
  assert.match(published.headers.location!, new RegExp(`offentliggjort=${approved.n}`));
  const overview = await get(null, `/takster/oversigt/sjaelland/${ROUND}`);
  assert.equal(overview.statusCode, 200);
  assert.ok(overview.body.includes(`/takster/${a!.id}`));
});

test('the half-yearly report groups flagged increases by socialtilsyn and municipality with explanations', async () => {
  const report = await get(secretariat, `/takster/indberetning?area=sjaelland&periode=${THIS_YEAR - 1}-2`);
  assert.equal(report.statusCode, 200);
  assert.match(report.body, /Til Socialtilsyn (Øst|Hovedstaden)/);
  assert.match(report.body, /<h3>/);
  assert.match(report.body, /Driftsherrens forklaring/);
  const csv = await t.as(secretariat, { method: 'GET', url: `/takster/indberetning/eksport.csv?area=sjaelland&periode=${THIS_YEAR - 1}-2` });
  assert.equal(csv.statusCode, 200);
  const lines = csv.body.trim().split('\r\n');
  assert.ok(lines.length > 1, 'mindst én stigning i demodata');
  assert.ok(lines.slice(1).every((l) => l.split(';').length >= 14));
  assert.equal((await get(null, '/takster/indberetning')).statusCode, 302);
  assert.equal((await get(secretariat, '/takster/indberetning?periode=nonsens')).statusCode, 404);
});

test('the steering group’s review list shows the period’s flagged increases and the figures per municipality', async () => {
  const page = await get(secretariat, `/takster/styregruppe?area=sjaelland&dato=${THIS_YEAR}-03-15`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`15\\. september ${THIS_YEAR - 1}`));
  assert.match(page.body, /Stigninger til drøftelse \([1-9]\d*\)/);
  assert.match(page.body, /Holbæk Kommune/);
  assert.match(page.body, /Til tiden/);
});

test('the rules page shows every area’s rules and the P/L index', async () => {
  const page = await get(null, '/takster/regler');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Rammeaftale Hovedstaden/);
  assert.match(page.body, /<td>6 %<\/td>/);
  assert.match(page.body, /P\/L-fremskrivning/);
  // Deadlines and meeting dates in Danish, not "01/12" or ISO.
  assert.match(page.body, /<td>1\. december året før takståret<\/td>/);
  assert.doesNotMatch(page.body, /\d\d\/\d\d|\d{4}-\d\d-\d\d/);
});

test('an offering’s tariff page asks anonymous visitors to sign in and lists only published versions to other organisations', async () => {
  const anonymous = await get(null, `/takster/tilbud/${editedOfferingId}`);
  assert.equal(anonymous.statusCode, 302);
  assert.match(String(anonymous.headers.location), /^\/login/);
  const pub = await get(await t.login('demo-laeser'), `/takster/tilbud/${editedOfferingId}`);
  assert.equal(pub.statusCode, 200);
  assert.match(pub.body, /Offentliggjort/);
  assert.doesNotMatch(pub.body, /Kladde|Indsendt/);
  const own = await get(operator, `/takster/tilbud/${editedOfferingId}`);
  assert.match(own.body, /Indsendt/);
});

test('a partial overview says how many of the area’s offerings it holds and names the rest; the publish confirmation warns first', async () => {
  const confirm = await get(secretariat, `/takster/oversigt/sjaelland/${ROUND}/offentliggoer`);
  assert.equal(confirm.statusCode, 200);
  const warned = /Oversigten vil omfatte (\d+) af områdets (\d+) tilbud\. Den er grundlaget for betaling/.exec(confirm.body);
  assert.ok(warned, 'the confirmation warns that the overview will be partial');
  assert.ok(Number(warned[1]) < Number(warned[2]));
  const published = await get(null, `/takster/oversigt/sjaelland/${THIS_YEAR}`);
  const count = /Oversigten omfatter (?:(\d+) af områdets (\d+) tilbud|alle (\d+) tilbud i området)/.exec(published.body);
  assert.ok(count, 'the published overview says how many of the area’s offerings it holds');
  if (count[1]) {
    const missing = published.body.split('<ul id="mangler">')[1]?.split('</ul>')[0]?.match(/<li>/g)?.length ?? 0;
    assert.equal(missing, Number(count[2]) - Number(count[1]), 'every missing offering is named');
  }
});
