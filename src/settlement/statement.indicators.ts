/**
 * @module Computed indicator of settlement ("Vi afregner alene ud fra en takstoversigt"): the share of the contract
 * lines on sent statements in the twelve months up to the date that were priced from the published tariff overview
 * (lines with a problem — no published price for the month — are the rest), per buying municipality and for the
 * area, with one row per statement behind it (no case references).
 */
import type { Db } from '../core/db/types.js';
import type { IndicatorComputation, IndicatorResult } from '../core/indicators.js';
import { membersOfArea } from '../reference/reference.public.js';
import { SDec } from './calculation.js';
import { minusMonths } from './statement.logic.js';
import { pricedLinesByStatement } from './settlement.repository.js';

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;

async function pricedFromOverview(db: Db, areaId: number, date: string): Promise<IndicatorResult> {
  const members = (await membersOfArea(db, areaId, date)).filter((m) => m.municipality_code !== null);
  const statements = await pricedLinesByStatement(
    db,
    members.map((m) => m.id),
    minusMonths(firstOfMonth(date), 11),
    firstOfMonth(date),
  );
  const perMember: IndicatorResult['perMember'] = [];
  let n = 0;
  let d = 0;
  const nameOf = new Map(members.map((m) => [m.id, m.name]));
  for (const m of members) {
    const own = statements.filter((s) => s.buyerOrgId === m.id);
    const lines = own.reduce((sum, s) => sum + s.lines, 0);
    if (!lines) continue;
    const priced = own.reduce((sum, s) => sum + s.priced, 0);
    perMember.push({ organisationId: m.id, name: m.name, value: new SDec(priced).mul(100).div(lines).toFixed(1), numerator: priced, denominator: lines });
    n += priced;
    d += lines;
  }
  return {
    area: { value: d === 0 ? null : new SDec(n).mul(100).div(d).toFixed(1), numerator: n, denominator: d },
    perMember,
    columns: [
      { key: 'id', label: 'Opgørelse' },
      { key: 'month', label: 'Måned' },
      { key: 'seller', label: 'Sælger' },
      { key: 'buyer', label: 'Køber' },
      { key: 'lines', label: 'Kontraktlinjer' },
      { key: 'priced', label: 'Prissat fra takstoversigten' },
      { key: 'problems', label: 'Med problem' },
    ],
    rows: statements.map((s) => ({
      id: s.id,
      month: s.month,
      seller: s.seller,
      buyer: nameOf.get(s.buyerOrgId) ?? '',
      lines: s.lines,
      priced: s.priced,
      problems: s.lines - s.priced,
    })),
  };
}

export const pricedFromOverviewShare: IndicatorComputation = {
  code: 'settlement.priced-from-overview',
  name: 'Afregning ud fra takstoversigten',
  description:
    'Andel af kontraktlinjerne på sendte afregninger i de 12 måneder til og med datoens måned, der er prissat fra den offentliggjorte takstoversigt; resten er linjer med et problem (ingen offentliggjort pris for måneden).',
  unit: '%',
  direction: 'higher',
  compute: (db, { areaId, date }) => pricedFromOverview(db, areaId, date),
};
