import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';
import { callContext } from '../core/context.js';
import { documentData } from './document.service.js';

let t: TestApp;
const sessions: Record<string, Session> = {};
const html = { accept: 'text/html' };
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
const as = async (user: string | null) => (user ? (sessions[user] ??= await t.login(user)) : null);
const get = async (user: string | null, url: string) => t.as(await as(user), { method: 'GET', url, headers: html });
const post = async (user: string, url: string, fields: Record<string, string | string[]>) =>
  t.as(await as(user), { method: 'POST', url, headers: formHeaders, payload: form(fields) });
const idOf = async (title: string) => (await t.db.selectFrom('agreement').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;
const orgId = async (name: string) => (await t.db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

test('the public sees the nav item, the list and the published document with its PDF, but not drafts', async () => {
  const front = await get(null, '/');
  assert.match(front.body, /href="\/aftaler"/);
  const list = await get(null, '/aftaler');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Rammeaftale Sjælland 2025-2026/);
  assert.doesNotMatch(list.body, /2027-2028/);
  const id = await idOf('Rammeaftale Sjælland 2025-2026');
  const doc = await get(null, `/aftaler/${id}/dokument`);
  assert.equal(doc.statusCode, 200);
  for (const text of [
    'Indhold',
    'Styringsaftale',
    'Udviklingsstrategi',
    'Fælles om takster og kontrakter',
    'Procesforløb',
    '18 af 18 har godkendt',
    'aftaler.css',
  ])
    assert.ok(doc.body.includes(text), text);
  const css = await get(null, '/static/agreements/aftaler.css');
  assert.match(css.body, /@media print/);
  const pdf = await get(null, `/aftaler/${id}/aftale.pdf`);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const draft = await get(null, `/aftaler/${await idOf('Rammeaftale Sjælland 2027-2028')}`);
  assert.equal(draft.statusCode, 302);
  assert.match(String(draft.headers.location), /^\/login/);
});

test('every agreement page renders for the secretariat', async () => {
  const id = await idOf('Rammeaftale Sjælland 2025-2026');
  for (const sub of [
    '',
    '/indhold',
    '/principper',
    '/tidslinje',
    '/input',
    '/hoering',
    '/godkendelse',
    '/dokument',
    '/rediger',
    '/fokusomraader/ny',
    '/indikatorer/ny',
    '/principper/ny',
    '/afsnit/ny',
  ]) {
    const r = await get('demo-sekretariat', `/aftaler/${id}${sub}`);
    assert.equal(r.statusCode, 200, sub);
  }
  assert.equal((await get('demo-tilbudsoekonomi', `/aftaler/${id}/rediger`)).statusCode, 403);
});

test('the matrix shows colour and text, totals, and exports to Excel', async () => {
  const id = await idOf('Rammeaftale Sjælland 2025-2026');
  const r = await get('demo-laeser', `/aftaler/${id}/principper`);
  assert.match(r.body, /ramme-tone-ok/);
  assert.match(r.body, /<span class="sr-only">Implementeret<\/span>/);
  assert.match(r.body, /Implementeret pr\. medlem/);
  assert.doesNotMatch(r.body, /Meld status for/, 'a reader cannot report');
  const x = await get('demo-laeser', `/aftaler/${id}/principper/matrix.xlsx`);
  assert.equal(x.statusCode, 200);
  assert.equal(x.rawPayload.subarray(0, 2).toString(), 'PK');
});

test('a member reports its own statuses through the form; a bad date re-renders with the input kept', async () => {
  const id = await idOf('Rammeaftale Sjælland 2025-2026');
  const c = await t.db
    .selectFrom('agreement_commitment as c')
    .innerJoin('agreement_principle as p', 'p.id', 'c.principle_id')
    .select('c.id')
    .where('p.agreement_id', '=', id)
    .orderBy('c.id', 'desc')
    .executeTakeFirstOrThrow();
  const holbaek = await orgId('Holbæk Kommune');
  const bad = await post('demo-myndighed', `/aftaler/${id}/principper/status`, {
    [`status_${c.id}`]: 'i_gang',
    [`date_${c.id}`]: '2099-01-01',
    [`evidence_${c.id}`]: 'Partnerskab med fond undersøges',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Datoen kan ikke ligge i fremtiden/);
  assert.match(bad.body, /Partnerskab med fond undersøges/);
  const ok = await post('demo-myndighed', `/aftaler/${id}/principper/status`, {
    [`status_${c.id}`]: 'i_gang',
    [`date_${c.id}`]: '2026-11-20',
    [`evidence_${c.id}`]: 'Partnerskab med fond undersøges',
  });
  assert.equal(ok.statusCode, 303);
  const row = await t.db
    .selectFrom('agreement_commitment_status')
    .selectAll()
    .where('commitment_id', '=', c.id)
    .where('organisation_id', '=', holbaek)
    .executeTakeFirstOrThrow();
  assert.deepEqual([row.status, row.status_date, row.updated_by], ['i_gang', '2026-11-20', 'demo-myndighed']);
  assert.equal((await get('demo-laeser', `/aftaler/${id}/principper/status`)).statusCode, 403);
  assert.equal((await get('demo-sekretariat', `/aftaler/${id}/principper/status`)).statusCode, 403);
});

test('a milestone outside the agreement is refused with a Danish message and nothing saved; a form without CSRF is refused', async () => {
  const id = await idOf('Rammeaftale Sjælland 2027-2028');
  const count = async () => (await t.db.selectFrom('agreement_milestone').select('id').where('agreement_id', '=', id).execute()).length;
  const before = await count();
  const r = await post('demo-sekretariat', `/aftaler/${id}/milepaele`, { 'm.dueOn': '2030-01-01', 'm.title': 'Langt ude i fremtiden', 'm.status': 'planlagt' });
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /uden for aftalens forløb/);
  assert.match(r.body, /value="Langt ude i fremtiden"/);
  assert.equal(await count(), before);
  const s = await as('demo-sekretariat');
  const noCsrf = await t.app.inject({
    method: 'POST',
    url: `/aftaler/${id}/milepaele`,
    headers: { ...formHeaders, cookie: s!.cookie },
    payload: form({ 'm.dueOn': '2026-12-01', 'm.title': 'X' }),
  });
  assert.equal(noCsrf.statusCode, 403);
  const ok = await post('demo-sekretariat', `/aftaler/${id}/milepaele`, { 'm.dueOn': '2026-12-01', 'm.title': 'Styregruppemøde', 'm.status': 'planlagt' });
  assert.equal(ok.statusCode, 303);
  assert.equal(await count(), before + 1);
});

test('hearing through the pages: version, comment on a section, answer, version 2 links the comment, approvals one by one', async () => {
  const id = await idOf('Rammeaftale Sjælland 2027-2028');
  assert.equal((await post('demo-sekretariat', `/aftaler/${id}/versioner`, { changelog: 'Høringsudkast' })).statusCode, 303);
  const v1 = await t.db.selectFrom('agreement_version').select('id').where('agreement_id', '=', id).orderBy('number', 'desc').executeTakeFirstOrThrow();
  assert.equal((await post('demo-sekretariat', `/aftaler/${id}/status`, { status: 'i_hoering', hearingUntil: '2099-12-31' })).statusCode, 303);
  const missing = await post('demo-naestved', `/aftaler/${id}/versioner/${v1.id}/hoeringssvar`, { sectionKey: 'fokus-42', text: 'Et svar der skal bevares' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /findes ikke i version 1/);
  assert.match(missing.body, /Et svar der skal bevares/);
  const ok = await post('demo-naestved', `/aftaler/${id}/versioner/${v1.id}/hoeringssvar`, { sectionKey: 'fokus-2', text: 'Husk de 18-22-årige.' });
  assert.equal(ok.statusCode, 303);
  const c = await t.db.selectFrom('agreement_hearing_comment').select('id').where('version_id', '=', v1.id).executeTakeFirstOrThrow();
  assert.equal(
    (await post('demo-sekretariat', `/aftaler/${id}/hoeringssvar/${c.id}`, { response: 'delvist_taget_ind', responseReason: 'Efterværn er nævnt.' }))
      .statusCode,
    303,
  );
  assert.equal(
    (await post('demo-sekretariat', `/aftaler/${id}/versioner`, { changelog: 'Efterværn tilføjet.', addressedCommentIds: [String(c.id)] })).statusCode,
    303,
  );
  const v2 = await t.db.selectFrom('agreement_version').select('id').where('agreement_id', '=', id).orderBy('number', 'desc').executeTakeFirstOrThrow();
  const page = await get('demo-naestved', `/aftaler/${id}/versioner/${v2.id}`);
  assert.match(page.body, new RegExp(`#hoeringssvar-${c.id}"`));
  assert.equal((await post('demo-sekretariat', `/aftaler/${id}/status`, { status: 'til_godkendelse', closeHearingEarly: 'on' })).statusCode, 303);
  const members = await t.db
    .selectFrom('agreement_area_member as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .innerJoin('agreement', 'agreement.area_id', 'm.area_id')
    .select(['o.id', 'o.name'])
    .where('agreement.id', '=', id)
    .where('m.valid_from', '<=', '2027-01-01')
    .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>=', '2027-01-01')]))
    .where('o.kind', 'in', ['municipality', 'region'])
    .execute();
  const naestved = members.find((m) => m.name === 'Næstved Kommune')!;
  assert.equal(
    (await post('demo-naestved', `/aftaler/${id}/godkendelse/${naestved.id}`, { decision: 'godkendt', decidedOn: '2026-11-19', reference: 'Byrådet' }))
      .statusCode,
    303,
  );
  assert.match((await get('demo-naestved', `/aftaler/${id}/godkendelse`)).body, /1 af 18 har godkendt/);
  assert.equal(
    (
      await post('demo-naestved', `/aftaler/${id}/godkendelse/${members.find((m) => m.name === 'Holbæk Kommune')!.id}`, {
        decision: 'godkendt',
        decidedOn: '2026-11-19',
      })
    ).statusCode,
    403,
  );
  for (const m of members.filter((x) => x.id !== naestved.id)) {
    assert.equal((await post('demo-sekretariat', `/aftaler/${id}/godkendelse/${m.id}`, { decision: 'godkendt', decidedOn: '2026-11-20' })).statusCode, 303);
  }
  const overview = await get('demo-naestved', `/aftaler/${id}`);
  assert.match(overview.body, /18 af 18 har godkendt/);
  assert.match(overview.body, /ramme-tone-ok">Godkendt</);
});

test('input round through the pages: votes over the allowance are refused and shown in Danish', async () => {
  const id = await idOf('Rammeaftale Sjælland 2027-2028');
  const r = await post('demo-sekretariat', `/aftaler/${id}/input`, {
    title: 'Prioritering',
    kind: 'workshop',
    heldOn: '2026-11-10',
    template: 'frie',
    questions: 'To budskaber til styregruppen',
    candidates: 'A\nB\nC',
    voteAllowance: '2',
  });
  assert.equal(r.statusCode, 303);
  const roundUrl = String(r.headers.location);
  const g = await post('demo-sekretariat', `${roundUrl}/grupper`, { name: 'Bord 1', kind: 'bord' });
  assert.equal(g.statusCode, 303);
  const groupUrl = String(g.headers.location);
  const cands = await t.db.selectFrom('agreement_input_candidate').select('id').orderBy('id', 'desc').limit(3).execute();
  const over = await post('demo-sekretariat', `${groupUrl}/stemmer`, Object.fromEntries(cands.map((c) => [`vote_${c.id}`, '1'])));
  assert.equal(over.statusCode, 400);
  assert.match(over.body, /fordelt 3 stemmer, men hver deltager har kun 2/);
  const q = await t.db.selectFrom('agreement_input_question').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal((await post('demo-sekretariat', `${groupUrl}/svar`, { [`answer_${q.id}`]: 'Klare mandater' })).statusCode, 303);
  const side = await get('demo-laeser', `${roundUrl}/spoergsmaal/${q.id}`);
  assert.match(side.body, /Klare mandater/);
  const xlsx = await get('demo-laeser', `${roundUrl}/svar.xlsx`);
  assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
});

test('every link on the overview leads somewhere (no 404), for the public and for the secretariat', async () => {
  const id = await idOf('Rammeaftale Sjælland 2025-2026');
  for (const user of [null, 'demo-sekretariat']) {
    const page = await get(user, `/aftaler/${id}`);
    assert.equal(page.statusCode, 200);
    const hrefs = [...new Set([...page.body.matchAll(/href="(\/[^"#]*)/g)].map((m) => m[1]!.replaceAll('&amp;', '&')))];
    assert.ok(hrefs.includes(`/aftaler/${id}/aftale.pdf`), 'the PDF link points at the PDF route');
    for (const href of hrefs) {
      const r = await get(user, href);
      assert.notEqual(r.statusCode, 404, `${user ?? 'public'}: ${href}`);
      assert.ok(r.statusCode < 500, `${user ?? 'public'}: ${href} gave ${r.statusCode}`);
    }
  }
});

/** A fresh agreement of the secretariat's own area with one published version, ready to be sent to hearing. */
const newAgreementWithVersion = async (title: string) => {
  const created = await post('demo-sekretariat', '/aftaler/ny', { title, periodStart: '2029-01-01', periodEnd: '2030-12-31', preparationStart: '2026-01-01' });
  assert.equal(created.statusCode, 303);
  const id = await idOf(title);
  assert.equal(
    (await post('demo-sekretariat', `/aftaler/${id}/afsnit/ny`, { number: '1', title: 'Indledning', body: 'Aftalen gælder for hele området.' })).statusCode,
    303,
  );
  assert.equal((await post('demo-sekretariat', `/aftaler/${id}/versioner`, { changelog: 'Første udkast' })).statusCode, 303);
  return id;
};

test('a status change refused for a past hearing deadline re-renders with the chosen status, the date and the note kept', async () => {
  const id = await newAgreementWithVersion('Statusformular 2029-2030');
  const r = await post('demo-sekretariat', `/aftaler/${id}/status`, { status: 'i_hoering', hearingUntil: '2020-01-01', note: 'Sendt til alle kommuner' });
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /Høringsfristen kan ikke ligge før i dag/);
  assert.match(r.body, /name="hearingUntil" type="date" value="2020-01-01"/);
  assert.match(r.body, /value="Sendt til alle kommuner"/);
  assert.match(r.body, /<option value="i_hoering" selected/);
  assert.equal((await t.db.selectFrom('agreement').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'under_udarbejdelse');
});

test('hearing pages name the section a comment is about by its label and title, never by its technical key', async () => {
  const id = await idOf('Rammeaftale Sjælland 2025-2026');
  const comments = await t.db
    .selectFrom('agreement_hearing_comment as c')
    .innerJoin('agreement_version as v', 'v.id', 'c.version_id')
    .select(['c.id', 'c.addressed_in_version_id'])
    .where('v.agreement_id', '=', id)
    .orderBy('c.id')
    .execute();
  assert.ok(comments.length > 0);
  const key = /(afsnit|fokus|princip)-\d+/;
  const answer = await get('demo-sekretariat', `/aftaler/${id}/hoeringssvar/${comments[0]!.id}`);
  assert.equal(answer.statusCode, 200);
  assert.match(answer.body, /<\/strong> om (Afsnit \d+|.*fokusområde \d+|Fælleskommunalt princip \d+): [^<]+ i version \d+:/);
  assert.doesNotMatch(answer.body, new RegExp(`</strong> om ${key.source}`));
  const list = await get('demo-laeser', `/aftaler/${id}/hoering`);
  assert.doesNotMatch(list.body, new RegExp(`<td>Version \\d+: ${key.source}`));
  const addressedIn = comments.find((c) => c.addressed_in_version_id)!.addressed_in_version_id!;
  const version = await get('demo-laeser', `/aftaler/${id}/versioner/${addressedIn}`);
  assert.match(version.body, /\(version \d+, [^)]+: [^)]+\)/);
  assert.doesNotMatch(version.body, new RegExp(`\\(version \\d+, ${key.source}\\)`));
});

test('focus areas come in number order in the document, its PDF data and the content editor', async () => {
  const id = await idOf('Rammeaftale Sjælland 2025-2026');
  const numbersIn = (html: string) => [...html.matchAll(/<h3[^>]*>\s*Fokusområde (\d+):/g)].map((m) => Number(m[1]));
  assert.deepEqual(numbersIn((await get(null, `/aftaler/${id}/dokument`)).body), [1, 2, 3]);
  assert.deepEqual(numbersIn((await get('demo-sekretariat', `/aftaler/${id}/indhold`)).body), [1, 2, 3]);
  const d = await documentData(callContext(t.ctx, null), id);
  assert.deepEqual(
    d.parts.flatMap((p) => p.focusAreas.map((f) => f.number)),
    [1, 2, 3],
    'the PDF is drawn from the same parts',
  );
});

test('one version is "1 version", not "1 versioner"', async () => {
  const id = await newAgreementWithVersion('Ental 2029-2030');
  const hearing = await get('demo-sekretariat', `/aftaler/${id}/hoering`);
  assert.match(hearing.body, /<caption>1 version af aftaleteksten<\/caption>/);
  assert.doesNotMatch(hearing.body, /\b1 versioner\b/);
  assert.match((await get('demo-sekretariat', `/aftaler/${id}/dokument`)).body, /udgivet i 1 version;/);
});

test('a council decision dated before the work on the agreement started, or in the future, is refused in Danish and nothing is saved', async () => {
  const id = await newAgreementWithVersion('Beslutningsdato 2029-2030');
  assert.equal((await post('demo-sekretariat', `/aftaler/${id}/status`, { status: 'til_godkendelse' })).statusCode, 303);
  const naestved = await orgId('Næstved Kommune');
  const saved = async () => (await t.db.selectFrom('agreement_approval').select('organisation_id').where('agreement_id', '=', id).execute()).length;
  const old = await post('demo-naestved', `/aftaler/${id}/godkendelse/${naestved}`, { decision: 'godkendt', decidedOn: '1999-03-01', reference: 'Byrådet' });
  assert.equal(old.statusCode, 400);
  assert.match(old.body, /Beslutningsdatoen kan ikke ligge før arbejdet med aftalen startede/);
  const future = await post('demo-naestved', `/aftaler/${id}/godkendelse/${naestved}`, { decision: 'godkendt', decidedOn: '2099-03-01', reference: 'Byrådet' });
  assert.equal(future.statusCode, 400);
  assert.match(future.body, /Beslutningsdatoen kan ikke ligge i fremtiden/);
  assert.equal(await saved(), 0);
  assert.equal(
    (await post('demo-naestved', `/aftaler/${id}/godkendelse/${naestved}`, { decision: 'godkendt', decidedOn: '2026-11-20', reference: 'Byrådet' })).statusCode,
    303,
  );
  assert.equal(await saved(), 1);
});

test('a reader is invited only to read the version in hearing and told who can comment; a member is invited to comment', async () => {
  const id = await newAgreementWithVersion('Læseadgang 2029-2030');
  assert.equal((await post('demo-sekretariat', `/aftaler/${id}/status`, { status: 'i_hoering', hearingUntil: '2099-12-31' })).statusCode, 303);
  const reader = await get('demo-laeser', `/aftaler/${id}/hoering`);
  assert.match(reader.body, />Læs version 1<\/a>/);
  assert.doesNotMatch(reader.body, /og afgiv høringssvar/);
  assert.match(reader.body, /Høringssvar afgives af brugere med en anden rolle end Læser/);
  const vid = (await t.db.selectFrom('agreement_version').select('id').where('agreement_id', '=', id).executeTakeFirstOrThrow()).id;
  const version = await get('demo-laeser', `/aftaler/${id}/versioner/${vid}`);
  assert.doesNotMatch(version.body, /Send høringssvar/);
  assert.match(version.body, /Du har rollen Læser og kan derfor ikke afgive høringssvar/);
  const member = await get('demo-naestved', `/aftaler/${id}/hoering`);
  assert.match(member.body, />Læs version 1 og afgiv høringssvar<\/a>/);
  assert.doesNotMatch(member.body, /rollen Læser/);
  assert.match((await get('demo-naestved', `/aftaler/${id}/versioner/${vid}`)).body, /Send høringssvar/);
});

test('an anonymous reader of a published agreement is never offered a link to an indicator page, which needs sign-in; a signed-in reader is', async () => {
  const id = await idOf('Rammeaftale Sjælland 2025-2026');
  for (const page of ['indhold', 'principper', 'dokument']) {
    const anonymous = await get(null, `/aftaler/${id}/${page}`);
    assert.equal(anonymous.statusCode, 200, page);
    assert.doesNotMatch(anonymous.body, /\/indikatorer\//, `${page} links to an indicator page for an anonymous reader`);
  }
  const anonymousContent = await get(null, `/aftaler/${id}/indhold`);
  const reader = await get('demo-laeser', `/aftaler/${id}/indhold`);
  assert.match(reader.body, /href="\/aftaler\/\d+\/indikatorer\/\d+"/);
  const linked = reader.body.match(/href="(\/aftaler\/\d+\/indikatorer\/\d+)"/)![1]!;
  assert.equal((await get('demo-laeser', linked)).statusCode, 200);
  // The names stay readable for everyone.
  const name = (await t.db.selectFrom('agreement_indicator').select('name').where('agreement_id', '=', id).executeTakeFirstOrThrow()).name;
  assert.ok(anonymousContent.body.includes(name.replace(/&/g, '&amp;')) || anonymousContent.body.includes(name));
});

test('content edits carry a version: a stale form shows the Danish message with the input kept and saves nothing; the API answers 412', async () => {
  const id = await idOf('Rammeaftale Sjælland 2027-2028');
  assert.equal((await post('demo-sekretariat', `/aftaler/${id}/afsnit/ny`, { number: '42', title: 'Versioner', body: 'Første tekst.' })).statusCode, 303);
  const section = await t.db.selectFrom('agreement_section').selectAll().where('agreement_id', '=', id).where('number', '=', 42).executeTakeFirstOrThrow();
  const url = `/aftaler/${id}/afsnit/${section.id}`;
  const versionOf = (body: string) => body.match(/name="version" value="(\d+)"/)?.[1];
  const opened = versionOf((await get('demo-sekretariat', url)).body);
  assert.equal(opened, String(section.version), 'the edit form carries the version');
  // A colleague saves first.
  assert.equal((await post('demo-sekretariat', url, { number: '42', title: 'Versioner', body: 'Kollegaens tekst.', version: opened! })).statusCode, 303);
  const audited = async () =>
    (await t.db.selectFrom('audit_log').select('id').where('entity', '=', 'agreement_section').where('entity_id', '=', String(section.id)).execute()).length;
  const logged = await audited();
  const stale = await post('demo-sekretariat', url, { number: '42', title: 'Versioner', body: 'Min egen tekst.', version: opened! });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /En anden har ændret indholdet, mens du redigerede det/);
  assert.match(stale.body, /Min egen tekst\./, 'what the user typed is kept');
  const stored = await t.db.selectFrom('agreement_section').selectAll().where('id', '=', section.id).executeTakeFirstOrThrow();
  assert.equal(stored.body, 'Kollegaens tekst.', 'nothing is saved');
  assert.equal(await audited(), logged);
  assert.equal(versionOf(stale.body), String(stored.version), 'the form shown again carries the current version');
  assert.equal(
    (await post('demo-sekretariat', url, { number: '42', title: 'Versioner', body: 'Min egen tekst.', version: String(stored.version) })).statusCode,
    303,
  );
  assert.equal((await post('demo-sekretariat', url, { number: '42', title: 'Versioner', body: 'Uden version.' })).statusCode, 400);

  // The API: the version of each content row is in the agreement, and If-Match on a change is honoured.
  const s = await as('demo-sekretariat');
  const agreement = (await t.as(s, { method: 'GET', url: `/api/agreements/${id}` })).json();
  const fa = agreement.focusAreas[0];
  assert.equal(typeof fa.version, 'number');
  const payload = {
    part: fa.part,
    number: fa.number,
    title: `${fa.title} (rettet)`,
    goal: fa.goal,
    content: fa.content,
    desiredResults: fa.desiredResults,
    responsible: fa.responsible,
  };
  const put = (ifMatch: string) => t.as(s, { method: 'PUT', url: `/api/agreements/${id}/focus-areas/${fa.id}`, headers: { 'if-match': ifMatch }, payload });
  const [a, b] = await Promise.all([put(`"${fa.version}"`), put(`"${fa.version}"`)]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 412], `${a.body} ${b.body}`);
  assert.match((a.statusCode === 412 ? a : b).json().error, /En anden har ændret aftalens indhold/);

  // The agreement's own fields: the edit form carries the agreement's version; a change through the API makes it stale.
  const edit = await get('demo-sekretariat', `/aftaler/${id}/rediger`);
  const own = versionOf(edit.body);
  assert.equal(own, String(agreement.version));
  const fields = { title: agreement.title, periodStart: agreement.periodStart, periodEnd: agreement.periodEnd, preparationStart: agreement.preparationStart };
  const api = await t.as(s, {
    method: 'PUT',
    url: `/api/agreements/${id}`,
    headers: { 'if-match': `"${own}"` },
    payload: { ...fields, summary: 'Rettet i API.' },
  });
  assert.equal(api.statusCode, 200, api.body);
  const late = await post('demo-sekretariat', `/aftaler/${id}/rediger`, { ...fields, title: 'Min titel 2027-2028', summary: '', version: own! });
  assert.equal(late.statusCode, 409);
  assert.match(late.body, /value="Min titel 2027-2028"/);
  assert.equal((await t.db.selectFrom('agreement').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title, agreement.title);
});
