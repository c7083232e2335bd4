/**
 * @module The records of the half-yearly increase reports sent to the socialtilsyn, per area and half year.
 */
import type { Queryable } from '../core/db/types.js';
import type { TariffIncreaseReportTable } from './tariffs.table.js';
import type { Insertable } from 'kysely';

export async function findReport(db: Queryable, areaId: number, period: string) {
  return (await db.selectFrom('tariff_increase_report').selectAll().where('area_id', '=', areaId).where('period', '=', period).executeTakeFirst()) ?? null;
}

/** Every report of the area, the latest half year first. */
export async function reportsOfArea(db: Queryable, areaId: number) {
  return db.selectFrom('tariff_increase_report').selectAll().where('area_id', '=', areaId).orderBy('period', 'desc').execute();
}

/** Inserts the record unless the half year already has one (then null: someone recorded it first). */
export async function insertReport(db: Queryable, values: Insertable<TariffIncreaseReportTable>) {
  return (
    (await db
      .insertInto('tariff_increase_report')
      .values(values)
      .onConflict((oc) => oc.columns(['area_id', 'period']).doNothing())
      .returningAll()
      .executeTakeFirst()) ?? null
  );
}
