/**
 * @module A statement as files, pure (no I/O, exact decimals): CSV and Excel with Danish column labels, and the
 * electronic invoice in UBL 2.1 (Invoice) in the shape Peppol BIS Billing 3 and OIOUBL 3 expect: the buyer's EAN
 * as receiver (scheme 0088), the seller's EAN or CVR (0184), one invoice line per priced statement line (problem
 * lines carry no amount and are left out), totals that are the sum of the lines. Social services carry no VAT:
 * a municipality or region acting as public authority is outside the scope of VAT (category O, VATEX-EU-O); a
 * private provider's social services are exempt (category E, VATEX-EU-132-1G, momsloven § 13, stk. 1, nr. 2).
 */
import { formatForFile } from '../core/format.js';
import type { SheetSpec } from '../core/tabular/xlsx.js';
import { daysInMonth, monthBounds, SDec, SETTLEMENT_UNIT_LABELS, type SettlementUnit } from './calculation.js';
import { ANSWER_LABELS, type Answer, type LineKind } from './settlement.table.js';

/** What the exports read of one line (the API's line). */
export type ExportLine = {
  sort: number;
  kind: LineKind;
  offeringName: string | null;
  caseReference: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  days: number | null;
  unit: string | null;
  unitPrice: string | null;
  amount: string | null;
  tariffLevel: string | null;
  problem: string | null;
  text: string | null;
  isOldClaim: boolean;
  dispute: { reason: string } | null;
  answer: { answer: Answer; text: string; correctedAmount: string | null } | null;
};
export type ExportStatement = { id: number; month: string; seller: { name: string }; buyer: { name: string }; total: string; lines: readonly ExportLine[] };

const KIND_LABELS: Record<LineKind, string> = { contract: 'Kontrakt', addon: 'Tillægsydelse', adjustment: 'Korrektion' };
const unitLabel = (u: string | null) => (u && u in SETTLEMENT_UNIT_LABELS ? SETTLEMENT_UNIT_LABELS[u as SettlementUnit] : (u ?? ''));

const COLUMNS: SheetSpec['columns'] = [
  { header: 'Linje' },
  { header: 'Type', width: 14 },
  { header: 'Sagsnummer', width: 14 },
  { header: 'Tilbud', width: 36 },
  { header: 'Fra', width: 12 },
  { header: 'Til', width: 12 },
  { header: 'Dage' },
  { header: 'Enhed' },
  { header: 'Enhedspris (kr.)', numFmt: '#,##0.00' },
  { header: 'Niveau', width: 14 },
  { header: 'Beløb (kr.)', numFmt: '#,##0.00' },
  { header: 'Problem', width: 36 },
  { header: 'Tekst', width: 36 },
  { header: 'Krav ældre end 12 måneder' },
  { header: 'Indsigelse', width: 30 },
  { header: 'Svar', width: 30 },
  { header: 'Rettet beløb (kr.)', numFmt: '#,##0.00' },
];
const AMOUNT_COLUMNS = new Set([8, 10, 16]);

/** The rows of both tabular exports: amounts as exact decimal strings, then a total row. */
function rows(s: ExportStatement): Array<Array<string | number | boolean | null>> {
  const lines = s.lines.map((l) => [
    l.sort,
    KIND_LABELS[l.kind],
    l.caseReference,
    l.offeringName,
    l.periodFrom,
    l.periodTo,
    l.days,
    unitLabel(l.unit),
    l.unitPrice,
    l.tariffLevel,
    l.amount === null ? null : new SDec(l.amount).toFixed(2),
    l.problem,
    l.text,
    l.isOldClaim,
    l.dispute?.reason ?? null,
    l.answer ? `${ANSWER_LABELS[l.answer.answer]}: ${l.answer.text}` : null,
    l.answer?.correctedAmount ? new SDec(l.answer.correctedAmount).toFixed(2) : null,
  ]);
  const total = ['I alt', null, null, null, null, null, null, null, null, null, new SDec(s.total).toFixed(2), null, null, null, null, null, null];
  return [...lines, total];
}

export const exportFilename = (s: { id: number; month: string }, ext: string) => `afregning-${s.month}-${s.id}.${ext}`;

