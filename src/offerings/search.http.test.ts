/**
 * The register's search as a case worker uses it: several values per filter (any of them matches), an age
 * filter, and one value still accepted as before. Counts are checked against the data itself.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { rowsToImport } from './offerings.tabular.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Item = { id: number; primaryLegalBasis: string; extraLegalBases: string[]; targetGroups: string[]; offeringType: string; ageMin: number; ageMax: number };
async function list(query: string): Promise<{ total: number; items: Item[] }> {
  const s = await t.login('demo-myndighed');
  const res = await t.as(s, { method: 'GET', url: `/api/offerings?pageSize=500&${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}
const hasBasis = (o: Item, code: string) => o.primaryLegalBasis === code || o.extraLegalBases.includes(code);

describe('search with several values per filter', () => {
  it('finds offerings under § 107 or § 108: every one of either, and nothing else', async () => {
    const [both, l107, l108] = await Promise.all([list('legalBasis=SEL-107&legalBasis=SEL-108'), list('legalBasis=SEL-107'), list('legalBasis=SEL-108')]);
    assert.ok(l107.total > 0 && l108.total > 0);
    const union = new Set([...l107.items, ...l108.items].map((o) => o.id));
    assert.equal(both.total, union.size);
    assert.deepEqual(new Set(both.items.map((o) => o.id)), union);
    for (const o of both.items) assert.ok(hasBasis(o, 'SEL-107') || hasBasis(o, 'SEL-108'), `tilbud ${o.id}`);
  });

  it('takes several target groups (a parent still includes its children) and several offering types', async () => {
    const r = await list('targetGroup=kog&targetGroup=soc-misbrug&offeringType=botilbud&offeringType=aflastning');
    assert.ok(r.total > 0);
    for (const o of r.items) {
      assert.ok(
        o.targetGroups.some((g) => g.startsWith('kog-') || g === 'soc-misbrug'),
        `tilbud ${o.id}: ${o.targetGroups}`,
      );
      assert.ok(['botilbud', 'aflastning'].includes(o.offeringType), `tilbud ${o.id}: ${o.offeringType}`);
    }
    const kog = await list('targetGroup=kog');
    assert.ok((await list('targetGroup=kog&targetGroup=soc-misbrug')).total > kog.total);
  });

  it('finds offerings for a given age: the age lies within the offering’s age range', async () => {
    const r = await list('age=10');
    const all = await list('');
    const expected = all.items.filter((o) => o.ageMin <= 10 && o.ageMax >= 10).length;
    assert.ok(r.total > 0 && r.total < all.total);
    assert.equal(all.items.length, all.total, 'the whole register fits on one page of 500');
    assert.equal(r.total, expected);
    for (const o of r.items) assert.ok(o.ageMin <= 10 && o.ageMax >= 10, `tilbud ${o.id}: ${o.ageMin}–${o.ageMax}`);
  });

  it('refuses an age that is not a whole number of years with a Danish message naming the field, and the page drops it with a notice', async () => {
    const s = await t.login('demo-myndighed');
    const api = await t.as(s, { method: 'GET', url: '/api/offerings?age=ti' });
    assert.equal(api.statusCode, 400);
    assert.match(api.body, /age|[Aa]lder/);
    const page = await t.as(s, { method: 'GET', url: '/tilbud?age=ti', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /blev ignoreret/);
  });

  it('keeps the chosen values checked on the page, and page links repeat them', async () => {
    const s = await t.login('demo-myndighed');
    const page = await t.as(s, { method: 'GET', url: '/tilbud?legalBasis=SEL-107&legalBasis=SEL-108&pageSize=5', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /value="SEL-107" checked/);
    assert.match(page.body, /value="SEL-108" checked/);
    assert.match(page.body, /legalBasis=SEL-107&amp;legalBasis=SEL-108/);
  });
});

describe('exports for people', () => {
  it('carry Danish labels under the plain headers, codes in "(kode)" columns, and import again as they are', async () => {
    const s = await t.login('demo-myndighed');
    const csv = await t.as(s, { method: 'GET', url: '/tilbud/eksport.csv?municipality=316' });
    assert.equal(csv.statusCode, 200);
    const table = parse(csv.rawPayload.toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ';', relaxQuotes: true }) as string[][];
    const [header, ...body] = table;
    const col = (name: string) => {
      const i = header!.indexOf(name);
      assert.ok(i >= 0, `kolonnen ${name} mangler`);
      return body.map((r) => r[i]!);
    };
    const codes = /^[a-z0-9-]+(,[a-z0-9-]+)*$|^[A-Z]+-\d+[a-z]?$/;
    for (const name of ['Driftsform', 'Tilbudstype', 'Primært lovgrundlag', 'Målgrupper', 'Status', 'Socialtilsyn', 'Beskyttelse', 'Omfattet af rammeaftalen'])
      for (const v of col(name)) assert.doesNotMatch(v, codes, `${name}: "${v}" er en kode`);
    assert.ok(col('Status').includes('Aktiv'));
    assert.ok(col('Omfattet af rammeaftalen').every((v) => v === 'Ja' || v === 'Nej'));
    assert.ok(col('Primært lovgrundlag').every((v) => /§/.test(v)));
    assert.ok(col('Status (kode)').includes('aktiv'));
    assert.ok(col('Driftsform (kode)').every((v) => /^[a-z]+$/.test(v)));
    const { rows, problems } = rowsToImport(table);
    assert.deepEqual(problems, []);
    assert.equal(rows.length, body.length);
    assert.deepEqual(
      rows.map((r) => r.data.operatorType),
      col('Driftsform (kode)'),
    );
  });
});
