/**
 * @module Computed indicator from the register: the share of an area's offerings whose register entry was
 * updated in the last 12 months (data quality, cf. Rigsrevisionen 17/2022 on outdated portal data).
 */
import { sql } from 'kysely';
import type { IndicatorComputation } from '../core/indicators.js';

export const updatedLast12Months: IndicatorComputation = {
  code: 'offerings.updated-12m',
  name: 'Tilbud opdateret inden for 12 måneder',
  description: 'Andel af områdets aktive tilbud (ikke lukkede), hvis oplysninger i tilbudsregistret er opdateret inden for de seneste 12 måneder før måledatoen.',
  unit: '%',
  direction: 'higher',
  compute: async (db, { areaId, date }) => {
    const rows = await db
      .selectFrom('offering as o')
      .innerJoin('organisation as mo', 'mo.municipality_code', 'o.municipality_code')
      .innerJoin('agreement_area_member as m', 'm.organisation_id', 'mo.id')
      .innerJoin('municipality as mu', 'mu.code', 'o.municipality_code')
      .select(['o.id', 'o.name', 'mo.id as org_id', 'mo.name as org_name', 'mu.name as municipality', 'o.updated_at'])
      .select(sql<boolean>`o.updated_at >= (${date}::date - interval '12 months')`.as('is_recent'))
      .where('m.area_id', '=', areaId)
      .where('m.valid_from', '<=', date)
      .where((w) => w.or([w('m.valid_to', 'is', null), w('m.valid_to', '>=', date)]))
      .where('o.status', '!=', 'lukket')
      .where(sql<boolean>`o.created_at::date <= ${date}::date`)
      .orderBy('mu.name')
      .orderBy('o.name')
      .execute();
    const pct = (n: number, d: number) => (d === 0 ? null : ((n * 100) / d).toFixed(1));
    const byOrg = new Map<number, { name: string; n: number; d: number }>();
    for (const r of rows) {
      const e = byOrg.get(r.org_id) ?? { name: r.org_name, n: 0, d: 0 };
      e.d++;
      if (r.is_recent) e.n++;
      byOrg.set(r.org_id, e);
    }
    const recent = rows.filter((r) => r.is_recent).length;
    return {
      area: { value: pct(recent, rows.length), numerator: recent, denominator: rows.length },
      perMember: [...byOrg.entries()].map(([organisationId, e]) => ({ organisationId, name: e.name, value: pct(e.n, e.d), numerator: e.n, denominator: e.d })),
      columns: [
        { key: 'id', label: 'Tilbud-ID' },
        { key: 'name', label: 'Tilbud' },
        { key: 'municipality', label: 'Kommune' },
        { key: 'updatedAt', label: 'Senest opdateret' },
        { key: 'isRecent', label: 'Opdateret inden for 12 måneder' },
      ],
      rows: rows.map((r) => ({ id: r.id, name: r.name, municipality: r.municipality, updatedAt: new Date(r.updated_at).toISOString().slice(0, 10), isRecent: r.is_recent })),
    };
  },
};
