/**
 * @module The answers of the tariffs API as zod schemas: Fastify serialises every answer through them and the
 * OpenAPI document describes them from the same schemas. Amounts and percentages are exact decimal strings.
 */
import { z } from 'zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import { COST_CATEGORIES, UNITS } from './calculation.js';
import { INCREASE_BASES, TARIFF_STATUSES } from './tariffs.table.js';

const dec = (what: string) => z.string().describe(`${what} (eksakt decimaltal som tekst)`);
const optDec = (what: string) => dec(what).nullable();
const at = (what: string) => z.date().nullable().describe(what);

const ZStep = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string(),
  unit: z.enum(['kr', 'pct', 'units', 'number', 'text']),
  kind: z.enum(['line', 'subtotal', 'total', 'note']),
  detail: z.string().optional(),
});
const ZNamedTariff = z.object({ name: z.string(), tariff: dec('Takst') });

export const ZCalcRulesOut = z.object({
  retainLimitPct: dec('Grænse for beholdt over-/underskud i %'),
  occupancyFloorPct: dec('Mindste budgetterede belægning i %'),
  shortStayFloorPct: dec('Mindste belægning for korttidstilbud i %'),
  occupancyCeilingPct: dec('Største budgetterede belægning i %'),
  recommendedMaxPct: dec('Anbefalet højeste belægning i %'),
  overheadCapPct: optDec('Loft over overhead i %'),
});

const ZRulesSnapshot = ZCalcRulesOut.extend({
  increaseThresholdPct: dec('Grænse for stigninger i %'),
  increaseBasis: z.enum(INCREASE_BASES),
  plPct: optDec('P/L-fremskrivning i %'),
  deadline: z.string().describe('Frist for indsendelse (åååå-mm-dd)'),
});

const ZCalcInputOut = z.object({
  unit: z.enum(UNITS),
  year: z.number().int(),
  places: z.number().int().nullish(),
  plannedHours: z.string().nullish(),
  occupancyPct: z.string().nullish(),
  occupancyHistoryPct: z.array(z.string()).nullish(),
  shortStay: z.boolean().optional(),
  occupancyDeviationApproved: z.boolean().optional(),
  costs: z.array(z.object({ category: z.enum(COST_CATEGORIES), amount: z.string(), text: z.string().nullish() })),
  overhead: z.union([z.object({ pct: z.string() }), z.object({ amount: z.string() })]).nullish(),
  income: z.string().nullish(),
  regulation: z.object({ result: z.string(), costBase: z.string(), retained: z.string(), year: z.number().int().nullish() }).nullish(),
  retainLimitPct: z.string().nullish(),
  levels: z.array(z.object({ name: z.string(), weight: z.string(), share: z.string() })).nullish(),
  addOns: z.array(z.object({ name: z.string(), cost: z.string(), plannedHours: z.string() })).nullish(),
});

/** One version with the whole calculation step by step. */
export const ZVersion = z
  .object({
    id: z.number().int(),
    tariffId: z.number().int(),
    offeringId: z.number().int(),
    offeringName: z.string(),
    year: z.number().int(),
    version: z.number().int(),
    status: z.enum(TARIFF_STATUSES),
    areaCode: z.string(),
    unit: z.string(),
    averageTariff: dec('Gennemsnitstakst'),
    basis: dec('Takstgrundlag'),
    overhead: dec('Overhead'),
    occupancyPctUsed: optDec('Anvendt belægning i %'),
    capacityUnits: dec('Kapacitetsenheder'),
    levels: z.array(z.object({ name: z.string(), weight: z.string(), share: z.string(), tariff: dec('Takst') })),
    nominalChangePct: optDec('Nominel ændring i %'),
    realChangePct: optDec('Real ændring i %'),
    isFlagged: z.boolean(),
    explanation: z.string().nullable(),
    correctionReason: z.string().nullable(),
    returnComment: z.string().nullable(),
    warnings: z.array(z.string()),
    createdBy: z.string(),
    createdAt: z.date(),
    submittedAt: at('Indsendt'),
    isOnTime: z.boolean().nullable(),
    approvedAt: at('Godkendt'),
    publishedAt: at('Offentliggjort'),
    supersededAt: at('Erstattet af en ny version'),
    input: ZCalcInputOut,
    rules: ZRulesSnapshot,
    breakdown: z.array(ZStep),
    addOns: z.array(z.object({ name: z.string(), cost: z.string(), plannedHours: z.string(), hourlyRate: dec('Timepris') })),
  })
  .describe('Takst (version)');

