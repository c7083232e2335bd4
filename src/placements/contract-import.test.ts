/**
 * Importing existing contracts as the buyer's case worker relies on it: a good file (CSV or Excel) saves every
 * row, marked imported, standard ones on the template in force and the others on the municipality's own
 * template; a file with errors saves nothing and reports each row and column in Danish (a CPR-looking value is
 * refused without being repeated); only the municipality's case worker may import; the page reads the upload
 * with its CSRF field before the file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toXlsx } from '../core/tabular/xlsx.js';
import { offeringOf } from '../testing/access.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { readContractTable } from './contract-import.js';

let t: TestApp;
let caseWorker: Session;
let offering: number;
let buyer: number;

const boundary = '----ramme-kontrakter';
const HEADER = 'tilbud_id;sagsnummer;startdato;slutdato;standardkontrakt;takstniveau;pris;enhed;afdeling;kontaktperson;forventet_varighed_maaneder';

function multipart(filename: string, content: Buffer | string, csrf?: string) {
  const parts: Buffer[] = [];
  if (csrf !== undefined) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="fil"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
  );
  parts.push(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return Buffer.concat(parts);
}

const apiImport = (s: Session | null, filename: string, content: Buffer | string) =>
  t.as(s, {
    method: 'POST',
    url: '/api/contracts/import',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: multipart(filename, content),
  });

const imported = async () =>
  (
    await t.db
      .selectFrom('contract')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_imported', '=', true)
      .where('buyer_org_id', '=', buyer)
      .executeTakeFirstOrThrow()
  ).n;

before(async () => {
  t = await createTestApp();
  caseWorker = await t.login('demo-myndighed');
  offering = await offeringOf(t.db, 316);
  buyer = (await t.db.selectFrom('app_user').select('organisation_id').where('username', '=', 'demo-myndighed').executeTakeFirstOrThrow()).organisation_id;
});
after(() => t.close());

describe('reading the file', () => {
  it('reads Danish dates and amounts and the ja/nej of the standard contract', () => {
    const { rows, problems } = readContractTable([
      HEADER.split(';'),
      ['12', 'HOL-1', '01-03-2023', '', 'nej', 'Niveau 2', '2.345,50', 'døgn', 'Voksen', 'Mette', ''],
    ]);
    assert.deepEqual(problems, []);
    assert.equal(rows[0]!.data.startDate, '2023-03-01');
    assert.equal(rows[0]!.data.endDate, null);
    assert.equal(rows[0]!.data.isStandard, false);
    assert.equal(rows[0]!.data.tariffPrice, '2345.50');
  });

  it('names a missing and an unknown column on row 1', () => {
    const { problems } = readContractTable([['tilbud_id', 'sagsnummer', 'startdato', 'cpr']]);
    assert.deepEqual(
      problems.map((p) => [p.line, p.field]),
      [
        [1, 'cpr'],
        [1, 'standardkontrakt'],
      ],
    );
  });

  it('passes phone and EAN numbers, refuses CPR-looking text in any column', () => {
    const { problems } = readContractTable([
      ['tilbud_id', 'sagsnummer', 'startdato', 'standardkontrakt', 'afdeling', 'kontaktperson'],
      ['12', 'HOL-1', '2023-03-01', 'nej', 'EAN 5798000012345', 'tlf. 12345678'],
      ['12', 'HOL-2', '2023-03-01', 'nej', 'Voksen', 'Borger 010190-1234'],
    ]);
    assert.deepEqual(
      problems.map((p) => [p.line, p.field]),
      [[3, 'kontaktperson']],
    );
    assert.match(problems[0]!.message, /CPR-nummer/);
  });
});

describe('importing contracts', () => {
  it('saves a good CSV file: every row, imported, standard on its template and the rest on the own template', async () => {
    const before = await imported();
    const csv = `${HEADER}\r\n${offering};HOL-IMP-1;2023-03-01;2027-02-28;ja;;2.345,50;døgn;Socialafdelingen;Mette Hansen;48\r\n${offering};HOL-IMP-2;01-06-2019;;nej;Niveau 2;1800;døgn;;;\r\n`;
    const res = await apiImport(caseWorker, 'kontrakter.csv', csv);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { created: 2, standard: 1, ownTemplate: 1, errors: [] });
    assert.equal(await imported(), before + 2);
    const rows = await t.db
      .selectFrom('contract')
      .select(['case_reference', 'is_standard', 'template_id', 'is_imported', 'status', 'tariff_price', 'end_date'])
      .where('case_reference', 'in', ['HOL-IMP-1', 'HOL-IMP-2'])
      .orderBy('case_reference')
      .execute();
    assert.equal(rows[0]!.is_standard, true);
    assert.ok(rows[0]!.template_id);
    assert.equal(String(rows[0]!.tariff_price), '2345.50');
    assert.equal(rows[1]!.is_standard, false, 'made on the municipality’s own template');
    assert.equal(rows[1]!.template_id, null);
    assert.ok(rows.every((r) => r.is_imported && r.status === 'accepteret'));
    const audited = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity', '=', 'contract')
      .where('action', '=', 'create')
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    assert.ok(audited.every((a) => JSON.stringify(a.after).includes('"source":"import"')));
  });

  it('saves a good Excel file', async () => {
    const xlsx = await toXlsx([
      { name: 'Kontrakter', columns: HEADER.split(';').map((header) => ({ header })), rows: [[String(offering), 'HOL-XLSX-1', '2022-01-10', '', 'nej']] },
    ]);
    const res = await apiImport(caseWorker, 'kontrakter.xlsx', xlsx);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().created, 1);
  });

  it('saves nothing from a file with errors and reports each row and column, without repeating a CPR number', async () => {
    const before = await imported();
    const csv = [
      HEADER,
      `${offering};HOL-OK-1;2023-03-01;;nej;;;;;;`,
      `${offering};HOL-BAD-1;2023-13-01;;nej;;;;;;`,
      `${offering};010190-1234;2023-03-01;;nej;;;;;;`,
      `999999;HOL-BAD-2;2023-03-01;;nej;;;;;;`,
      `${offering};HOL-BAD-3;2023-03-01;2022-01-01;maaske;;12,345;;;;`,
      `${offering};HOL-IMP-1;2023-03-01;;nej;;;;;;`,
      `${offering};HOL-OK-1;2023-03-01;;nej;;;;;;`,
    ].join('\r\n');
    const res = await apiImport(caseWorker, 'kontrakter.csv', csv);
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().error, /Intet er importeret/);
    const byLine = (line: number) =>
      res
        .json()
        .rows.filter((r: { line: number }) => r.line === line)
        .map((r: { field: string }) => r.field);
    assert.deepEqual(byLine(2), []);
    assert.deepEqual(byLine(3), ['startdato']);
    assert.deepEqual(byLine(4), ['sagsnummer']);
    assert.deepEqual(byLine(5), ['tilbud_id'], 'no such offering');
    assert.deepEqual(byLine(6).sort(), ['pris', 'standardkontrakt']);
    assert.deepEqual(byLine(7), ['sagsnummer'], 'already in Ramme');
    assert.deepEqual(byLine(8), ['sagsnummer'], 'the same case reference twice in the file');
    assert.doesNotMatch(res.body, /010190/);
    assert.equal(await imported(), before, 'nothing saved');
  });

  it('reports the rows that need the database with the offering or contract they name', async () => {
    const csv = [HEADER, `999999;HOL-BAD-2;2023-03-01;;nej;;;;;;`, `${offering};HOL-IMP-1;2023-03-01;;nej;;;;;;`].join('\r\n');
    const res = await apiImport(caseWorker, 'kontrakter.csv', csv);
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      res.json().rows.map((r: { line: number; field: string }) => [r.line, r.field]),
      [
        [2, 'tilbud_id'],
        [3, 'sagsnummer'],
      ],
    );
    assert.match(res.json().rows[1].message, /allerede en kontrakt/);
  });

  it('lets only the municipality’s case worker import; nothing is saved for the others', async () => {
    const before = await imported();
    const csv = `${HEADER}\r\n${offering};HOL-PERM-1;2023-03-01;;nej;;;;;;\r\n`;
    for (const who of ['demo-tilbudsoekonomi', 'demo-sekretariat', 'demo-leverandoer', 'demo-laeser'])
      assert.equal((await apiImport(await t.login(who), 'kontrakter.csv', csv)).statusCode, 403, who);
    assert.equal((await apiImport(null, 'kontrakter.csv', csv)).statusCode, 401);
    assert.equal(await imported(), before);
  });

  it('offers the page to the case worker and reads the upload with the CSRF field before the file', async () => {
    const page = await t.as(caseWorker, { method: 'GET', url: '/pladser/kontrakter/import', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Importér eksisterende kontrakter/);
    const csv = `${HEADER}\r\n${offering};HOL-PAGE-1;2023-03-01;;nej;;;;;;\r\n`;
    const post = (csrf?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/pladser/kontrakter/import',
        headers: { cookie: caseWorker.cookie, accept: 'text/html', 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: multipart('kontrakter.csv', csv, csrf),
      });
    assert.equal((await post()).statusCode, 403, 'no CSRF field');
    const done = await post(caseWorker.csrf);
    assert.equal(done.statusCode, 200, done.body.slice(0, 300));
    assert.match(done.body, /Importen er gennemført/);
    const refused = await post(caseWorker.csrf);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Intet er importeret/);
    const list = await t.as(caseWorker, { method: 'GET', url: '/pladser/kontrakter', headers: { accept: 'text/html' } });
    assert.match(list.body, /href="\/pladser\/kontrakter\/import"/);
  });
});
