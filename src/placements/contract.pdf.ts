/**
 * @module The contract as a PDF (pdfkit, pure JavaScript): the same sections as the contract page, in Danish.
 */
import { count, formatDate, formatDateTime, formatMoney } from '../core/format.js';
import type { ContractView } from './contract.service.js';
import { ADDON_UNIT_LABELS, CONTRACT_STATE_LABELS, INDEXATION_LABELS, NOTICE_PARTY_LABELS, PAYMENT_TIMING_LABELS, type AddonUnit } from './placements.table.js';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '–' : String(v));

export async function contractPdf(c: ContractView): Promise<Buffer> {
  const title = `Kontrakt ${c.case_reference}`;
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: title, Author: c.buyer_name, Subject: c.template_title ?? 'Kontrakt', Creator: 'Ramme' },
    lang: 'da-DK',
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const h1 = (t: string) => doc.font('Helvetica-Bold').fontSize(18).text(t).moveDown(0.4);
  const h2 = (t: string) => doc.moveDown(0.7).font('Helvetica-Bold').fontSize(13).text(t).moveDown(0.2);
  const p = (t: string) => doc.font('Helvetica').fontSize(10).text(t).moveDown(0.2);
  const row = (label: string, value: string) => doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true }).font('Helvetica').text(value);

  h1(title);
  p(c.is_standard ? `${c.template_title} (version ${c.template_version})` : 'Kommunens egen skabelon (ikke en standardkontrakt).');
  p(`Status: ${CONTRACT_STATE_LABELS[c.state]}${c.accepted_at ? ` – accepteret ${formatDateTime(c.accepted_at)} af ${c.accepted_by}` : ''}`);

  h2('Parter');
  row('Handlekommune', `${c.buyer_name}${c.buyer_department ? `, ${c.buyer_department}` : ''} (EAN ${dash(c.buyer_ean)})`);
  row('Kontaktperson', [c.buyer_contact_name, c.buyer_contact_phone, c.buyer_contact_email].filter(Boolean).join(', ') || '–');
  row(
    'Betalingskommune',
    c.paying_org_id ? `${c.paying_name}${c.paying_department ? `, ${c.paying_department}` : ''} (EAN ${dash(c.paying_ean)})` : 'Samme som handlekommunen',
  );
  row(
    'Leverandør',
    `${c.operator_name} (${c.operator_type_name})${c.provider_ean ? `, EAN ${c.provider_ean}` : ''}${c.provider_cvr ? `, CVR ${c.provider_cvr}` : ''}`,
  );
  row('Kontaktperson', [c.provider_contact_name, c.provider_contact_phone, c.provider_contact_email].filter(Boolean).join(', ') || '–');
  row('Borger', `købers sagsnummer ${c.case_reference}`);

  h2('Ydelse og pris');
  row('Tilbud', c.offering_name);
  row('Lovgrundlag', c.legal_basis_label);
  row('Takst', c.tariff_price === null ? '–' : `${dash(c.tariff_level)}: ${formatMoney(String(c.tariff_price))} (${dash(c.tariff_unit)})`);
  row('Regulering', c.indexation ? INDEXATION_LABELS[c.indexation] : '–');
  if (c.addOns.length)
    for (const a of c.addOns)
      p(
        `•  Særydelse: ${a.text} – ${formatMoney(String(a.price))} ${ADDON_UNIT_LABELS[a.unit as AddonUnit] ?? a.unit}, ${formatDate(a.period_from)} – ${a.period_to ? formatDate(a.period_to) : 'kontraktens slut'}`,
      );
  else p('Ingen særydelser.');

  h2('Periode og opsigelse');
  row('Startdato', formatDate(c.start_date));
  row('Slutdato', c.end_date ? formatDate(c.end_date) : 'tidsubegrænset');
  if (c.current_end_date !== c.end_date) row('Slutdato efter tillæg', c.current_end_date ? formatDate(c.current_end_date) : '–');
  row('Forventet varighed', c.expected_duration_months ? count(c.expected_duration_months, 'måned', 'måneder') : '–');
  row(
    'Opsigelsesvarsel',
    `køber ${dash(c.terms.buyerNoticeDays)} dage, leverandør ${dash(c.terms.providerNoticeDays)} dage${c.notice?.is_placeholder ? ' (pladsholder)' : ''}`,
  );
  if (c.notice_party) row('Opsagt', `${formatDate(c.notice_given_on)} af ${NOTICE_PARTY_LABELS[c.notice_party]}; ophører ${formatDate(c.notice_end_date)}`);

  h2('Mål og opfølgning');
  p(c.goals ?? 'Ingen mål beskrevet.');
  row('Opfølgning', c.follow_up_dates.length ? c.follow_up_dates.map((d) => formatDate(d)).join(', ') : '–');

  h2('Betaling');
  p(
    `${c.payment_timing ? `Betaling ${PAYMENT_TIMING_LABELS[c.payment_timing].toLowerCase()}` : 'Betaling forud/bagud ikke valgt'}; betalingsfrist ${c.payment_days === null ? '–' : `${c.payment_days} dage`} efter modtaget faktura.`,
  );

  if (c.amendments.length) {
    h2('Tillæg');
    for (const a of c.amendments) p(`Tillæg ${a.number}, gælder fra ${formatDate(a.effective_date)}: ${a.description}`);
  }
  if (c.template_body) {
    h2('Skabelonens vilkår');
    p(c.template_body);
  }
  doc.end();
  return done;
}
