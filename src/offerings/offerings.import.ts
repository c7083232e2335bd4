/**
 * @module Import of offerings from CSV or Excel: all rows or none, with a Danish error per line and column.
 * Access and codes are resolved for the whole file with a handful of statements (the referenced offerings
 * in one, the agreement areas of every municipality involved in one, the operators in one, the reference
 * codes once from the cache), never one query per row.
 */
import { can, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, HttpError, type FieldErrors } from '../core/errors.js';
import { parseCsv } from '../core/tabular/csv.js';
import { readXlsx } from '../core/tabular/xlsx.js';
import { areaIdsOfMunicipalities } from '../reference/reference.public.js';
import { checkCodes, codeBook } from './offerings.codes.js';
import { REGISTER } from './offerings.policy.js';
import { findOfferings, insertOffering, lockOfferings, organisationKinds, referenceLists, updateOffering } from './offerings.repository.js';
import { ZOfferingInput, type TOfferingInput } from './offerings.schema.js';
import { toInput, toRow, type OfferingAuditState } from './offerings.service.js';
import { exportHeader, rowsToImport, type ImportProblem, type ImportRow } from './offerings.tabular.js';

export type ImportResult = { created: number; updated: number; errors: ImportProblem[] };

/** An uploaded file as the route read it (null: the request carried no file). */
export type Upload = { filename: string; buffer: Buffer; truncated: boolean } | null;

/** The import page before an upload: only for those who may import. */
export function openImport(ctx: Ctx): void {
  requireSignedIn(ctx, 'offerings.import', REGISTER);
}

/** The empty file to fill in: the export's header. */
export function importTemplate(ctx: Ctx): string[] {
  requireSignedIn(ctx, 'offerings.read', REGISTER);
  return exportHeader();
}

/** Reads the uploaded file (only after the access check) and imports it. */
export async function importFile(ctx: Ctx, readUpload: () => Promise<Upload>): Promise<ImportResult> {
  requireSignedIn(ctx, 'offerings.import', REGISTER);
  const file = await readUpload();
  if (!file) throw badRequest('Vælg en fil at importere.');
  if (file.truncated) throw new HttpError(413, 'Filen er for stor (højst 10 MB).');
  const name = file.filename.toLowerCase();
  let table: string[][];
  try {
    if (name.endsWith('.xlsx')) table = await readXlsx(file.buffer);
    else if (name.endsWith('.csv') || name.endsWith('.txt')) table = parseCsv(file.buffer.toString('utf8'));
    else throw new Error('Filtypen kendes ikke. Brug .csv eller .xlsx.');
  } catch (error) {
    throw badRequest((error as Error).message);
  }
  const { rows, problems } = rowsToImport(table);
  if (problems.length) return { created: 0, updated: 0, errors: problems };
  return importOfferings(ctx, rows);
}

/** One row after the steps that need no database: the offering it updates, and the merged input parsed (or its issues). */
type Prepared = {
  row: ImportRow;
  before?: TOfferingInput;
  existingTarget?: { operatorOrgId: number; municipalityCode: number };
  problem?: FieldErrors;
  parsed?: TOfferingInput;
  issues?: ReadonlyArray<{ path: PropertyKey[]; message: string }>;
};

