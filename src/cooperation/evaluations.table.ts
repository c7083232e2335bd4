/**
 * @module Table types of the activities' evaluation surveys: one survey per activity (respondents, version) and
 * its questions with the count of answers per point of the 1–5 scale.
 */
import type { Generated } from 'kysely';

/** The points of the survey's scale, lowest first. */
export const SCALE = [1, 2, 3, 4, 5] as const;
export const SCALE_LABELS: Record<(typeof SCALE)[number], string> = {
  1: '1 – Meget utilfreds',
  2: '2 – Utilfreds',
  3: '3 – Hverken eller',
  4: '4 – Tilfreds',
  5: '5 – Meget tilfreds',
};

export type CoopActivitySurveyTable = {
  activity_id: number;
  respondents: number;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string;
};

export type CoopActivitySurveyQuestionTable = {
  id: Generated<number>;
  activity_id: number;
  position: number;
  text: string;
  count_1: number;
  count_2: number;
  count_3: number;
  count_4: number;
  count_5: number;
};

declare module '../core/db/types.js' {
  interface DB {
    coop_activity_survey: CoopActivitySurveyTable;
    coop_activity_survey_question: CoopActivitySurveyQuestionTable;
  }
}
