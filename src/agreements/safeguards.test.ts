/**
 * Safeguards in the agreement cycle a new user relies on: a hearing is not closed before its deadline without a
 * confirmation; publishing needs a confirmation page that says who will see it and how far the approval has
 * come; a milestone tied to a status change completes with it; the pages offer only the actions that fit the
 * status and the actor; and hearing responses are numbered per hearing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
const sessions: Record<string, Session> = {};
const html = { accept: 'text/html' };
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
const as = async (user: string) => (sessions[user] ??= await t.login(user));
const get = async (user: string | null, url: string) => t.as(user ? await as(user) : null, { method: 'GET', url, headers: html });
const post = async (user: string, url: string, fields: Record<string, string | string[]>) =>
  t.as(await as(user), { method: 'POST', url, headers: formHeaders, payload: form(fields) });
const idOf = async (title: string) => (await t.db.selectFrom('agreement').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;
const statusOf = async (id: number) => await t.db.selectFrom('agreement').select(['status', 'is_public']).where('id', '=', id).executeTakeFirstOrThrow();

before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

/** A fresh agreement with one version, sent into hearing until the end of the year (the test clock stands at 1 December 2026). */
async function agreementInHearing(title: string): Promise<number> {
  assert.equal(
    (await post('demo-sekretariat', '/aftaler/ny', { title, periodStart: '2029-01-01', periodEnd: '2030-12-31', preparationStart: '2026-01-01' })).statusCode,
    303,
  );
  const id = await idOf(title);
  assert.equal(
    (await post('demo-sekretariat', `/aftaler/${id}/afsnit/ny`, { number: '1', title: 'Indledning', body: 'Aftalen gælder hele området.' })).statusCode,
    303,
  );
  assert.equal((await post('demo-sekretariat', `/aftaler/${id}/versioner`, { changelog: 'Første udkast' })).statusCode, 303);
  assert.equal((await post('demo-sekretariat', `/aftaler/${id}/status`, { status: 'i_hoering', hearingUntil: '2026-12-31' })).statusCode, 303);
  return id;
}

test('sending an agreement for approval before the hearing deadline needs a confirmation that responses close early', async () => {
  const id = await agreementInHearing('Tidlig lukning 2029-2030');
  const overview = await get('demo-sekretariat', `/aftaler/${id}`);
  assert.match(overview.body, /Aftalen er i høring til og med 31\. december 2026/);
  assert.match(overview.body, /name="closeHearingEarly"/);
  const refused = await post('demo-sekretariat', `/aftaler/${id}/status`, { status: 'til_godkendelse', note: 'Videre' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Høringsfristen er 31\. december 2026\. Bekræft, at høringen lukkes før fristen/);
  assert.match(refused.body, /href="#closeHearingEarly"|href="#[^"]*closeHearingEarly/);
  assert.equal((await statusOf(id)).status, 'i_hoering', 'the hearing stays open');
  const back = await post('demo-sekretariat', `/aftaler/${id}/status`, { status: 'under_udarbejdelse' });
  assert.equal(back.statusCode, 400, 'going back to drafting also closes the hearing');
  const confirmed = await post('demo-sekretariat', `/aftaler/${id}/status`, { status: 'til_godkendelse', closeHearingEarly: 'on' });
  assert.equal(confirmed.statusCode, 303);
  assert.equal((await statusOf(id)).status, 'til_godkendelse');
});

test('publishing goes through a confirmation page that says everyone will see it and that it is not approved (N af M)', async () => {
  const id = await agreementInHearing('Offentliggørelse 2029-2030');
  const overview = await get('demo-sekretariat', `/aftaler/${id}`);
  assert.match(overview.body, new RegExp(`<a class="button button-secondary" href="/aftaler/${id}/offentliggoerelse">Offentliggør aftalen</a>`));
  const page = await get('demo-sekretariat', `/aftaler/${id}/offentliggoerelse`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /kan alle læse den, også borgere og andre, der ikke er logget ind/);
  assert.match(page.body, /Aftalen er ikke godkendt: 0 af 18 har godkendt\./);
  const unconfirmed = await post('demo-sekretariat', `/aftaler/${id}/offentliggoerelse`, { isPublic: 'true' });
  assert.equal(unconfirmed.statusCode, 400);
  assert.match(unconfirmed.body, /Bekræft, at aftalen skal kunne ses af alle/);
  assert.equal((await statusOf(id)).is_public, false, 'nothing published without the confirmation');
  const done = await post('demo-sekretariat', `/aftaler/${id}/offentliggoerelse`, { isPublic: 'true', isConfirmed: 'on' });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, `/aftaler/${id}?besked=offentliggjort`);
  assert.equal((await statusOf(id)).is_public, true);
  assert.match((await get('demo-sekretariat', String(done.headers.location))).body, /Aftalen er offentliggjort/);
  assert.equal((await get(null, `/aftaler/${id}`)).statusCode, 200, 'anonymous visitors now read it');
  assert.equal((await get('demo-naestved', `/aftaler/${id}/offentliggoerelse`)).statusCode, 403, 'only the secretariat');
});

