/**
 * The statement pages: the seller makes a month's drafts from the list, opens one, finds its Excel and CSV files
 * (the invoice once sent), sends it from the page; the buyer sees it too; anyone else gets 404.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { acceptedContracts, dayPricedOffering, orgOfUser } from '../testing/settlement-fixtures.js';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let seller: Session;
let buyer: Session;
let outsider: Session;
const html = { accept: 'text/html' };
const post = (s: Session, url: string, fields: Record<string, string> = {}) =>
  t.as(s, { method: 'POST', url, headers: { ...html, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: s.csrf, ...fields }) });
const get = (s: Session | null, url: string) => t.as(s, { method: 'GET', url, headers: html });

before(async () => {
  t = await createTestApp();
  seller = await t.login('demo-tilbudsoekonomi');
  buyer = await t.login('demo-naestved');
  outsider = await t.login('demo-region');
  const holbaek = await orgOfUser(t.db, 'demo-tilbudsoekonomi');
  const naestved = await orgOfUser(t.db, 'demo-naestved');
  const offering = await dayPricedOffering(t.db, holbaek, 2026);
  await acceptedContracts(t.db, {
    offeringId: offering.offeringId,
    buyerOrgId: naestved,
    periods: [{ start: '2026-01-01', end: null, level: offering.level }],
  });
});
after(() => t.close());

describe('statement pages', () => {
  let href = '';

  it('the seller makes a month’s drafts from the list and sees them', async () => {
    const bad = await post(seller, '/afregning/dan', { maaned: '2026-13' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Kladderne blev ikke dannet/);
    const res = await post(seller, '/afregning/dan', { maaned: '2026-08' });
    assert.equal(res.statusCode, 303, res.body);
    const list = await get(seller, String(res.headers.location));
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Kladderne for 2026-08 er dannet/);
    const m = list.body.match(/href="(\/afregning\/\d+)">2026-08, salg til Næstved Kommune/);
    assert.ok(m, 'a link to the statement to Næstved');
    href = m[1]!;
  });

  it('a draft shows its Excel and CSV files, not yet the invoice, and the send button', async () => {
    const page = await get(seller, href);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /eksport\.xlsx/);
    assert.match(page.body, /eksport\.csv/);
    assert.doesNotMatch(page.body, /faktura\.xml/);
    assert.match(page.body, /Send afregningen til Næstved Kommune/);
  });

  it('after sending from the page the invoice link is there, for the buyer too; others get 404', async () => {
    const sent = await post(seller, `${href}/send`);
    assert.equal(sent.statusCode, 303, sent.body);
    const page = await get(seller, String(sent.headers.location));
    assert.match(page.body, /Afregningen er sendt/);
    const link = page.body.match(/href="(\/api\/settlement\/statements\/\d+\/faktura\.xml)"/);
    assert.ok(link);
    assert.equal((await t.as(seller, { method: 'GET', url: link[1]! })).statusCode, 200);
    const again = await post(seller, `${href}/send`);
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /allerede sendt/);
    assert.match((await get(buyer, href)).body, /faktura\.xml/);
    assert.equal((await get(outsider, href)).statusCode, 404);
    assert.equal((await post(buyer, `${href}/send`)).statusCode, 403);
  });

  it('the buyer disputes a line, the seller answers with a correction, the buyer accepts — all from the page', async () => {
    const id = href.split('/').at(-1);
    const lines = (await t.as(buyer, { method: 'GET', url: `/api/settlement/statements/${id}` })).json().lines;
    const line = lines.find((l: { amount: string | null }) => l.amount !== null);
    const empty = await post(buyer, `${href}/bestrid`, { linje: String(line.id), reason: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Skriv en begrundelse/);
    const disputed = await post(buyer, `${href}/bestrid`, { linje: String(line.id), reason: 'Borgeren flyttede den 20.' });
    assert.equal(disputed.statusCode, 303, disputed.body);
    const seen = await get(seller, href);
    assert.match(seen.body, /Bestridt: Borgeren flyttede den 20\./);
    assert.match(seen.body, /Besvar en indsigelse/);
    assert.equal((await post(seller, `${href}/godkend`)).statusCode, 403);
    const answered = await post(seller, `${href}/besvar`, { linje: String(line.id), answer: 'korrigeret', text: 'Rettes.', correctedAmount: '100,00' });
    assert.equal(answered.statusCode, 303, answered.body);
    assert.match((await get(seller, String(answered.headers.location))).body, /Indsigelsen er besvaret/);
    const accepted = await post(buyer, `${href}/godkend`);
    assert.equal(accepted.statusCode, 303, accepted.body);
    assert.match((await get(buyer, String(accepted.headers.location))).body, /Afregningen er godkendt/);
  });
});
