/**
 * The central announcements' pages as their users rely on them, on the demo data: the list searches past
 * announcements; the announcement page shows questions and areas and offers a municipality its answer form; the
 * secretariat's area overview shows who has answered with the answers as annexes; the forms register an
 * announcement, answer it (a stale version shows the form again with 412), compile the report and send it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../core/clock.js';
import { createTestApp, form, type Session, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let secretariat: Session;
let holbaek: Session;
let naestved: Session;
let reader: Session;

before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-01T10:00:00Z') });
  secretariat = await t.login('demo-sekretariat');
  holbaek = await t.login('demo-myndighed');
  naestved = await t.login('demo-naestved');
  reader = await t.login('demo-laeser');
});
after(() => t.close());

const page = (s: Session | null, url: string) => t.as(s, { method: 'GET', url, headers: { accept: 'text/html' } });
const post = (s: Session, url: string, fields: Record<string, string | string[]>) =>
  t.as(s, { method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: s.csrf, ...fields }) });
const announcementId = async (title: string) =>
  (await t.db.selectFrom('coop_announcement').select('id').where('title', 'like', `${title}%`).executeTakeFirstOrThrow()).id;

describe('reading', () => {
  it('lists the announcements and finds a past one by the text of its answers', async () => {
    const all = await page(reader, '/samarbejde/udmeldinger');
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /punktskrift- og tegnsprogsindsatser/);
    assert.match(all.body, /udviklingshæmning og dom/);
    const found = await page(reader, '/samarbejde/udmeldinger?q=landsdækkende%20videnscenter');
    assert.match(found.body, /punktskrift/);
    assert.doesNotMatch(found.body, /spiseforstyrrelser/);
    const open = await page(reader, '/samarbejde/udmeldinger?status=aaben&year=2026&area=sjaelland');
    assert.match(open.body, /spiseforstyrrelser/);
    assert.doesNotMatch(open.body, /punktskrift/);
    assert.match((await page(reader, '/samarbejde')).body, /href="\/samarbejde\/udmeldinger"/);
  });

  it('shows the extended deadline and the joint answer, and offers a municipality its answer form', async () => {
    const dom = await page(reader, `/samarbejde/udmeldinger/${await announcementId('Central udmelding om borgere med udviklingshæmning')}`);
    assert.equal(dom.statusCode, 200);
    assert.match(dom.body, /31\.12\.2024|31\. december 2024/);
    assert.match(dom.body, /Nationalt fællessvar/);
    assert.doesNotMatch(dom.body, /Besvar udmeldingen/);
    const open = await page(holbaek, `/samarbejde/udmeldinger/${await announcementId('Central udmelding om børn og unge')}`);
    assert.match(open.body, /Besvar udmeldingen for Holbæk/);
  });

  it("shows the secretariat's overview with the matrix and the annexes", async () => {
    const res = await page(secretariat, `/samarbejde/udmeldinger/${await announcementId('Central udmelding om børn og unge')}/omraader/sjaelland`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Kommunernes svar pr\. spørgsmål/);
    assert.match(res.body, /Bilag 1:/);
    assert.match(res.body, /Gem afrapporteringen/);
    const asReader = await page(reader, `/samarbejde/udmeldinger/${await announcementId('Central udmelding om børn og unge')}/omraader/sjaelland`);
    assert.doesNotMatch(asReader.body, /Gem afrapporteringen/);
  });
});

describe('the forms', () => {
  it('registers an announcement, answers it, compiles and sends the report', async () => {
    const created = await post(secretariat, '/samarbejde/udmeldinger/ny', {
      title: 'Udmelding om hjerneskadeområdet',
      targetGroup: 'Voksne med erhvervet hjerneskade',
      issuedOn: '2026-11-15',
      deadline: '2027-01-15',
      areaCodes: ['sjaelland'],
      questions: 'Hvilke tilbud findes?\nHvor mange borgere?',
    });
    assert.equal(created.statusCode, 303, created.body);
    const id = Number(created.headers.location!.match(/udmeldinger\/(\d+)/)![1]);
    const qs = await t.db.selectFrom('coop_announcement_question').select(['id', 'position']).where('announcement_id', '=', id).orderBy('position').execute();
    assert.equal(qs.length, 2);

    assert.equal((await page(naestved, `/samarbejde/udmeldinger/${id}/svar`)).statusCode, 200);
    const answered = await post(naestved, `/samarbejde/udmeldinger/${id}/svar`, {
      version: '0',
      [`answer-${qs[0]!.id}`]: 'Tre tilbud.',
      [`answer-${qs[1]!.id}`]: '',
    });
    assert.equal(answered.statusCode, 303, answered.body);
    const stale = await post(naestved, `/samarbejde/udmeldinger/${id}/svar`, { version: '0', [`answer-${qs[0]!.id}`]: 'Fire tilbud.' });
    assert.equal(stale.statusCode, 412);
    assert.match(stale.body, /Genindlæs/);
    assert.equal((await page(secretariat, `/samarbejde/udmeldinger/${id}/svar`)).statusCode, 403);

    const area = `/samarbejde/udmeldinger/${id}/omraader/sjaelland`;
    const early = await post(secretariat, `${area}/sendt`, { sentOn: '2026-12-01' });
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /Skriv områdets afrapportering/);
    assert.equal((await post(secretariat, `${area}/rapport`, { text: 'Næstved har tre tilbud.', version: '1' })).statusCode, 303);
    assert.equal((await post(secretariat, `${area}/sendt`, { sentOn: '2026-12-01', reference: 'J.nr. 26-77' })).statusCode, 303);
    assert.equal((await post(secretariat, `${area}/styrelsens-svar`, { responseOn: '2026-12-01', text: 'Tak.' })).statusCode, 303);
    const done = await page(reader, area);
    assert.match(done.body, /J\.nr\. 26-77/);
    assert.match(done.body, /Tre tilbud\./);
    const locked = await post(naestved, `/samarbejde/udmeldinger/${id}/svar`, { version: '1', [`answer-${qs[0]!.id}`]: 'Fire tilbud.' });
    assert.equal(locked.statusCode, 409);
  });

  it('shows the form again with the field named on bad input', async () => {
    const res = await post(secretariat, '/samarbejde/udmeldinger/ny', {
      title: '',
      targetGroup: 'x',
      issuedOn: '2026-11-15',
      deadline: '2026-11-01',
      areaCodes: ['sjaelland'],
      questions: 'a',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#field-title"|Titel/);
  });

  it('records an extension and its decision', async () => {
    const id = await announcementId('Central udmelding om børn og unge');
    assert.equal(
      (await post(secretariat, `/samarbejde/udmeldinger/${id}/frister`, { requestedOn: '2026-11-20', newDeadline: '2027-01-31', status: 'afventer' }))
        .statusCode,
      303,
    );
    const ext = await t.db.selectFrom('coop_announcement_extension').select('id').where('announcement_id', '=', id).executeTakeFirstOrThrow();
    assert.equal((await post(secretariat, `/samarbejde/udmeldinger/frister/${ext.id}`, { status: 'bevilget' })).statusCode, 303);
    assert.match((await page(reader, `/samarbejde/udmeldinger/${id}`)).body, /forlænget fra/);
  });
});
