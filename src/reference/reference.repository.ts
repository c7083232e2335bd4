/**
 * @module All SQL over the dated reference data: regions, municipalities, agreement areas and their members,
 * organisations, legal bases, target groups and the code lists. Other capabilities read through
 * reference.public.ts (cached); this file is the reference capability's own.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { validOn } from '../core/db/dated.js';
import type { Queryable } from '../core/db/types.js';
import './reference.table.js';

/** SQL condition on an `agreement_area_member` alias: the membership holds on `date`. */
export const memberOn = (alias: string, date: string): Expression<SqlBool> => validOn(alias, date);

/** The agreement areas a municipality is a member of on a date (one today; the model allows more). */
export async function areasOfMunicipality(db: Queryable, municipalityCode: number, date: string) {
  return db
    .selectFrom('agreement_area_member as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .innerJoin('agreement_area as a', 'a.id', 'm.area_id')
    .select(['a.id', 'a.code', 'a.name'])
    .where('o.municipality_code', '=', municipalityCode)
    .where(memberOn('m', date))
    .orderBy('a.id')
    .execute();
}

/** The areas an organisation is a member of on a date (secretariats administer one area: `organisation.area_id`). */
export async function areaIdsOfOrganisation(db: Queryable, organisationId: number, date: string): Promise<number[]> {
  const rows = await db
    .selectFrom('organisation as o')
    .leftJoin('agreement_area_member as m', (j) => j.onRef('m.organisation_id', '=', 'o.id').on(memberOn('m', date)))
    .select(['o.area_id', 'm.area_id as member_area_id'])
    .where('o.id', '=', organisationId)
    .execute();
  const ids = new Set<number>();
  for (const r of rows) {
    if (r.area_id) ids.add(r.area_id);
    if (r.member_area_id) ids.add(r.member_area_id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** The members (municipalities and region) of an area on a date, by name. */
export async function membersOfArea(db: Queryable, areaId: number, date: string) {
  return db
    .selectFrom('agreement_area_member as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.municipality_code'])
    .where('m.area_id', '=', areaId)
    .where(memberOn('m', date))
    .orderBy('o.kind')
    .orderBy('o.name')
    .execute();
}

/** Municipality codes of an area's member municipalities on a date (by area id or area code). */
export async function municipalityCodesOfArea(db: Queryable, area: { id: number } | { code: string }, date: string): Promise<number[]> {
  let q = db
    .selectFrom('agreement_area_member as m')
    .innerJoin('organisation as mo', 'mo.id', 'm.organisation_id')
    .select('mo.municipality_code')
    .where('mo.municipality_code', 'is not', null)
    .where(memberOn('m', date));
  q =
    'id' in area
      ? q.where('m.area_id', '=', area.id)
      : q.where('m.area_id', 'in', (eb) => eb.selectFrom('agreement_area').select('id').where('code', '=', area.code));
  return (await q.orderBy('mo.municipality_code').execute()).map((r) => r.municipality_code!);
}

/**
 * Scalar SQL: the id of the agreement area a municipality (given as an SQL expression, e.g. `sql.ref('o.municipality_code')`)
 * belongs to on `date`, or null. For use inside another capability's query.
 */
export function areaIdOfMunicipalitySql(municipalityCode: Expression<number>, date: string): Expression<number | null> {
  return sql<number | null>`(select m.area_id from agreement_area_member m join organisation mo on mo.id = m.organisation_id
    where mo.municipality_code = ${municipalityCode} and ${memberOn('m', date)} order by m.area_id limit 1)`;
}

/** Every reference table as stored, for the reference overview (small tables: filtered by date in code). */
export async function referenceTables(db: Queryable) {
  const [regions, areas, members, municipalityRegions, legalBases, targetGroups, operatorTypes, offeringTypes, socialtilsyn] = await Promise.all([
    db.selectFrom('region').selectAll().orderBy('name').execute(),
    db.selectFrom('agreement_area').selectAll().orderBy('name').execute(),
    db
      .selectFrom('agreement_area_member as m')
      .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
      .select(['m.area_id', 'm.valid_from', 'm.valid_to', 'o.id', 'o.name', 'o.kind', 'o.municipality_code'])
      .orderBy('o.kind')
      .orderBy('o.name')
      .execute(),
    db.selectFrom('municipality_region').selectAll().execute(),
    db.selectFrom('legal_basis').selectAll().orderBy('sort').execute(),
    db.selectFrom('target_group').selectAll().orderBy('sort').execute(),
    db.selectFrom('operator_type').selectAll().orderBy('sort').execute(),
    db.selectFrom('offering_type').selectAll().orderBy('sort').execute(),
    db.selectFrom('socialtilsyn').selectAll().orderBy('name').execute(),
  ]);
  return { regions, areas, members, municipalityRegions, legalBases, targetGroups, operatorTypes, offeringTypes, socialtilsyn };
}

export type ReferenceTables = Awaited<ReturnType<typeof referenceTables>>;

/** Organisations by kind and name, optionally those whose name contains the text (operator commands). */
export async function organisations(db: Queryable, nameContains?: string) {
  let q = db.selectFrom('organisation').select(['id', 'kind', 'name']).orderBy('kind').orderBy('name');
  if (nameContains) q = q.where('name', 'ilike', `%${nameContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return q.execute();
}

export async function organisationById(db: Queryable, id: number) {
  return db.selectFrom('organisation').select(['id', 'kind', 'name']).where('id', '=', id).executeTakeFirst();
}

/** Organisations by id with the fields an invoice needs. */
export async function organisationsByIds(db: Queryable, ids: readonly number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('organisation')
    .select(['id', 'kind', 'name', 'cvr', 'municipality_code'])
    .where('id', 'in', [...ids])
    .execute();
}

/** The agreement areas of several municipalities on a date, in one query: municipality code → area ids (ascending). */
export async function areaIdsOfMunicipalities(db: Queryable, municipalityCodes: readonly number[], date: string): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!municipalityCodes.length) return out;
  const rows = await db
    .selectFrom('agreement_area_member as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['o.municipality_code', 'm.area_id'])
    .where('o.municipality_code', 'in', [...new Set(municipalityCodes)])
    .where(memberOn('m', date))
    .orderBy('m.area_id')
    .execute();
  for (const r of rows) {
    const ids = out.get(r.municipality_code!) ?? [];
    if (!ids.includes(r.area_id)) ids.push(r.area_id);
    out.set(r.municipality_code!, ids);
  }
  return out;
}

/** The municipalities (code and name), by code. */
export async function municipalities(db: Queryable) {
  return db.selectFrom('municipality').select(['code', 'name']).orderBy('code').execute();
}
