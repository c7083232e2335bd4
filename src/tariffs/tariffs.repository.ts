/**
 * @module All SQL for tariffs and their versions: the offering context a tariff is calculated in, versions with
 * levels, the previous year's published tariff, actual occupancy history, and writes.
 */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Queryable } from '../core/db/types.js';
import type { TariffLevelTable, TariffVersionTable } from './tariffs.table.js';
import { yearStart } from './rules.repository.js';
import { areasOfMunicipality } from '../reference/reference.repository.js';

/** The offering as a tariff needs it, with the agreement area its municipality belongs to in the tariff year. */
export async function offeringContext(db: Queryable, offeringId: number, year: number) {
  const row = await db
    .selectFrom('offering as o')
    .innerJoin('organisation as op', 'op.id', 'o.operator_org_id')
    .innerJoin('municipality as mu', 'mu.code', 'o.municipality_code')
    .innerJoin('offering_type as ot', 'ot.code', 'o.offering_type')
    .innerJoin('legal_basis as lb', 'lb.code', 'o.primary_legal_basis')
    .innerJoin('socialtilsyn as st', 'st.code', 'o.socialtilsyn_code')
    .select([
      'o.id', 'o.name', 'o.operator_org_id', 'op.name as operator_name', 'op.kind as operator_kind', 'o.municipality_code', 'mu.name as municipality_name',
      'o.places', 'o.offering_type', 'ot.name as offering_type_name', 'ot.is_residential', 'ot.is_short_stay', 'o.primary_legal_basis',
      'lb.law as legal_basis_law', 'lb.paragraph as legal_basis_paragraph', 'o.socialtilsyn_code', 'st.name as socialtilsyn_name', 'o.status',
    ])
    .where('o.id', '=', offeringId)
    .executeTakeFirst();
  if (!row) return null;
  const area = await areaOfMunicipality(db, row.municipality_code, yearStart(year));
  return { ...row, area };
}
export type OfferingContext = NonNullable<Awaited<ReturnType<typeof offeringContext>>>;

/** The municipality's agreement area on the date (the first, should it ever belong to several). */
export async function areaOfMunicipality(db: Queryable, municipalityCode: number, date: string) {
  return (await areasOfMunicipality(db, municipalityCode, date))[0] ?? null;
}

export async function findAreaByCode(db: Queryable, code: string) {
  return (await db.selectFrom('agreement_area').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst()) ?? null;
}

export async function findTariff(db: Queryable, offeringId: number, year: number) {
  return (await db.selectFrom('tariff').selectAll().where('offering_id', '=', offeringId).where('year', '=', year).executeTakeFirst()) ?? null;
}

export async function insertTariff(db: Queryable, values: { offering_id: number; year: number; area_id: number }): Promise<number> {
  return (await db.insertInto('tariff').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export type VersionRow = Selectable<TariffVersionTable>;
export type LevelRow = Selectable<TariffLevelTable>;

/** One version with its tariff, offering and area. */
export async function getVersion(db: Queryable, id: number) {
  const row = await db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .innerJoin('agreement_area as a', 'a.id', 't.area_id')
    .selectAll('v')
    .select(['t.offering_id', 't.year', 't.area_id', 'a.code as area_code', 'a.name as area_name'])
    .where('v.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const levels = await db.selectFrom('tariff_level').selectAll().where('version_id', '=', id).orderBy('sort').execute();
  return { ...row, levels };
}
export type VersionDetail = NonNullable<Awaited<ReturnType<typeof getVersion>>>;

/** All versions of an offering's tariffs, newest year and version first. */
export async function versionsOfOffering(db: Queryable, offeringId: number) {
  return db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .select([
      'v.id', 'v.version', 'v.status', 'v.unit', 'v.average_tariff', 'v.occupancy_pct_used', 'v.nominal_change_pct', 'v.real_change_pct', 'v.is_flagged',
      'v.submitted_at', 'v.approved_at', 'v.published_at', 'v.superseded_at', 'v.updated_at', 'v.correction_reason', 't.year', 't.id as tariff_id',
    ])
    .select((eb) =>
      eb
        .selectFrom('tariff_level as l')
        .select(sql<string>`string_agg(l.name || ': ' || l.tariff::text, '|' order by l.sort)`.as('x'))
        .whereRef('l.version_id', '=', 'v.id')
        .as('level_summary'),
    )
    .where('t.offering_id', '=', offeringId)
    .orderBy('t.year', 'desc')
    .orderBy('v.version', 'desc')
    .execute();
}

export async function openVersionOf(db: Queryable, tariffId: number) {
  return (await db.selectFrom('tariff_version').selectAll().where('tariff_id', '=', tariffId).where('status', 'in', ['kladde', 'indsendt', 'returneret', 'godkendt']).executeTakeFirst()) ?? null;
}

export async function latestVersionNumber(db: Queryable, tariffId: number): Promise<number> {
  const r = await db.selectFrom('tariff_version').select((eb) => eb.fn.max('version').as('n')).where('tariff_id', '=', tariffId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The version in force: the latest published version of an offering's tariff for a year. */
export async function currentPublished(db: Queryable, offeringId: number, year: number) {
  return (
    (await db
      .selectFrom('tariff_version as v')
      .innerJoin('tariff as t', 't.id', 'v.tariff_id')
      .select(['v.id', 'v.unit', 'v.average_tariff', 'v.version'])
      .where('t.offering_id', '=', offeringId)
      .where('t.year', '=', year)
      .where('v.status', '=', 'offentliggjort')
      .where('v.superseded_at', 'is', null)
      .executeTakeFirst()) ?? null
  );
}

/** Actual occupancy for the (up to) two most recent years before the tariff year that Ramme has. */
export async function occupancyHistory(db: Queryable, offeringId: number, year: number) {
  const rows = await db
    .selectFrom('tariff_actual_occupancy')
    .select(['year', 'occupancy_pct'])
    .where('offering_id', '=', offeringId)
    .where('year', '<', year)
    .orderBy('year', 'desc')
    .limit(2)
    .execute();
  return rows.reverse();
}

export type VersionValues = Omit<Insertable<TariffVersionTable>, 'id' | 'created_at' | 'updated_at'>;
export type LevelValues = Array<{ name: string; weight: string; share: string; tariff: string }>;

export async function insertVersion(db: Queryable, values: VersionValues, levels: LevelValues): Promise<number> {
  const { id } = await db.insertInto('tariff_version').values(values).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('tariff_level').values(levels.map((l, sort) => ({ version_id: id, sort, ...l }))).execute();
  return id;
}

export async function updateVersion(db: Queryable, id: number, values: Partial<VersionValues>, levels?: LevelValues): Promise<void> {
  await db.updateTable('tariff_version').set({ ...values, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
  if (levels) {
    await db.deleteFrom('tariff_level').where('version_id', '=', id).execute();
    await db.insertInto('tariff_level').values(levels.map((l, sort) => ({ version_id: id, sort, ...l }))).execute();
  }
}
