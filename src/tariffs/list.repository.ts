/**
 * @module The list of tariff versions the actor may see: published ones for everyone, unpublished ones for the
 * operating organisation and for the secretariat of the area.
 */
import { sql } from 'kysely';
import { hasRole, type Actor } from '../core/auth/actor.js';
import type { Queryable } from '../core/db/types.js';
import type { z } from 'zod';
import type { ZListQuery } from './tariffs.schema.js';

export async function listVersions(db: Queryable, actor: Actor | null, q: z.infer<typeof ZListQuery>) {
  const editsOwn = !!actor && ((hasRole(actor, 'tilbudsoekonomi') && (actor.organisationKind === 'municipality' || actor.organisationKind === 'region')) || (hasRole(actor, 'leverandoer') && actor.organisationKind === 'provider'));
  const reviews = !!actor && hasRole(actor, 'sekretariat') && actor.organisationKind === 'secretariat' && actor.areaIds.length > 0;
  let base = db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .innerJoin('offering as o', 'o.id', 't.offering_id')
    .innerJoin('agreement_area as a', 'a.id', 't.area_id')
    .where((w) =>
      w.or([
        w('v.status', '=', 'offentliggjort'),
        ...(editsOwn ? [w('o.operator_org_id', '=', actor!.organisationId)] : []),
        ...(reviews ? [w('t.area_id', 'in', actor!.areaIds)] : []),
      ]),
    );
  if (q.area) base = base.where('a.code', '=', q.area);
  if (q.year) base = base.where('t.year', '=', q.year);
  if (q.offering) base = base.where('t.offering_id', '=', q.offering);
  if (q.status) base = base.where('v.status', '=', q.status);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'v.id', 't.offering_id', 'o.name as offering_name', 't.year', 'v.version', 'v.status', 'a.code as area_code', 'v.unit', 'v.average_tariff',
      'v.occupancy_pct_used', 'v.nominal_change_pct', 'v.real_change_pct', 'v.is_flagged', 'v.submitted_at', 'v.approved_at', 'v.published_at', 'v.superseded_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('tariff_level as l')
        .select(sql<Array<{ name: string; tariff: string }>>`coalesce(json_agg(json_build_object('name', l.name, 'tariff', l.tariff::text) order by l.sort), '[]')`.as('x'))
        .whereRef('l.version_id', '=', 'v.id')
        .as('levels'),
    )
    .orderBy('t.year', 'desc')
    .orderBy('o.name')
    .orderBy('v.version', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total: Number(n),
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id, offeringId: r.offering_id, offeringName: r.offering_name, year: r.year, version: r.version, status: r.status, areaCode: r.area_code, unit: r.unit,
      averageTariff: r.average_tariff, levels: r.levels, occupancyPctUsed: r.occupancy_pct_used, nominalChangePct: r.nominal_change_pct, realChangePct: r.real_change_pct,
      isFlagged: r.is_flagged, submittedAt: r.submitted_at, approvedAt: r.approved_at, publishedAt: r.published_at, supersededAt: r.superseded_at,
    })),
  };
}
