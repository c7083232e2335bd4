/**
 * @module The calculation input as the API, the forms and the stored versions take it: amounts and
 * percentages as exact decimal strings (numbers are accepted and converted without float arithmetic beyond
 * JavaScript's own shortest representation). Danish messages per field.
 */
import { z } from 'zod';
import { formatUpTo } from '../core/format.js';
import { COST_CATEGORIES, Dec, UNITS, type CalcInput } from './calculation.js';

const DECIMAL = /^-?\d{1,15}(\.\d{1,10})?$/;

/** "1.234.567,89", "1234567.89", 1234567.89 and " 97,5 " all become exact decimal strings. */
export function normaliseDecimal(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? new Dec(v).toFixed() : v;
  if (typeof v !== 'string') return v;
  let s = v.replace(/[\s\u00a0]/g, '').replace('−', '-');
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(s)) s = s.replace(/\./g, '');
  if (s.startsWith('+')) s = s.slice(1);
  if (/^-?\.\d/.test(s)) s = s.replace('.', '0.');
  return s;
}

const decimalString = (message: string) =>
  z.preprocess(
    normaliseDecimal,
    z.string({ error: (i) => (i.input === undefined || i.input === null || i.input === '' ? 'Skal udfyldes.' : message) }).regex(DECIMAL, message),
  );

/** A decimal string with bounds checked exactly; the message's example fits the field (`example`, Danish notation). */
export const zDecimal = (opts: { min?: string; minExclusive?: boolean; max?: string; what: string; example?: string }) =>
  decimalString(`Skal være ${opts.what}, fx ${opts.example ?? '1234567,89'}.`).superRefine((v, ctx) => {
    if (!DECIMAL.test(v)) return; // already reported by the pattern
    const d = new Dec(v);
    if (opts.min !== undefined && (opts.minExclusive ? d.lte(opts.min) : d.lt(opts.min)))
      ctx.addIssue({
        code: 'custom',
        message: opts.minExclusive
          ? `Skal være større end ${formatUpTo(opts.min, 20)}.`
          : opts.min === '0'
            ? 'Må ikke være negativ.'
            : `Skal være mindst ${formatUpTo(opts.min, 20)}.`,
      });
    if (opts.max !== undefined && d.gt(opts.max)) ctx.addIssue({ code: 'custom', message: `Må højst være ${formatUpTo(opts.max, 20)}.` });
  });

const zAmount = zDecimal({ min: '0', what: 'et beløb i kroner' });
const zSignedAmount = zDecimal({ what: 'et beløb i kroner (minus for underskud)', example: '-250000' });
const zPct = (max = '150') => zDecimal({ min: '0', minExclusive: true, max, what: 'en procentsats', example: '96,5' });
const zHours = zDecimal({ min: '0', minExclusive: true, what: 'et antal timer', example: '1500' });

const zInt = (what: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v),
    z.number({ error: (i) => (i.input === undefined || i.input === '' ? 'Skal udfyldes.' : `Skal være ${what}.`) }).int(`Skal være ${what}.`),
  );

export const ZCostLine = z.object({
  category: z.enum(COST_CATEGORIES, {
    error: 'Ukendt udgiftskategori. Brug salaries, operations, property, pension, supervisionFee, other, depreciation eller interest.',
  }),
  amount: zAmount,
  text: z.string().trim().max(200).nullish(),
});

export const ZLevel = z.object({
  name: z.string().trim().min(1).max(80),
  weight: zDecimal({ min: '0', minExclusive: true, max: '1000', what: 'en vægt', example: '1,25' }),
  share: zDecimal({ min: '0', max: '1', what: 'en andel mellem 0 og 1', example: '0,35' }),
});

export const ZAddOn = z.object({
  name: z.string().trim().min(1).max(120),
  cost: zAmount,
  plannedHours: zHours,
});

