/**
 * @module The tariff rules Ramme ships with, one row per agreement area from 2020, and the P/L index.
 * Sources (DOMAIN.md 1.2-1.6): occupancy 95-100 % with 98 % recommended and 90 % for short stays, retain
 * limit 5 % [C, several styringsaftaler]; Hovedstaden's overhead target 6 % [C]; the 5 % increase watch and
 * two reviews a year (Sjælland principle 1, seed 003) [C]. Deadlines, review dates, the increase basis outside
 * Sjælland and the P/L values are [U] defaults: the secretariats change them as data, with a new validity period.
 */
import type { IncreaseBasis } from './tariffs.table.js';

export type RuleDefaults = {
  areaCode: string;
  retainLimitPct: string;
  occupancyFloorPct: string;
  shortStayFloorPct: string;
  occupancyCeilingPct: string;
  recommendedMaxPct: string;
  overheadCapPct: string | null;
  increaseThresholdPct: string;
  increaseBasis: IncreaseBasis;
  submissionDeadlineMd: string;
  reviewDatesMd: string[];
  source: string;
};

const COMMON = {
  retainLimitPct: '5',
  occupancyFloorPct: '95',
  shortStayFloorPct: '90',
  occupancyCeilingPct: '100',
  recommendedMaxPct: '98',
  increaseThresholdPct: '5',
} as const;

export const RULE_VALID_FROM = '2020-01-01';

export const DEFAULT_RULES: RuleDefaults[] = [
  {
    areaCode: 'sjaelland',
    ...COMMON,
    overheadCapPct: null,
    increaseBasis: 'nominal',
    submissionDeadlineMd: '12-01',
    reviewDatesMd: ['03-15', '09-15'],
    source:
      'Rammeaftale Sjælland 2025-2026, fælleskommunalt princip 1: stigninger over 5 pct. i døgn- og botilbud indberettes til Socialtilsyn Øst og drøftes i styregruppen to gange om året.',
  },
  {
    areaCode: 'hovedstaden',
    ...COMMON,
    overheadCapPct: '6',
    increaseBasis: 'real',
    submissionDeadlineMd: '10-01',
    reviewDatesMd: ['04-01', '10-15'],
    source: 'Styringsaftale Hovedstaden: overhead højst 6 %; udvikling i pris pr. dag følges realt (frist og mødedatoer er standardværdier).',
  },
  {
    areaCode: 'syddanmark',
    ...COMMON,
    overheadCapPct: null,
    increaseBasis: 'nominal',
    submissionDeadlineMd: '10-15',
    reviewDatesMd: ['03-01', '09-01'],
    source: 'Standardregler (belægning, 5 % efterregulering); frist og mødedatoer er standardværdier.',
  },
  {
    areaCode: 'midtjylland',
    ...COMMON,
    overheadCapPct: null,
    increaseBasis: 'nominal',
    submissionDeadlineMd: '11-01',
    reviewDatesMd: ['03-20', '09-20'],
    source: 'Standardregler (belægning, 5 % efterregulering); frist og mødedatoer er standardværdier.',
  },
  {
    areaCode: 'nordjylland',
    ...COMMON,
    overheadCapPct: null,
    increaseBasis: 'nominal',
    submissionDeadlineMd: '10-01',
    reviewDatesMd: ['04-15', '10-01'],
    source: 'Nordjysk Socialaftale: overskud op til 5 % kan henlægges; frist og mødedatoer er standardværdier.',
  },
];

/** The rules used when a calculation names no agreement area (the common clauses of the styringsaftaler). */
export const STANDARD_CALC_RULES = {
  retainLimitPct: COMMON.retainLimitPct,
  occupancyFloorPct: COMMON.occupancyFloorPct,
  shortStayFloorPct: COMMON.shortStayFloorPct,
  occupancyCeilingPct: COMMON.occupancyCeilingPct,
  recommendedMaxPct: COMMON.recommendedMaxPct,
  overheadCapPct: null,
};

const PL_SOURCE = 'Skønnet P/L for kommunale serviceudgifter (demoværdi, skal erstattes af KL’s gældende P/L-skøn)';
/** Yearly price and wage development (P/L-fremskrivning) in percent. */
export const PRICE_INDEX: Array<{ year: number; pct: string; source: string }> = [
  { year: 2019, pct: '1.6', source: PL_SOURCE },
  { year: 2020, pct: '1.8', source: PL_SOURCE },
  { year: 2021, pct: '2.0', source: PL_SOURCE },
  { year: 2022, pct: '3.6', source: PL_SOURCE },
  { year: 2023, pct: '4.4', source: PL_SOURCE },
  { year: 2024, pct: '3.6', source: PL_SOURCE },
  { year: 2025, pct: '2.9', source: PL_SOURCE },
  { year: 2026, pct: '2.6', source: PL_SOURCE },
  { year: 2027, pct: '2.4', source: PL_SOURCE },
  { year: 2028, pct: '2.3', source: PL_SOURCE },
  { year: 2029, pct: '2.2', source: PL_SOURCE },
  { year: 2030, pct: '2.2', source: PL_SOURCE },
];
