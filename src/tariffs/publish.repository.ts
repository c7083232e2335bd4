/**
 * @module SQL for publishing an area's overview for a year: the approved versions to verify, the lock on them,
 * the publication row, superseding the versions they correct and publishing them, each step conditional on the
 * status it expects.
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';
import { offeringCatalogue } from '../offerings/offerings.public.js';

/** The approved versions of an area and year with their stored input and rules, to recalculate. */
export async function approvedOf(db: Queryable, areaId: number, year: number) {
  return db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .innerJoin(offeringCatalogue(db).as('oc'), 'oc.offering_id', 't.offering_id')
    .select(['v.id', 'v.input', 'v.rules', 'v.basis', 'v.average_tariff', 'oc.offering_name'])
    .where('t.area_id', '=', areaId)
    .where('t.year', '=', year)
    .where('v.status', '=', 'godkendt')
    .execute();
}

/** Locks the approved versions of an area and year (a concurrent publication waits) and returns their ids. */
export async function lockApproved(db: Queryable, areaId: number, year: number): Promise<number[]> {
  const r = await sql<{ id: number }>`
    select v.id from tariff_version v join tariff t on t.id = v.tariff_id
    where v.status = 'godkendt' and t.area_id = ${areaId} and t.year = ${year}
    for update of v`.execute(db);
  return r.rows.map((x) => x.id);
}

export async function insertPublication(
  db: Queryable,
  values: { area_id: number; year: number; published_by: string; version_count: number; published_at: Date },
): Promise<number> {
  return (await db.insertInto('tariff_publication').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Marks the published versions in force of the same tariffs as the (approved) versions of an area and year superseded. */
export async function supersedePublished(db: Queryable, areaId: number, year: number, at: Date): Promise<void> {
  await sql`
    update tariff_version old set superseded_at = ${at}
    where old.status = 'offentliggjort' and old.superseded_at is null
      and old.tariff_id in (select v.tariff_id from tariff_version v join tariff t on t.id = v.tariff_id
                            where v.status = 'godkendt' and t.area_id = ${areaId} and t.year = ${year})`.execute(db);
}

/** Publishes the approved versions of an area and year (only those still approved) and returns their ids. */
export async function publishApproved(db: Queryable, areaId: number, year: number, publicationId: number, at: Date): Promise<number[]> {
  const r = await sql<{ id: number }>`
    update tariff_version v set status = 'offentliggjort', published_at = ${at}, publication_id = ${publicationId}, updated_at = ${at}
    from tariff t where t.id = v.tariff_id and v.status = 'godkendt' and t.area_id = ${areaId} and t.year = ${year}
    returning v.id`.execute(db);
  return r.rows.map((x) => x.id);
}
