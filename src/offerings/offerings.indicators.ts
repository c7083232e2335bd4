/**
 * @module Computed indicator from the register: the share of an area's offerings whose register entry was
 * updated in the last 12 months (data quality, cf. Rigsrevisionen 17/2022 on outdated portal data).
 * The area's members on the date come from reference.public.ts; shares are exact decimals.
 */
import { Decimal } from 'decimal.js';
import { copenhagenDate } from '../core/clock.js';
import type { IndicatorComputation } from '../core/indicators.js';
import { membersOfArea } from '../reference/reference.public.js';
import { openOfferingsUpdatedWithin12Months } from './offerings.repository.js';

/** n of d in percent with one decimal, exactly ("87.5"); null when there is nothing to measure. */
const percent = (n: number, d: number): string | null => (d === 0 ? null : new Decimal(n).times(100).dividedBy(d).toFixed(1));

export const updatedLast12Months: IndicatorComputation = {
  code: 'offerings.updated-12m',
  name: 'Tilbud opdateret inden for 12 måneder',
  description:
    'Andel af områdets aktive tilbud (ikke lukkede), hvis oplysninger i tilbudsregistret er opdateret inden for de seneste 12 måneder før måledatoen.',
  unit: '%',
  direction: 'higher',
  compute: async (db, { areaId, date }) => {
    const members = (await membersOfArea(db, areaId, date)).filter((m) => m.municipality_code !== null);
    const memberByCode = new Map(members.map((m) => [m.municipality_code!, m]));
    const rows = await openOfferingsUpdatedWithin12Months(db, [...memberByCode.keys()], date);
    const byOrg = new Map<number, { name: string; n: number; d: number }>();
    for (const r of rows) {
      const member = memberByCode.get(r.municipality_code)!;
      const e = byOrg.get(member.id) ?? { name: member.name, n: 0, d: 0 };
      e.d++;
      if (r.is_recent) e.n++;
      byOrg.set(member.id, e);
    }
    const recent = rows.filter((r) => r.is_recent).length;
    return {
      area: { value: percent(recent, rows.length), numerator: recent, denominator: rows.length },
      perMember: [...byOrg.entries()].map(([organisationId, e]) => ({
        organisationId,
        name: e.name,
        value: percent(e.n, e.d),
        numerator: e.n,
        denominator: e.d,
      })),
      columns: [
        { key: 'id', label: 'Tilbud-ID' },
        { key: 'name', label: 'Tilbud' },
        { key: 'municipality', label: 'Kommune' },
        { key: 'updatedAt', label: 'Senest opdateret' },
        { key: 'isRecent', label: 'Opdateret inden for 12 måneder' },
      ],
      rows: rows.map((r) => ({
        id: r.id,
        name: r.name,
        municipality: r.municipality,
        updatedAt: copenhagenDate(new Date(r.updated_at)),
        isRecent: r.is_recent,
      })),
    };
  },
};
