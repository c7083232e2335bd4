/**
 * @module The published agreement as a PDF (pdfkit, pure JavaScript): the same structure as the document page.
 */
import { count, formatDate } from '../core/format.js';
import type { DocumentData } from './document.service.js';
import { pct, value } from './pages/shared.js';

const num = (v: string | null | undefined, unit: string) => value(v, unit);

export async function agreementPdf(d: DocumentData): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: d.title, Author: d.area.name, Subject: 'Rammeaftale', Creator: 'Ramme' },
    lang: 'da-DK',
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const h1 = (t: string) => doc.font('Helvetica-Bold').fontSize(20).text(t).moveDown(0.5);
  const h2 = (t: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(15).text(t).moveDown(0.3);
  const h3 = (t: string) => doc.moveDown(0.4).font('Helvetica-Bold').fontSize(12).text(t).moveDown(0.2);
  const p = (t: string) => doc.font('Helvetica').fontSize(10).text(t, { align: 'left' }).moveDown(0.3);
  const li = (t: string) => doc.font('Helvetica').fontSize(10).text(`•  ${t}`, { indent: 10 });

  h1(d.title);
  p(`${d.area.name} · ${formatDate(d.periodStart)} – ${formatDate(d.periodEnd)} · Status: ${d.statusLabel} · ${d.approval.text}`);
  if (d.summary) p(d.summary);
  h2('Indhold');
  const toc = [
    ...d.sections.map((s) => `${s.number}. ${s.title}`),
    ...d.parts.map((x) => x.label),
    'Fælleskommunale principper',
    'Procesforløb',
    'Godkendelse',
  ];
  toc.forEach(li);
  for (const s of d.sections) {
    h2(`${s.number}. ${s.title}`);
    p(s.body);
  }
  for (const part of d.parts) {
    h2(part.label);
    if (!part.focusAreas.length) p('Ingen fokusområder i denne del.');
    for (const f of part.focusAreas) {
      h3(`Fokusområde ${f.number}: ${f.title}`);
      if (f.goal) p(`Mål: ${f.goal}`);
      if (f.content) p(`Indhold: ${f.content}`);
      if (f.desiredResults.length) {
        p('Ønskede resultater:');
        f.desiredResults.forEach(li);
        doc.moveDown(0.3);
      }
      if (f.responsible) p(`Ansvarlig: ${f.responsible}`);
      for (const o of f.objectives) {
        doc.font('Helvetica-Bold').fontSize(10).text(`Målsætning ${f.number}.${o.number}: ${o.title}`).moveDown(0.2);
        for (const i of o.indicators)
          li(
            `${i.name}: udgangspunkt ${num(i.baseline?.value, i.unit)}, mål ${num(i.target?.value, i.unit)}, seneste ${num(i.latest?.value, i.unit)} – ${i.progressLabel}`,
          );
        doc.moveDown(0.3);
      }
    }
  }
  h2('Fælleskommunale principper');
  p(
    `${pct(d.overall.share)} af de relevante tilsagn er implementeret (${d.overall.implemented} af ${d.overall.relevant}) på tværs af ${count(d.members.length, 'medlem', 'medlemmer')}.`,
  );
  for (const pr of d.principleRows) {
    h3(`Princip ${pr.number}: ${pr.title}`);
    if (pr.description) p(pr.description);
    for (const c of pr.commitments) {
      li(`${pr.number}.${c.number} ${c.text.replace(/\.$/, '')}${c.scopeNote ? ` (${c.scopeNote})` : ''}. Gælder fra ${formatDate(c.appliesFrom)}.`);
      doc
        .font('Helvetica')
        .fontSize(9)
        .text(d.statusColumns.map((s) => `${s.label}: ${c.tally.counts[s.code] ?? 0}`).join(' · '), { indent: 22 })
        .moveDown(0.2);
    }
  }
  h3('Status pr. medlem');
  for (const m of d.memberRows) li(`${m.name}: ${m.tally.implemented} af ${m.tally.relevant} implementeret (${pct(m.tally.share)})`);
  h2('Procesforløb');
  for (const e of d.history) li(`${formatDate(e.date)}: ${e.statusLabel}${e.note ? ` – ${e.note}` : ''}`);
  doc.moveDown(0.3);
  for (const m of d.doneMilestones) li(`${formatDate(m.dueOn)}: ${m.title}${m.deliverable ? ` (leverance: ${m.deliverable})` : ''}`);
  h2('Godkendelse');
  p(d.approval.text + '.');
  for (const x of d.approvals)
    li(`${x.organisation}: ${x.decisionLabel}${x.decidedOn ? ` ${formatDate(x.decidedOn)}` : ''}${x.reference ? ` (${x.reference})` : ''}`);
  doc.end();
  return done;
}
