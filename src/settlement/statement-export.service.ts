/**
 * @module The files of one statement for its seller and buyer (404 for everyone else): CSV, Excel, and the
 * electronic invoice (UBL 2.1 / Peppol BIS Billing 3), which exists once the statement is sent.
 */
import type { Ctx } from '../core/capability.js';
import { copenhagenDate } from '../core/clock.js';
import { conflict } from '../core/errors.js';
import { toCsv } from '../core/tabular/csv.js';
import { toXlsx } from '../core/tabular/xlsx.js';
import * as repo from './settlement.repository.js';
import { exportFilename, invoiceProblem, invoiceXml, statementCsvRows, statementSheet, type InvoiceParty } from './statement.export.js';
import { getStatement } from './statement.service.js';

export type StatementFile = { filename: string; body: string | Buffer };

export async function statementCsvFile(ctx: Ctx, id: number): Promise<StatementFile> {
  const s = await getStatement(ctx, id);
  const { header, rows } = statementCsvRows(s);
  return { filename: exportFilename(s, 'csv'), body: toCsv(header, rows) };
}

export async function statementXlsxFile(ctx: Ctx, id: number): Promise<StatementFile> {
  const s = await getStatement(ctx, id);
  return { filename: exportFilename(s, 'xlsx'), body: await toXlsx([statementSheet(s)]) };
}

/** The invoice file: only for a sent statement whose buyer has an EAN number (409 with the reason otherwise). */
export async function statementInvoiceFile(ctx: Ctx, id: number): Promise<StatementFile> {
  const s = await getStatement(ctx, id);
  if (s.status === 'kladde' || !s.sentAt || !s.dueDate) throw conflict('Afregningen er ikke sendt endnu; fakturaen dannes, når den er sendt.');
  const eans = await repo.eansOf(ctx.db, [s.seller.id, s.buyer.id]);
  const party = (org: typeof s.sellerOrg, id: number): InvoiceParty => ({
    name: org?.name ?? '',
    kind: org?.kind ?? 'municipality',
    cvr: org?.cvr ?? null,
    ean: eans.get(id) ?? null,
  });
  const input = {
    ...s,
    issueDate: copenhagenDate(new Date(s.sentAt)),
    dueDate: s.dueDate,
    sellerParty: party(s.sellerOrg, s.seller.id),
    buyerParty: party(s.buyerOrg, s.buyer.id),
  };
  const problem = invoiceProblem(input);
  if (problem) throw conflict(problem);
  return { filename: exportFilename(s, 'xml'), body: invoiceXml(input) };
}
