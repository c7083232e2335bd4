/**
 * @module The tariff overview of an area and year with its access rule: public once published; before that only
 * the area's secretariat sees it (as a preview including approved tariffs), with the round's status and the
 * offerings behind each count. Also the overview as JSON, CSV and Excel.
 */
import { can, requireAccess } from '../core/access/access.js';
import type { Ctx } from '../core/capability.js';
import { notFound } from '../core/errors.js';
import { overviewCsv, overviewXlsx } from './overview.export.js';
import { parseLevels, type RoundState } from './overview.model.js';
import { filterOverview, isFiltered, overviewChoices, type OverviewQuery } from './overview.filter.js';
import { inputsOf, offeringsInRoundState, openOfferingsOfArea, overviewRows, publications, roundStatus } from './overview.repository.js';
import { findAreaByCode } from './tariffs.repository.js';
import { areaMembersIn } from './watch.repository.js';

async function requireArea(ctx: Ctx, areaCode: string, year: number) {
  const area = await findAreaByCode(ctx.db, areaCode);
  if (!area) throw notFound('Rammeaftaleområdet findes ikke.');
  const pubs = await publications(ctx.db, area.id, year);
  return { area, pubs, target: { areaId: area.id, isPublished: pubs.length > 0 } };
}

/** The overview's rows and publications; with `preview`, the secretariat sees approved tariffs in place of the published ones. */
export async function loadOverview(ctx: Ctx, areaCode: string, year: number, options: { preview?: boolean } = {}) {
  const { area, pubs, target } = await requireArea(ctx, areaCode, year);
  // Before publication the overview does not exist for anyone but the area's secretariat, signed in or not: 404, never the login page.
  if (!can(ctx, 'tariffs.overview.read', target)) throw notFound(`Takstoversigten for ${area.name} ${year} er ikke offentliggjort endnu.`);
  const isReviewer = can(ctx, 'tariffs.round.read', target);
  const isPreview = isReviewer && !!options.preview;
  const rows = await overviewRows(ctx.db, area.id, year, { includeApproved: isPreview });
  return { area, year, isReviewer, isPreview, publications: pubs, rows };
}

/**
 * The overview page: the rows matching the search and filters (grouped by municipality), the filters' choices,
 * the area's open offerings the overview lacks, and for the secretariat how far the year's round has come.
 */
export async function overviewPage(ctx: Ctx, areaCode: string, year: number, options: { preview?: boolean; query?: OverviewQuery } = {}) {
  const o = await loadOverview(ctx, areaCode, year, options);
  const { municipalityCodes } = await areaMembersIn(ctx.db, o.area.id, year);
  const status = o.isReviewer ? await roundStatus(ctx.db, municipalityCodes, year) : null;
  const included = new Set(o.rows.map((r) => r.offering_id));
  const missing = (await openOfferingsOfArea(ctx.db, municipalityCodes)).filter((r) => !included.has(r.offering_id));
  const query = options.query ?? {};
  return {
    ...o,
    status,
    query,
    isFiltered: isFiltered(query),
    choices: overviewChoices(o.rows),
    shown: filterOverview(o.rows, query),
    missing,
    offeringsInArea: included.size + missing.length,
  };
}
export type OverviewPageData = Awaited<ReturnType<typeof overviewPage>>;

export async function overviewJson(ctx: Ctx, areaCode: string, year: number) {
  const o = await loadOverview(ctx, areaCode, year);
  return {
    area: { code: o.area.code, name: o.area.name },
    year,
    publishedAt: o.publications[0]?.published_at ?? null,
    items: o.rows.map((r) => ({
      tariffId: r.version_id,
      version: r.version,
      offeringId: r.offering_id,
      offeringName: r.offering_name,
      municipality: r.municipality_name,
      operator: r.operator_name,
      operatorType: r.operator_type,
      offeringType: r.offering_type_name,
      legalBasis: r.legal_basis,
      targetGroups: r.target_groups,
      unit: r.unit,
      averageTariff: r.average_tariff,
      levels: parseLevels(r.levels).map((l) => ({ name: l.name, tariff: l.tariff })),
      occupancyPctUsed: r.occupancy_pct_used,
      nominalChangePct: r.nominal_change_pct,
      realChangePct: r.real_change_pct,
      isFlagged: r.is_flagged,
      explanation: r.explanation,
      correctionReason: r.correction_reason,
    })),
  };
}

const stamp = (area: string, year: number) => `takstoversigt-${area}-${year}`;

export async function overviewCsvFile(ctx: Ctx, areaCode: string, year: number) {
  const o = await loadOverview(ctx, areaCode, year);
  return { filename: `${stamp(o.area.code, year)}.csv`, body: overviewCsv(o.rows) };
}

export async function overviewXlsxFile(ctx: Ctx, areaCode: string, year: number) {
  const o = await loadOverview(ctx, areaCode, year);
  const body = await overviewXlsx(
    o.rows,
    await inputsOf(
      ctx.db,
      o.rows.map((r) => r.version_id),
    ),
  );
  return { filename: `${stamp(o.area.code, year)}.xlsx`, body };
}

/** The area and year of a round the actor reviews (the secretariat's; 403/404 for others, see `tariffs.round.read`). */
export async function requireRound(ctx: Ctx, areaCode: string, year: number) {
  const { area, pubs, target } = await requireArea(ctx, areaCode, year);
  requireAccess(ctx, 'tariffs.round.read', target);
  return { area, publications: pubs };
}

/** The offerings behind one count of the round, so the secretariat sees whom to chase. */
export async function roundStateList(ctx: Ctx, areaCode: string, year: number, state: RoundState) {
  const { area } = await requireRound(ctx, areaCode, year);
  const rows = await offeringsInRoundState(ctx.db, (await areaMembersIn(ctx.db, area.id, year)).municipalityCodes, year, state);
  return { area, year, state, rows };
}
export type RoundStateData = Awaited<ReturnType<typeof roundStateList>>;
