/**
 * @module Indicators from the increase watch for the agreement's indicators: per member (municipality or
 * region as operator), the number of flagged tariff increases in a tariff year, and the share of tariffs
 * submitted by the agreement's deadline. Private providers count in the area total only.
 */
import type { Db } from '../core/db/types.js';
import type { IndicatorComputation, IndicatorResult } from '../core/indicators.js';
import { Dec } from './calculation.js';
import { deadlineFor, findRule } from './rules.repository.js';
import { areaMembersIn, figuresByOperator, type OrgFigures } from './watch.repository.js';

const COLUMNS = [
  { key: 'organisation', label: 'Driftsherre' },
  { key: 'isMember', label: 'Medlem af rammeaftalen' },
  { key: 'year', label: 'Takstår' },
  { key: 'offerings', label: 'Tilbud (ikke lukkede)' },
  { key: 'submitted', label: 'Takster indsendt' },
  { key: 'onTime', label: 'Indsendt inden fristen' },
  { key: 'flagged', label: 'Stigninger over grænsen' },
];

const rowsOf = (figures: OrgFigures[], year: number) =>
  figures.map((f) => ({
    organisation: f.name,
    isMember: f.is_member,
    year,
    offerings: f.offerings,
    submitted: f.submitted,
    onTime: f.on_time,
    flagged: f.flagged,
  }));

/** The figures per operating organisation for a tariff year (membership on 1 January of that year). */
const figuresIn = async (db: Db, areaId: number, year: number) => figuresByOperator(db, await areaMembersIn(db, areaId, year), year);

/** Counts are whole numbers, so their sum is exact. */
const sum = (figures: OrgFigures[], key: 'flagged' | 'submitted' | 'on_time' | 'offerings'): number => figures.reduce((s, f) => s + f[key], 0);

/** n ÷ d in percent with one decimal, exactly; null without a denominator. */
const pct = (n: number, d: number): string | null => (d === 0 ? null : new Dec(n).times(100).div(d).toFixed(1));

/** The tariff year whose submission deadline is the latest one on or before the date. */
async function roundDecidedBy(db: Db, areaId: number, date: string): Promise<number> {
  const year = Number(date.slice(0, 4));
  const next = await findRule(db, areaId, year + 1);
  return next && deadlineFor(next, year + 1) <= date ? year + 1 : year;
}

export const flaggedIncreases: IndicatorComputation = {
  code: 'tariffs.flagged-increases',
  name: 'Takststigninger over grænsen',
  description:
    'Antal døgn- og botilbud, hvis takst for takståret (året for måledatoen) er steget mere end rammeaftalens grænse (typisk 5 %) i forhold til året før, pr. driftsherre. Indberettes til socialtilsynet og drøftes i styregruppen.',
  unit: 'antal',
  direction: 'lower',
  compute: async (db, { areaId, date }): Promise<IndicatorResult> => {
    const year = Number(date.slice(0, 4));
    const figures = await figuresIn(db, areaId, year);
    const total = sum(figures, 'flagged');
    const submitted = sum(figures, 'submitted');
    return {
      area: { value: String(total), numerator: total, denominator: submitted },
      perMember: figures
        .filter((f) => f.is_member)
        .map((f) => ({ organisationId: f.organisation_id, name: f.name, value: String(f.flagged), numerator: f.flagged, denominator: f.submitted })),
      columns: COLUMNS,
      rows: rowsOf(figures, year),
    };
  },
};

export const submittedOnTime: IndicatorComputation = {
  code: 'tariffs.submitted-on-time',
  name: 'Takster indsendt til tiden',
  description:
    'Andel af driftsherrens tilbud (ikke lukkede), hvis takst for den seneste takstrunde med en overskredet frist blev indsendt første gang senest på rammeaftalens frist. Tilbud uden indsendt takst tæller som ikke rettidige.',
  unit: '%',
  direction: 'higher',
  compute: async (db, { areaId, date }): Promise<IndicatorResult> => {
    const year = await roundDecidedBy(db, areaId, date);
    const figures = await figuresIn(db, areaId, year);
    const onTime = sum(figures, 'on_time');
    const offerings = sum(figures, 'offerings');
    return {
      area: { value: pct(onTime, offerings), numerator: onTime, denominator: offerings },
      perMember: figures
        .filter((f) => f.is_member)
        .map((f) => ({ organisationId: f.organisation_id, name: f.name, value: pct(f.on_time, f.offerings), numerator: f.on_time, denominator: f.offerings })),
      columns: COLUMNS,
      rows: rowsOf(figures, year),
    };
  },
};
