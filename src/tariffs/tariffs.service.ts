/**
 * @module Tariff versions: reading one (as JSON or as its page), the list, what-if, and the round's status
 * changes (submit, approve, return, delete). Each starts with one access call on the version; each status change
 * re-checks the state inside its transaction (see transitions.ts) and writes its audit entry there. Drafts are
 * created and edited in draft.service.ts, overviews published in publish.service.ts.
 */
import { can, requireAccess, requireSignedIn, type Permission, type Permissions } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, conflict, notFound } from '../core/errors.js';
import { formatUpTo } from '../core/format.js';
import { parseInput } from '../core/validation.js';
import { checkVersion, type ExpectedVersion } from '../core/version.js';
import { calculateTariff, type CalcInput } from './calculation.js';
import { calcFieldsOf, calcValues, computeInContext, latestTariffYear, levelValues } from './draft.compute.js';
import { listVersions } from './list.repository.js';
import { versionScope, type VersionTarget } from './tariffs.policy.js';
import {
  currentOfTariff,
  deleteNeverSubmitted,
  getVersion,
  offeringContext,
  lockVersion,
  statusOf,
  transitionVersion,
  versionHistory,
  versionSummary,
  type LevelValues,
  type OfferingContext,
  type VersionDetail,
  type VersionValues,
} from './tariffs.repository.js';
import { ZReturn, ZSubmit, type TListQuery } from './tariffs.schema.js';
import type { TariffStatus } from './tariffs.table.js';
import { canTransition, raceOf, refusalOf } from './transitions.js';
import { whatIf, type WhatIfValues } from './whatif.js';

/** The round being worked on: next year's tariffs (the latest year a new tariff can be started for). */
export const roundYear = latestTariffYear;

/** The permissions that change one version (reading is `requireReadable`: published versions are public). */
type VersionPermission = Exclude<{ [P in Permission]: Permissions[P] extends VersionTarget ? P : never }[Permission], 'tariffs.read'>;

export const targetOf = (v: Pick<VersionDetail, 'status' | 'area_id'>, offering: Pick<OfferingContext, 'operator_org_id'>): VersionTarget => ({
  status: v.status,
  areaId: v.area_id,
  operatorOrgId: offering.operator_org_id,
});

async function loadVersion(ctx: Ctx, id: number) {
  const v = await getVersion(ctx.db, id);
  if (!v) throw notFound('Taksten findes ikke.');
  const offering = await offeringContext(ctx.db, v.offering_id, v.year);
  if (!offering) throw notFound('Tilbuddet findes ikke.');
  return { v, offering };
}

/** Loads a version with its offering and decides whether the actor may read it: the first call of every read of one version. */
export async function requireReadable(ctx: Ctx, id: number) {
  const { v, offering } = await loadVersion(ctx, id);
  return { v, offering, actor: requireAccess(ctx, 'tariffs.read', targetOf(v, offering)) };
}

/** Loads a version with its offering and decides `permission` on it: the first call of every change of one version. */
export async function requireVersion(ctx: Ctx, id: number, permission: VersionPermission) {
  const { v, offering } = await loadVersion(ctx, id);
  return { v, offering, actor: requireSignedIn(ctx, permission, targetOf(v, offering)) };
}

/** The access decision of a service on one version by itself (API routes make it before Fastify validates the body). */
export const checkVersionAccess = async (ctx: Ctx, id: number, permission: VersionPermission): Promise<void> =>
  void (await requireVersion(ctx, id, permission));

/** One shape per entity type in the audit log: the version's state as camelCase. */
export const versionAudit = (
  v: Pick<
    VersionDetail,
    'offering_id' | 'year' | 'version' | 'status' | 'unit' | 'average_tariff' | 'is_flagged' | 'explanation' | 'correction_reason' | 'return_comment' | 'input'
  >,
) => ({
  offeringId: v.offering_id,
  year: v.year,
  version: v.version,
  status: v.status,
  unit: v.unit,
  averageTariff: v.average_tariff,
  isFlagged: v.is_flagged,
  explanation: v.explanation,
  correctionReason: v.correction_reason,
  returnComment: v.return_comment,
  input: v.input,
});

/** 409 unless the table allows the change (before the transaction, with the reason). */
export function requireTransition(from: TariffStatus, to: TariffStatus): void {
  if (!canTransition(from, to)) throw conflict(refusalOf(from, to));
}

