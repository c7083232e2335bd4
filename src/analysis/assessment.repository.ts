/**
 * @module SQL of the municipalities' yearly assessments ("redegørelse") of supply against need per target group:
 * one row per municipality and year (versioned) with one answer per target group (score 1-5, free text).
 */
import type { Queryable } from '../core/db/types.js';

export type AssessmentRow = {
  id: number;
  organisation_id: number;
  year: number;
  version: number;
  updated_at: Date;
  updated_by: string;
  answers: { group_code: string; score: number; comment: string | null }[];
};

/** The assessments of an area's municipalities (or one municipality's) for a year, with their answers. */
export async function assessments(db: Queryable, where: { areaId?: number; organisationId?: number; year: number }): Promise<AssessmentRow[]> {
  let q = db.selectFrom('capacity_assessment').select(['id', 'organisation_id', 'year', 'version', 'updated_at', 'updated_by']).where('year', '=', where.year);
  if (where.areaId !== undefined) q = q.where('area_id', '=', where.areaId);
  if (where.organisationId !== undefined) q = q.where('organisation_id', '=', where.organisationId);
  const rows = await q.orderBy('organisation_id').execute();
  if (!rows.length) return [];
  const answers = await db
    .selectFrom('capacity_assessment_answer')
    .select(['assessment_id', 'group_code', 'score', 'comment'])
    .where(
      'assessment_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({ ...r, answers: answers.filter((a) => a.assessment_id === r.id).map(({ assessment_id: _, ...a }) => a) }));
}

export async function insertAssessment(db: Queryable, row: { area_id: number; organisation_id: number; year: number; updated_by: string }): Promise<number> {
  const r = await db.insertInto('capacity_assessment').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Bumps the version if it is still `version`; null when someone else saved in between. */
export async function bumpAssessment(db: Queryable, id: number, version: number, username: string) {
  return (
    (await db
      .updateTable('capacity_assessment')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date(), updated_by: username }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('version')
      .executeTakeFirst()) ?? null
  );
}

export async function replaceAnswers(db: Queryable, assessmentId: number, answers: readonly { group: string; score: number; comment: string | null }[]) {
  await db.deleteFrom('capacity_assessment_answer').where('assessment_id', '=', assessmentId).execute();
  if (answers.length)
    await db
      .insertInto('capacity_assessment_answer')
      .values(answers.map((a) => ({ assessment_id: assessmentId, group_code: a.group, score: a.score, comment: a.comment })))
      .execute();
}
