/**
 * @module Lists of tariff versions: the API list (published ones for everyone, unpublished ones for the operating
 * organisation and the area's secretariat, filtered inside the query), an operator's own offerings with their
 * tariffs, and the secretariat's queue of submitted tariffs.
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';
import { offeringCatalogue } from '../offerings/offerings.public.js';
import type { VersionScope } from './tariffs.policy.js';
import type { TListQuery } from './tariffs.schema.js';

export async function listVersions(db: Queryable, scope: VersionScope, q: TListQuery) {
  let base = db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .innerJoin(offeringCatalogue(db).as('oc'), 'oc.offering_id', 't.offering_id')
    .innerJoin('agreement_area as a', 'a.id', 't.area_id')
    .where((w) =>
      w.or([
        w('v.status', '=', 'offentliggjort'),
        ...(scope.operatorOrgId !== null ? [w('oc.operator_org_id', '=', scope.operatorOrgId)] : []),
        ...(scope.secretariatAreaIds.length ? [w('t.area_id', 'in', scope.secretariatAreaIds)] : []),
      ]),
    );
  if (q.area) base = base.where('a.code', '=', q.area);
  if (q.year) base = base.where('t.year', '=', q.year);
  if (q.offering) base = base.where('t.offering_id', '=', q.offering);
  if (q.status) base = base.where('v.status', '=', q.status);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'v.id',
      't.offering_id',
      'oc.offering_name',
      't.year',
      'v.version',
      'v.status',
      'a.code as area_code',
      'v.unit',
      'v.average_tariff',
      'v.occupancy_pct_used',
      'v.nominal_change_pct',
      'v.real_change_pct',
      'v.is_flagged',
      'v.submitted_at',
      'v.approved_at',
      'v.published_at',
      'v.superseded_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('tariff_level as l')
        .select(
          sql<
            Array<{ name: string; tariff: string }>
          >`coalesce(json_agg(json_build_object('name', l.name, 'tariff', l.tariff::text) order by l.sort), '[]')`.as('x'),
        )
        .whereRef('l.version_id', '=', 'v.id')
        .as('levels'),
    )
    .orderBy('t.year', 'desc')
    .orderBy('oc.offering_name')
    .orderBy('v.version', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { total: Number(n), rows };
}

/** The offerings (not closed) an organisation operates, each with its versions for the given years. */
export async function ownOfferings(db: Queryable, operatorOrgId: number, years: number[]) {
  return db
    .selectFrom(offeringCatalogue(db).as('oc'))
    .leftJoin('tariff as t', (j) => j.onRef('t.offering_id', '=', 'oc.offering_id').on('t.year', 'in', years))
    .leftJoin('tariff_version as v', (j) => j.onRef('v.tariff_id', '=', 't.id'))
    .select([
      'oc.offering_id as id',
      'oc.offering_name as name',
      't.year',
      'v.id as version_id',
      'v.version',
      'v.status',
      'v.superseded_at',
      'v.average_tariff',
      'v.is_flagged',
    ])
    .where('oc.operator_org_id', '=', operatorOrgId)
    .where('oc.status', '!=', 'lukket')
    .orderBy('oc.offering_name')
    .orderBy('v.version')
    .execute();
}

/** Submitted versions waiting for the secretariat of the given areas, oldest first. */
export async function reviewQueue(db: Queryable, areaIds: number[]) {
  if (!areaIds.length) return [];
  return db
    .selectFrom('tariff_version as v')
    .innerJoin('tariff as t', 't.id', 'v.tariff_id')
    .innerJoin(offeringCatalogue(db).as('oc'), 'oc.offering_id', 't.offering_id')
    .select([
      'v.id',
      'oc.offering_name as name',
      't.year',
      'v.version',
      'v.submitted_at',
      'v.is_flagged',
      'v.is_on_time',
      'v.average_tariff',
      'v.nominal_change_pct',
    ])
    .where('t.area_id', 'in', areaIds)
    .where('v.status', '=', 'indsendt')
    .orderBy('v.submitted_at')
    .orderBy('v.id')
    .limit(200)
    .execute();
}