/**
 * Moves a version from the status it was read with to `to` inside a transaction, with its audit entry; when the
 * conditional update finds another status (a concurrent change won), 409 with a Danish message and nothing changes.
 */
export async function changeStatus(
  ctx: Ctx,
  v: VersionDetail,
  to: TariffStatus,
  values: Partial<VersionValues>,
  update: { levels?: LevelValues; input?: CalcInput } = {},
  expectedRevision?: ExpectedVersion,
): Promise<void> {
  requireTransition(v.status, to);
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    // The row as it is now, locked: the status re-checked, the revision the change builds on, the audit's "before".
    const now = await lockVersion(trx, v.id);
    if (!now || now.status !== v.status) throw conflict(raceOf(v.status, now?.status ?? null, to));
    checkVersion(now.revision, expectedRevision, TARIFF_STALE);
    if (!(await transitionVersion(trx, v.id, v.status, { ...values, status: to }, at, update.levels)))
      throw conflict(raceOf(v.status, await statusOf(trx, v.id), to));
    const after = { ...now, ...values, input: update.input ?? now.input, status: to } as VersionDetail;
    await audit(trx, ctx, { entity: 'tariff_version', entityId: v.id, action: 'update', before: versionAudit(now), after: versionAudit(after) });
  });
}

/** The 412 of a stale revision: someone else saved the draft after it was read. */
export const TARIFF_STALE = 'En anden har ændret taksten, siden du hentede den. Intet er gemt. Hent taksten igen, og gentag dine ændringer.';

/** The version as the API shows it, with the calculation step by step. */
export function presentVersion(v: VersionDetail, offeringName: string) {
  const calc = calculateTariff(v.input, v.rules);
  return {
    id: v.id,
    tariffId: v.tariff_id,
    offeringId: v.offering_id,
    offeringName,
    year: v.year,
    version: v.version,
    status: v.status,
    areaCode: v.area_code,
    unit: v.unit,
    averageTariff: v.average_tariff,
    basis: v.basis,
    overhead: v.overhead,
    occupancyPctUsed: v.occupancy_pct_used,
    capacityUnits: v.capacity_units,
    levels: v.levels.map((l) => ({ name: l.name, weight: l.weight, share: l.share, tariff: l.tariff })),
    nominalChangePct: v.nominal_change_pct,
    realChangePct: v.real_change_pct,
    isFlagged: v.is_flagged,
    explanation: v.explanation,
    correctionReason: v.correction_reason,
    returnComment: v.return_comment,
    warnings: v.warnings,
    createdBy: v.created_by,
    createdAt: v.created_at,
    submittedAt: v.submitted_at,
    isOnTime: v.is_on_time,
    approvedAt: v.approved_at,
    publishedAt: v.published_at,
    supersededAt: v.superseded_at,
    input: v.input,
    rules: v.rules,
    breakdown: calc.breakdown,
    addOns: calc.addOns,
  };
}

export async function tariffJson(ctx: Ctx, id: number) {
  const { v, offering } = await requireReadable(ctx, id);
  return presentVersion(v, offering.name);
}

/** The version as the API shows it, and its revision (the ETag). */
export async function tariffForApi(ctx: Ctx, id: number) {
  const { v, offering } = await requireReadable(ctx, id);
  return { body: presentVersion(v, offering.name), revision: v.revision };
}

/** The versions the actor may see, with filters, a page at a time. */
export async function listTariffs(ctx: Ctx, q: TListQuery) {
  requireAccess(ctx, 'tariffs.list', null);
  const { total, rows } = await listVersions(ctx.db, versionScope(ctx.actor), q);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      offeringId: r.offering_id,
      offeringName: r.offering_name,
      year: r.year,
      version: r.version,
      status: r.status,
      areaCode: r.area_code,
      unit: r.unit,
      averageTariff: r.average_tariff,
      levels: r.levels ?? [],
      occupancyPctUsed: r.occupancy_pct_used,
      nominalChangePct: r.nominal_change_pct,
      realChangePct: r.real_change_pct,
      isFlagged: r.is_flagged,
      submittedAt: r.submitted_at,
      approvedAt: r.approved_at,
      publishedAt: r.published_at,
      supersededAt: r.superseded_at,
    })),
  };
}

/**
 * Everything the tariff's page shows: the calculation, last year's tariff, the version in force, the history, what
 * the actor may do now, and (given the form's values) a what-if on it.
 */
