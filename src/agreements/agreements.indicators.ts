/**
 * @module Computed indicator from the agreement cycle itself: how far each member has implemented the joint
 * principles of the agreement in force on the date (share of relevant commitments marked 'implementeret').
 */
import { sql } from 'kysely';
import type { IndicatorComputation } from '../core/indicators.js';
import { agreementMembers } from './agreements.repo.js';
import { rollupMatrix } from './logic.js';

export const commitmentsImplemented: IndicatorComputation = {
  code: 'agreements.commitments-implemented',
  name: 'Fælleskommunale tilsagn implementeret',
  description:
    'Andel af de fælleskommunale tilsagn i den aftale, der gælder på måledatoen, som medlemmet har meldt implementeret. Tilsagn, som medlemmet har meldt ikke relevante, tæller ikke med. Kun tilsagn, der gælder fra måledatoen eller før.',
  unit: '%',
  direction: 'higher',
  compute: async (db, { areaId, date }) => {
    const agreement = await db
      .selectFrom('agreement')
      .select(['id', 'area_id', 'period_start', 'title'])
      .where('area_id', '=', areaId)
      .where('period_start', '<=', date)
      .where('period_end', '>=', date)
      .orderBy('period_start', 'desc')
      .executeTakeFirst();
    const columns = [
      { key: 'member', label: 'Medlem' },
      { key: 'commitment', label: 'Tilsagn' },
      { key: 'appliesFrom', label: 'Gælder fra' },
      { key: 'status', label: 'Status' },
      { key: 'statusDate', label: 'Statusdato' },
    ];
    if (!agreement) return { area: { value: null }, perMember: [], columns, rows: [] };
    const [members, commitments, statuses, labels] = await Promise.all([
      agreementMembers(db, agreement),
      db
        .selectFrom('agreement_commitment as c')
        .innerJoin('agreement_principle as p', 'p.id', 'c.principle_id')
        .select(['c.id', 'c.number', 'c.text', 'c.applies_from', 'p.number as principle_number'])
        .where('p.agreement_id', '=', agreement.id)
        .where('c.applies_from', '<=', date)
        .orderBy('p.number')
        .orderBy('c.number')
        .execute(),
      db
        .selectFrom('agreement_commitment_status as s')
        .innerJoin('agreement_commitment as c', 'c.id', 's.commitment_id')
        .innerJoin('agreement_principle as p', 'p.id', 'c.principle_id')
        .select(['s.commitment_id', 's.organisation_id', 's.status', 's.status_date'])
        .where('p.agreement_id', '=', agreement.id)
        .where(sql<boolean>`s.status_date <= ${date}::date`)
        .execute(),
      db.selectFrom('agreement_vocabulary').select(['code', 'label']).where('list', '=', 'tilsagnsstatus').orderBy('sort').execute(),
    ]);
    const m = rollupMatrix(
      commitments.map((c) => c.id),
      members.map((x) => x.id),
      statuses,
      labels.map((l) => l.code),
    );
    const pct = (share: number | null) => (share === null ? null : (share * 100).toFixed(1));
    const label = (code: string) => labels.find((l) => l.code === code)?.label ?? 'Ikke angivet';
    const dateOf = new Map(statuses.map((s) => [`${s.commitment_id}:${s.organisation_id}`, s.status_date]));
    return {
      area: { value: pct(m.overall.share), numerator: m.overall.implemented, denominator: m.overall.relevant },
      perMember: members.map((x) => {
        const t = m.columns.get(x.id)!;
        return { organisationId: x.id, name: x.name, value: pct(t.share), numerator: t.implemented, denominator: t.relevant };
      }),
      columns,
      rows: members.flatMap((x) =>
        commitments.map((c) => ({
          member: x.name,
          commitment: `${c.principle_number}.${c.number} ${c.text}`,
          appliesFrom: c.applies_from,
          status: label(m.cell(c.id, x.id)),
          statusDate: dateOf.get(`${c.id}:${x.id}`) ?? null,
        })),
      ),
    };
  },
};
