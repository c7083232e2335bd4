/**
 * @module The published tariff in force per offering and year, with its levels: what other capabilities
 * (the offering list and page, the place search, contracts, settlement) show and price from. Published
 * tariffs are public, so no scope applies.
 */
import type { Queryable } from '../core/db/types.js';

export type PublishedTariff = {
  offeringId: number;
  year: number;
  tariffId: number;
  versionId: number;
  version: number;
  unit: string;
  averageTariff: string;
  publishedAt: Date;
  levels: { name: string; tariff: string }[];
};

export async function publishedTariffs(db: Queryable, offeringIds: readonly number[], year: number): Promise<Map<number, PublishedTariff>> {
  const out = new Map<number, PublishedTariff>();
  if (offeringIds.length === 0) return out;
  const rows = await db
    .selectFrom('tariff as t')
    .innerJoin('tariff_version as v', (j) => j.onRef('v.tariff_id', '=', 't.id').on('v.status', '=', 'offentliggjort').on('v.superseded_at', 'is', null))
    .leftJoin('tariff_level as l', 'l.version_id', 'v.id')
    .select([
      't.offering_id',
      't.year',
      't.id as tariff_id',
      'v.id as version_id',
      'v.version',
      'v.unit',
      'v.average_tariff',
      'v.published_at',
      'l.name as level_name',
      'l.tariff as level_tariff',
      'l.sort',
    ])
    .where('t.offering_id', 'in', [...offeringIds])
    .where('t.year', '=', year)
    .orderBy('t.offering_id')
    .orderBy('l.sort')
    .execute();
  for (const r of rows) {
    let e = out.get(r.offering_id);
    if (!e) {
      e = {
        offeringId: r.offering_id,
        year: r.year,
        tariffId: r.tariff_id,
        versionId: r.version_id,
        version: r.version,
        unit: r.unit,
        averageTariff: String(r.average_tariff),
        publishedAt: r.published_at as Date,
        levels: [],
      };
      out.set(r.offering_id, e);
    }
    if (r.level_name !== null && r.level_tariff !== null) e.levels.push({ name: r.level_name, tariff: String(r.level_tariff) });
  }
  return out;
}
