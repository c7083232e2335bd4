/**
 * @module FROZEN: the rows migration 0200_tariffs inserts, exactly as it shipped. NEVER EDIT THIS FILE: a database
 * that has run 0200_tariffs has these rows, and editing them here would change what a fresh database gets without
 * changing the databases already running. A change to this data is a NEW migration that inserts, updates or
 * ends rows (with valid_to). `rules.data.ts` is the live module and may change; this copy may not.
 */

type Rule = {
  areaCode: string;
  retainLimitPct: string;
  occupancyFloorPct: string;
  shortStayFloorPct: string;
  occupancyCeilingPct: string;
  recommendedMaxPct: string;
  increaseThresholdPct: string;
  overheadCapPct: string | null;
  increaseBasis: 'nominal' | 'real';
  submissionDeadlineMd: string;
  reviewDatesMd: string[];
  source: string;
};
type PriceIndex = { year: number; pct: string; source: string };

const PL_SOURCE = 'Skønnet P/L for kommunale serviceudgifter (demoværdi, skal erstattes af KL’s gældende P/L-skøn)';

export const RULE_VALID_FROM = '2020-01-01';

export const DEFAULT_RULES: ReadonlyArray<Rule> = [
  {
    areaCode: 'sjaelland',
    retainLimitPct: '5',
    occupancyFloorPct: '95',
    shortStayFloorPct: '90',
    occupancyCeilingPct: '100',
    recommendedMaxPct: '98',
    increaseThresholdPct: '5',
    overheadCapPct: null,
    increaseBasis: 'nominal',
    submissionDeadlineMd: '12-01',
    reviewDatesMd: ['03-15', '09-15'],
    source:
      'Rammeaftale Sjælland 2025-2026, fælleskommunalt princip 1: stigninger over 5 pct. i døgn- og botilbud indberettes til Socialtilsyn Øst og drøftes i styregruppen to gange om året.',
  },
  {
    areaCode: 'hovedstaden',
    retainLimitPct: '5',
    occupancyFloorPct: '95',
    shortStayFloorPct: '90',
    occupancyCeilingPct: '100',
    recommendedMaxPct: '98',
    increaseThresholdPct: '5',
    overheadCapPct: '6',
    increaseBasis: 'real',
    submissionDeadlineMd: '10-01',
    reviewDatesMd: ['04-01', '10-15'],
    source: 'Styringsaftale Hovedstaden: overhead højst 6 %; udvikling i pris pr. dag følges realt (frist og mødedatoer er standardværdier).',
  },
  {
    areaCode: 'syddanmark',
    retainLimitPct: '5',
    occupancyFloorPct: '95',
    shortStayFloorPct: '90',
    occupancyCeilingPct: '100',
    recommendedMaxPct: '98',
    increaseThresholdPct: '5',
    overheadCapPct: null,
    increaseBasis: 'nominal',
    submissionDeadlineMd: '10-15',
    reviewDatesMd: ['03-01', '09-01'],
    source: 'Standardregler (belægning, 5 % efterregulering); frist og mødedatoer er standardværdier.',
  },
  {
    areaCode: 'midtjylland',
    retainLimitPct: '5',
    occupancyFloorPct: '95',
    shortStayFloorPct: '90',
    occupancyCeilingPct: '100',
    recommendedMaxPct: '98',
    increaseThresholdPct: '5',
    overheadCapPct: null,
    increaseBasis: 'nominal',
    submissionDeadlineMd: '11-01',
    reviewDatesMd: ['03-20', '09-20'],
    source: 'Standardregler (belægning, 5 % efterregulering); frist og mødedatoer er standardværdier.',
  },
  {
    areaCode: 'nordjylland',
    retainLimitPct: '5',
    occupancyFloorPct: '95',
    shortStayFloorPct: '90',
    occupancyCeilingPct: '100',
    recommendedMaxPct: '98',
    increaseThresholdPct: '5',
    overheadCapPct: null,
    increaseBasis: 'nominal',
    submissionDeadlineMd: '10-01',
    reviewDatesMd: ['04-15', '10-01'],
    source: 'Nordjysk Socialaftale: overskud op til 5 % kan henlægges; frist og mødedatoer er standardværdier.',
  },
];

export const PRICE_INDEX: ReadonlyArray<PriceIndex> = [
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