export const ZCalcInput = z
  .object({
    unit: z.enum(UNITS, { error: 'Skal være day, month eller hour.' }).describe('Takstens enhed: day (døgn/dag), month (måned) eller hour (time)'),
    year: zInt('et årstal').pipe(z.number().min(2000).max(2100)).describe('Takstår'),
    places: zInt('et heltal').pipe(z.number().min(1, 'Skal være mindst 1.').max(5000)).nullish().describe('Pladser (døgn og måned)'),
    plannedHours: zHours.nullish().describe('Planlagte timer (timetakst)'),
    occupancyPct: zPct().nullish().describe('Budgetteret belægningsprocent; udelades den, bruges gennemsnittet af historikken'),
    occupancyHistoryPct: z
      .array(zPct())
      .max(2, 'Angiv højst de to foregående års belægning.')
      .nullish()
      .describe('De to foregående års faktiske belægning i procent'),
    shortStay: z.boolean().default(false).describe('Korttids-, akut- eller aflastningstilbud (lavere minimumsbelægning)'),
    occupancyDeviationApproved: z.boolean().default(false).describe('Styregruppen har godkendt en belægning uden for aftalens grænser'),
    costs: z.array(ZCostLine).min(1, 'Angiv mindst én udgiftslinje.').max(100),
    overhead: z
      .union([z.object({ pct: zDecimal({ min: '0', max: '100', what: 'en procentsats', example: '6' }) }).strict(), z.object({ amount: zAmount }).strict()], {
        error: 'Angiv overhead som {"pct": "6.0"} eller {"amount": "400000.00"}.',
      })
      .nullish(),
    income: zAmount.nullish().describe('Indtægter, der fratrækkes (kr.)'),
    regulation: z
      .object({
        result: zSignedAmount.describe('Resultat: + overskud, − underskud'),
        costBase: zAmount.describe('Omkostningsgrundlaget det år'),
        retained: zSignedAmount.describe('Den del, driftsherren beholder i egen driftsramme'),
        year: zInt('et årstal').pipe(z.number().min(2000).max(2100)).nullish(),
      })
      .nullish(),
    retainLimitPct: zDecimal({ min: '0', max: '100', what: 'en procentsats', example: '5' })
      .nullish()
      .describe('Aftalens grænse for beholdt over-/underskud (standard: aftalens regel, typisk 5)'),
    levels: z.array(ZLevel).max(10).nullish().describe('Takstniveauer (pakkemodel) med vægt og forventet andel; andelene skal give 1'),
    addOns: z.array(ZAddOn).max(20).nullish().describe('Tillægsydelser prissat for sig efter egne udgifter og timer'),
  })
  .strict();

/** The public calculation also takes an optional agreement area whose rules apply. */
export const ZCalculateRequest = ZCalcInput.extend({
  area: z.string().trim().max(40).nullish().describe('Rammeaftaleområdets kode (fx sjaelland); dets regler for takståret bruges'),
}).strict();

export type TCalcInput = z.infer<typeof ZCalcInput>;
export type TCalculateRequest = z.infer<typeof ZCalculateRequest>;

/** Drops nulls so the parsed value fits `CalcInput`. */
export function toCalcInput(v: TCalcInput): CalcInput {
  return {
    unit: v.unit,
    year: v.year,
    places: v.places ?? null,
    plannedHours: v.plannedHours ?? null,
    occupancyPct: v.occupancyPct ?? null,
    occupancyHistoryPct: v.occupancyHistoryPct ?? null,
    shortStay: v.shortStay,
    occupancyDeviationApproved: v.occupancyDeviationApproved,
    costs: v.costs.map((c) => ({ category: c.category, amount: c.amount, ...(c.text ? { text: c.text } : {}) })),
    overhead: v.overhead ?? null,
    income: v.income ?? null,
    regulation: v.regulation
      ? { result: v.regulation.result, costBase: v.regulation.costBase, retained: v.regulation.retained, year: v.regulation.year ?? null }
      : null,
    retainLimitPct: v.retainLimitPct ?? null,
    levels: v.levels?.length ? v.levels : null,
    addOns: v.addOns?.length ? v.addOns : null,
  };
}
