/**
 * @module The public calculation's request and answer: amounts and hours as exact decimal strings (numbers are
 * accepted and read through their shortest representation), dates as 'YYYY-MM-DD', the month as 'YYYY-MM'.
 * Danish messages name the field (`lines.0.to`).
 */
import { z } from 'zod';
import { zDate } from '../core/validation.js';
import { SDec, SETTLEMENT_UNITS, type CalcLine } from './calculation.js';

/** At most 100 mio. kr. per unit and 100,000 hours on one line: anything larger is a typing error. */
export const MAX_PRICE = '100000000';
export const MAX_HOURS = '100000';
const DECIMAL = /^\d{1,12}(\.\d{1,6})?$/;

/** No control characters (NUL and friends) in a number. */
const noNul = (v: unknown) => typeof v !== 'string' || ![...v].some((c) => c.charCodeAt(0) < 32);

/** 'YYYY-MM' with a month 01-12 in the years 2000-2099. */
export const zMonth = z
  .string({ error: (i) => (i.input === undefined || i.input === null ? 'Skal udfyldes.' : 'Skal være en måned (åååå-mm), fx 2026-03.') })
  .refine((v) => /^20\d\d-(0[1-9]|1[0-2])$/.test(v), 'Skal være en måned (åååå-mm) med måned 01-12, fx 2026-03.');

const zAmountString = (what: string, max: string, example: string) =>
  z
    .preprocess(
      (v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v.trim().replace(',', '.') : v),
      z.string({ error: (i) => (i.input === undefined || i.input === null || i.input === '' ? 'Skal udfyldes.' : `Skal være ${what}, fx ${example}.`) }),
    )
    .superRefine((v, ctx) => {
      if (!noNul(v)) ctx.addIssue({ code: 'custom', message: 'Må ikke indeholde styretegn.' });
      else if (v.startsWith('-')) ctx.addIssue({ code: 'custom', message: 'Må ikke være negativ.' });
      else if (!DECIMAL.test(v)) ctx.addIssue({ code: 'custom', message: `Skal være ${what} med højst 6 decimaler, fx ${example}.` });
      else if (new SDec(v).gt(max)) ctx.addIssue({ code: 'custom', message: `Må højst være ${max.replace(/\B(?=(\d{3})+$)/g, '.')}.` });
    });

const zDay = zDate;

export const ZCalcLineInput = z
  .strictObject({
    unit: z.enum(SETTLEMENT_UNITS, { error: 'Ukendt enhed. Brug day (døgn/dag), month (måned) eller hour (time).' }).describe('Prisens enhed'),
    price: zAmountString('en pris i kroner', MAX_PRICE, '2381.04').describe('Pris pr. enhed i kroner, fx "2381.04"'),
    from: zDay.optional().describe('Første dag (day/month), åååå-mm-dd'),
    to: zDay.nullable().optional().describe('Sidste dag, begge dage med (day/month); null = åben'),
    hours: zAmountString('et antal timer', MAX_HOURS, '14.5').optional().describe('Antal timer (hour)'),
  })
  .superRefine((l, ctx) => {
    if (l.unit === 'hour') {
      if (l.hours === undefined) ctx.addIssue({ code: 'custom', path: ['hours'], message: 'Skal udfyldes for en timepris.' });
      if (l.from !== undefined || (l.to !== undefined && l.to !== null))
        ctx.addIssue({ code: 'custom', path: ['from'], message: 'En timepris har ingen periode; angiv kun hours.' });
      return;
    }
    if (l.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Skal udfyldes for en dags- eller månedspris.' });
    if (l.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Skal angives (null for en åben periode).' });
    if (l.hours !== undefined) ctx.addIssue({ code: 'custom', path: ['hours'], message: 'Timer bruges kun med enheden hour.' });
    if (l.from && l.to && l.to < l.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Slutdatoen ligger før startdatoen.' });
  });

export const ZCalculateRequest = z.strictObject({
  month: zMonth.describe('Måneden, der afregnes (åååå-mm)'),
  lines: z.array(ZCalcLineInput).min(1, 'Angiv mindst én linje.').max(1000, 'Højst 1.000 linjer ad gangen.'),
});
export type TCalculateRequest = z.infer<typeof ZCalculateRequest>;

export const ZCalculateResponse = z.object({
  lines: z.array(z.object({ days: z.number().int().nullable().describe('Dage i måneden inden for perioden (null for timer)'), amount: z.string() })),
  total: z.string().describe('Summen af de afrundede linjer'),
});

/** The validated request as the pure calculation takes it. */
export const toCalcLines = (r: TCalculateRequest): CalcLine[] =>
  r.lines.map((l) =>
    l.unit === 'hour' ? { unit: 'hour', price: l.price, hours: l.hours! } : { unit: l.unit, price: l.price, from: l.from!, to: l.to ?? null },
  );
