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

// Queries of the benchmark, growth and forecast pages and their API ------------------------------------------

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : Array.isArray(v) ? v[0] : v);
const zCode = (what: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(40, `${what} er for lang.`)
      .regex(/^[a-z0-9-]+$/, `Ukendt ${what}.`)
      .optional(),
  );
const zOptInt = (what: string, min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `${what} skal være et helt tal.` })
      .int(`${what} skal være et helt tal.`)
      .min(min, `${what} skal være mindst ${min}.`)
      .max(max, `${what} må højst være ${max}.`)
      .optional(),
  );

export const ZScopeQuery = z.object({
  group: zCode('målgruppe').describe('Målgruppe, fx voksne-botilbud'),
  area: zCode('rammeaftaleområde').describe('Rammeaftaleområde, fx sjaelland'),
  municipality: zOptInt('Kommunekoden', 101, 999).describe('Kommunekode'),
});
export const ZBenchmarkQuery = ZScopeQuery.extend({
  year: zOptInt('Året', 1900, 2200).describe('År (standard: det seneste med tal)'),
  peers: z
    .preprocess(
      (v) => (v === undefined || v === '' ? undefined : ([] as unknown[]).concat(v).filter((x) => x !== '')),
      z.array(z.coerce.number().int().min(101).max(999)).max(30, 'Vælg højst 30 kommuner at sammenligne med.').optional(),
    )
    .describe('Sammenligningskommuner (koder); uden: de 5 nærmeste i størrelse'),
  format: z.enum(['xlsx']).optional().describe('xlsx: hent tabellen som Excel'),
});
export type TBenchmarkQuery = z.output<typeof ZBenchmarkQuery>;
export const ZGrowthQuery = ZScopeQuery.extend({
  from: zOptInt('Fra-året', 1900, 2200).describe('Første år'),
  to: zOptInt('Til-året', 1900, 2200).describe('Sidste år'),
  format: z.enum(['xlsx']).optional(),
});
export type TGrowthQuery = z.output<typeof ZGrowthQuery>;
export const ZSourcesQuery = z.object({
  group: z.string().trim().min(1).max(40).describe('Målgruppe'),
  municipality: z.coerce.number().int().min(101).max(999).describe('Kommunekode'),
  year: z.coerce.number().int().min(1900).max(2200).describe('År'),
});

const zFigures = z.object({
  population: z.string().nullable(),
  recipients: z.string().nullable(),
  spending: z.string().nullable().describe('Kroner'),
  spendingPerCapita: z.string().nullable().describe('Kroner pr. indbygger i aldersgruppen'),
  userSharePer1000: z.string().nullable().describe('Modtagere pr. 1.000 indbyggere i aldersgruppen'),
  unitCost: z.string().nullable().describe('Kroner pr. modtager'),
  municipalityCount: z.number().int(),
});
const zSeries = z.object({ tableId: z.string(), kind: z.string(), unit: z.string(), source: z.string(), downloadedOn: z.string(), isDemo: z.boolean() });
export const ZBenchmarkResponse = z.object({
  group: z.object({ code: z.string(), name: z.string(), ageBand: z.string() }),
  area: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int().nullable(),
  municipalities: z.array(z.object({ code: z.number().int(), name: z.string(), figures: zFigures })),
  areaFigures: zFigures,
  countryFigures: zFigures,
  peers: z.array(z.object({ code: z.number().int(), name: z.string() })),
  isPeersChosen: z.boolean(),
  peerFigures: zFigures,
  sources: z.array(zSeries),
});
export const ZSourcesResponse = z.object({
  group: z.object({ code: z.string(), name: z.string(), ageBand: z.string() }),
  municipality: z.object({ code: z.number().int(), name: z.string() }),
  year: z.number().int(),
  rows: z.array(
    z.object({
      kind: z.string(),
      tableId: z.string(),
      downloadedOn: z.string(),
      unit: z.string(),
      source: z.string(),
      isDemo: z.boolean(),
      category: z.string(),
      label: z.string(),
      value: z.string().nullable().describe('I tabellens enhed; null: udeladt i Statistikbanken'),
      lines: z.array(z.number().int()).describe('Linjer i den indlæste fil'),
    }),
  ),
});

export const ZForecastPageQuery = ZScopeQuery.extend({
  horizon: zOptInt('Antal år frem', 1, MAX_HORIZON).describe(`Antal år frem (1-${MAX_HORIZON})`),
  ratePct: z
    .preprocess(
      (v) => (v === '' || v === undefined ? undefined : typeof v === 'string' ? v.trim().replace(',', '.').replace('−', '-') : v),
      z.coerce
        .string()
        .regex(/^[-+]?\d{1,3}(\.\d{1,2})?$/, 'Ændringen af andelen skal være et tal i procent, fx 10 eller -5,5.')
        .refine((v) => Number(v) >= -90 && Number(v) <= 200, 'Ændringen af andelen skal ligge mellem -90 og 200 %.')
        .optional(),
    )
    .describe('Hvad nu hvis: andelen ændret med så mange procent (rate-metoden)'),
  stayPct: z
    .preprocess(
      (v) => (v === '' || v === undefined ? undefined : typeof v === 'string' ? v.trim().replace(',', '.').replace('−', '-') : v),
      z.coerce
        .string()
        .regex(/^[-+]?\d{1,3}(\.\d{1,2})?$/, 'Ændringen af opholdstiden skal være et tal i procent, fx 10 eller -5,5.')
        .refine((v) => Number(v) >= -90 && Number(v) <= 200, 'Ændringen af opholdstiden skal ligge mellem -90 og 200 %.')
        .optional(),
    )
    .describe('Hvad nu hvis: opholdstiden ændret med så mange procent (lager-og-strøm-metoden)'),
  occupancyPct: zOptInt('Målbelægningen', 50, 100).describe('Målbelægning i % (pladser = modtagere ÷ belægning)'),
  format: z.enum(['xlsx']).optional(),
});
export type TForecastPageQuery = z.output<typeof ZForecastPageQuery>;
