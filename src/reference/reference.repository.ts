/**
 * @module Queries over the dated reference data shared by several capabilities.
 */
import type { Queryable } from '../core/db/types.js';

/** The agreement areas a municipality is a member of on a date (one today; the model allows more). */
export async function areasOfMunicipality(db: Queryable, municipalityCode: number, date: string) {
  return db
    .selectFrom('agreement_area_member as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .innerJoin('agreement_area as a', 'a.id', 'm.area_id')
    .select(['a.id', 'a.code', 'a.name'])
    .where('o.municipality_code', '=', municipalityCode)
    .where('m.valid_from', '<=', date)
    .where((w) => w.or([w('m.valid_to', 'is', null), w('m.valid_to', '>=', date)]))
    .orderBy('a.id')
    .execute();
}
