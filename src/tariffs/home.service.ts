/**
 * @module The tariffs front page (public: the published overviews; an operator's own offerings and their round;
 * the secretariat's queue) and an offering's tariff history with the versions the actor may see.
 */
import { can, requireAccess, requireSignedIn } from '../core/access/access.js';
import type { Ctx } from '../core/capability.js';
import { notFound } from '../core/errors.js';
import { ownOfferings, reviewQueue } from './list.repository.js';
import { publishedYears } from './overview.repository.js';
import { deadlineFor, findRule } from './rules.repository.js';
import { versionScope } from './tariffs.policy.js';
import { findAreaById, offeringContext, versionsOfOffering } from './tariffs.repository.js';
import { roundYear } from './tariffs.service.js';

type OwnRow = Awaited<ReturnType<typeof ownOfferings>>[number];

/** An operator's offerings with the version in force (or open) per year. */
function byOffering(rows: OwnRow[]) {
  const out = new Map<number, { id: number; name: string; cells: Map<number, OwnRow> }>();
  for (const r of rows) {
    const e = out.get(r.id) ?? { id: r.id, name: r.name, cells: new Map<number, OwnRow>() };
    if (r.year && r.version_id && !r.superseded_at) e.cells.set(r.year, r);
    out.set(r.id, e);
  }
  return [...out.values()];
}

export async function tariffsHome(ctx: Ctx) {
  requireAccess(ctx, 'tariffs.list', null);
  const year = roundYear(ctx.clock);
  const scope = versionScope(ctx.actor);
  const isOperator = can(ctx, 'tariffs.operate', null);
  const isSecretariat = can(ctx, 'tariffs.review', null);
  const published = await publishedYears(ctx.db);
  const own = isOperator && scope.operatorOrgId !== null ? byOffering(await ownOfferings(ctx.db, scope.operatorOrgId, [year - 1, year])) : [];
  const queue = isSecretariat ? await reviewQueue(ctx.db, scope.secretariatAreaIds) : [];
  const ownAreaId = ctx.actor?.areaIds[0];
  const ownArea = ownAreaId ? await findAreaById(ctx.db, ownAreaId) : null;
  const rule = ownAreaId ? await findRule(ctx.db, ownAreaId, year) : null;
  const areas = [...new Map(published.map((p) => [p.code, p.name])).entries()].map(([code, name]) => ({
    code,
    name,
    years: published.filter((p) => p.code === code).map((p) => p.year),
  }));
  return {
    year,
    areas,
    isOperator,
    isSecretariat,
    own,
    queue,
    areaCode: ownArea?.code ?? null,
    deadline: rule ? deadlineFor(rule, year) : null,
    organisationName: ctx.actor?.organisationName ?? '',
  };
}
export type TariffsHomeData = Awaited<ReturnType<typeof tariffsHome>>;

/** An offering's tariffs: every version the actor may see, and which years it may start a calculation for. */
/** One offering's tariffs: the register's data (name, operator), so for signed-in users only. */
export async function offeringTariffs(ctx: Ctx, offeringId: number) {
  requireSignedIn(ctx, 'tariffs.list', null);
  const year = roundYear(ctx.clock);
  const offering = await offeringContext(ctx.db, offeringId, year);
  if (!offering) throw notFound('Tilbuddet findes ikke.');
  const versions = await versionsOfOffering(ctx.db, offering, versionScope(ctx.actor));
  const years = new Set(versions.map((v) => v.year));
  const startYears = can(ctx, 'tariffs.create', { operatorOrgId: offering.operator_org_id }) ? [year, year - 1].filter((y) => !years.has(y)) : [];
  return { offering, versions, startYears };
}
export type OfferingTariffsData = Awaited<ReturnType<typeof offeringTariffs>>;