/** CSV (semicolon, BOM, decimal comma): Danish Excel opens it directly; amounts are written exactly. */
export function statementCsvRows(s: ExportStatement): { header: string[]; rows: Array<Array<string | number | boolean | null>> } {
  return {
    header: COLUMNS.map((c) => c.header),
    // Decimal comma and every øre written: "82907.10" → "82907,10" (unit prices exactly as published).
    rows: rows(s).map((r) => r.map((cell, c) => (AMOUNT_COLUMNS.has(c) && typeof cell === 'string' ? formatForFile(cell) : cell))),
  };
}

/** The Excel sheet: amounts as numbers with two decimals (each a decimal of at most 2 places, exact in the cell). */
export function statementSheet(s: ExportStatement): SheetSpec {
  return {
    name: `Afregning ${s.month}`,
    columns: COLUMNS,
    rows: rows(s).map((r) => r.map((cell, c) => (AMOUNT_COLUMNS.has(c) && typeof cell === 'string' ? Number(cell) : cell))),
  };
}

// The electronic invoice ------------------------------------------------------------------------------------------

export type InvoiceParty = { name: string; kind: 'municipality' | 'region' | 'provider' | 'secretariat'; cvr: string | null; ean: string | null };
export type InvoiceInput = ExportStatement & {
  issueDate: string;
  dueDate: string;
  sellerParty: InvoiceParty;
  buyerParty: InvoiceParty;
  legalReferences: string | null;
};

export const PEPPOL_CUSTOMIZATION = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

/** Why the invoice cannot be made (a Danish sentence), or null. */
export function invoiceProblem(input: Pick<InvoiceInput, 'sellerParty' | 'buyerParty' | 'lines'>): string | null {
  if (!input.buyerParty.ean) return `Køberen (${input.buyerParty.name}) har intet EAN-nummer; fakturafilen kan ikke dannes.`;
  if (!input.sellerParty.ean && !input.sellerParty.cvr)
    return `Sælgeren (${input.sellerParty.name}) har hverken EAN- eller CVR-nummer; fakturafilen kan ikke dannes.`;
  if (input.sellerParty.kind === 'provider' && !input.sellerParty.cvr) return 'En leverandørs faktura skal have sælgerens CVR-nummer (momsfritagelse).';
  if (!input.lines.some((l) => l.amount !== null)) return 'Afregningen har ingen linjer med beløb.';
  return null;
}

/** Can XML 1.0 carry the character (tab, line breaks and everything from space up, except U+FFFE/U+FFFF)? */
const isXmlChar = (c: string) => {
  const n = c.codePointAt(0)!;
  return n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n !== 0xfffe && n !== 0xffff);
};

