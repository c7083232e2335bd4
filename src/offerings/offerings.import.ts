/**
 * @module Import of offerings from CSV or Excel: all rows or none, with a Danish error per line and column.
 * Access and codes are resolved for the whole file with a handful of statements (the referenced offerings
 * 500 per statement, the agreement areas of every municipality involved in one, the operators in one, the
 * reference codes once from the cache), never one query per row. Parsing and checking happen before the
 * transaction and let other requests in every 500 rows (PGlite has one connection for the whole process: a
 * long transaction would make every other request wait); the write is one short transaction of multi-row
 * statements, so a failure or a killed process leaves nothing.
 */
import { can, requireSignedIn } from '../core/access/access.js';
import { auditMany, auditRow, type AuditRow } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, HttpError, type FieldErrors } from '../core/errors.js';
import { parseCsv } from '../core/tabular/csv.js';
import { readXlsx } from '../core/tabular/xlsx.js';
import { areaIdsOfMunicipalities } from '../reference/reference.public.js';
import { checkCodes, codeBook } from './offerings.codes.js';
import { REGISTER } from './offerings.policy.js';
import {
  findOfferings,
  findOfferingsInChunks,
  insertOfferings,
  lockOfferingVersions,
  organisationKinds,
  type OfferingRowValues,
  referenceLists,
  replaceLinksOfMany,
  updateOfferings,
} from './offerings.repository.js';
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

/** Rows handled between two turns of the event loop: the server answers other requests while a file is checked. */
const BATCH = 500;
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `step` over every item, BATCH at a time, letting other requests in between batches. */
async function inBatches<T>(items: readonly T[], step: (item: T) => void): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    if (i > 0) await breathe();
    for (const item of items.slice(i, i + BATCH)) step(item);
  }
}

type Valid = { id: number | null; input: TOfferingInput; before?: TOfferingInput; version?: number };

/**
 * Import: every row parsed, validated and access-checked first, outside any transaction (what the file refers to
 * is read with one statement per check for the whole file, the offerings it updates 500 per statement, and the
 * CPU work yields to other requests every 500 rows); then all written in one short transaction of multi-row
 * statements, or none.
 */
export async function importOfferings(ctx: Ctx, rows: ImportRow[]): Promise<ImportResult> {
  const actor = requireSignedIn(ctx, 'offerings.import', REGISTER);
  const today = ctx.clock.today();
  const { db } = ctx;
  const existing = await findOfferingsInChunks(
    db,
    rows.flatMap((r) => (r.id === null ? [] : [r.id])),
  );

  // Each row on its own: the offering it updates, merged with the row and parsed (no database).
  const prepared: Prepared[] = [];
  await inBatches(rows, (row) => {
    const o = row.id === null ? undefined : existing.get(row.id);
    if (row.id !== null && !o) return void prepared.push({ row, problem: { id: [`Tilbud med ID ${row.id} findes ikke.`] } });
    const before = o ? toInput(o) : undefined;
    const existingTarget = o ? { operatorOrgId: o.operator_org_id, municipalityCode: o.municipality_code } : undefined;
    // A new row without an operator is run by the importing user's own organisation.
    const ownOperator =
      !before && row.data.operatorOrganisationId === undefined && actor.organisationKind !== 'secretariat'
        ? { operatorOrganisationId: actor.organisationId }
        : {};
    const parsed = ZOfferingInput.safeParse({ ...(before ?? {}), ...ownOperator, ...row.data });
    prepared.push({ row, before, existingTarget, ...(parsed.success ? { parsed: parsed.data } : { issues: parsed.error.issues }) });
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
  const valid: Valid[] = [];
  const seenNames = new Map<string, number>();
  await inBatches(prepared, (p) => {
    const line = p.row.line;
    const push = (fe: FieldErrors) => Object.entries(fe).forEach(([field, msgs]) => msgs.forEach((message) => errors.push({ line, field, message })));
    if (p.problem) return push(p.problem);
    if (p.existingTarget && !mayEdit(p.existingTarget.operatorOrgId, p.existingTarget.municipalityCode))
      return push({ id: ['Du må ikke ændre dette tilbud.'] });
    if (!p.parsed) {
      for (const issue of p.issues ?? []) errors.push({ line, field: issue.path.map(String).join('.') || '_', message: issue.message });
      return;
    }
    const codeErrors = checkCodes(p.parsed, book);
    if (Object.keys(codeErrors).length) return push(codeErrors);
    if (!mayEdit(p.parsed.operatorOrganisationId, p.parsed.municipalityCode))
      return push({ operatorOrganisationId: ['Du må kun importere tilbud, som din organisation driver.'] });
    const key = `${p.parsed.name.toLowerCase()}|${p.parsed.address.toLowerCase()}`;
    if (seenNames.has(key)) return push({ name: [`Samme tilbud (navn og adresse) står også i række ${seenNames.get(key)}.`] });
    seenNames.set(key, line);
    valid.push({ id: p.row.id, input: p.parsed, before: p.before, version: p.row.id === null ? undefined : existing.get(p.row.id)?.version });
  });
  if (errors.length) return { created: 0, updated: 0, errors };

  // The rows and audit events, built and checked before the transaction (a new offering's id is filled in once inserted).
  const creates: Array<{ values: OfferingRowValues; input: TOfferingInput; audit: AuditRow }> = [];
  const updates: Array<{ id: number; values: OfferingRowValues; valid: Valid; audit: AuditRow }> = [];
  await inBatches(valid, (v) => {
    const after: OfferingAuditState = { ...v.input, source: 'import' };
    if (v.id === null)
      creates.push({ values: toRow(v.input), input: v.input, audit: auditRow(ctx, { entity: 'offering', entityId: 0, action: 'create', after }) });
    else
      updates.push({
        id: v.id,
        values: toRow(v.input),
        valid: v,
        audit: auditRow(ctx, { entity: 'offering', entityId: v.id, action: 'update', before: v.before, after }),
      });
  });

  await db.transaction().execute(async (trx) => {
    // The audit's "before" of an updated offering is the row as it is now, locked until the import commits: read
    // again only for the offerings someone changed since the file was checked.
    const versions = await lockOfferingVersions(
      trx,
      updates.map((u) => u.id),
    );
    const changed = updates.filter((u) => versions.get(u.id) !== u.valid.version);
    const current = await findOfferings(
      trx,
      changed.map((u) => u.id),
    );
    for (const u of changed) {
      const now = current.get(u.id);
      if (now)
        u.audit = auditRow(ctx, { entity: 'offering', entityId: u.id, action: 'update', before: toInput(now), after: { ...u.valid.input, source: 'import' } });
    }
    const ids = await insertOfferings(
      trx,
      creates.map((c) => c.values),
    );
    await updateOfferings(trx, updates);
    await replaceLinksOfMany(
      trx,
      creates.map((c, i) => ({ offeringId: ids[i]!, extraLegalBases: c.input.extraLegalBases, targetGroups: c.input.targetGroups })),
      true,
    );
    await replaceLinksOfMany(
      trx,
      updates.map((u) => ({ offeringId: u.id, extraLegalBases: u.valid.input.extraLegalBases, targetGroups: u.valid.input.targetGroups })),
      false,
    );
    await auditMany(trx, [...creates.map((c, i) => ({ ...c.audit, entity_id: String(ids[i]) })), ...updates.map((u) => u.audit)]);
  });
  return { created: creates.length, updated: updates.length, errors: [] };
}