/** Import: every row validated and access-checked first; then all written in one transaction, or none. */
export async function importOfferings(ctx: Ctx, rows: ImportRow[]): Promise<ImportResult> {
  const actor = requireSignedIn(ctx, 'offerings.import', REGISTER);
  const today = ctx.clock.today();
  const { db } = ctx;
  const existing = await findOfferings(
    db,
    rows.flatMap((r) => (r.id === null ? [] : [r.id])),
  );

  // Each row on its own: the offering it updates, merged with the row and parsed (no database).
  const prepared: Prepared[] = rows.map((row) => {
    const o = row.id === null ? undefined : existing.get(row.id);
    if (row.id !== null && !o) return { row, problem: { id: [`Tilbud med ID ${row.id} findes ikke.`] } };
    const before = o ? toInput(o) : undefined;
    const existingTarget = o ? { operatorOrgId: o.operator_org_id, municipalityCode: o.municipality_code } : undefined;
    // A new row without an operator is run by the importing user's own organisation.
    const ownOperator =
      !before && row.data.operatorOrganisationId === undefined && actor.organisationKind !== 'secretariat'
        ? { operatorOrganisationId: actor.organisationId }
        : {};
    const parsed = ZOfferingInput.safeParse({ ...(before ?? {}), ...ownOperator, ...row.data });
    return { row, before, existingTarget, ...(parsed.success ? { parsed: parsed.data } : { issues: parsed.error.issues }) };
  });

  // Then what the whole file refers to, once: the areas of every municipality, the operators, the codes.
  const municipalities = prepared.flatMap((p) => [p.existingTarget?.municipalityCode, p.parsed?.municipalityCode].filter((c): c is number => c !== undefined));
  const areas = await areaIdsOfMunicipalities(db, municipalities, today);
  const book = codeBook(
    await referenceLists(db, today),
    await organisationKinds(
      db,
      prepared.flatMap((p) => (p.parsed ? [p.parsed.operatorOrganisationId] : [])),
    ),
    today,
  );
  const mayEdit = (operatorOrgId: number, municipalityCode: number) =>
    can(ctx, 'offerings.edit', { operatorOrgId, areaIds: areas.get(municipalityCode) ?? [] });

  const errors: ImportProblem[] = [];
  const valid: Array<{ id: number | null; input: TOfferingInput; before?: TOfferingInput }> = [];
  const seenNames = new Map<string, number>();
  for (const p of prepared) {
    const line = p.row.line;
    const push = (fe: FieldErrors) => Object.entries(fe).forEach(([field, msgs]) => msgs.forEach((message) => errors.push({ line, field, message })));
    if (p.problem) {
      push(p.problem);
      continue;
    }
    if (p.existingTarget && !mayEdit(p.existingTarget.operatorOrgId, p.existingTarget.municipalityCode)) {
      push({ id: ['Du må ikke ændre dette tilbud.'] });
      continue;
    }
    if (!p.parsed) {
      for (const issue of p.issues ?? []) errors.push({ line, field: issue.path.map(String).join('.') || '_', message: issue.message });
      continue;
    }
    const codeErrors = checkCodes(p.parsed, book);
    if (Object.keys(codeErrors).length) {
      push(codeErrors);
      continue;
    }
    if (!mayEdit(p.parsed.operatorOrganisationId, p.parsed.municipalityCode)) {
      push({ operatorOrganisationId: ['Du må kun importere tilbud, som din organisation driver.'] });
      continue;
    }
    const key = `${p.parsed.name.toLowerCase()}|${p.parsed.address.toLowerCase()}`;
    if (seenNames.has(key)) {
      push({ name: [`Samme tilbud (navn og adresse) står også i række ${seenNames.get(key)}.`] });
      continue;
    }
    seenNames.set(key, line);
    valid.push({ id: p.row.id, input: p.parsed, before: p.before });
  }
  if (errors.length) return { created: 0, updated: 0, errors };

  let created = 0;
  let updated = 0;
  await db.transaction().execute(async (trx) => {
    // The audit's "before" of an updated offering is the row as it is now, locked until the import commits.
    const ids = valid.flatMap((v) => (v.id === null ? [] : [v.id]));
    await lockOfferings(trx, ids);
    const current = await findOfferings(trx, ids);
    for (const v of valid) {
      const after: OfferingAuditState = { ...v.input, source: 'import' };
      if (v.id === null) {
        const id = await insertOffering(trx, toRow(v.input), v.input.extraLegalBases, v.input.targetGroups);
        await audit(trx, ctx, { entity: 'offering', entityId: id, action: 'create', after });
        created++;
      } else {
        await updateOffering(trx, v.id, toRow(v.input), v.input.extraLegalBases, v.input.targetGroups);
        const now = current.get(v.id);
        await audit(trx, ctx, { entity: 'offering', entityId: v.id, action: 'update', before: now ? toInput(now) : v.before, after });
        updated++;
      }
    }
  });
  return { created, updated, errors: [] };
}
