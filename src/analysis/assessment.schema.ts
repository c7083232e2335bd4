/**
 * @module Zod schemas of the yearly assessment ("redegørelse"): one score 1-5 and an optional free text (no CPR
 * numbers) per target group, the version the change builds on, and the compiled answer. Danish messages.
 */
import { z } from 'zod';
import { CPR_MESSAGE, noCpr } from '../core/cpr.js';

export const SCORE_LABELS: Record<number, string> = {
  1: '1 – udbuddet dækker slet ikke behovet',
  2: '2 – udbuddet dækker behovet dårligt',
  3: '3 – udbuddet dækker behovet nogenlunde',
  4: '4 – udbuddet dækker behovet godt',
  5: '5 – udbuddet dækker behovet fuldt ud',
};

const zScore = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? undefined : typeof v === 'string' ? Number(v) : v),
  z
    .number({ error: 'Vælg en vurdering fra 1 til 5.' })
    .int('Vurderingen skal være et helt tal fra 1 til 5.')
    .min(1, 'Vurderingen skal være fra 1 til 5.')
    .max(5, 'Vurderingen skal være fra 1 til 5.'),
);

export const ZAssessmentInput = z
  .object({
    version: z
      .preprocess((v) => (v === '' || v === undefined ? undefined : typeof v === 'string' ? Number(v) : v), z.number().int().min(0).optional())
      .describe('Den version, ændringen bygger på (0 for den første; eller If-Match)'),
    answers: z
      .array(
        z
          .object({
            group: z.string().trim().min(1).max(40).describe('Målgruppe (kode)'),
            score: zScore.describe('1 (dækker slet ikke) til 5 (dækker fuldt ud)'),
            comment: z
              .preprocess(
                (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
                z.string().trim().max(2000, 'Bemærkningen må højst være 2.000 tegn.').refine(noCpr, CPR_MESSAGE).nullable().optional(),
              )
              .describe('Bemærkning (fri tekst, ingen CPR-numre)'),
          })
          .strict(),
      )
      .max(50),
  })
  .strict();
export type TAssessmentInput = z.output<typeof ZAssessmentInput>;

export const ZAssessmentQuery = z.object({
  area: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,40}$/, 'Koden for rammeaftaleområdet er ikke gyldig.')
      .optional(),
  ),
  year: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce
      .number({ error: 'Året skal være et tal.' })
      .int('Året skal være et helt tal.')
      .min(2000, 'Året skal være 2000 eller senere.')
      .max(2100, 'Året må højst være 2100.')
      .optional(),
  ),
  format: z.enum(['xlsx']).optional(),
});

export const ZAssessmentParams = z.object({
  organisationId: z.coerce.number().int().positive(),
  year: z.coerce.number({ error: 'Året skal være et tal.' }).int().min(2000, 'Året skal være 2000 eller senere.').max(2100, 'Året må højst være 2100.'),
});

export const ZAssessmentCompiled = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  groups: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      answered: z.number().int(),
      mean: z.string().nullable().describe('Gennemsnitlig vurdering, to decimaler'),
      counts: z.array(z.number().int()).describe('Antal kommuner med vurdering 1, 2, 3, 4 og 5'),
    }),
  ),
  municipalities: z.array(
    z.object({
      organisationId: z.number().int(),
      name: z.string(),
      version: z.number().int().nullable().describe('null: ikke besvaret'),
      updatedAt: z.string().nullable(),
      answers: z.array(z.object({ group: z.string(), score: z.number().int(), comment: z.string().nullable() })),
    }),
  ),
});
