/**
 * @module The offering with its reference data, as one query: the offering → reference-tables join, written
 * once. Other capabilities reach it through offerings.public.ts.
 */
import { sql } from 'kysely';
import { memoPerDatabase } from '../core/db/memo.js';
import type { Queryable } from '../core/db/types.js';

/**
 * One row per offering with the labels of its reference data. Columns are prefixed by what they describe:
 * `offering_id`, `offering_name`, `operator_*`, `municipality_*`, `offering_type*`, `legal_basis_*`, `socialtilsyn_*`.
 */
export function offeringCatalogue(db: Queryable) {
  return memoPerDatabase(catalogues, db, buildCatalogue);
}

// Kysely's builders are immutable: the query is built once per database (or transaction) and extended per call.
const catalogues = new WeakMap<Queryable, ReturnType<typeof buildCatalogue>>();

function buildCatalogue(db: Queryable) {
  return db
    .selectFrom('offering as o')
    .innerJoin('organisation as op', 'op.id', 'o.operator_org_id')
    .innerJoin('municipality as mu', 'mu.code', 'o.municipality_code')
    .innerJoin('offering_type as ot', 'ot.code', 'o.offering_type')
    .innerJoin('operator_type as opt', 'opt.code', 'o.operator_type')
    .innerJoin('legal_basis as lb', 'lb.code', 'o.primary_legal_basis')
    .innerJoin('socialtilsyn as st', 'st.code', 'o.socialtilsyn_code')
    .select([
      'o.id as offering_id',
      'o.name as offering_name',
      'o.status',
      'o.places',
      'o.age_min',
      'o.age_max',
      'o.protection',
      'o.is_covered',
      'o.updated_at',
      'o.operator_org_id',
      'op.name as operator_name',
      'op.kind as operator_kind',
      'o.operator_type',
      'opt.name as operator_type_name',
      'o.municipality_code',
      'mu.name as municipality_name',
      'o.offering_type',
      'ot.name as offering_type_name',
      'ot.is_residential',
      'ot.is_short_stay',
      'o.primary_legal_basis',
      'lb.law as legal_basis_law',
      'lb.paragraph as legal_basis_paragraph',
      sql<string>`lb.law || ' ' || lb.paragraph`.as('legal_basis_label'),
      'o.socialtilsyn_code',
      'st.name as socialtilsyn_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('offering_target_group as x')
        .innerJoin('target_group as tg', 'tg.code', 'x.target_group_code')
        .select(sql<string>`string_agg(tg.name, ', ' order by tg.sort)`.as('names'))
        .whereRef('x.offering_id', '=', 'o.id')
        .as('target_group_names'),
    ]);
}

export type CatalogueRow = Awaited<ReturnType<ReturnType<typeof offeringCatalogue>['executeTakeFirstOrThrow']>>;

/** One offering from the catalogue, or null. */
export async function catalogueEntry(db: Queryable, offeringId: number): Promise<CatalogueRow | null> {
  return (await offeringCatalogue(db).where('o.id', '=', offeringId).executeTakeFirst()) ?? null;
}
