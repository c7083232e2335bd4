/**
 * @module Loading the tariff overview with its access rule: public once published; before that only the area's
 * secretariat sees it (as a preview including approved tariffs).
 */
import type { Actor } from '../core/auth/actor.js';
import type { Queryable } from '../core/db/types.js';
import { notFound } from '../core/errors.js';
import { canReviewArea } from './access.js';
import { overviewRows, parseLevels, publications } from './overview.repository.js';
import { findAreaByCode } from './tariffs.repository.js';

export async function loadOverview(db: Queryable, actor: Actor | null, areaCode: string, year: number, options: { preview?: boolean } = {}) {
  const area = await findAreaByCode(db, areaCode);
  if (!area) throw notFound('Rammeaftaleområdet findes ikke.');
  const isReviewer = canReviewArea(actor, area.id);
  const pubs = await publications(db, area.id, year);
  if (!pubs.length && !isReviewer) throw notFound(`Takstoversigten for ${area.name} ${year} er ikke offentliggjort endnu.`);
  const isPreview = isReviewer && !!options.preview;
  const rows = await overviewRows(db, area.id, year, { includeApproved: isPreview });
  return { area, year, isReviewer, isPreview, publications: pubs, rows };
}

export async function overviewJson(db: Queryable, actor: Actor | null, areaCode: string, year: number) {
  const o = await loadOverview(db, actor, areaCode, year);
  return {
    area: { code: o.area.code, name: o.area.name },
    year,
    publishedAt: o.publications[0]?.published_at ?? null,
    items: o.rows.map((r) => ({
      tariffId: r.version_id,
      version: r.version,
      offeringId: r.offering_id,
      offeringName: r.offering_name,
      municipality: r.municipality_name,
      operator: r.operator_name,
      operatorType: r.operator_type,
      offeringType: r.offering_type_name,
      legalBasis: r.legal_basis,
      targetGroups: r.target_groups,
      unit: r.unit,
      averageTariff: r.average_tariff,
      levels: parseLevels(r.levels).map((l) => ({ name: l.name, tariff: l.tariff })),
      occupancyPctUsed: r.occupancy_pct_used,
      nominalChangePct: r.nominal_change_pct,
      realChangePct: r.real_change_pct,
      isFlagged: r.is_flagged,
      explanation: r.explanation,
      correctionReason: r.correction_reason,
    })),
  };
}
