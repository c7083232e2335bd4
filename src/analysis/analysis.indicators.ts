/**
 * @module Computed indicators from the imported statistics, so a steering-part objective can be measured in
 * Ramme: unit cost (spending per recipient) and user share (recipients per 1,000 of 18-64) of adults in
 * long-term residential care (§ 108), per member municipality and for the area (the ratio of the sums), in the
 * latest year with figures up to the measuring date's year. The rows behind are the municipalities' figures.
 */
import type { IndicatorComputation, IndicatorResult } from '../core/indicators.js';
import type { Db } from '../core/db/types.js';
import { membersOfArea } from '../reference/reference.public.js';
import { groupFacts, observedYears } from './analysis.repository.js';
import { figuresOf, type Facts, type Figures } from './benchmark.js';

const GROUP = 'voksne-botilbud';

async function measure(db: Db, areaId: number, date: string, pickValue: (f: Figures) => string | null): Promise<IndicatorResult> {
  const members = (await membersOfArea(db, areaId, date)).filter((m) => m.municipality_code !== null);
  const codes = members.map((m) => m.municipality_code!);
  const year = (await observedYears(db, GROUP)).filter((y) => y <= Number(date.slice(0, 4))).pop() ?? null;
  const rows = year === null ? [] : await groupFacts(db, GROUP, [year], codes);
  const facts = new Map<number, Facts>(
    rows.map((r) => [
      r.municipality_code,
      { municipalityCode: r.municipality_code, year: r.year, population: r.population, recipients: r.recipients, spending: r.spending },
    ]),
  );
  const pick = (code: number) => (facts.has(code) ? [facts.get(code)!] : []);
  return {
    area: { value: pickValue(figuresOf([...facts.values()])) },
    perMember: members.map((m) => ({ organisationId: m.id, name: m.name, value: pickValue(figuresOf(pick(m.municipality_code!))) })),
    columns: [
      { key: 'municipality', label: 'Kommune' },
      { key: 'year', label: 'År' },
      { key: 'population', label: 'Indbyggere 18-64 år' },
      { key: 'recipients', label: 'Modtagere (§ 108)' },
      { key: 'spending', label: 'Nettoudgift (kr.), funktion 5.38.50' },
    ],
    rows: members.map((m) => {
      const f = facts.get(m.municipality_code!);
      return { municipality: m.name, year, population: f?.population ?? null, recipients: f?.recipients ?? null, spending: f?.spending ?? null };
    }),
  };
}

export const unitCostIndicator: IndicatorComputation = {
  code: 'analysis.unit-cost-residential',
  name: 'Enhedsudgift i længerevarende botilbud (§ 108)',
  description: 'Nettoudgift pr. modtager af længerevarende botilbud (§ 108) i det seneste år med tal (REGK31 funktion 5.38.50 og modtagere fra HAND-tabellen).',
  unit: 'kr.',
  direction: 'lower',
  compute: (db, { areaId, date }) => measure(db, areaId, date, (f) => f.unitCost),
};

export const userShareIndicator: IndicatorComputation = {
  code: 'analysis.user-share-residential',
  name: 'Brugerandel i længerevarende botilbud (§ 108)',
  description: 'Modtagere af længerevarende botilbud (§ 108) pr. 1.000 indbyggere på 18-64 år i det seneste år med tal.',
  unit: 'pr. 1.000',
  direction: 'lower',
  compute: (db, { areaId, date }) => measure(db, areaId, date, (f) => f.userSharePer1000),
};
