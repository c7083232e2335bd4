/**
 * @module Importing a Statistikbanken CSV file: a secretariat names the table and the download date; the file is
 * read in full (statbank.ts) and saved only when every line is in order, replacing the earlier import of the same
 * table, in one transaction with its audit event. Otherwise nothing is saved and the problems per line come back.
 */
import { can, requireAccess } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, type FieldErrors } from '../core/errors.js';
import { municipalities } from '../reference/reference.public.js';
import { insertSeries, insertValues, listSeries, supersede } from './series.repository.js';
import { parseStatbankCsv, tableInfo, type SeriesKind, type StatProblem } from './statbank.js';
import './analysis.policy.js';

export const STATBANK_SOURCE = 'Danmarks Statistik, Statistikbanken';
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportInput = { tableId: string; downloadedOn: string; text: string | null };
export type ImportResult =
  | {
      ok: true;
      seriesId: number;
      tableId: string;
      kind: SeriesKind;
      unit: string;
      rowCount: number;
      replaced: number;
      aggregatesLeftOut: number;
      otherCategoriesLeftOut: number;
    }
  | { ok: false; problems: StatProblem[] };

/** Who may import (before the file is read): the page and the API call this first. */
export function authorizeImport(ctx: Ctx): void {
  requireAccess(ctx, 'analysis.import', null);
}

function checkInput(ctx: Ctx, input: ImportInput): FieldErrors {
  const errors: FieldErrors = {};
  if (!tableInfo(input.tableId)) errors.tableId = ['Vælg en tabel: FOLK1A, FOLK1AM, FRKM1åå (fx FRKM125), en HAND-tabel (fx HAND07) eller REGK31.'];
  const d = input.downloadedOn;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d)
    errors.downloadedOn = ['Skriv datoen, filen blev hentet, som åååå-mm-dd.'];
  else if (d > ctx.clock.today()) errors.downloadedOn = ['Hentedatoen kan ikke ligge i fremtiden.'];
  if (input.text === null || input.text.trim() === '') errors.file = ['Vælg en CSV-fil fra Statistikbanken.'];
  return errors;
}

export async function importStatbank(ctx: Ctx, input: ImportInput): Promise<ImportResult> {
  const actor = requireAccess(ctx, 'analysis.import', null);
  const errors = checkInput(ctx, input);
  if (Object.keys(errors).length) throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', errors);
  const known = new Map((await municipalities(ctx.db)).map((m) => [m.code, m.name]));
  const parsed = parseStatbankCsv(input.text!, input.tableId, known);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const info = parsed.info;
  return ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock.now();
    const replaced = await supersede(trx, info.tableId, at);
    const series = await insertSeries(
      trx,
      {
        tableId: info.tableId,
        kind: info.kind,
        unit: info.unit,
        scale: info.scale,
        source: STATBANK_SOURCE,
        downloadedOn: input.downloadedOn,
        importedBy: actor?.userId ?? null,
      },
      parsed.rows.length,
      at,
    );
    await insertValues(trx, series.id, parsed.rows);
    await audit(trx, ctx, {
      entity: 'stat_series',
      entityId: series.id,
      action: 'create',
      after: { tableId: info.tableId, kind: info.kind, unit: info.unit, downloadedOn: input.downloadedOn, rowCount: parsed.rows.length, replaced },
    });
    return {
      ok: true as const,
      seriesId: series.id,
      tableId: info.tableId,
      kind: info.kind,
      unit: info.unit,
      rowCount: parsed.rows.length,
      replaced: replaced.length,
      aggregatesLeftOut: parsed.aggregatesLeftOut,
      otherCategoriesLeftOut: parsed.otherCategoriesLeftOut,
    };
  });
}

/** The imported series, newest first (the import page's list). */
export async function seriesList(ctx: Ctx) {
  requireAccess(ctx, 'analysis.read', null);
  return listSeries(ctx.db);
}

/** The data page: the series and whether the actor may import. */
export async function dataPage(ctx: Ctx) {
  requireAccess(ctx, 'analysis.read', null);
  return { series: await listSeries(ctx.db), canImport: can(ctx, 'analysis.import', null), today: ctx.clock.today() };
}
export type DataPageView = Awaited<ReturnType<typeof dataPage>>;
