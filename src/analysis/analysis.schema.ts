/**
 * @module Zod schemas of analysis: the split (`POST /api/analysis/decompose`) and the forecast
 * (`POST /api/analysis/forecast`), their answers, with Danish messages naming the field. Amounts and counts are
 * exact decimal strings (numbers are accepted); anything that is not a plain decimal within bounds — text with
 * control characters, 1e308, a negative — is a 400, never a 500.
 */
import { z } from 'zod';
import { FORECAST_METHODS, forecastProblems, MAX_HORIZON } from './forecast.js';
import { Dec } from './decimal.js';

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

/** "1234567.89", "1234567,89" and 1234567.89 become "1234567.89"; anything else is left for the pattern to refuse. */
function normalise(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'x';
  if (typeof v !== 'string') return v;
  const s = v.trim();
  return s.includes(',') && !s.includes('.') ? s.replace(',', '.') : s;
}

/** A decimal (number or string) in [min, max], with `what` in the messages (e.g. 'Befolkningstallet'). */
export const zNumberOf = (what: string, opts: { isPositive: boolean; max: string; maxDecimals?: number }) =>
  z.preprocess(
    normalise,
    z
      .string({ error: (i) => (i.input === undefined || i.input === null || i.input === '' ? 'Skal udfyldes.' : `${what} skal være et tal.`) })
      .superRefine((v, ctx) => {
        if (!DECIMAL.test(v)) return void ctx.addIssue({ code: 'custom', message: `${what} skal være et tal, fx 1234,5.` });
        const d = new Dec(v);
        if (opts.isPositive ? d.lte(0) : d.lt(0))
          return void ctx.addIssue({ code: 'custom', message: opts.isPositive ? `${what} skal være større end 0.` : `${what} må ikke være negativ.` });
        if (d.gt(opts.max)) return void ctx.addIssue({ code: 'custom', message: `${what} må højst være ${opts.max}.` });
        if (opts.maxDecimals !== undefined && d.decimalPlaces() > opts.maxDecimals)
          ctx.addIssue({
            code: 'custom',
            message: opts.maxDecimals === 0 ? `${what} skal være et helt tal.` : `${what} må højst have ${opts.maxDecimals} decimaler.`,
          });
      }),
  );

const zYear = z.number().int('Året skal være et helt tal.').min(1900, 'Året skal være 1900 eller senere.').max(2200, 'Året må højst være 2200.');

const ZDecomposeYear = z
  .object({
    population: zNumberOf('Befolkningstallet', { isPositive: true, max: '100000000', maxDecimals: 0 }).describe('Indbyggere i aldersgruppen'),
    recipients: zNumberOf('Antallet af modtagere', { isPositive: true, max: '100000000', maxDecimals: 2 }).describe('Modtagere (brugere)'),
    spending: zNumberOf('Udgiften', { isPositive: true, max: '1000000000000', maxDecimals: 2 }).describe('Nettoudgift i kroner, fx "123456789.00"'),
  })
  .strict();

export const ZDecomposeInput = z
  .object({ from: ZDecomposeYear.describe('Det første år'), to: ZDecomposeYear.describe('Det sidste år') })
  .strict()
  .describe('To års befolkning, modtagere og udgift');
export type TDecomposeInput = z.output<typeof ZDecomposeInput>;

const money = z.string().describe('Kroner med to decimaler');
export const ZDecomposition = z
  .object({
    totalChange: money.describe('Samlet ændring i udgiften (kr.)'),
    demographic: money.describe('Demografisk effekt: ændringen i befolkningen (kr.)'),
    userShare: money.describe('Brugerandelseffekt: flere eller færre modtagere pr. indbygger (kr.)'),
    unitCost: money.describe('Enhedsudgiftseffekt: udgift pr. modtager; får afrundingsresten (kr.)'),
  })
  .describe('Ændringen delt i tre effekter (LMDI), der tilsammen giver den samlede ændring på øret');

const zPoint = (what: string, isPositive: boolean) =>
  z.object({ year: zYear, value: zNumberOf(what, { isPositive, max: '1000000000', maxDecimals: 6 }) }).strict();

export const ZForecastInput = z
  .object({
    history: z.array(zPoint('Værdien', false)).max(100, 'Historikken må højst have 100 år.').describe('Værdi pr. år (fx modtagere), uden huller, mindst 5 år'),
    population: z
      .array(zPoint('Befolkningstallet', true))
      .max(200, 'Højst 200 år befolkningstal.')
      .describe('Befolkning i aldersgruppen pr. år, også for prognoseårene'),
    horizon: z
      .number()
      .int(`Horisonten skal være et helt antal år fra 1 til ${MAX_HORIZON}.`)
      .min(1, `Horisonten skal være et helt antal år fra 1 til ${MAX_HORIZON}.`)
      .max(MAX_HORIZON, `Horisonten skal være et helt antal år fra 1 til ${MAX_HORIZON}.`)
      .describe(`Antal år frem (1-${MAX_HORIZON})`),
  })
  .strict()
  .superRefine((input, ctx) => {
    for (const p of forecastProblems(input)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
  });
export type TForecastInput = z.output<typeof ZForecastInput>;

export const ZForecastResponse = z.object({
  methods: z.array(
    z.object({
      method: z.enum(FORECAST_METHODS).describe('trend: mindste kvadraters linje; rate: andel af befolkningen × fremskrevet befolkning'),
      backtestMape: z.string().nullable().describe('Gennemsnitlig absolut procentfejl på de sidste tre historiske år (%); null, når de alle er 0'),
      forecast: z.array(z.object({ year: z.number().int(), value: z.string().describe('To decimaler') })),
    }),
  ),
});

export const ZImportResponse = z.object({
  seriesId: z.number().int(),
  tableId: z.string(),
  kind: z.enum(['population', 'projection', 'recipients', 'spending']),
  unit: z.string(),
  rowCount: z.number().int().describe('Årstal pr. kommune og kategori, der er gemt'),
  replaced: z.number().int().describe('Tidligere indlæsninger af samme tabel, der er erstattet'),
  aggregatesLeftOut: z.number().int().describe('Rækker for hele landet, regioner og landsdele (udeladt: de er summer af kommunerne)'),
  otherCategoriesLeftOut: z.number().int().describe('Rækker med funktioner eller ydelser uden for analysen (udeladt)'),
});

export const ZImportRefused = z.object({
  error: z.string(),
  rows: z.array(z.object({ line: z.number().int().describe('Linje i filen (1 = overskriften)'), message: z.string() })),
});

export const ZSeriesList = z.array(
  z.object({
    id: z.number().int(),
    tableId: z.string(),
    kind: z.string(),
    unit: z.string(),
    source: z.string(),
    downloadedOn: z.string(),
    importedAt: z.string(),
    importedBy: z.string().nullable(),
    rowCount: z.number().int(),
    isCurrent: z.boolean(),
    isDemo: z.boolean(),
  }),
);
