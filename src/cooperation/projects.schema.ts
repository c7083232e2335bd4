/**
 * @module Zod schemas of the cooperation's projects: the list query (area, year the project runs in, status), the
 * input (API and forms; a change carries the version it builds on, If-Match or `version`) and the answers.
 */
import { z } from 'zod';
import { zDate, zOptText, zText } from '../core/validation.js';
import { PROJECT_STATUSES } from './projects.table.js';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const zPositive = z.coerce.number().int().positive().max(2147483647);
const zVersion = z.preprocess(blankToUndefined, zPositive.optional()).describe('Den version, ændringen bygger på (eller If-Match)');

export const ZProjectsQuery = z.object({
  area: z.string().trim().max(40).optional().describe('Rammeaftaleområde (kode, fx syddanmark)'),
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2000).max(2100).optional()).describe('Projekter, der løber i året; tomt: alle'),
  status: z.preprocess(blankToUndefined, z.enum(PROJECT_STATUSES).optional()).describe('Status'),
});
export type TProjectsQuery = z.output<typeof ZProjectsQuery>;

const ZProjectFields = z.object({
  title: zText(300).describe('Projektets titel'),
  purpose: zText(4000).describe('Formål'),
  owner: zText(300).describe('Projektejer, fx Socialdirektørforum'),
  startDate: zDate.describe('Start (åååå-mm-dd)'),
  endDate: z
    .preprocess(blankToUndefined, zDate.optional())
    .transform((v) => v ?? null)
    .describe('Slut (åååå-mm-dd); tomt: ikke fastlagt'),
  status: z.enum(PROJECT_STATUSES, 'Vælg projektets status.').describe('Status: planlagt, igang, afsluttet, stoppet'),
  results: zOptText(4000).describe('Resultater'),
  evaluation: zOptText(4000).describe('Evaluering'),
  focusAreaId: z
    .preprocess(blankToUndefined, zPositive.optional())
    .transform((v) => v ?? null)
    .describe('Fokusområde i en af områdets rammeaftaler, som projektet tjener'),
});

export const ZProjectInput = ZProjectFields.extend({ areaCode: z.string().trim().max(40).describe('Rammeaftaleområde (kode)') }).strict();
export type TProjectInput = z.output<typeof ZProjectInput>;
export const ZProjectUpdate = ZProjectFields.extend({ version: zVersion }).strict();
export type TProjectUpdate = z.output<typeof ZProjectUpdate>;

export const ZProjectParams = z.object({
  id: z
    .string()
    .transform((v) => (/^\d{1,10}$/.test(v) && Number(v) > 0 && Number(v) <= 2147483647 ? Number(v) : 0))
    .describe('Projektets id'),
});

export const ZProject = z.object({
  id: z.number().int(),
  version: z.number().int(),
  areaCode: z.string(),
  areaName: z.string(),
  title: z.string(),
  purpose: z.string(),
  owner: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: z.enum(PROJECT_STATUSES),
  results: z.string().nullable(),
  evaluation: z.string().nullable(),
  focusArea: z.object({ id: z.number().int(), title: z.string() }).nullable(),
});
export const ZProjectList = z.object({ projects: z.array(ZProject) });
