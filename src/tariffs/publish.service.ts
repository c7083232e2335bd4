/**
 * @module Publishing the tariff overview for an agreement area and year: every approved tariff is recalculated
 * from its stored input and rules (a mismatch stops the publication), then all are published together in one
 * transaction; a published version they correct is marked as superseded, never changed.
 */
import { sql } from 'kysely';
import type { Actor } from '../core/auth/actor.js';
import { requireRole } from '../core/auth/actor.js';
import { audit } from '../core/audit.js';
import type { Db, Queryable } from '../core/db/types.js';
import { badRequest, conflict, forbidden, notFound } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { canReviewArea } from './access.js';
import { calculateTariff } from './calculation.js';
import { findAreaByCode } from './tariffs.repository.js';
import { ZPublish } from './tariffs.schema.js';

/** Recalculates every approved version of an area and year; returns the ids and any that no longer match. */
export async function verifyApproved(db: Queryable, areaId: number, year: number) {
  const rows = await db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .innerJoin('offering as o', 'o.id', 't.offering_id')
    .select(['v.id', 'v.input', 'v.rules', 'v.basis', 'v.average_tariff', 'o.name'])
    .where('t.area_id', '=', areaId)
    .where('t.year', '=', year)
    .where('v.status', '=', 'godkendt')
    .execute();
  const mismatches: string[] = [];
  for (const r of rows) {
    const result = calculateTariff(r.input, r.rules);
    if (result.basis !== r.basis || result.averageTariff !== r.average_tariff) mismatches.push(r.name);
  }
  return { ids: rows.map((r) => r.id), mismatches };
}

export async function publishOverview(db: Db, actor: Actor | null, data: unknown): Promise<{ publicationId: number; count: number }> {
  const a = requireRole(actor, 'sekretariat');
  const { area: code, year } = parseInput(ZPublish, data);
  const area = await findAreaByCode(db, code);
  if (!area) throw notFound('Rammeaftaleområdet findes ikke.');
  if (!canReviewArea(a, area.id)) throw forbidden('Kun rammeaftalens sekretariat kan offentliggøre takstoversigten.');
  const { ids, mismatches } = await verifyApproved(db, area.id, year);
  if (!ids.length) throw badRequest(`Der er ingen godkendte takster for ${year} at offentliggøre.`);
  if (mismatches.length) throw conflict(`Genberegningen stemmer ikke for ${mismatches.length} takst(er): ${mismatches.slice(0, 5).join(', ')}. Send dem retur til ny beregning.`);
  return db.transaction().execute(async (trx) => {
    const { id: publicationId } = await trx
      .insertInto('tariff_publication')
      .values({ area_id: area.id, year, published_by: a.username, version_count: ids.length })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Earlier published versions of the same tariffs stay as they are, marked as superseded.
    await sql`
      update tariff_version old set superseded_at = now()
      where old.status = 'offentliggjort' and old.superseded_at is null
        and old.tariff_id in (select v.tariff_id from tariff_version v join tariff t on t.id = v.tariff_id
                              where v.status = 'godkendt' and t.area_id = ${area.id} and t.year = ${year})`.execute(trx);
    const updated = await sql<{ id: number }>`
      update tariff_version v set status = 'offentliggjort', published_at = now(), publication_id = ${publicationId}, updated_at = now()
      from tariff t where t.id = v.tariff_id and v.status = 'godkendt' and t.area_id = ${area.id} and t.year = ${year}
      returning v.id`.execute(trx);
    await audit(trx, a, { entity: 'tariff_publication', entityId: publicationId, action: 'create', after: { area: code, year, count: updated.rows.length, versionIds: updated.rows.map((r) => r.id) } });
    return { publicationId, count: updated.rows.length };
  });
}
