/**
 * The contract pages as their users rely on them: the list scoped per role (the reader sees counts only), a
 * draft made from the reservation page, the terms form re-shown with Danish messages and then saved, sending
 * refused while incomplete, the whole contract in Danish and as a PDF.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { offeringOf } from '../testing/access.js';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let caseWorker: Session;
let operator: Session;

before(async () => {
  t = await createTestApp();
  caseWorker = await t.login('demo-myndighed');
  operator = await t.login('demo-tilbudsoekonomi');
});
after(() => t.close());

const html = { accept: 'text/html' };
const post = (s: Session, url: string, fields: Record<string, string>) =>
  t.as(s, { method: 'POST', url, headers: { ...html, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: s.csrf, ...fields }) });

describe('contract pages', () => {
  it('lists the contracts each role sees; the reader sees counts and no case references', async () => {
    const list = await t.as(caseWorker, { method: 'GET', url: '/pladser/kontrakter', headers: html });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Antal kontrakter pr. status/);
    assert.match(list.body, /href="\/pladser\/kontrakter\/\d+"/);
    const reader = await t.login('demo-laeser');
    const counts = await t.as(reader, { method: 'GET', url: '/pladser/kontrakter', headers: html });
    assert.equal(counts.statusCode, 200);
    assert.doesNotMatch(counts.body, /href="\/pladser\/kontrakter\/\d+"/);
    const filtered = await t.as(caseWorker, { method: 'GET', url: '/pladser/kontrakter?state=kladde&kind=offentlig', headers: html });
    assert.equal(filtered.statusCode, 200);
  });

  it('drafts a contract from a confirmed reservation, re-shows bad terms with messages, saves good ones and shows the whole contract', async () => {
    const offeringId = await offeringOf(t.db, 316);
    await t.db.updateTable('offering').set({ status: 'aktiv' }).where('id', '=', offeringId).execute();
    await t.as(operator, { method: 'PUT', url: `/api/offerings/${offeringId}/vacancies`, payload: { freeNow: 50 } });
    const r = await t.as(caseWorker, {
      method: 'POST',
      url: `/api/offerings/${offeringId}/reservations`,
      payload: { caseReference: 'HOL-SIDE-1', startDate: '2026-12-14' },
    });
    await t.as(operator, { method: 'POST', url: `/api/reservations/${r.json().id}/decision`, payload: { decision: 'bekraeft' } });
    const page = await t.as(caseWorker, { method: 'GET', url: `/pladser/reservationer/${r.json().id}`, headers: html });
    assert.match(page.body, /Opret kontraktkladde/);
    const made = await post(caseWorker, `/pladser/reservationer/${r.json().id}/kontrakt`, {});
    assert.equal(made.statusCode, 303);
    const termsUrl = made.headers.location as string;
    const id = Number(termsUrl.split('/')[3]);
    const formPage = await t.as(caseWorker, { method: 'GET', url: termsUrl, headers: html });
    assert.equal(formPage.statusCode, 200);
    assert.match(formPage.body, /Vilkår for kontrakt HOL-SIDE-1/);

    const send = await post(caseWorker, `/pladser/kontrakter/${id}/send`, {});
    assert.equal(send.statusCode, 400);
    assert.match(send.body, /Handlekommunens EAN-nummer/);

    const drafted = await t.db.selectFrom('contract').select('tariff_level').where('id', '=', id).executeTakeFirstOrThrow();
    const good = {
      version: '1',
      tariffLevel: drafted.tariff_level ?? '',
      buyerDepartment: 'Socialafdelingen',
      buyerEan: '5798000123456',
      providerEan: '5798000654321',
      'buyerContact.name': 'Mette Myndighed',
      'providerContact.name': 'Lars Leder',
      'addOns.0.text': 'Ledsagelse til fritidsaktivitet',
      'addOns.0.price': '350,00',
      'addOns.0.unit': 'uge',
      'addOns.0.periodFrom': '2026-12-14',
      endDate: '2027-12-13',
      expectedDurationMonths: '12',
      goals: 'Mere selvhjulpen i egen bolig.',
      'followUpDates.0': '2027-02-01',
      paymentTiming: 'bagud',
      paymentDays: '30',
    };
    const bad = await post(caseWorker, `/pladser/kontrakter/${id}/vilkaar`, { ...good, buyerEan: '123', paymentDays: '60' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Der er fejl i formularen/);
    assert.match(bad.body, /href="#f-buyerEan"/);
    assert.match(bad.body, /value="Socialafdelingen"/, 'the input is kept');
    const saved = await post(caseWorker, `/pladser/kontrakter/${id}/vilkaar`, good);
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
    const detail = await t.as(caseWorker, { method: 'GET', url: `/pladser/kontrakter/${id}`, headers: html });
    for (const text of [
      'Parter',
      'Ydelse og pris',
      'Særydelser',
      'Periode og opsigelse',
      'Mål og opfølgning',
      'Betaling',
      'Ledsagelse til fritidsaktivitet',
      '5798000123456',
    ])
      assert.ok(detail.body.includes(text), text);
    assert.match(detail.body, /Send kontrakten til leverandøren/);
    const sent = await post(caseWorker, `/pladser/kontrakter/${id}/send`, {});
    assert.equal(sent.statusCode, 303, sent.body.slice(sent.body.indexOf('<main'), sent.body.indexOf('<main') + 1500));
    const forOperator = await t.as(operator, { method: 'GET', url: `/pladser/kontrakter/${id}`, headers: html });
    assert.match(forOperator.body, /Acceptér kontrakten/);
    assert.equal((await post(operator, `/pladser/kontrakter/${id}/accepter`, {})).statusCode, 303);
    const pdf = await t.as(caseWorker, { method: 'GET', url: `/pladser/kontrakter/${id}/kontrakt.pdf` });
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const amend = await post(caseWorker, `/pladser/kontrakter/${id}/tillaeg`, { effectiveDate: '2027-03-01', description: 'Forlænget', endDate: '2028-03-31' });
    assert.equal(amend.statusCode, 303);
    const notice = await post(operator, `/pladser/kontrakter/${id}/opsig`, { party: 'leverandoer', date: '2026-12-20' });
    assert.equal(notice.statusCode, 303, notice.body.slice(notice.body.indexOf('<main'), notice.body.indexOf('<main') + 1500));
    const after = await t.as(caseWorker, { method: 'GET', url: `/pladser/kontrakter/${id}`, headers: html });
    assert.match(after.body, /Opsagt/);
    assert.match(after.body, /Tillæg 1/);
  });
});