export async function tariffPage(ctx: Ctx, id: number, options: { whatIf?: WhatIfValues } = {}) {
  const { v, offering } = await requireReadable(ctx, id);
  const target = targetOf(v, offering);
  const isEditor = can(ctx, 'tariffs.edit', target);
  const isReviewer = can(ctx, 'tariffs.approve', target);
  const [previous, current, history] = await Promise.all([
    v.prev_version_id ? versionSummary(ctx.db, v.prev_version_id) : null,
    v.superseded_at ? currentOfTariff(ctx.db, v.tariff_id) : null,
    isEditor || isReviewer ? versionHistory(ctx.db, v.id) : [],
  ]);
  const actions = {
    mayEdit: isEditor && canTransition(v.status, 'indsendt'),
    mayDelete: isEditor && v.status === 'kladde' && !v.submitted_at,
    mayCorrect: isEditor && v.status === 'offentliggjort' && !v.superseded_at,
    mayApprove: isReviewer && canTransition(v.status, 'godkendt'),
    mayReturn: isReviewer && canTransition(v.status, 'returneret'),
  };
  const outcome = options.whatIf ? whatIf(v.input, v.rules, options.whatIf) : null;
  return { v, offering, calc: calculateTariff(v.input, v.rules), previous, current, history, actions, whatIfValues: options.whatIf, outcome };
}
export type TariffPageData = Awaited<ReturnType<typeof tariffPage>>;

/** What-if on a version the actor may see: its stored input with the form's changes, recalculated; nothing is saved. */
export async function whatIfOnTariff(ctx: Ctx, id: number, values: WhatIfValues) {
  const { v } = await requireReadable(ctx, id);
  return { outcome: whatIf(v.input, v.rules, values), current: v.levels };
}

/** Submits a draft; an explanation given with the submission (the tariff page has the field) replaces the stored one. */
export async function submitVersion(ctx: Ctx, id: number, data: unknown = {}): Promise<void> {
  const { v, offering, actor } = await requireVersion(ctx, id, 'tariffs.submit');
  requireTransition(v.status, 'indsendt');
  const explanation = parseInput(ZSubmit, data ?? {}).explanation || v.explanation;
  // Recalculate: last year's tariff or the rules may have changed since the draft was saved.
  const computed = await computeInContext(ctx.db, offering, v.year, calcFieldsOf(v.input));
  if (computed.isFlagged && !explanation)
    throw badRequest('Taksten kan ikke indsendes endnu.', {
      explanation: [
        `Stigningen overstiger aftalens grænse på ${formatUpTo(computed.snapshot.increaseThresholdPct, 20)} %. Forklar stigningen, før taksten indsendes.`,
      ],
    });
  // On time is decided by the first submission; a resubmission after a return keeps it.
  const isOnTime = v.version === 1 ? (v.is_on_time ?? ctx.clock.today() <= computed.snapshot.deadline) : null;
  const values = {
    ...calcValues(computed),
    explanation,
    submitted_at: ctx.clock.now(),
    submitted_by: actor.username,
    is_on_time: isOnTime,
    return_comment: v.return_comment,
  };
  await changeStatus(ctx, v, 'indsendt', values, { levels: levelValues(computed.result) });
}

export async function approveVersion(ctx: Ctx, id: number): Promise<void> {
  const { v, actor } = await requireVersion(ctx, id, 'tariffs.approve');
  await changeStatus(ctx, v, 'godkendt', { approved_at: ctx.clock.now(), approved_by: actor.username, return_comment: null });
}

export async function returnVersion(ctx: Ctx, id: number, data: unknown): Promise<void> {
  const { v } = await requireVersion(ctx, id, 'tariffs.return');
  const { comment } = parseInput(ZReturn, data);
  await changeStatus(ctx, v, 'returneret', { return_comment: comment, approved_at: null, approved_by: null });
}

/** Deletes a draft that was never submitted (and the tariff row when it was its only version). */
export async function deleteDraft(ctx: Ctx, id: number): Promise<void> {
  const { v } = await requireVersion(ctx, id, 'tariffs.delete');
  if (v.status !== 'kladde' || v.submitted_at) throw conflict('Kun en kladde, der aldrig er indsendt, kan slettes.');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteNeverSubmitted(trx, id, v.tariff_id))) throw conflict('Kladden er ændret imens og kan ikke længere slettes. Genindlæs siden.');
    await audit(trx, ctx, { entity: 'tariff_version', entityId: id, action: 'delete', before: versionAudit(v) });
  });
}
