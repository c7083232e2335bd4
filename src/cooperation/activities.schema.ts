/**
 * @module Zod schemas of the cooperation's activities: the list query (area, year), the input (API and forms; a
 * change carries the version it builds on, If-Match or `version`) and the answers. Free text refuses CPR numbers.
 */
import { z } from 'zod';
import { zDate, zOptText, zText } from '../core/validation.js';
import { ACTIVITY_KINDS } from './activities.table.js';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const zPositive = z.coerce.number().int().positive().max(2147483647);
const zCount = z
  .preprocess(blankToUndefined, z.coerce.number().int('Skal være et helt tal.').min(0, 'Kan ikke være negativt.').max(1000000).optional())
  .transform((v) => v ?? null);
const zVersion = z.preprocess(blankToUndefined, zPositive.optional()).describe('Den version, ændringen bygger på (eller If-Match)');

export const ZActivitiesQuery = z.object({
  area: z.string().trim().max(40).optional().describe('Rammeaftaleområde (kode, fx sjaelland)'),
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2000).max(2100).optional()).describe('År (fx 2023); tomt: alle'),
});
export type TActivitiesQuery = z.output<typeof ZActivitiesQuery>;

const ZActivityFields = z.object({
  kind: z.enum(ACTIVITY_KINDS, 'Vælg slags aktivitet.').describe('Slags: temadag, konference, netværksmøde, informationsmøde, politisk møde'),
  title: zText(300).describe('Tema eller titel'),
  audience: zOptText(500).describe('Målgruppe'),
  date: zDate.describe('Dato (åååå-mm-dd); første dag, hvis aktiviteten varer flere dage'),
  endDate: z
    .preprocess(blankToUndefined, zDate.optional())
    .transform((v) => v ?? null)
    .describe('Sidste dag, når aktiviteten varer flere dage'),
  organisers: zText(300).describe('Afholdt af, fx Socialdirektørforum og Psykiatrien i Region Syddanmark'),
  place: zOptText(300).describe('Sted, fx online eller Vejle Rådhus'),
  registrations: zCount.describe('Antal tilmeldte'),
  participants: zCount.describe('Antal deltagere'),
  evaluation: zOptText(4000).describe('Evaluering: kort notat om udbytte og tilbagemeldinger'),
  focusAreaId: z
    .preprocess(blankToUndefined, zPositive.optional())
    .transform((v) => v ?? null)
    .describe('Fokusområde i en af områdets rammeaftaler, som aktiviteten tjener'),
  projectId: z
    .preprocess(blankToUndefined, zPositive.optional())
    .transform((v) => v ?? null)
    .describe('Projekt i området, som aktiviteten tjener'),
});

export const ZActivityInput = ZActivityFields.extend({ areaCode: z.string().trim().max(40).describe('Rammeaftaleområde (kode)') }).strict();
export type TActivityInput = z.output<typeof ZActivityInput>;
export const ZActivityUpdate = ZActivityFields.extend({ version: zVersion }).strict();
export type TActivityUpdate = z.output<typeof ZActivityUpdate>;

export const ZActivityParams = z.object({
  id: z
    .string()
    .transform((v) => (/^\d{1,10}$/.test(v) && Number(v) > 0 && Number(v) <= 2147483647 ? Number(v) : 0))
    .describe('Aktivitetens id'),
});

export const ZActivity = z.object({
  id: z.number().int(),
  version: z.number().int(),
  areaCode: z.string(),
  areaName: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  audience: z.string().nullable(),
  date: z.string(),
  endDate: z.string().nullable(),
  organisers: z.string(),
  place: z.string().nullable(),
  registrations: z.number().int().nullable(),
  participants: z.number().int().nullable(),
  evaluation: z.string().nullable(),
  focusArea: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  project: z.object({ id: z.number().int(), title: z.string() }).nullable(),
});
export const ZActivityList = z.object({ activities: z.array(ZActivity) });
