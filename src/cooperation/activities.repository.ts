/**
 * @module All SQL of the cooperation's activities: the list (area, year), one activity with its area and focus
 * area, the focus areas of an area's agreements (to choose from and to check), and the version-checked writes (a
 * change raises the version; a stale version updates nothing).
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';
import type { ActivityKind } from './activities.table.js';

const activityColumns = (db: Queryable) =>
  db
    .selectFrom('coop_activity as c')
    .innerJoin('agreement_area as a', 'a.id', 'c.area_id')
    .leftJoin('agreement_focus_area as f', 'f.id', 'c.focus_area_id')
    .leftJoin('coop_project as p', 'p.id', 'c.project_id')
    .select([
      'c.id',
      'c.area_id',
      'a.code as area_code',
      'a.name as area_name',
      'c.kind',
      'c.title',
      'c.audience',
      sql<string>`c.starts_on::text`.as('starts_on'),
      sql<string | null>`c.ends_on::text`.as('ends_on'),
      'c.organisers',
      'c.place',
      'c.registrations',
      'c.participants',
      'c.evaluation',
      'c.focus_area_id',
      'f.title as focus_area_title',
      'c.project_id',
      'p.title as project_title',
      'c.version',
    ]);

export type ActivityRow = NonNullable<Awaited<ReturnType<typeof findActivity>>>;

export async function findActivity(db: Queryable, id: number) {
  return (await activityColumns(db).where('c.id', '=', id).executeTakeFirst()) ?? null;
}

/** Activities by area, year (of the first day) and project, earliest first. */
export async function activities(db: Queryable, f: { areaId?: number; year?: number; projectId?: number }) {
  let q = activityColumns(db);
  if (f.projectId !== undefined) q = q.where('c.project_id', '=', f.projectId);
  if (f.areaId !== undefined) q = q.where('c.area_id', '=', f.areaId);
  if (f.year !== undefined) q = q.where('c.starts_on', '>=', `${f.year}-01-01`).where('c.starts_on', '<=', `${f.year}-12-31`);
  return q.orderBy('c.starts_on').orderBy('c.id').execute();
}

/** The area's projects, to choose from and to check. */
export async function projectsOfArea(db: Queryable, areaId: number) {
  return db.selectFrom('coop_project').select(['id', 'title']).where('area_id', '=', areaId).orderBy('starts_on', 'desc').orderBy('id').execute();
}

/** The focus areas of the area's agreements, newest agreement first. */
export async function focusAreasOfArea(db: Queryable, areaId: number) {
  return db
    .selectFrom('agreement_focus_area as f')
    .innerJoin('agreement as g', 'g.id', 'f.agreement_id')
    .select(['f.id', 'f.title', 'f.number', 'g.title as agreement_title'])
    .where('g.area_id', '=', areaId)
    .orderBy('g.period_start', 'desc')
    .orderBy('f.number')
    .orderBy('f.id')
    .execute();
}

export type ActivityValues = {
  kind: ActivityKind;
  title: string;
  audience: string | null;
  starts_on: string;
  ends_on: string | null;
  organisers: string;
  place: string | null;
  registrations: number | null;
  participants: number | null;
  evaluation: string | null;
  focus_area_id: number | null;
  project_id: number | null;
};

export async function insertActivity(db: Queryable, row: ActivityValues & { area_id: number; created_by: string }) {
  return (await db.insertInto('coop_activity').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Sets the values and raises the version when the activity is still at `version`; null: another user changed it first. */
export async function updateActivity(db: Queryable, id: number, version: number, set: ActivityValues) {
  return (
    (await db
      .updateTable('coop_activity')
      .set({ ...set, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning(['id', 'version'])
      .executeTakeFirst()) ?? null
  );
}
