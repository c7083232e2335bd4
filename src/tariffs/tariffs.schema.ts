/**
 * @module Request bodies for stored tariffs: a draft is the calculation input plus the offering, the tariff
 * year, the explanation of an increase and (for a correction) the reason. Short stay and the retain limit are
 * not taken from the request: they follow from the offering type and the agreement's rule.
 */
import { z } from 'zod';
import { zDate, zOptText } from '../core/validation.js';
import { ZCalcInput } from './calculation.schema.js';

const calc = ZCalcInput.omit({ shortStay: true, retainLimitPct: true });
const texts = {
  explanation: zOptText(4000).describe('Forklaring på stigningen; skal udfyldes før indsendelse, når stigningen overstiger aftalens grænse'),
  correctionReason: zOptText(2000).describe('Begrundelse for en ny version af en offentliggjort takst'),
};

export const ZTariffCreate = calc.extend({ offeringId: z.number().int().positive().max(2147483647).describe('Tilbuddets id'), ...texts }).strict();
export const ZTariffUpdate = calc.omit({ year: true }).extend(texts).strict();
export const ZSubmit = z.object({ explanation: texts.explanation }).strict();
export const ZReturn = z.object({ comment: z.string().trim().min(1, 'Skriv en kommentar til driftsherren.').max(4000) }).strict();
export const ZPublish = z
  .object({ area: z.string().trim().min(1).max(40).describe('Rammeaftaleområdets kode, fx sjaelland'), year: z.coerce.number().int().min(2000).max(2100) })
  .strict();
export const ZListQuery = z
  .object({
    area: z.string().trim().max(40).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    offering: z.coerce.number().int().positive().max(2147483647).optional(),
    status: z.enum(['kladde', 'indsendt', 'returneret', 'godkendt', 'offentliggjort']).optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export type TTariffCreate = z.infer<typeof ZTariffCreate>;
export type TTariffUpdate = z.infer<typeof ZTariffUpdate>;
export type TReturn = z.infer<typeof ZReturn>;
export type TPublish = z.infer<typeof ZPublish>;
export type TListQuery = z.infer<typeof ZListQuery>;

/** Text that looks like a CPR number (ddmmyy-xxxx) is refused everywhere. */
const noCpr = (v: string | null | undefined) => !v || !/\b\d{6}-?\d{4}\b/.test(v);
const CPR_MESSAGE = 'Må ikke indeholde et CPR-nummer.';
/** The form that records the half-year's increase report as sent to the socialtilsyn. */
export const ZReportSent = z.object({
  area: z.string().trim().min(1).max(40),
  periode: z.string().regex(/^\d{4}-[12]$/, 'Ugyldigt halvår.'),
  sentOn: zDate,
  sentBy: z.string().trim().min(1, 'Skriv, hvem der sendte indberetningen.').max(200, 'Højst 200 tegn.').refine(noCpr, CPR_MESSAGE),
  reference: z
    .string()
    .trim()
    .max(200, 'Højst 200 tegn.')
    .refine(noCpr, CPR_MESSAGE)
    .optional()
    .transform((v) => v || null),
});
export type TReportSent = z.infer<typeof ZReportSent>;
