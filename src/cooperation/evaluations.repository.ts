/**
 * @module All SQL of the activities' evaluation surveys: one survey with its questions, the surveys of many
 * activities at once (one query each, for a list or a report), and the version-checked writes (a stale version,
 * or a new survey where another user saved one first, writes nothing).
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';

const questionColumns = ['q.activity_id', 'q.position', 'q.text', 'q.count_1', 'q.count_2', 'q.count_3', 'q.count_4', 'q.count_5'] as const;

/** The surveys of the activities, with their questions in order. */
export async function surveysOf(db: Queryable, activityIds: readonly number[]) {
  if (!activityIds.length) return [];
  const [surveys, questions] = await Promise.all([
    db
      .selectFrom('coop_activity_survey')
      .select(['activity_id', 'respondents', 'version'])
      .where('activity_id', 'in', [...activityIds])
      .execute(),
    db
      .selectFrom('coop_activity_survey_question as q')
      .select(questionColumns)
      .where('q.activity_id', 'in', [...activityIds])
      .orderBy('q.activity_id')
      .orderBy('q.position')
      .execute(),
  ]);
  return surveys.map((s) => ({
    ...s,
    questions: questions
      .filter((q) => q.activity_id === s.activity_id)
      .map((q) => ({ position: q.position, text: q.text, counts: [q.count_1, q.count_2, q.count_3, q.count_4, q.count_5] })),
  }));
}
export type SurveyRow = Awaited<ReturnType<typeof surveysOf>>[number];

export async function findSurvey(db: Queryable, activityId: number): Promise<SurveyRow | null> {
  return (await surveysOf(db, [activityId]))[0] ?? null;
}

/** A new survey; null when another user saved one for the activity first. */
export async function insertSurvey(db: Queryable, row: { activity_id: number; respondents: number; updated_by: string }) {
  return (
    (await db
      .insertInto('coop_activity_survey')
      .values(row)
      .onConflict((oc) => oc.column('activity_id').doNothing())
      .returning('version')
      .executeTakeFirst()) ?? null
  );
}

/** Sets the respondents and raises the version when the survey is still at `version`; null: another user changed it first. */
export async function updateSurvey(db: Queryable, activityId: number, version: number, set: { respondents: number; updated_by: string }) {
  return (
    (await db
      .updateTable('coop_activity_survey')
      .set({ ...set, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
      .where('activity_id', '=', activityId)
      .where('version', '=', version)
      .returning('version')
      .executeTakeFirst()) ?? null
  );
}

export async function replaceSurveyQuestions(db: Queryable, activityId: number, questions: ReadonlyArray<{ text: string; counts: readonly number[] }>) {
  await db.deleteFrom('coop_activity_survey_question').where('activity_id', '=', activityId).execute();
  if (!questions.length) return;
  await db
    .insertInto('coop_activity_survey_question')
    .values(
      questions.map((q, i) => ({
        activity_id: activityId,
        position: i + 1,
        text: q.text,
        count_1: q.counts[0] ?? 0,
        count_2: q.counts[1] ?? 0,
        count_3: q.counts[2] ?? 0,
        count_4: q.counts[3] ?? 0,
        count_5: q.counts[4] ?? 0,
      })),
    )
    .execute();
}

/** Removes the survey at `version` (its questions go with it); false: another user changed it first. */
export async function deleteSurvey(db: Queryable, activityId: number, version: number): Promise<boolean> {
  const r = await db
    .deleteFrom('coop_activity_survey')
    .where('activity_id', '=', activityId)
    .where('version', '=', version)
    .returning('activity_id')
    .executeTakeFirst();
  return !!r;
}
