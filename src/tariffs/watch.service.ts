/**
 * @module The increase watch for signed-in users: the half-yearly report of flagged increases to the socialtilsyn
 * (per supervisory authority and municipality, with each offering's explanation, also as CSV) and the steering
 * group's review list with the figures per operating organisation.
 */
import { can, requireSignedIn } from '../core/access/access.js';
import type { Actor } from '../core/auth/actor.js';
import type { Ctx } from '../core/capability.js';
import { copenhagenDate, type Clock } from '../core/clock.js';
import type { Queryable } from '../core/db/types.js';
import { notFound } from '../core/errors.js';
import { formatForInput } from '../core/format.js';
import { toCsv } from '../core/tabular/csv.js';
import { UNIT_LABELS, type Unit } from './calculation.js';
import { pctCell } from './overview.export.js';
import { findReport, reportsOfArea } from './report.repository.js';
import { requireRule, reviewDatesIn } from './rules.repository.js';
import { listAreas } from './tariffs.repository.js';
import { areaMembersIn, type FlaggedRow, figuresByOperator, flaggedApprovedBetween } from './watch.repository.js';

/** Each row with whether the actor may open its tariff page: a link is offered only then (a superseded or unpublished version is closed to most readers). */
const withAccess = (ctx: Ctx, rows: FlaggedRow[]) =>
  rows.map((r) => ({ ...r, isOpenable: can(ctx, 'tariffs.read', { status: r.status, areaId: r.area_id, operatorOrgId: r.operator_org_id }) }));
export type WatchRow = ReturnType<typeof withAccess>[number];

export type WatchQuery = { area?: string; periode?: string; dato?: string; takstaar?: number };

async function areaFor(db: Queryable, actor: Actor, code: string | undefined) {
  const areas = await listAreas(db);
  const chosen = code
    ? areas.find((a) => a.code === code)
    : (areas.find((a) => actor.areaIds.includes(a.id)) ?? areas.find((a) => a.code === 'sjaelland') ?? areas[0]);
  if (!chosen) throw notFound('Rammeaftaleområdet findes ikke.');
  return { area: chosen, areas };
}

/** A half year ('2026-2'): `from` is the day before it (the query's lower bound is exclusive), `start` its first day. */
export function halfYear(p: string) {
  const [y, h] = p.split('-').map(Number) as [number, number];
  return {
    from: h === 1 ? `${y - 1}-12-31` : `${y}-06-30`,
    start: h === 1 ? `${y}-01-01` : `${y}-07-01`,
    to: h === 1 ? `${y}-06-30` : `${y}-12-31`,
    label: `${h}. halvår ${y}`,
  };
}

const currentHalf = (clock: Clock) => {
  const t = clock.today();
  return `${t.slice(0, 4)}-${Number(t.slice(5, 7)) <= 6 ? 1 : 2}`;
};

/** The report of flagged increases approved in a half year, for the chosen area. */
export async function increaseReport(ctx: Ctx, q: WatchQuery) {
  const actor = requireSignedIn(ctx, 'tariffs.watch.read', null);
  const { area, areas } = await areaFor(ctx.db, actor, q.area);
  const periode = q.periode ?? currentHalf(ctx.clock);
  const period = halfYear(periode);
  const year = Number(periode.slice(0, 4));
  const rows = withAccess(ctx, await flaggedApprovedBetween(ctx.db, area.id, period.from, period.to));
  const rule = await requireRule(ctx.db, area.id, year);
  const periods = [year + 1, year, year - 1, year - 2].flatMap((y) => [`${y}-2`, `${y}-1`]);
  const record = await findReport(ctx.db, area.id, periode);
  const canRecord = !record && can(ctx, 'tariffs.report.record', { areaId: area.id });
  return { area, areas, periode, period, rows, rule, periods, record, canRecord, today: ctx.clock.today() };
}
export type IncreaseReportData = Awaited<ReturnType<typeof increaseReport>>;

/** The same report as CSV (semicolons, decimal commas). */
export async function increaseReportCsv(ctx: Ctx, q: WatchQuery) {
  const actor = requireSignedIn(ctx, 'tariffs.watch.read', null);
  const { area } = await areaFor(ctx.db, actor, q.area);
  const periode = q.periode ?? currentHalf(ctx.clock);
  const p = halfYear(periode);
  const rows = await flaggedApprovedBetween(ctx.db, area.id, p.from, p.to);
  const body = toCsv(
    [
      'Socialtilsyn',
      'Kommune',
      'Tilbud',
      'Tilbuds-id',
      'Driftsherre',
      'Takstår',
      'Version',
      'Enhed',
      'Sidste års takst',
      'Ny takst',
      'Nominel ændring %',
      'Real ændring %',
      'P/L %',
      'Forklaring',
      'Godkendt',
    ],
    rows.map((r) => [
      r.socialtilsyn_name,
      r.municipality_name,
      r.offering_name,
      r.offering_id,
      r.operator_name,
      r.year,
      r.version,
      UNIT_LABELS[r.unit as Unit] ?? r.unit,
      formatForInput(r.previous_average),
      formatForInput(r.average_tariff),
      pctCell(r.nominal_change_pct),
      pctCell(r.real_change_pct),
      pctCell(r.pl_pct),
      r.explanation,
      copenhagenDate(r.approved_at),
    ]),
  );
  return { filename: `takststigninger-${area.code}-${periode}.csv`, body };
}

/** The steering group's review: increases approved since its previous meeting, and the figures per operator for a tariff year. */
export async function steeringReview(ctx: Ctx, q: WatchQuery) {
  const actor = requireSignedIn(ctx, 'tariffs.watch.read', null);
  const { area, areas } = await areaFor(ctx.db, actor, q.area);
  const today = ctx.clock.today();
  const thisYear = Number(today.slice(0, 4));
  const rule = await requireRule(ctx.db, area.id, thisYear);
  const dates = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1].flatMap((y) => reviewDatesIn(rule, y));
  const date = q.dato ?? dates.find((d) => d >= today) ?? dates[dates.length - 1]!;
  const previous = [...dates].reverse().find((d) => d < date) ?? `${Number(date.slice(0, 4)) - 1}-${date.slice(5)}`;
  const tariffYear = q.takstaar ?? Number(date.slice(0, 4)) + (Number(date.slice(5, 7)) >= 7 ? 1 : 0);
  const rows = withAccess(ctx, await flaggedApprovedBetween(ctx.db, area.id, previous, date));
  const figures = await figuresByOperator(ctx.db, await areaMembersIn(ctx.db, area.id, tariffYear), tariffYear);
  const reports = await reportsOfArea(ctx.db, area.id);
  return { area, areas, rule, dates, date, previous, tariffYear, rows, figures, reports };
}
export type SteeringReviewData = Awaited<ReturnType<typeof steeringReview>>;
