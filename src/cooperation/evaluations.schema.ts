/**
 * @module Zod schemas of an activity's evaluation survey: the input (API and form; a change carries the version it
 * builds on, If-Match or `version`, 0 for a new survey) and the answer with each question's counts, answers, mean
 * and shares. Question texts refuse CPR numbers.
 */
import { z } from 'zod';
import { zText } from '../core/validation.js';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const zCount = z.coerce.number('Skal være et tal.').int('Skal være et helt tal.').min(0, 'Kan ikke være negativt.').max(1000000, 'Højst 1.000.000.');

export const MAX_QUESTIONS = 10;

export const ZSurveyQuestionInput = z.object({
  text: zText(300).describe('Spørgsmålet, fx Hvor tilfreds var du med dagen?'),
  counts: z.array(zCount).length(5, 'Angiv antal svar for hvert punkt 1–5.').describe('Antal svar på 1, 2, 3, 4 og 5 (1 lavest, 5 højest)'),
});

export const ZSurveyInput = z
  .object({
    respondents: zCount.describe('Antal besvarelser af spørgeskemaet'),
    questions: z
      .array(ZSurveyQuestionInput)
      .max(MAX_QUESTIONS, `Højst ${MAX_QUESTIONS} spørgsmål.`)
      .describe('Spørgsmålene i rækkefølge; ingen spørgsmål fjerner evalueringen'),
    version: z
      .preprocess(blankToUndefined, z.coerce.number().int().min(0).max(2147483647).optional())
      .describe('Den version, ændringen bygger på (eller If-Match); 0 for en ny evaluering'),
  })
  .strict();
export type TSurveyInput = z.output<typeof ZSurveyInput>;

export const ZSurveyQuestion = z.object({
  position: z.number().int(),
  text: z.string(),
  counts: z.array(z.number().int()).describe('Antal svar på 1–5'),
  answers: z.number().int().describe('Antal svar på spørgsmålet'),
  mean: z.string().nullable().describe('Gennemsnit på skalaen 1–5 (én decimal)'),
  shares: z.array(z.string().nullable()).describe('Andel af svarene på 1–5 i procent (én decimal)'),
  topShare: z.string().nullable().describe('Andel, der svarede 4 eller 5, i procent'),
});

export const ZSurvey = z.object({
  activityId: z.number().int(),
  version: z.number().int(),
  respondents: z.number().int(),
  participants: z.number().int().nullable().describe('Aktivitetens deltagere'),
  responseRate: z.string().nullable().describe('Besvarelser i procent af deltagerne'),
  questions: z.array(ZSurveyQuestion),
});
export type TSurvey = z.output<typeof ZSurvey>;