test('a milestone tied to going into hearing is completed by the status change, not left overdue', async () => {
  const id = await idOf('Rammeaftale Sjælland 2027-2028');
  const milestone = () =>
    t.db
      .selectFrom('agreement_milestone')
      .select(['status', 'completed_on'])
      .where('agreement_id', '=', id)
      .where('title', '=', 'Udkast klar til høring')
      .executeTakeFirstOrThrow();
  assert.equal((await milestone()).status, 'planlagt');
  assert.match((await get('demo-sekretariat', `/aftaler/${id}`)).body, /Forsinkede milepæle<\/dt>\s*<dd[^>]*>1: Udkast klar til høring/);
  assert.equal((await post('demo-sekretariat', `/aftaler/${id}/versioner`, { changelog: 'Høringsudkast' })).statusCode, 303);
  assert.equal((await post('demo-sekretariat', `/aftaler/${id}/status`, { status: 'i_hoering', hearingUntil: '2026-12-31' })).statusCode, 303);
  assert.deepEqual(await milestone(), { status: 'gennemfoert', completed_on: '2026-12-01' });
  assert.doesNotMatch((await get('demo-sekretariat', `/aftaler/${id}`)).body, /1: Udkast klar til høring/);
  const audited = await t.db.selectFrom('audit_log').select('id').where('entity', '=', 'agreement_milestone').where('action', '=', 'update').execute();
  assert.ok(audited.length >= 1, 'the completion is audited');
});

