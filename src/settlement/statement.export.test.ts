/**
 * The files of a statement: CSV and Excel with Danish labels and exact amounts, and the electronic invoice (UBL
 * 2.1, Peppol BIS Billing 3) parsed back and checked element by element, with line amounts that add up to the
 * totals; only the seller and the buyer get them (404 for everyone else, 401 without login).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { parseCsv } from '../core/tabular/csv.js';
import { readXlsx } from '../core/tabular/xlsx.js';
import { acceptedContracts, dayPricedOffering, orgOfUser } from '../testing/settlement-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { SDec } from './calculation.js';
import { escapeXml, invoiceXml, lineQuantity, PEPPOL_CUSTOMIZATION, PEPPOL_PROFILE, type ExportLine, type InvoiceInput } from './statement.export.js';
import { demoEan, glnCheckDigit } from './settlement.seed.js';

let t: TestApp;
let seller: Session;
let buyer: Session;
let outsider: Session;
let secretariat: Session;
let statementId: number;
let naestved: number;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => name === 'cac:InvoiceLine' });
type Node = Record<string, unknown>;
const node = (n: unknown, path: string): Node => {
  const v = path.split('/').reduce<unknown>((x, k) => (x as Node | undefined)?.[k], n);
  assert.ok(v !== undefined && v !== null, `missing ${path}`);
  return v as Node;
};
const text = (n: unknown, path: string): string => {
  const v = node(n, path);
  return typeof v === 'string' ? v : String((v as Node)['#text']);
};
const attr = (n: unknown, path: string, name: string) => String(node(n, path)[`@${name}`]);
const isMoney = (s: string) => /^-?\d+\.\d{2}$/.test(s);

before(async () => {
  t = await createTestApp();
  seller = await t.login('demo-tilbudsoekonomi');
  buyer = await t.login('demo-naestved');
  outsider = await t.login('demo-region');
  secretariat = await t.login('demo-sekretariat');
  const holbaek = await orgOfUser(t.db, 'demo-tilbudsoekonomi');
  naestved = await orgOfUser(t.db, 'demo-naestved');
  const offering = await dayPricedOffering(t.db, holbaek, 2026);
  await acceptedContracts(t.db, {
    offeringId: offering.offeringId,
    buyerOrgId: naestved,
    periods: [
      { start: '2025-09-15', end: null, level: offering.level },
      { start: '2026-09-10', end: '2026-09-20', level: offering.level },
      { start: '2026-09-01', end: null, level: 'Niveau 9' },
    ],
  });
  assert.equal((await t.as(seller, { method: 'POST', url: '/api/settlement/generate', payload: { month: '2026-09' } })).statusCode, 200);
  const list = await t.as(seller, { method: 'GET', url: '/api/settlement/statements?month=2026-09&side=salg' });
  statementId = list.json().statements.find((s: { buyer: { id: number } }) => s.buyer.id === naestved).id;
});
after(() => t.close());

const url = (ext: string) => `/api/settlement/statements/${statementId}/${ext}`;
const statement = async () => (await t.as(seller, { method: 'GET', url: `/api/settlement/statements/${statementId}` })).json();

describe('CSV and Excel of a statement', () => {
  it('CSV has Danish column labels, one row per line and a total row with the exact amount in decimal comma', async () => {
    const res = await t.as(seller, { method: 'GET', url: url('eksport.csv') });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="afregning-2026-09-\d+\.csv"/);
    const rows = parseCsv(res.body);
    assert.deepEqual(rows[0]!.slice(0, 11), [
      'Linje',
      'Type',
      'Sagsnummer',
      'Tilbud',
      'Fra',
      'Til',
      'Dage',
      'Enhed',
      'Enhedspris (kr.)',
      'Niveau',
      'Beløb (kr.)',
    ]);
    const s = await statement();
    assert.equal(rows.length, 1 + s.lines.length + 1);
    assert.equal(rows.at(-1)![0], 'I alt');
    assert.equal(rows.at(-1)![10], new SDec(s.total).toFixed(2).replace('.', ','));
    const priced = s.lines.find((l: { amount: string | null }) => l.amount !== null);
    const row = rows.find((r) => r[0] === String(priced.sort))!;
    assert.equal(row[10], new SDec(priced.amount).toFixed(2).replace('.', ','));
    assert.ok(
      rows.some((r) => r[11]?.includes('Niveau 9')),
      'the problem line is listed with its problem',
    );
  });

  it('Excel has the same rows with amounts as numbers', async () => {
    const res = await t.as(buyer, { method: 'GET', url: url('eksport.xlsx') });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const rows = await readXlsx(res.rawPayload);
    assert.equal(rows[0]![10], 'Beløb (kr.)');
    const s = await statement();
    assert.equal(new SDec(rows.at(-1)![10]!).toFixed(2), new SDec(s.total).toFixed(2));
  });
});

describe('the electronic invoice', () => {
  it('is not made for a draft', async () => {
    const res = await t.as(seller, { method: 'GET', url: url('faktura.xml') });
    assert.equal(res.statusCode, 409);
    assert.match(res.json().error, /ikke sendt/);
  });

  it('is a UBL 2.1 invoice with every element Peppol BIS Billing 3 requires, the buyer’s EAN as receiver, and amounts that add up', async () => {
    assert.equal((await t.as(seller, { method: 'POST', url: `/api/settlement/statements/${statementId}/send` })).statusCode, 200);
    const s = await statement();
    const res = await t.as(buyer, { method: 'GET', url: url('faktura.xml') });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^application\/xml/);
    const doc = parser.parse(res.body);
    const inv = node(doc, 'Invoice');
    assert.equal(inv['@xmlns'], 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2');
    assert.equal(text(inv, 'cbc:CustomizationID'), PEPPOL_CUSTOMIZATION);
    assert.equal(text(inv, 'cbc:ProfileID'), PEPPOL_PROFILE);
    assert.equal(text(inv, 'cbc:ID'), `RAMME-${statementId}`);
    assert.match(text(inv, 'cbc:IssueDate'), /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(text(inv, 'cbc:DueDate'), s.dueDate);
    assert.equal(text(inv, 'cbc:InvoiceTypeCode'), '380');
    assert.equal(text(inv, 'cbc:DocumentCurrencyCode'), 'DKK');
    assert.ok(text(inv, 'cbc:BuyerReference'), 'BuyerReference (PEPPOL-EN16931-R003)');
    assert.equal(text(inv, 'cac:InvoicePeriod/cbc:StartDate'), '2026-09-01');
    assert.equal(text(inv, 'cac:InvoicePeriod/cbc:EndDate'), '2026-09-30');

    const sup = node(inv, 'cac:AccountingSupplierParty/cac:Party');
    assert.ok(['0088', '0184'].includes(attr(sup, 'cbc:EndpointID', 'schemeID')));
    assert.equal(text(sup, 'cac:PartyLegalEntity/cbc:RegistrationName'), s.seller.name);
    assert.equal(text(sup, 'cac:PostalAddress/cac:Country/cbc:IdentificationCode'), 'DK');
    const cus = node(inv, 'cac:AccountingCustomerParty/cac:Party');
    assert.equal(attr(cus, 'cbc:EndpointID', 'schemeID'), '0088');
    assert.equal(text(cus, 'cbc:EndpointID'), demoEan(naestved));
    assert.equal(text(cus, 'cac:PartyLegalEntity/cbc:RegistrationName'), s.buyer.name);
    assert.equal(text(cus, 'cac:PostalAddress/cac:Country/cbc:IdentificationCode'), 'DK');
    // A municipality selling is outside the scope of VAT: category O, no rate, no VAT numbers (BR-O-02…BR-O-05, BR-O-10).
    assert.equal(sup['cac:PartyTaxScheme'], undefined);
    assert.equal(cus['cac:PartyTaxScheme'], undefined);
    assert.ok(text(inv, 'cac:PaymentMeans/cbc:PaymentMeansCode'));

    const lines = inv['cac:InvoiceLine'] as Node[];
    const priced = s.lines.filter((l: { amount: string | null }) => l.amount !== null);
    assert.ok(priced.length >= 2);
    assert.equal(lines.length, priced.length, 'one invoice line per priced line; problem lines are left out');
    let sum = new SDec(0);
    for (const [i, l] of lines.entries()) {
      assert.equal(text(l, 'cbc:ID'), String(i + 1));
      const amount = text(l, 'cbc:LineExtensionAmount');
      assert.ok(isMoney(amount), amount);
      assert.equal(attr(l, 'cbc:LineExtensionAmount', 'currencyID'), 'DKK');
      assert.ok(['DAY', 'MON', 'HUR', 'C62'].includes(attr(l, 'cbc:InvoicedQuantity', 'unitCode')));
      assert.ok(text(l, 'cac:Item/cbc:Name'));
      assert.equal(text(l, 'cac:Item/cac:ClassifiedTaxCategory/cbc:ID'), 'O');
      assert.equal(text(l, 'cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:ID'), 'VAT');
      const price = new SDec(text(l, 'cac:Price/cbc:PriceAmount'));
      assert.ok(price.gte(0), 'an item price is never negative (BR-27)');
      const base = (l['cac:Price'] as Node)['cbc:BaseQuantity'] ? new SDec(text(l, 'cac:Price/cbc:BaseQuantity')) : new SDec(1);
      // PEPPOL-EN16931-R120: quantity × price ÷ base quantity is the line amount.
      assert.equal(new SDec(text(l, 'cbc:InvoicedQuantity')).mul(price).div(base).toFixed(2), amount);
      assert.equal(amount, new SDec(priced[i].amount).toFixed(2));
      sum = sum.add(amount);
    }
    const total = sum.toFixed(2);
    assert.equal(total, new SDec(s.total).toFixed(2), 'the invoice total is the statement total');
    const m = node(inv, 'cac:LegalMonetaryTotal');
    for (const k of ['LineExtensionAmount', 'TaxExclusiveAmount', 'TaxInclusiveAmount', 'PayableAmount']) {
      assert.equal(text(m, `cbc:${k}`), total, k);
      assert.equal(attr(m, `cbc:${k}`, 'currencyID'), 'DKK');
    }
    assert.equal(text(inv, 'cac:TaxTotal/cbc:TaxAmount'), '0.00');
    assert.equal(text(inv, 'cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount'), total);
    assert.equal(text(inv, 'cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount'), '0.00');
    const cat = node(inv, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory');
    assert.equal(text(cat, 'cbc:ID'), 'O');
    assert.equal(cat['cbc:Percent'], undefined);
    assert.equal(text(cat, 'cbc:TaxExemptionReasonCode'), 'VATEX-EU-O');
    assert.ok(text(cat, 'cbc:TaxExemptionReason'));
  });

  it('keeps the elements in the order the UBL 2.1 schema prescribes', async () => {
    const body = (await t.as(seller, { method: 'GET', url: url('faktura.xml') })).body;
    const order = [
      'cbc:CustomizationID',
      'cbc:ProfileID',
      'cbc:ID',
      'cbc:IssueDate',
      'cbc:DueDate',
      'cbc:InvoiceTypeCode',
      'cbc:Note',
      'cbc:DocumentCurrencyCode',
      'cbc:BuyerReference',
      'cac:InvoicePeriod',
      'cac:AccountingSupplierParty',
      'cac:AccountingCustomerParty',
      'cac:PaymentMeans',
      'cac:PaymentTerms',
      'cac:TaxTotal',
      'cac:LegalMonetaryTotal',
      'cac:InvoiceLine',
    ];
    const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: true }).parse(body) as Array<Record<string, Array<Record<string, unknown>>>>;
    const invoice = ordered.find((n) => 'Invoice' in n)!.Invoice!;
    const names = [...new Set(invoice.map((n) => Object.keys(n)[0]!))];
    assert.deepEqual(names, order);
  });

  it('is refused with the reason when the buyer has no EAN number', async () => {
    await t.db.deleteFrom('settlement_party').where('organisation_id', '=', naestved).execute();
    try {
      const res = await t.as(seller, { method: 'GET', url: url('faktura.xml') });
      assert.equal(res.statusCode, 409);
      assert.match(res.json().error, /EAN/);
    } finally {
      await t.db
        .insertInto('settlement_party')
        .values({ organisation_id: naestved, ean: demoEan(naestved) })
        .execute();
    }
  });
});

describe('who gets the files', () => {
  it('only the seller and the buyer; anyone else gets 404, and without login 401', async () => {
    for (const ext of ['eksport.csv', 'eksport.xlsx', 'faktura.xml']) {
      assert.equal((await t.as(seller, { method: 'GET', url: url(ext) })).statusCode, 200, ext);
      assert.equal((await t.as(buyer, { method: 'GET', url: url(ext) })).statusCode, 200, ext);
      assert.equal((await t.as(outsider, { method: 'GET', url: url(ext) })).statusCode, 404, ext);
      assert.equal((await t.as(secretariat, { method: 'GET', url: url(ext) })).statusCode, 404, ext);
      assert.equal((await t.as(null, { method: 'GET', url: url(ext) })).statusCode, 401, ext);
      assert.equal((await t.as(seller, { method: 'GET', url: `/api/settlement/statements/999999/${ext}` })).statusCode, 404, ext);
    }
  });
});

describe('the invoice, pure', () => {
  const line = (over: Partial<ExportLine>): ExportLine => ({
    sort: 1,
    kind: 'contract',
    offeringName: 'Bo & Bolig <Øst> "A/S"',
    caseReference: 'S-1',
    periodFrom: '2026-02-01',
    periodTo: '2026-02-28',
    days: 28,
    unit: 'month',
    unitPrice: '61234.50',
    amount: '61234.50',
    tariffLevel: null,
    problem: null,
    text: null,
    isOldClaim: false,
    dispute: null,
    answer: null,
    ...over,
  });
  const input = (lines: ExportLine[], kind: 'provider' | 'municipality' = 'provider'): InvoiceInput => ({
    id: 7,
    month: '2026-02',
    seller: { name: 'Privat & Co' },
    buyer: { name: 'Næstved Kommune' },
    total: '0',
    lines,
    issueDate: '2026-03-02',
    dueDate: '2026-04-01',
    sellerParty: { name: 'Privat & Co', kind, cvr: '12345678', ean: null },
    buyerParty: { name: 'Næstved Kommune', kind: 'municipality', cvr: null, ean: '5798000000001' },
    legalReferences: null,
  });

  it('escapes the five XML specials and drops characters XML cannot carry', () => {
    assert.equal(escapeXml(`a&b<c>d"e'f\u0001g`), 'a&amp;b&lt;c&gt;d&quot;e&apos;fg');
  });

  it('a whole month is 1 MON; part of a month is days at the month price over the month’s days; an adjustment ±1 piece', () => {
    assert.deepEqual(lineQuantity('2026-02', line({})), { quantity: '1', unitCode: 'MON', price: '61234.50', base: null });
    assert.deepEqual(lineQuantity('2026-03', line({ days: 10, amount: '19753.06' })), {
      quantity: '10',
      unitCode: 'DAY',
      price: '61234.50',
      base: { quantity: '31', unitCode: 'DAY' },
    });
    assert.deepEqual(lineQuantity('2026-03', line({ kind: 'adjustment', unitPrice: null, amount: '-120.40' })), {
      quantity: '-1',
      unitCode: 'C62',
      price: '120.40',
      base: null,
    });
  });

  it('a provider is VAT-exempt (E, VATEX-EU-132-1G, rate 0) with its VAT number; names with specials parse back intact', () => {
    const xml = invoiceXml(input([line({}), line({ kind: 'adjustment', unitPrice: null, amount: '-0.50', sort: 2 })]));
    const inv = node(parser.parse(xml), 'Invoice');
    assert.equal(text(inv, 'cac:AccountingSupplierParty/cac:Party/cbc:EndpointID'), '12345678');
    assert.equal(attr(inv, 'cac:AccountingSupplierParty/cac:Party/cbc:EndpointID', 'schemeID'), '0184');
    assert.equal(text(inv, 'cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID'), 'DK12345678');
    assert.equal(text(inv, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID'), 'E');
    assert.equal(text(inv, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent'), '0');
    assert.equal(text(inv, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReasonCode'), 'VATEX-EU-132-1G');
    const lines = inv['cac:InvoiceLine'] as Node[];
    assert.equal(text(lines[0], 'cac:Item/cbc:Name'), 'Bo & Bolig <Øst> "A/S"');
    assert.equal(text(inv, 'cac:LegalMonetaryTotal/cbc:PayableAmount'), '61234.00');
  });

  it('demo EAN numbers are 13 digits with a valid GS1 check digit', () => {
    assert.equal(glnCheckDigit('400638133393'), 1); // EAN-13 4006381333931
    assert.match(demoEan(42), /^57989\d{8}$/);
    assert.equal(Number(demoEan(42).at(-1)), glnCheckDigit(demoEan(42).slice(0, 12)));
  });
});
