/**
 * @module The result carried into the tariff (efterregulering) per offering and tariff year: from the version of each
 * year's tariff that is published and in force, else its newest version, the regulation entered in the calculation
 * (the accounts year's result: + overskud, − underskud; the part the operator keeps; the rest goes into the tariff).
 * What the protected offerings' watch reads as "the deficit from the tariff basis".
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';
import type { TariffStatus } from './tariffs.table.js';

export type TariffRegulation = {
  offeringId: number;
  tariffYear: number;
  versionId: number;
  status: TariffStatus;
  /** The accounts year the result comes from (as entered), or null. */
  accountsYear: number | null;
  /** The accounts year's result in kroner: + overskud, − underskud; null when the calculation has none. */
  result: string | null;
  retained: string | null;
  averageTariff: string;
  unit: string;
};

/** Per offering the tariff years from `fromYear`, oldest first. */
export async function tariffRegulations(db: Queryable, offeringIds: readonly number[], fromYear: number): Promise<TariffRegulation[]> {
  if (!offeringIds.length) return [];
  const rows = await db
    .selectFrom('tariff as t')
    .innerJoin('tariff_version as v', 'v.tariff_id', 't.id')
    .select([
      't.offering_id',
      't.year',
      'v.id as version_id',
      'v.status',
      'v.average_tariff',
      'v.unit',
      sql<string | null>`v.input->'regulation'->>'result'`.as('result'),
      sql<string | null>`v.input->'regulation'->>'retained'`.as('retained'),
      sql<string | null>`v.input->'regulation'->>'year'`.as('accounts_year'),
    ])
    .distinctOn(['t.offering_id', 't.year'])
    .where('t.offering_id', 'in', [...offeringIds])
    .where('t.year', '>=', fromYear)
    .where('v.superseded_at', 'is', null)
    .orderBy('t.offering_id')
    .orderBy('t.year')
    .orderBy(sql`(v.status = 'offentliggjort')`, 'desc')
    .orderBy('v.version', 'desc')
    .execute();
  return rows.map((r) => ({
    offeringId: r.offering_id,
    tariffYear: r.year,
    versionId: r.version_id,
    status: r.status,
    accountsYear: r.accounts_year !== null && /^\d{4}$/.test(r.accounts_year) ? Number(r.accounts_year) : null,
    result: r.result,
    retained: r.retained,
    averageTariff: String(r.average_tariff),
    unit: r.unit,
  }));
}