export const ZVersionList = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.object({
      id: z.number().int(),
      offeringId: z.number().int(),
      offeringName: z.string(),
      year: z.number().int(),
      version: z.number().int(),
      status: z.enum(TARIFF_STATUSES),
      areaCode: z.string(),
      unit: z.string(),
      averageTariff: dec('Gennemsnitstakst'),
      levels: z.array(ZNamedTariff),
      occupancyPctUsed: optDec('Anvendt belægning i %'),
      nominalChangePct: optDec('Nominel ændring i %'),
      realChangePct: optDec('Real ændring i %'),
      isFlagged: z.boolean(),
      submittedAt: at('Indsendt'),
      approvedAt: at('Godkendt'),
      publishedAt: at('Offentliggjort'),
      supersededAt: at('Erstattet'),
    }),
  ),
});

export const ZCalculation = z.object({
  basis: dec('Takstgrundlag'),
  overhead: dec('Overhead'),
  overheadBase: dec('Grundlag for overhead'),
  occupancyPctUsed: optDec('Anvendt belægning i %'),
  capacityUnits: dec('Kapacitetsenheder'),
  averageTariff: dec('Gennemsnitstakst'),
  levels: z.array(ZNamedTariff),
  addOns: z.array(z.object({ name: z.string(), hourlyRate: dec('Timepris') })),
  breakdown: z.array(ZStep),
  warnings: z.array(z.string()),
  rules: ZCalcRulesOut,
});

export const ZRules = z.object({
  rules: z.array(
    z.object({
      areaCode: z.string(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      retainLimitPct: dec('Grænse for beholdt over-/underskud i %'),
      occupancyFloorPct: dec('Mindste belægning i %'),
      shortStayFloorPct: dec('Mindste belægning for korttidstilbud i %'),
      occupancyCeilingPct: dec('Største belægning i %'),
      recommendedMaxPct: dec('Anbefalet højeste belægning i %'),
      overheadCapPct: optDec('Loft over overhead i %'),
      increaseThresholdPct: dec('Grænse for stigninger i %'),
      increaseBasis: z.enum(INCREASE_BASES),
      submissionDeadline: z.string(),
      reviewDates: z.array(z.string()),
      source: z.string().nullable(),
    }),
  ),
  priceIndex: z.array(z.object({ year: z.number().int(), pct: dec('P/L i %'), source: z.string() })),
});

export const ZOverview = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  publishedAt: at('Senest offentliggjort'),
  items: z.array(
    z.object({
      tariffId: z.number().int(),
      version: z.number().int(),
      offeringId: z.number().int(),
      offeringName: z.string(),
      municipality: z.string(),
      operator: z.string(),
      operatorType: z.string(),
      offeringType: z.string(),
      legalBasis: z.string(),
      targetGroups: z.string().nullable(),
      unit: z.string(),
      averageTariff: dec('Gennemsnitstakst'),
      levels: z.array(ZNamedTariff),
      occupancyPctUsed: optDec('Anvendt belægning i %'),
      nominalChangePct: optDec('Nominel ændring i %'),
      realChangePct: optDec('Real ændring i %'),
      isFlagged: z.boolean(),
      explanation: z.string().nullable(),
      correctionReason: z.string().nullable(),
    }),
  ),
});

export const ZPublished = z.object({ publicationId: z.number().int(), count: z.number().int().describe('Antal offentliggjorte takster') });

/** The error answers every tariffs operation can give. */
export const ERRORS = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse } as const;
