/**
 * @module Zod schemas of an area's yearly report: the query (area, year; the page also takes the export format)
 * and the report's data as `GET /api/yearly-report` answers it.
 */
import { z } from 'zod';
import { ACTIVITY_KINDS } from './activities.table.js';
import { ZSurveyQuestion } from './evaluations.schema.js';
import { ZProject } from './projects.schema.js';
import { PROJECT_STATUSES } from './projects.table.js';
import { REPORT_STATUSES } from './announcements.table.js';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const ZYearlyReportQuery = z.object({
  area: z.string().trim().max(40).optional().describe('Rammeaftaleområde (kode, fx syddanmark)'),
  year: z
    .preprocess(
      blankToUndefined,
      z.coerce.number('Skal være et år.').int('Skal være et år.').min(2000, 'Fra år 2000.').max(2100, 'Til og med år 2100.').optional(),
    )
    .describe('Året (fx 2023); tomt: sidste år'),
});
export const ZYearlyReportPageQuery = ZYearlyReportQuery.extend({
  format: z.preprocess(blankToUndefined, z.enum(['pdf', 'doc'], 'Vælg pdf eller doc.').optional()),
});

const ZRef = z.object({ id: z.number().int(), title: z.string() });

export const ZYearlyReport = z.object({
  title: z.string(),
  area: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  agreements: z
    .array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        periodStart: z.string(),
        periodEnd: z.string(),
        focusAreas: z.array(z.object({ id: z.number().int(), part: z.string(), number: z.number().int(), title: z.string(), goal: z.string().nullable() })),
      }),
    )
    .describe('Rammeaftaler, der gælder i året, med temaer og fokusområder'),
  activities: z.object({
    count: z.number().int(),
    participants: z.number().int().describe('Deltagere i alt (aktiviteter med et deltagertal)'),
    registrations: z.number().int().describe('Tilmeldte i alt'),
    evaluated: z.number().int().describe('Aktiviteter med et evalueringsskema'),
    byKind: z.array(z.object({ kind: z.enum(ACTIVITY_KINDS), count: z.number().int() })),
    rows: z.array(
      z.object({
        id: z.number().int(),
        kind: z.enum(ACTIVITY_KINDS),
        title: z.string(),
        audience: z.string().nullable(),
        date: z.string(),
        endDate: z.string().nullable(),
        organisers: z.string(),
        place: z.string().nullable(),
        registrations: z.number().int().nullable(),
        participants: z.number().int().nullable(),
        evaluation: z.string().nullable().describe('Evalueringsnotat'),
        focusArea: ZRef.nullable(),
        project: ZRef.nullable(),
        survey: z
          .object({ respondents: z.number().int(), responseRate: z.string().nullable(), questions: z.array(ZSurveyQuestion) })
          .nullable()
          .describe('Evalueringsskemaet med antal svar'),
      }),
    ),
  }),
  projects: z.object({
    count: z.number().int(),
    byStatus: z.array(z.object({ status: z.enum(PROJECT_STATUSES), count: z.number().int() })),
    rows: z.array(ZProject.omit({ version: true, areaCode: true, areaName: true })),
  }),
  announcements: z.object({
    count: z.number().int(),
    rows: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        targetGroup: z.string(),
        isJoint: z.boolean(),
        issuedOn: z.string(),
        deadline: z.string().describe('Fristen, der gælder (med bevilgede udsættelser)'),
        sentOn: z.string().describe('Dato for områdets afrapportering'),
        status: z.enum(REPORT_STATUSES),
      }),
    ),
  }),
  meetings: z.object({
    count: z.number().int(),
    bodies: z.array(z.object({ id: z.number().int(), name: z.string(), held: z.number().int() })),
  }),
});
export type TYearlyReport = z.output<typeof ZYearlyReport>;
