/**
 * @module All SQL of the cooperation's projects: the list (area, the year a project runs in, status), one project
 * with its area and focus area, and the version-checked writes (a stale version updates nothing).
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';
import type { ProjectStatus } from './projects.table.js';

const projectColumns = (db: Queryable) =>
  db
    .selectFrom('coop_project as p')
    .innerJoin('agreement_area as a', 'a.id', 'p.area_id')
    .leftJoin('agreement_focus_area as f', 'f.id', 'p.focus_area_id')
    .select([
      'p.id',
      'p.area_id',
      'a.code as area_code',
      'a.name as area_name',
      'p.title',
      'p.purpose',
      'p.owner',
      sql<string>`p.starts_on::text`.as('starts_on'),
      sql<string | null>`p.ends_on::text`.as('ends_on'),
      'p.status',
      'p.results',
      'p.evaluation',
      'p.focus_area_id',
      'f.title as focus_area_title',
      'p.version',
    ]);

export type ProjectRow = NonNullable<Awaited<ReturnType<typeof findProject>>>;

export async function findProject(db: Queryable, id: number) {
  return (await projectColumns(db).where('p.id', '=', id).executeTakeFirst()) ?? null;
}

/** Projects by area, the year they run in (any overlap with the year) and status, earliest start first. */
export async function projects(db: Queryable, f: { areaId?: number; year?: number; status?: ProjectStatus }) {
  let q = projectColumns(db);
  if (f.areaId !== undefined) q = q.where('p.area_id', '=', f.areaId);
  if (f.year !== undefined) {
    const [from, to] = [`${f.year}-01-01`, `${f.year}-12-31`];
    q = q.where('p.starts_on', '<=', to).where((eb) => eb.or([eb('p.ends_on', 'is', null), eb('p.ends_on', '>=', from)]));
  }
  if (f.status !== undefined) q = q.where('p.status', '=', f.status);
  return q.orderBy('p.starts_on').orderBy('p.id').execute();
}

export type ProjectValues = {
  title: string;
  purpose: string;
  owner: string;
  starts_on: string;
  ends_on: string | null;
  status: ProjectStatus;
  results: string | null;
  evaluation: string | null;
  focus_area_id: number | null;
};

export async function insertProject(db: Queryable, row: ProjectValues & { area_id: number; created_by: string }) {
  return (await db.insertInto('coop_project').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Sets the values and raises the version when the project is still at `version`; null: another user changed it first. */
export async function updateProject(db: Queryable, id: number, version: number, set: ProjectValues) {
  return (
    (await db
      .updateTable('coop_project')
      .set({ ...set, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning(['id', 'version'])
      .executeTakeFirst()) ?? null
  );
}
