/**
 * @module All SQL for tariffs and their versions: the offering context a tariff is calculated in (from the
 * offerings catalogue), versions with levels, the previous year's published tariff, actual occupancy history,
 * the conditional status changes, and writes.
 */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Queryable } from '../core/db/types.js';
import { catalogueEntry } from '../offerings/offerings.public.js';
import { areasOfMunicipality } from '../reference/reference.public.js';
import type { VersionScope } from './tariffs.policy.js';
import { yearStart } from './rules.repository.js';
import { OPEN_STATUSES, type TariffLevelTable, type TariffStatus, type TariffVersionTable } from './tariffs.table.js';

/** The offering as a tariff needs it, with the agreement area its municipality belongs to in the tariff year. */
export async function offeringContext(db: Queryable, offeringId: number, year: number) {
  const o = await catalogueEntry(db, offeringId);
  if (!o) return null;
  const area = (await areasOfMunicipality(db, o.municipality_code, yearStart(year)))[0] ?? null;
  return { ...o, id: o.offering_id, name: o.offering_name, area };
}
export type OfferingContext = NonNullable<Awaited<ReturnType<typeof offeringContext>>>;

export async function findAreaByCode(db: Queryable, code: string) {
  return (await db.selectFrom('agreement_area').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst()) ?? null;
}

export async function findAreaById(db: Queryable, id: number) {
  return (await db.selectFrom('agreement_area').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Every agreement area, by name (for choosing one). */
export async function listAreas(db: Queryable) {
  return db.selectFrom('agreement_area').select(['id', 'code', 'name']).orderBy('name').execute();
}

export async function findTariff(db: Queryable, offeringId: number, year: number) {
  return (await db.selectFrom('tariff').selectAll().where('offering_id', '=', offeringId).where('year', '=', year).executeTakeFirst()) ?? null;
}

export async function insertTariff(db: Queryable, values: { offering_id: number; year: number; area_id: number }): Promise<number> {
  return (await db.insertInto('tariff').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export type VersionRow = Selectable<TariffVersionTable>;
export type LevelRow = Selectable<TariffLevelTable>;

/** One version with its tariff, area and levels. */
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

/** Locks one version row until the transaction ends and reads it as it is now (null: gone). */
export async function lockVersion(trx: Queryable, id: number): Promise<VersionDetail | null> {
  const locked = await trx.selectFrom('tariff_version').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return locked ? getVersion(trx, id) : null;
}

/** The versions of an offering's tariffs the scope may see (see `versionScope`), newest year and version first. */
export async function versionsOfOffering(db: Queryable, offering: { id: number; operator_org_id: number }, scope: VersionScope) {
  const seesAll = scope.operatorOrgId === offering.operator_org_id;
  return db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .select([
      'v.id',
      'v.version',
      'v.status',
      'v.unit',
      'v.average_tariff',
      'v.occupancy_pct_used',
      'v.nominal_change_pct',
      'v.real_change_pct',
      'v.is_flagged',
      'v.submitted_at',
      'v.approved_at',
      'v.published_at',
      'v.superseded_at',
      'v.updated_at',
      'v.correction_reason',
      't.year',
      't.id as tariff_id',
    ])
    .select((eb) =>
      eb
        .selectFrom('tariff_level as l')
        .select(sql<string>`string_agg(l.name || ': ' || l.tariff::text, '|' order by l.sort)`.as('x'))
        .whereRef('l.version_id', '=', 'v.id')
        .as('level_summary'),
    )
    .where('t.offering_id', '=', offering.id)
    .$if(!seesAll, (q) =>
      q.where((w) =>
        w.or([w('v.status', '=', 'offentliggjort'), ...(scope.secretariatAreaIds.length ? [w('t.area_id', 'in', scope.secretariatAreaIds)] : [])]),
      ),
    )
    .orderBy('t.year', 'desc')
    .orderBy('v.version', 'desc')
    .execute();
}

export async function openVersionOf(db: Queryable, tariffId: number) {
  return (await db.selectFrom('tariff_version').selectAll().where('tariff_id', '=', tariffId).where('status', 'in', OPEN_STATUSES).executeTakeFirst()) ?? null;
}

export async function latestVersionNumber(db: Queryable, tariffId: number): Promise<number> {
  const r = await db
    .selectFrom('tariff_version')
    .select((eb) => eb.fn.max('version').as('n'))
    .where('tariff_id', '=', tariffId)
    .executeTakeFirst();
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

/** A version's number and average, for linking to it (the version a change was measured against). */
export async function versionSummary(db: Queryable, id: number) {
  return (await db.selectFrom('tariff_version').select(['id', 'average_tariff', 'version']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The published version in force of a tariff (for a superseded version's page). */
export async function currentOfTariff(db: Queryable, tariffId: number) {
  return (
    (await db
      .selectFrom('tariff_version')
      .select(['id', 'version'])
      .where('tariff_id', '=', tariffId)
      .where('status', '=', 'offentliggjort')
      .where('superseded_at', 'is', null)
      .executeTakeFirst()) ?? null
  );
}

/** The latest audit events of a version, for its page. */
export async function versionHistory(db: Queryable, id: number) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'actor_username', 'action', 'after'])
    .where('entity', '=', 'tariff_version')
    .where('entity_id', '=', String(id))
    .orderBy('at', 'desc')
    .limit(20)
    .execute();
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
  await db
    .insertInto('tariff_level')
    .values(levels.map((l, sort) => ({ version_id: id, sort, ...l })))
    .execute();
  return id;
}

async function replaceLevels(db: Queryable, id: number, levels: LevelValues): Promise<void> {
  await db.deleteFrom('tariff_level').where('version_id', '=', id).execute();
  await db
    .insertInto('tariff_level')
    .values(levels.map((l, sort) => ({ version_id: id, sort, ...l })))
    .execute();
}

/**
 * Changes a version only if it still has the status `from` (a conditional update, so two concurrent changes
 * cannot both succeed; on PostgreSQL the second waits for the first and then finds another status). Returns
 * whether it changed; the levels are replaced only then.
 */
export async function transitionVersion(
  db: Queryable,
  id: number,
  from: TariffStatus,
  values: Partial<VersionValues>,
  at: Date,
  levels?: LevelValues,
): Promise<boolean> {
  const r = await db
    .updateTable('tariff_version')
    .set((eb) => ({ ...values, updated_at: at, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  if (r.numUpdatedRows === 0n) return false;
  if (levels) await replaceLevels(db, id, levels);
  return true;
}

/** The status of a version now, or null when it no longer exists. */
export async function statusOf(db: Queryable, id: number): Promise<TariffStatus | null> {
  return (await db.selectFrom('tariff_version').select('status').where('id', '=', id).executeTakeFirst())?.status ?? null;
}

/** Deletes a version that is still a draft never submitted (conditional, like `transitionVersion`), and its tariff when it was the only version. */
export async function deleteNeverSubmitted(db: Queryable, id: number, tariffId: number): Promise<boolean> {
  const r = await db.deleteFrom('tariff_version').where('id', '=', id).where('status', '=', 'kladde').where('submitted_at', 'is', null).executeTakeFirst();
  if (r.numDeletedRows === 0n) return false;
  const left = await db.selectFrom('tariff_version').select('id').where('tariff_id', '=', tariffId).executeTakeFirst();
  if (!left) await db.deleteFrom('tariff').where('id', '=', tariffId).execute();
  return true;
}
