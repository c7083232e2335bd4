/**
 * @module Zod schemas of the protected offerings' watch and dialogue cases: the inputs (forms) and the API answers.
 * Free text refuses control characters and CPR numbers (zText/zOptText); numbers are exact decimal strings.
 */
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { formatUpTo } from '../core/format.js';
import { zDate, zOptText, zText } from '../core/validation.js';
import { ZIdParams } from './cooperation.schema.js';
import { DIALOGUE_ANSWERS, DIALOGUE_STATUSES, NOTICE_KINDS, TRIGGER_KINDS } from './protection.table.js';

export const ZProtectionParams = ZIdParams;

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const zVersion = z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(2147483647).optional().describe('Den version, ændringen bygger på'));
const zOptDate = z.preprocess(blankToUndefined, zDate.optional());
/** "1.250.000,50" or "1250000.50" → "1250000.50". */
const danishDecimal = (v: string) => {
  const t = v.trim().replace(/\s/g, '');
  return t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t;
};
/** A decimal with up to two decimals, comma or point; the exact string with a point. */
const zDec = (what: string, max: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? danishDecimal(v) : v),
    z
      .string()
      .regex(/^\d{1,12}(\.\d{1,2})?$/, `Skal være ${what} med højst to decimaler.`)
      .refine((v) => new Decimal(v).lte(max), `Må højst være ${formatUpTo(max)}.`),
  );
const zOptDec = (what: string, max: string) => z.preprocess(blankToUndefined, zDec(what, max).optional());
const zOptInt = (min: number, max: number) => z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).optional());

export const ZAreaQuery = z.object({
  area: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()).describe('Rammeaftaleområde (kode, fx hovedstaden); tomt: alle'),
});
export const ZDialogueQuery = ZAreaQuery.extend({
  status: z.preprocess(blankToUndefined, z.enum(DIALOGUE_STATUSES).optional()).describe('aaben eller afsluttet'),
});

export const ZTriggerInput = z
  .object({
    areaCode: z.string().trim().min(1, 'Vælg et rammeaftaleområde.').max(40),
    kind: z.enum(TRIGGER_KINDS),
    sharePct: zOptDec('en procent', '100'),
    months: zOptInt(1, 36),
    amount: zOptDec('et beløb i kroner', '999999999999.99'),
    deadlineDays: z.coerce.number({ message: 'Skal være et helt antal dage.' }).int('Skal være et helt antal dage.').min(1).max(365),
    note: zOptText(1000),
    validFrom: zDate,
    validTo: zOptDate,
    version: zVersion,
  })
  .strict();
export type TTriggerInput = z.output<typeof ZTriggerInput>;

export const ZNoticeInput = z
  .object({
    kind: z.enum(NOTICE_KINDS),
    placesAfter: zOptInt(0, 10000),
    givenOn: zDate,
    effectiveOn: zDate,
    text: zText(4000),
  })
  .strict();

export const ZOpenCase = z.object({ triggerId: z.coerce.number().int().positive().max(2147483647) }).strict();

export const ZStepInput = z
  .object({
    sort: z.coerce.number().int().min(1).max(20),
    doneOn: zDate,
    note: zOptText(4000),
  })
  .strict();

export const ZDialogueAnswerInput = z
  .object({
    answer: z.enum(DIALOGUE_ANSWERS),
    note: zOptText(4000),
    version: zVersion,
  })
  .strict();

export const ZDialogueClose = z.object({ outcome: zText(8000), closedOn: zDate, version: zVersion }).strict();

// Answers ------------------------------------------------------------------------------------------------

const ZFiring = z.object({ triggerId: z.number().int(), kind: z.enum(TRIGGER_KINDS), reason: z.string() });

export const ZProtectedOffering = z.object({
  id: z.number().int(),
  name: z.string(),
  protection: z.string().describe('mest_specialiseret eller forstaerket_samarbejde'),
  areaCode: z.string(),
  operator: z.string(),
  municipality: z.string(),
  places: z.number().int(),
  occupancyPct: z.string().nullable().describe('Belægning den 1. i denne måned, i procent (kontrakter ÷ pladser)'),
  waitingCount: z.number().int().nullable(),
  firing: z.array(ZFiring).describe('Udløsere, der er opfyldt i dag'),
  openCases: z.number().int(),
});
export const ZProtectedOfferingList = z.object({ offerings: z.array(ZProtectedOffering) });

export const ZDialogueCaseSummary = z.object({
  id: z.number().int(),
  areaCode: z.string(),
  offering: z.object({ id: z.number().int(), name: z.string() }),
  procedure: z.string().describe('Forløbet, fx Nødbremse'),
  triggerKind: z.enum(TRIGGER_KINDS),
  reason: z.string(),
  deadline: z.string(),
  status: z.enum(DIALOGUE_STATUSES),
  stepsDone: z.number().int(),
  steps: z.number().int(),
  answered: z.number().int(),
  createdOn: z.string(),
});
export const ZDialogueCaseList = z.object({ cases: z.array(ZDialogueCaseSummary) });
