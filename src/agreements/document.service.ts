/**
 * @module The published agreement as one structure, shared by the document page and the PDF: parts with focus
 * areas, objectives with indicator status (computed indicators evaluated today), principles with the members'
 * status, process history and approvals.
 */
import type { Ctx } from '../core/capability.js';
import { allVocabulary } from './agreements.repository.js';
import { agreementJson } from './agreements.service.js';
import { indicatorAreaValue } from './indicator.service.js';
import { NOT_SET, indicatorProgress, partsInOrder, rollupMatrix } from './logic.js';

export const PROGRESS_LABEL: Record<string, string> = {
  naaet: 'Mål nået',
  paa_vej: 'På vej',
  tilbage: 'Længere fra målet',
  ingen_maaling: 'Ingen måling',
  ingen_maal: 'Intet mål',
};

export async function documentData(ctx: Ctx, id: number) {
  const j = await agreementJson(ctx, id);
  const vocab = await allVocabulary(ctx.db);
  const indicators = await Promise.all(
    j.indicators.map(async (i) => {
      let latest = i.latest ? { value: i.latest.value, date: i.latest.measuredOn } : null;
      if (i.source !== 'manual') {
        const v = await indicatorAreaValue(ctx, id, i.id);
        if (v?.value) latest = { value: v.value, date: v.date };
      }
      const p = indicatorProgress(i.direction, i.baseline?.value ?? null, i.target?.value ?? null, latest?.value ?? null);
      return { ...i, latest, progress: p.state, progressLabel: PROGRESS_LABEL[p.state]! };
    }),
  );
  const statusCodes = vocab.codes('tilsagnsstatus');
  const commitments = j.principles.flatMap((p) => p.commitments);
  const statuses = commitments.flatMap((c) => c.statuses.map((s) => ({ commitment_id: c.id, organisation_id: s.organisationId, status: s.status })));
  const matrix = rollupMatrix(
    commitments.map((c) => c.id),
    j.members.map((m) => m.id),
    statuses,
    statusCodes,
  );
  const parts = partsInOrder(vocab.list('del'), j.focusAreas).map(({ part: p, focusAreas }) => ({
    code: p.code,
    label: p.label,
    focusAreas: focusAreas.map((f) => ({
      ...f,
      objectives: f.objectives.map((o) => ({ ...o, indicators: indicators.filter((i) => i.objectiveId === o.id) })),
    })),
  }));
  return {
    ...j,
    parts,
    indicators,
    statusColumns: [...statusCodes, NOT_SET].map((code) => ({
      code,
      label: code === NOT_SET ? 'Ikke angivet' : vocab.label('tilsagnsstatus', code),
      tone: code === NOT_SET ? 'none' : vocab.tone('tilsagnsstatus', code),
    })),
    principleRows: j.principles.map((p) => ({ ...p, commitments: p.commitments.map((c) => ({ ...c, tally: matrix.rows.get(c.id)! })) })),
    memberRows: j.members.map((m) => ({ ...m, tally: matrix.columns.get(m.id)! })),
    overall: matrix.overall,
    doneMilestones: j.milestones.filter((m) => m.status === 'gennemfoert'),
    /** The indicator pages need sign-in: anonymous readers get the names without links. */
    indicatorLinks: ctx.actor !== null,
  };
}
export type DocumentData = Awaited<ReturnType<typeof documentData>>;
