/**
 * @module Import of existing contracts by the buying municipality's case worker (CSV or Excel): every row read and
 * checked first (CPR-looking text refused naming row and column, offerings, templates, duplicates in the file and
 * in Ramme resolved for the whole file in a few statements), then all saved in one transaction, or none. Imported
 * contracts are marked `is_imported`; those that are not standard contracts are marked as made on the
 * municipality's own template (`is_standard` false, no template); standard ones record the template version in
 * force on their start date. They are agreed contracts (accepted), each audited.
 */
import { requireSignedIn } from '../core/access/access.js';
import { auditMany, auditRow } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, HttpError } from '../core/errors.js';
import { parseCsv } from '../core/tabular/csv.js';
import { readXlsx } from '../core/tabular/xlsx.js';
import { IMPORT_COLUMNS, type ImportProblem, readContractTable } from './contract-import.js';
import * as repo from './contract.repository.js';
import { isPublicOperatorType } from './logic.js';
import { PLACEMENTS } from './placements.policy.js';

export type Upload = { filename: string; buffer: Buffer; truncated: boolean } | null;
export type ContractImportResult = { created: number; standard: number; ownTemplate: number; errors: ImportProblem[] };

/** The import page before an upload: the buyer's case worker only. */
export function openContractImport(ctx: Ctx) {
  requireSignedIn(ctx, 'placements.contract.import', PLACEMENTS);
  return { columns: IMPORT_COLUMNS };
}

async function readTable(file: NonNullable<Upload>): Promise<string[][]> {
  const name = file.filename.toLowerCase();
  try {
    if (name.endsWith('.xlsx')) return await readXlsx(file.buffer);
    if (name.endsWith('.csv') || name.endsWith('.txt')) return parseCsv(file.buffer.toString('utf8'));
  } catch (error) {
    throw badRequest(`Filen kan ikke læses: ${(error as Error).message}`);
  }
  throw badRequest('Filtypen kendes ikke. Brug .csv eller .xlsx.');
}

/** Reads the uploaded file (only after the access check) and imports every row or none. */
export async function importContracts(ctx: Ctx, readUpload: () => Promise<Upload>): Promise<ContractImportResult> {
  const actor = requireSignedIn(ctx, 'placements.contract.import', PLACEMENTS);
  const file = await readUpload();
  if (!file) throw badRequest('Vælg en fil at importere.');
  if (file.truncated) throw new HttpError(413, 'Filen er for stor (højst 10 MB).');
  const { rows, problems } = readContractTable(await readTable(file));
  const none = { created: 0, standard: 0, ownTemplate: 0 };
  // A file that cannot be read as rows (columns, size) stops here; otherwise every row's problems are reported at once.
  if (problems.some((p) => p.line === 1) || !rows.length) return { ...none, errors: problems };

  const [offerings, templates, existing] = await Promise.all([
    repo.offeringsForImport(
      ctx.db,
      rows.map((r) => r.data.offeringId),
    ),
    repo.allTemplates(ctx.db),
    repo.existingCaseReferences(
      ctx.db,
      actor.organisationId,
      rows.map((r) => r.data.caseReference),
    ),
  ]);
  const offeringOf = new Map(offerings.map((o) => [o.offering_id, o]));
  const taken = new Set(existing.map((e) => `${e.offering_id}|${e.case_reference}`));
  const templateOn = (code: string, date: string) =>
    templates.find((t) => t.code === code && t.valid_from <= date && (t.valid_to === null || t.valid_to >= date)) ?? null;

  const now = ctx.clock.now();
  const errors: ImportProblem[] = [...problems];
  const values: Array<{ line: number; row: Parameters<typeof repo.insertContracts>[1][number]; templateVersion: number | null }> = [];
  for (const { line, data: d } of rows) {
    const o = offeringOf.get(d.offeringId);
    if (!o) {
      errors.push({ line, field: 'tilbud_id', message: `Tilbud med ID ${d.offeringId} findes ikke.` });
      continue;
    }
    if (taken.has(`${d.offeringId}|${d.caseReference.toLowerCase()}`)) {
      errors.push({ line, field: 'sagsnummer', message: 'Kommunen har allerede en kontrakt med dette sagsnummer på tilbuddet.' });
      continue;
    }
    const isInside = isPublicOperatorType(o.operator_type) && o.is_covered;
    const code = `${isInside ? 'inside' : 'outside'}_${o.legal_basis_law === 'Barnets lov' ? 'child' : 'adult'}`;
    const template = d.isStandard ? templateOn(code, d.startDate) : null;
    if (d.isStandard && !template) {
      errors.push({
        line,
        field: 'standardkontrakt',
        message: 'Der var ingen standardkontrakt i kraft på startdatoen. Skriv "nej" (kommunens egen skabelon).',
      });
      continue;
    }
    values.push({
      line,
      templateVersion: template?.version ?? null,
      row: {
        offering_id: d.offeringId,
        buyer_org_id: actor.organisationId,
        template_id: template?.id ?? null,
        is_standard: template !== null,
        is_imported: true,
        case_reference: d.caseReference,
        start_date: d.startDate,
        end_date: d.endDate,
        current_end_date: d.endDate,
        expected_duration_months: d.expectedDurationMonths,
        status: 'accepteret',
        tariff_level: d.tariffLevel,
        tariff_price: d.tariffPrice,
        tariff_unit: d.tariffUnit,
        buyer_department: d.buyerDepartment,
        buyer_contact_name: d.buyerContactName,
        indexation: isInside ? 'naeste_takst' : 'pl',
        created_at: now,
        created_by: actor.username,
        sent_at: now,
        sent_by: actor.username,
        accepted_at: now,
        accepted_by: actor.username,
      },
    });
  }
  if (errors.length) return { ...none, errors: errors.sort((a, b) => a.line - b.line) };

  // The audit events are built and checked before the transaction (each contract's id is filled in once inserted).
  const events = values.map((v) =>
    auditRow(ctx, {
      entity: 'contract',
      entityId: 0,
      action: 'create',
      after: {
        source: 'import',
        line: v.line,
        offeringId: v.row.offering_id,
        caseReference: v.row.case_reference,
        startDate: v.row.start_date,
        endDate: v.row.end_date,
        isStandard: v.row.is_standard,
        templateVersion: v.templateVersion,
        status: 'accepteret',
      },
    }),
  );
  await ctx.db.transaction().execute(async (trx) => {
    const ids = await repo.insertContracts(
      trx,
      values.map((v) => v.row),
    );
    await auditMany(
      trx,
      events.map((e, i) => ({ ...e, entity_id: String(ids[i]) })),
    );
  });
  const standard = values.filter((v) => v.row.is_standard).length;
  return { created: values.length, standard, ownTemplate: values.length - standard, errors: [] };
}
