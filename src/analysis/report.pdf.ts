/**
 * @module The capacity analysis as a PDF (pdfkit, pure JavaScript): the same sections and numbers as the printable
 * page, tables as aligned text.
 */
import PDFDocument from 'pdfkit';
import { formatDate, formatNumber, formatPercent } from '../core/format.js';
import { PLACEMENT_KINDS, PLACEMENT_LABELS } from './capacity.js';
import type { CapacityReport } from './report.service.js';

export async function capacityReportPdf(r: CapacityReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: r.title, Author: r.capacity.area.name, Subject: 'Kapacitetsanalyse', Creator: 'Ramme' },
    lang: 'da-DK',
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const h1 = (t: string) => doc.font('Helvetica-Bold').fontSize(18).text(t).moveDown(0.5);
  const h2 = (t: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(t).moveDown(0.3);
  const p = (t: string) => doc.font('Helvetica').fontSize(9.5).text(t).moveDown(0.3);
  /** One table row: the first column left-aligned and wide, the rest right-aligned. */
  const row = (cells: string[], widths: number[], isBold = false) => {
    const y = doc.y;
    let x = doc.page.margins.left;
    doc.font(isBold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    let height = 0;
    cells.forEach((c, i) => {
      const w = widths[i]!;
      doc.text(c, x, y, { width: w - 4, align: i < 2 ? 'left' : 'right' });
      height = Math.max(height, doc.y - y);
      x += w;
    });
    doc.x = doc.page.margins.left;
    doc.y = y + height + 2;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
  };
  const c = r.capacity;
  h1(r.title);
  p(`Opgjort ${formatDate(c.today)}. Tal fra Ramme: tilbud, leverandørernes indberetninger af ledige pladser og venteliste, og kontrakter.`);

  h2('1. Udbud: pladser pr. målgruppe og tilbudstype');
  const w1 = [130, 90, 45, 45, 55, 50, 45, 45, 45];
  row(['Målgruppe', 'Tilbudstype', 'Tilbud', 'Pladser', 'Kontrakter', 'Uden for Ramme', 'Ledige', 'Venteliste', 'Belægning'], w1, true);
  for (const x of c.cells)
    row(
      [
        x.targetGroupName,
        x.offeringTypeName,
        formatNumber(x.offerings),
        formatNumber(x.places),
        formatNumber(x.contracts),
        formatNumber(x.takenOutside),
        formatNumber(x.free),
        formatNumber(x.waiting),
        formatPercent(x.occupancyPct, 1),
      ],
      w1,
    );
  const t = c.total;
  row(
    [
      'I alt',
      '',
      formatNumber(t.offerings),
      formatNumber(t.places),
      formatNumber(t.contracts),
      formatNumber(t.takenOutside),
      formatNumber(t.free),
      formatNumber(t.waiting),
      formatPercent(t.occupancyPct, 1),
    ],
    w1,
    true,
  );

  h2('2. Brug: belægning og placeringer');
  const first = c.occupancy[0]!;
  const last = c.occupancy[c.occupancy.length - 1]!;
  p(
    `Belægningen med kontrakter i Ramme gik fra ${formatPercent(first.occupancyPct, 1)} (${formatDate(first.date)}) til ${formatPercent(last.occupancyPct, 1)} (${formatDate(last.date)}) af dagens ${formatNumber(last.places)} pladser.`,
  );
  p(
    `Områdets kommuner har ${PLACEMENT_KINDS.map((k) => `${formatNumber(c.placementTotal[k])} ${PLACEMENT_LABELS[k].toLowerCase()}`).join(', ')}; borgere fra kommuner uden for området har ${formatNumber(c.fromOutside)} pladser i områdets tilbud.`,
  );

  h2('3. Tendenser og prognose pr. målgruppe');
  for (const f of r.forecasts) {
    doc.font('Helvetica-Bold').fontSize(10).text(f.group.name).moveDown(0.2);
    if (f.problems.length) p(f.problems.map((x) => x.message).join(' '));
    for (const m of f.methods)
      p(
        `${m.label}: ${formatNumber(m.forecast[m.forecast.length - 1]?.value ?? null, 0)} modtagere i ${m.forecast[m.forecast.length - 1]?.year ?? ''}; fejl på de seneste tre år ${m.backtestMape === null ? '–' : formatPercent(m.backtestMape, 1)}${m.placesNeeded ? `; ${formatNumber(m.placesNeeded.places)} pladser ved ${formatNumber(f.occupancyPct)} % belægning` : ''}.`,
      );
    const s = f.stockFlow?.result;
    if (s && f.stockFlow)
      p(
        `${f.stockFlow.label}: ${formatNumber(s.forecast[s.forecast.length - 1]?.value ?? null, 0)} borgere med kontrakt i ${s.forecast[s.forecast.length - 1]?.year ?? ''}; fejl ${s.backtestMape === null ? '–' : formatPercent(s.backtestMape, 1)}${f.stockFlow.placesNeeded ? `; ${formatNumber(f.stockFlow.placesNeeded.places)} pladser` : ''}.`,
      );
  }

  h2(`4. Kommunernes vurderinger (redegørelser ${r.assessments.year})`);
  const w2 = [200, 60, 60, 40, 40, 40, 40, 40];
  row(['Målgruppe', 'Svar', 'Gennemsnit', '1', '2', '3', '4', '5'], w2, true);
  for (const g of r.assessments.groups) row([g.name, formatNumber(g.answered), formatNumber(g.mean, 2), ...g.counts.map((n) => formatNumber(n))], w2);
  doc.end();
  return done;
}
