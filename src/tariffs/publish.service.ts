/**
 * @module Publishing the tariff overview for an agreement area and year: every approved tariff is recalculated
 * from its stored input and rules (a mismatch stops the publication), then all are published together in one
 * transaction that locks them first, so two publications at the same time publish once; a published version
 * they correct is marked as superseded, never changed.
 */
import { requireAccess, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, conflict, notFound } from '../core/errors.js';
import { calculateTariff } from './calculation.js';
import { openOfferingsOfArea, overviewRows, roundStatus } from './overview.repository.js';
import { approvedOf, insertPublication, lockApproved, publishApproved, supersedePublished } from './publish.repository.js';
import { deadlineFor, findRule } from './rules.repository.js';
import { findAreaByCode } from './tariffs.repository.js';
import type { TPublish } from './tariffs.schema.js';
import { requireRound } from './overview.service.js';
import { areaMembersIn } from './watch.repository.js';

/** The access decision of publishing at all (API routes make it before Fastify validates the body). */
export function checkMayPublish(ctx: Ctx): void {
  requireAccess(ctx, 'tariffs.review', null);
}

/** Recalculates every approved version of an area and year; returns the ids and the offerings that no longer match. */
async function verifyApproved(ctx: Ctx, areaId: number, year: number) {
  const rows = await approvedOf(ctx.db, areaId, year);
  const mismatches: string[] = [];
  for (const r of rows) {
    const result = calculateTariff(r.input, r.rules);
    if (result.basis !== r.basis || result.averageTariff !== r.average_tariff) mismatches.push(r.offering_name);
  }
  return { ids: rows.map((r) => r.id), mismatches };
}

export async function publishOverview(ctx: Ctx, input: TPublish): Promise<{ publicationId: number; count: number }> {
  const area = await findAreaByCode(ctx.db, input.area);
  if (!area) throw notFound('Rammeaftaleområdet findes ikke.');
  const actor = requireSignedIn(ctx, 'tariffs.publish', { areaId: area.id });
  const { year } = input;
  const { ids, mismatches } = await verifyApproved(ctx, area.id, year);
  if (!ids.length) throw badRequest(`Der er ingen godkendte takster for ${year} at offentliggøre.`);
  if (mismatches.length)
    throw conflict(`Genberegningen stemmer ikke for ${mismatches.length} takst(er): ${mismatches.slice(0, 5).join(', ')}. Send dem retur til ny beregning.`);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    // Lock what was verified: a publication running at the same time waits here and then finds nothing left (409).
    const locked = await lockApproved(trx, area.id, year);
    if (!locked.length) throw conflict(`Takstoversigten for ${year} er netop offentliggjort af en anden. Genindlæs siden.`);
    if (locked.length !== ids.length || locked.some((id) => !ids.includes(id))) throw conflict('De godkendte takster er ændret imens. Prøv igen.');
    const publicationId = await insertPublication(trx, { area_id: area.id, year, published_by: actor.username, version_count: ids.length, published_at: at });
    // Earlier published versions of the same tariffs stay as they are, marked as superseded.
    await supersedePublished(trx, area.id, year, at);
    const published = await publishApproved(trx, area.id, year, publicationId, at);
    if (published.length !== ids.length) throw conflict('De godkendte takster er ændret imens. Prøv igen.');
    await audit(trx, ctx, {
      entity: 'tariff_publication',
      entityId: publicationId,
      action: 'create',
      after: { area: area.code, year, count: published.length, versionIds: published },
    });
    return { publicationId, count: published.length };
  });
}

/**
 * The confirmation step before publishing: the round's status, the deadline, and the area's open offerings the
 * overview will still lack afterwards (neither approved now nor published before), so the secretariat is warned.
 */
export async function publishConfirmation(ctx: Ctx, areaCode: string, year: number) {
  const { area } = await requireRound(ctx, areaCode, year);
  const { municipalityCodes } = await areaMembersIn(ctx.db, area.id, year);
  const status = await roundStatus(ctx.db, municipalityCodes, year);
  const rule = await findRule(ctx.db, area.id, year);
  const deadline = rule ? deadlineFor(rule, year) : null;
  const after = new Set((await overviewRows(ctx.db, area.id, year, { includeApproved: true })).map((r) => r.offering_id));
  const missing = (await openOfferingsOfArea(ctx.db, municipalityCodes)).filter((r) => !after.has(r.offering_id));
  const included = after.size;
  return {
    area,
    year,
    status,
    deadline,
    isPastDeadline: !!deadline && ctx.clock.today() > deadline,
    missing,
    included,
    offeringsInArea: included + missing.length,
  };
}
export type PublishConfirmation = Awaited<ReturnType<typeof publishConfirmation>>;