test('a milestone can be tied to a status change in the form', async () => {
  const id = await agreementInHearing('Milepælskobling 2029-2030');
  const saved = await post('demo-sekretariat', `/aftaler/${id}/milepaele`, {
    'm.dueOn': '2026-11-01',
    'm.title': 'Sendt til godkendelse',
    'm.completesOnStatus': 'til_godkendelse',
  });
  assert.equal(saved.statusCode, 303);
  assert.match((await get('demo-sekretariat', `/aftaler/${id}/tidslinje`)).body, /gennemføres, når aftalen sendes til godkendelse/);
  assert.equal((await post('demo-sekretariat', `/aftaler/${id}/status`, { status: 'til_godkendelse', closeHearingEarly: 'on' })).statusCode, 303);
  const m = await t.db.selectFrom('agreement_milestone').select('status').where('agreement_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(m.status, 'gennemfoert');
});

test('an approved agreement offers no new version, and publishing one is refused', async () => {
  const id = await idOf('Rammeaftale Sjælland 2025-2026');
  const page = await get('demo-sekretariat', `/aftaler/${id}/hoering`);
  assert.doesNotMatch(page.body, /Udgiv version \d/);
  assert.match(page.body, /der udgives ikke flere versioner/);
  const refused = await post('demo-sekretariat', `/aftaler/${id}/versioner`, { changelog: 'Ny tekst' });
  assert.equal(refused.statusCode, 409);
});

test('the secretariat is not offered to comment on its own hearing, and its comment is refused', async () => {
  const id = await agreementInHearing('Egen høring 2029-2030');
  const version = await t.db.selectFrom('agreement_version').select('id').where('agreement_id', '=', id).executeTakeFirstOrThrow();
  const hearing = await get('demo-sekretariat', `/aftaler/${id}/hoering`);
  assert.doesNotMatch(hearing.body, /afgiv høringssvar/);
  assert.match(hearing.body, /Sekretariatet besvarer høringssvarene/);
  const versionPage = await get('demo-sekretariat', `/aftaler/${id}/versioner/${version.id}`);
  assert.doesNotMatch(versionPage.body, /Afgiv høringssvar/);
  const refused = await post('demo-sekretariat', `/aftaler/${id}/versioner/${version.id}/hoeringssvar`, { sectionKey: 'afsnit-1', text: 'Eget svar' });
  assert.equal(refused.statusCode, 403);
  assert.match((await get('demo-naestved', `/aftaler/${id}/versioner/${version.id}`)).body, /Afgiv høringssvar/, 'members still comment');
});

test('hearing responses are numbered per hearing: the first response of a new hearing is nr. 1', async () => {
  const id = await agreementInHearing('Nummerering 2029-2030');
  const version = await t.db.selectFrom('agreement_version').select('id').where('agreement_id', '=', id).executeTakeFirstOrThrow();
  const before = await t.db.selectFrom('agreement_hearing_comment').select('id').execute();
  assert.ok(before.length > 0, 'the seed has responses on other agreements');
  for (const [user, text] of [
    ['demo-naestved', 'Første svar'],
    ['demo-naestved', 'Andet svar'],
  ] as const)
    assert.equal((await post(user, `/aftaler/${id}/versioner/${version.id}/hoeringssvar`, { sectionKey: 'afsnit-1', text })).statusCode, 303);
  const page = await get('demo-sekretariat', `/aftaler/${id}/hoering`);
  assert.match(page.body, /<tr id="hoeringssvar-\d+"><td>1<\/td>[\s\S]*Første svar/);
  assert.match(page.body, /<tr id="hoeringssvar-\d+"><td>2<\/td>[\s\S]*Andet svar/);
  const first = await t.db.selectFrom('agreement_hearing_comment').select('id').where('text', '=', 'Første svar').executeTakeFirstOrThrow();
  assert.match((await get('demo-sekretariat', `/aftaler/${id}/hoeringssvar/${first.id}`)).body, /<h1>Besvar høringssvar nr\. 1<\/h1>/);
});

test('generated texts carry Danish dates, never ISO dates: version texts, council references, refusals', async () => {
  const id = await idOf('Rammeaftale Sjælland 2025-2026');
  const versions = await t.db.selectFrom('agreement_version').select('content').where('agreement_id', '=', id).execute();
  const text = versions.flatMap((v) => v.content.map((s) => s.text)).join('\n');
  assert.match(text, /gælder fra \d{1,2}\. [a-z]+ \d{4}/);
  assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/);
  const refs = await t.db.selectFrom('agreement_approval').select('reference').where('agreement_id', '=', id).execute();
  assert.ok(refs.length > 0);
  for (const r of refs) assert.doesNotMatch(r.reference ?? '', /\d{4}-\d{2}-\d{2}/, String(r.reference));
  const approval = await get(null, `/aftaler/${id}/godkendelse`);
  assert.match(approval.body, /Byrådets møde \d{1,2}\. [a-z]+ \d{4}, punkt \d+/);
  const milestone = await post('demo-sekretariat', `/aftaler/${id}/milepaele`, { 'm.dueOn': '2030-01-01', 'm.title': 'For sent' });
  assert.equal(milestone.statusCode, 400);
  assert.match(milestone.body, /uden for aftalens forløb \(\d{1,2}\. [a-z]+ \d{4} – 31\. december 2026\)/);
});

test('the principles workbook carries Danish status labels (the code in an extra column) and real date cells', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const id = await idOf('Rammeaftale Sjælland 2025-2026');
  const x = await get('demo-laeser', `/aftaler/${id}/principper/matrix.xlsx`);
  assert.equal(x.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  const detail = wb.getWorksheet('Status pr. medlem')!;
  assert.deepEqual((detail.getRow(1).values as unknown[]).slice(1), [
    'Tilsagn',
    'Afgrænsning',
    'Gælder fra',
    'Medlem',
    'Status',
    'Dato',
    'Dokumentation',
    'Statuskode',
  ]);
  const labels = new Set(['Implementeret', 'I gang', 'Ikke startet', 'Ikke relevant', 'Ikke angivet']);
  let dated = 0;
  detail.eachRow((row, n) => {
    if (n === 1) return;
    assert.ok(row.getCell(3).value instanceof Date, `row ${n}: Gælder fra is a date cell`);
    assert.equal(row.getCell(3).numFmt, 'dd-mm-yyyy');
    assert.ok(labels.has(String(row.getCell(5).value)), `row ${n}: ${row.getCell(5).value}`);
    const date = row.getCell(6).value;
    if (date !== null && date !== '') {
      assert.ok(date instanceof Date, `row ${n}: Dato is a date cell`);
      dated++;
    }
  });
  assert.ok(dated > 0);
  const first = detail.getRow(2);
  assert.match(String(first.getCell(8).value), /^[a-z_]+$/, 'the status code stays in its own column');
});
