/**
 * @module Computed indicators of the agreement's contract commitments, over Ramme's own contracts: the share of
 * new contracts on the standard templates, the share of new contracts that are time-limited (both from the date
 * the area's commitment applies, a dated rule), and the share of private purchases with a recorded public-first
 * check (from the date the area's principle applies). Per member municipality (the buyer) and for the area, with
 * the rows behind them. Rows carry no case references. Shares are exact decimals.
 */
import { Decimal } from 'decimal.js';
import type { Db } from '../core/db/types.js';
import type { IndicatorComputation, IndicatorResult } from '../core/indicators.js';
import { membersOfArea } from '../reference/reference.public.js';
import { addMonths } from './contract.logic.js';
import { agreedContractsOf, contractRuleOn, publicFirstFrom } from './contract.repository.js';

const percent = (n: number, d: number): string | null => (d === 0 ? null : new Decimal(n).times(100).dividedBy(d).toFixed(1));

type Row = Awaited<ReturnType<typeof agreedContractsOf>>[number];

async function share(
  db: Db,
  areaId: number,
  date: string,
  fromOf: (rule: Awaited<ReturnType<typeof contractRuleOn>>) => Promise<string | null> | string | null,
  keep: (r: Row) => boolean,
  count: (r: Row) => boolean,
  flagLabel: string,
): Promise<IndicatorResult> {
  const members = (await membersOfArea(db, areaId, date)).filter((m) => m.municipality_code !== null);
  // Without a dated commitment the measure covers the last 12 months.
  const from = (await fromOf(await contractRuleOn(db, areaId, date))) ?? addMonths(date, -12);
  const rows = (
    await agreedContractsOf(
      db,
      members.map((m) => m.id),
      from,
      date,
    )
  ).filter(keep);
  const byOrg = new Map(members.map((m) => [m.id, { name: m.name, n: 0, d: 0 }]));
  for (const r of rows) {
    const e = byOrg.get(r.buyer_org_id)!;
    e.d++;
    if (count(r)) e.n++;
  }
  const n = rows.filter(count).length;
  return {
    area: { value: percent(n, rows.length), numerator: n, denominator: rows.length },
    perMember: [...byOrg.entries()]
      .filter(([, e]) => e.d > 0)
      .map(([organisationId, e]) => ({ organisationId, name: e.name, value: percent(e.n, e.d), numerator: e.n, denominator: e.d })),
    columns: [
      { key: 'id', label: 'Kontrakt-ID' },
      { key: 'buyer', label: 'Køber' },
      { key: 'offering', label: 'Tilbud' },
      { key: 'operatorType', label: 'Driftsform' },
      { key: 'startDate', label: 'Startdato' },
      { key: 'flag', label: flagLabel },
    ],
    rows: rows.map((r) => ({
      id: r.id,
      buyer: byOrg.get(r.buyer_org_id)?.name ?? '',
      offering: r.offering_name,
      operatorType: r.operator_type_name,
      startDate: r.start_date,
      flag: count(r),
    })),
  };
}

export const standardContractShare: IndicatorComputation = {
  code: 'placements.standard-contracts',
  name: 'Nye kontrakter på standardkontrakt',
  description:
    'Andel af nye kontrakter (accepterede, med start fra den dato, områdets tilsagn om standardkontrakter gælder fra), der er indgået på standardkontrakten. Importerede kontrakter på kommunens egen skabelon tæller som ikke-standard.',
  unit: '%',
  direction: 'higher',
  compute: (db, { areaId, date }) =>
    share(
      db,
      areaId,
      date,
      (rule) => rule?.standard_from ?? null,
      () => true,
      (r) => r.is_standard,
      'På standardkontrakt',
    ),
};

export const timeLimitedShare: IndicatorComputation = {
  code: 'placements.time-limited-contracts',
  name: 'Nye kontrakter, der er tidsbegrænsede',
  description:
    'Andel af nye kontrakter (accepterede, med start fra den dato, områdets tilsagn om tidsbegrænsede kontrakter gælder fra), der har en aftalt slutdato.',
  unit: '%',
  direction: 'higher',
  compute: (db, { areaId, date }) =>
    share(
      db,
      areaId,
      date,
      (rule) => rule?.time_limited_from ?? null,
      () => true,
      (r) => r.is_time_limited,
      'Tidsbegrænset',
    ),
};

export const publicFirstCheckShare: IndicatorComputation = {
  code: 'placements.public-first-check',
  name: 'Private køb med tjek af offentlige tilbud',
  description:
    'Andel af køb hos private og selvejende tilbud (accepterede kontrakter, med start fra den dato, områdets princip om at afstemme ledige offentlige pladser først gælder fra), hvor tjekket er registreret: en søgning og, når den viste offentlige pladser, en begrundelse.',
  unit: '%',
  direction: 'higher',
  compute: (db, { areaId, date }) =>
    share(
      db,
      areaId,
      date,
      async () => (await publicFirstFrom(db, areaId)) ?? '9999-12-31',
      (r) => r.is_private && !r.is_imported,
      (r) => r.has_check,
      'Tjek registreret',
    ),
};

export const contractIndicators = [standardContractShare, timeLimitedShare, publicFirstCheckShare];
