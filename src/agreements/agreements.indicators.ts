/**
 * @module Computed indicator from the agreement cycle itself: how far each member has implemented the joint
 * principles of the agreement in force on the date (share of relevant commitments marked 'implementeret').
 */
import type { IndicatorComputation } from '../core/indicators.js';
import { agreementInForce, agreementMembers, commitmentsApplying, statusesReportedBy, vocabulary } from './agreements.repository.js';
import { rollupMatrix, sharePercent } from './logic.js';

export const commitmentsImplemented: IndicatorComputation = {
  code: 'agreements.commitments-implemented',
  name: 'Fælleskommunale tilsagn implementeret',
  description:
    'Andel af de fælleskommunale tilsagn i den aftale, der gælder på måledatoen, som medlemmet har meldt implementeret. Tilsagn, som medlemmet har meldt ikke relevante, tæller ikke med. Kun tilsagn, der gælder fra måledatoen eller før.',
  unit: '%',
  direction: 'higher',
  compute: async (db, { areaId, date }) => {
    const agreement = await agreementInForce(db, areaId, date);
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
      commitmentsApplying(db, agreement.id, date),
      statusesReportedBy(db, agreement.id, date),
      vocabulary(db, 'tilsagnsstatus'),
    ]);
    const m = rollupMatrix(
      commitments.map((c) => c.id),
      members.map((x) => x.id),
      statuses,
      labels.map((l) => l.code),
    );
    const label = (code: string) => labels.find((l) => l.code === code)?.label ?? 'Ikke angivet';
    const dateOf = new Map(statuses.map((s) => [`${s.commitment_id}:${s.organisation_id}`, s.status_date]));
    return {
      area: { value: sharePercent(m.overall.share, 1), numerator: m.overall.implemented, denominator: m.overall.relevant },
      perMember: members.map((x) => {
        const t = m.columns.get(x.id)!;
        return { organisationId: x.id, name: x.name, value: sharePercent(t.share, 1), numerator: t.implemented, denominator: t.relevant };
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
