/**
 * @module The area's yearly report as a PDF (pdfkit, pure JavaScript; loaded only when a PDF is asked for): the same
 * sections and numbers as the page, tables as aligned text.
 */
import PDFDocument from 'pdfkit';
import { count, formatDate, formatNumber } from '../core/format.js';
import { REPORT_STATUS_LABELS } from './announcements.table.js';
import { evaluationLines, kindsSentence, PART_LABELS, period } from './pages/yearly-report.view.js';
import { activityDate } from './pages/activities.view.js';
import { PROJECT_STATUS_LABELS } from './projects.table.js';
import type { TYearlyReport } from './yearly-report.schema.js';

export async function yearlyReportPdf(r: TYearlyReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: r.title, Author: r.area.name, Subject: 'Årsrapport for rammeaftalesamarbejdet', Creator: 'Ramme' },
    lang: 'da-DK',
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const left = doc.page.margins.left;
  const h1 = (t: string) => doc.font('Helvetica-Bold').fontSize(17).text(t).moveDown(0.5);
  const h2 = (t: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(t, left).moveDown(0.3);
  const h3 = (t: string) => doc.moveDown(0.3).font('Helvetica-Bold').fontSize(10.5).text(t, left).moveDown(0.2);
  const p = (t: string) => doc.font('Helvetica').fontSize(9.5).text(t, left).moveDown(0.3);
  const row = (cells: string[], widths: number[], isBold = false, rightFrom = 99) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
    const y = doc.y;
    let x = left;
    let bottom = y;
    doc.font(isBold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    cells.forEach((c, i) => {
      const w = widths[i]!;
      doc.text(c, x, y, { width: w - 6, align: i >= rightFrom ? 'right' : 'left' });
      bottom = Math.max(bottom, doc.y);
      x += w;
    });
    doc.x = left;
    doc.y = bottom + 3;
  };

  h1(r.title);
  p('Lavet ud fra oplysningerne i Ramme.');

  h2('Overblik');
  const a = r.activities;
  p(
    `${count(a.count, 'aktivitet', 'aktiviteter')}${a.count ? ` (${kindsSentence(a.byKind)})` : ''} med i alt ${count(a.participants, 'deltager', 'deltagere')}; ${formatNumber(a.evaluated)} evalueret med spørgeskema.`,
  );
  p(`${count(r.projects.count, 'projekt', 'projekter')}, der løb i ${r.year}.`);
  p(`${count(r.announcements.count, 'central udmelding', 'centrale udmeldinger')} besvaret.`);
  p(`${count(r.meetings.count, 'møde', 'møder')} holdt i ${count(r.meetings.bodies.length, 'organ', 'organer')}.`);

  h2('Rammeaftalen');
  if (!r.agreements.length) p(`Der er ingen rammeaftale for området i Ramme, der gælder i ${r.year}.`);
  for (const g of r.agreements) {
    h3(g.title);
    p(`Gælder ${period(g.periodStart, g.periodEnd)}.`);
    for (const part of [...new Set(g.focusAreas.map((f) => f.part))]) {
      p(`Temaer og fokusområder i ${(PART_LABELS[part] ?? part).toLowerCase()}:`);
      g.focusAreas.filter((f) => f.part === part).forEach((f, i) => p(`${i + 1}. ${f.title}${f.goal ? `: ${f.goal}` : ''}`));
    }
  }

  h2(`Aktiviteter i ${r.year}`);
  if (!a.count) p(`Der er ingen aktiviteter i ${r.area.name} i ${r.year}.`);
  else {
    p(`Der har været ${kindsSentence(a.byKind)} i ${r.year} med i alt ${count(a.participants, 'deltager', 'deltagere')}.`);
    const w = [130, 105, 62, 85, 45, 72];
    row(['Tema', 'Målgruppe', 'Dato', 'Afholdt af', 'Deltagere', 'Evaluering'], w, true, 4);
    for (const x of a.rows)
      row(
        [
          x.title,
          x.audience ?? '–',
          activityDate(x),
          x.organisers,
          x.participants === null ? '–' : formatNumber(x.participants),
          evaluationLines(x).join('\n') || '–',
        ],
        w,
        false,
        4,
      );
    row(['I alt', '', '', '', formatNumber(a.participants), ''], w, true, 4);
  }

  h2('Projekter');
  if (!r.projects.count) p(`Der er ingen projekter i ${r.area.name}, der løb i ${r.year}.`);
  for (const x of r.projects.rows) {
    h3(x.title);
    p(`Formål: ${x.purpose}`);
    p(`Projektejer: ${x.owner}. Periode: ${period(x.startDate, x.endDate)}. Status: ${PROJECT_STATUS_LABELS[x.status]}.`);
    if (x.results) p(`Resultater: ${x.results}`);
    if (x.evaluation) p(`Evaluering: ${x.evaluation}`);
  }

  h2('Centrale udmeldinger');
  if (!r.announcements.count) p(`${r.area.name} har ikke sendt en afrapportering på en central udmelding i ${r.year}.`);
  else {
    const w = [260, 75, 75, 89];
    row(['Udmelding', 'Frist', 'Sendt', 'Status'], w, true);
    for (const x of r.announcements.rows) row([x.title, formatDate(x.deadline), formatDate(x.sentOn), REPORT_STATUS_LABELS[x.status]], w);
  }

  h2('Møder i organerne');
  if (!r.meetings.bodies.length) p(`Områdets organer har ingen holdte møder i Ramme i ${r.year}.`);
  else {
    const w = [300, 60];
    row(['Organ', 'Møder'], w, true, 1);
    for (const b of r.meetings.bodies) row([b.name, formatNumber(b.held)], w, false, 1);
    row(['I alt', formatNumber(r.meetings.count)], w, true, 1);
  }
  doc.end();
  return done;
}