/** Characters XML cannot carry are dropped; the five special ones are escaped. */
export function escapeXml(text: string): string {
  return [...text]
    .filter(isXmlChar)
    .join('')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const money = (v: string | InstanceType<typeof SDec>) => new SDec(v).toFixed(2);
/** A unit price exactly as published, with at least two decimals. */
const price = (v: string) => {
  const d = new SDec(v);
  return d.decimalPlaces() <= 2 ? d.toFixed(2) : d.toFixed();
};

type Quantity = { quantity: string; unitCode: string; price: string; base: { quantity: string; unitCode: string } | null };

/**
 * The quantity and price of one line such that quantity × price ÷ base is the line's amount before rounding:
 * days × day price; a whole month as 1 MON; part of a month as days × month price ÷ the month's days; an
 * adjustment as ±1 piece at the absolute amount (an item's price may not be negative).
 */
export function lineQuantity(month: string, l: ExportLine): Quantity {
  const amount = new SDec(l.amount ?? '0');
  if (l.kind === 'adjustment' || l.unitPrice === null || l.unit === null)
    return { quantity: amount.isNegative() ? '-1' : '1', unitCode: 'C62', price: money(amount.abs()), base: null };
  if (l.unit === 'day') return { quantity: String(l.days ?? 0), unitCode: 'DAY', price: price(l.unitPrice), base: null };
  if (l.unit === 'month') {
    const dim = daysInMonth(month);
    return l.days === dim
      ? { quantity: '1', unitCode: 'MON', price: price(l.unitPrice), base: null }
      : { quantity: String(l.days ?? 0), unitCode: 'DAY', price: price(l.unitPrice), base: { quantity: String(dim), unitCode: 'DAY' } };
  }
  return { quantity: '1', unitCode: 'HUR', price: money(amount), base: null };
}

const periodText = (l: ExportLine) => (l.periodFrom && l.periodTo ? `${l.periodFrom}–${l.periodTo}` : '');

function partyXml(tag: 'AccountingSupplierParty' | 'AccountingCustomerParty', p: InvoiceParty, vat: 'E' | 'O'): string {
  const endpoint = p.ean
    ? `<cbc:EndpointID schemeID="0088">${escapeXml(p.ean)}</cbc:EndpointID>`
    : `<cbc:EndpointID schemeID="0184">${escapeXml(p.cvr ?? '')}</cbc:EndpointID>`;
  const ident = p.ean ? `<cac:PartyIdentification><cbc:ID schemeID="0088">${escapeXml(p.ean)}</cbc:ID></cac:PartyIdentification>` : '';
  // Only an exempt seller (E) names its VAT number; outside the scope of VAT (O) neither party may.
  const tax =
    tag === 'AccountingSupplierParty' && vat === 'E' && p.cvr
      ? `<cac:PartyTaxScheme><cbc:CompanyID>DK${escapeXml(p.cvr)}</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>`
      : '';
  const legalId = p.cvr ? `<cbc:CompanyID schemeID="0184">${escapeXml(p.cvr)}</cbc:CompanyID>` : '';
  return [
    `<cac:${tag}><cac:Party>`,
    endpoint,
    ident,
    `<cac:PartyName><cbc:Name>${escapeXml(p.name)}</cbc:Name></cac:PartyName>`,
    '<cac:PostalAddress><cac:Country><cbc:IdentificationCode>DK</cbc:IdentificationCode></cac:Country></cac:PostalAddress>',
    tax,
    `<cac:PartyLegalEntity><cbc:RegistrationName>${escapeXml(p.name)}</cbc:RegistrationName>${legalId}</cac:PartyLegalEntity>`,
    `</cac:Party></cac:${tag}>`,
  ].join('');
}

/** The VAT treatment of the seller's social services. */
export function vatCategory(seller: InvoiceParty): { id: 'E' | 'O'; code: string; reason: string } {
  return seller.kind === 'provider'
    ? { id: 'E', code: 'VATEX-EU-132-1G', reason: 'Momsfritaget social ydelse (momsloven § 13, stk. 1, nr. 2)' }
    : { id: 'O', code: 'VATEX-EU-O', reason: 'Offentlig myndighedsudøvelse uden for momsens anvendelsesområde' };
}

/** The statement as a UBL 2.1 invoice (Peppol BIS Billing 3). Call `invoiceProblem` first. */
export function invoiceXml(input: InvoiceInput): string {
  const vat = vatCategory(input.sellerParty);
  const cur = 'currencyID="DKK"';
  const priced = input.lines.filter((l) => l.amount !== null);
  const total = money(priced.reduce((a, l) => a.add(l.amount!), new SDec(0)));
  const { first, last } = monthBounds(input.month);
  const taxCategory = (withReason: boolean) =>
    // Outside the scope of VAT (O) carries no rate at all (BR-O-05, BR-O-10); exempt (E) carries 0.
    `<cbc:ID>${vat.id}</cbc:ID>${vat.id === 'E' ? '<cbc:Percent>0</cbc:Percent>' : ''}${
      withReason
        ? `<cbc:TaxExemptionReasonCode>${vat.code}</cbc:TaxExemptionReasonCode><cbc:TaxExemptionReason>${escapeXml(vat.reason)}</cbc:TaxExemptionReason>`
        : ''
    }<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>`;
  const lines = priced.map((l, i) => {
    const q = lineQuantity(input.month, l);
    const name = l.kind === 'adjustment' ? `Korrektion: ${l.offeringName ?? 'tidligere linje'}` : (l.offeringName ?? 'Ydelse');
    const note = [l.caseReference ? `Sag ${l.caseReference}` : '', periodText(l), l.tariffLevel ?? '', l.text ?? ''].filter(Boolean).join(', ');
    const period =
      l.periodFrom && l.periodTo
        ? `<cac:InvoicePeriod><cbc:StartDate>${l.periodFrom}</cbc:StartDate><cbc:EndDate>${l.periodTo}</cbc:EndDate></cac:InvoicePeriod>`
        : '';
    return [
      '<cac:InvoiceLine>',
      `<cbc:ID>${i + 1}</cbc:ID>`,
      note ? `<cbc:Note>${escapeXml(note)}</cbc:Note>` : '',
      `<cbc:InvoicedQuantity unitCode="${q.unitCode}">${q.quantity}</cbc:InvoicedQuantity>`,
      `<cbc:LineExtensionAmount ${cur}>${money(l.amount!)}</cbc:LineExtensionAmount>`,
      period,
      `<cac:Item><cbc:Name>${escapeXml(name.slice(0, 200))}</cbc:Name>`,
      l.caseReference ? `<cac:BuyersItemIdentification><cbc:ID>${escapeXml(l.caseReference)}</cbc:ID></cac:BuyersItemIdentification>` : '',
      `<cac:ClassifiedTaxCategory>${taxCategory(false)}</cac:ClassifiedTaxCategory></cac:Item>`,
      `<cac:Price><cbc:PriceAmount ${cur}>${q.price}</cbc:PriceAmount>`,
      q.base ? `<cbc:BaseQuantity unitCode="${q.base.unitCode}">${q.base.quantity}</cbc:BaseQuantity>` : '',
      '</cac:Price>',
      '</cac:InvoiceLine>',
    ].join('');
  });
  const note = `Afregning ${input.month} fra ${input.seller.name} til ${input.buyer.name}${input.legalReferences ? `. ${input.legalReferences}` : ''}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" ',
    'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" ',
    'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">',
    `<cbc:CustomizationID>${PEPPOL_CUSTOMIZATION}</cbc:CustomizationID>`,
    `<cbc:ProfileID>${PEPPOL_PROFILE}</cbc:ProfileID>`,
    `<cbc:ID>RAMME-${input.id}</cbc:ID>`,
    `<cbc:IssueDate>${input.issueDate}</cbc:IssueDate>`,
    `<cbc:DueDate>${input.dueDate}</cbc:DueDate>`,
    '<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>',
    `<cbc:Note>${escapeXml(note)}</cbc:Note>`,
    '<cbc:DocumentCurrencyCode>DKK</cbc:DocumentCurrencyCode>',
    `<cbc:BuyerReference>RAMME-${input.id}</cbc:BuyerReference>`,
    `<cac:InvoicePeriod><cbc:StartDate>${first}</cbc:StartDate><cbc:EndDate>${last}</cbc:EndDate></cac:InvoicePeriod>`,
    partyXml('AccountingSupplierParty', input.sellerParty, vat.id),
    partyXml('AccountingCustomerParty', input.buyerParty, vat.id),
    // 1: instrument not defined — Ramme holds no bank account; the seller's own payment details follow from its agreement.
    `<cac:PaymentMeans><cbc:PaymentMeansCode>1</cbc:PaymentMeansCode><cbc:PaymentID>RAMME-${input.id}</cbc:PaymentID></cac:PaymentMeans>`,
    `<cac:PaymentTerms><cbc:Note>Betales senest ${input.dueDate}</cbc:Note></cac:PaymentTerms>`,
    `<cac:TaxTotal><cbc:TaxAmount ${cur}>0.00</cbc:TaxAmount><cac:TaxSubtotal><cbc:TaxableAmount ${cur}>${total}</cbc:TaxableAmount>`,
    `<cbc:TaxAmount ${cur}>0.00</cbc:TaxAmount><cac:TaxCategory>${taxCategory(true)}</cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>`,
    '<cac:LegalMonetaryTotal>',
    `<cbc:LineExtensionAmount ${cur}>${total}</cbc:LineExtensionAmount>`,
    `<cbc:TaxExclusiveAmount ${cur}>${total}</cbc:TaxExclusiveAmount>`,
    `<cbc:TaxInclusiveAmount ${cur}>${total}</cbc:TaxInclusiveAmount>`,
    `<cbc:PayableAmount ${cur}>${total}</cbc:PayableAmount>`,
    '</cac:LegalMonetaryTotal>',
    ...lines,
    '</Invoice>\n',
  ].join('');
}
