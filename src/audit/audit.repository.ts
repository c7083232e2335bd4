/**
 * @module All SQL for reading the audit log (core/audit.ts writes it).
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';
import type { TAuditQuery } from './audit.schema.js';
import '../core/auth/auth.table.js';

/**
 * The organisations whose changes a secretariat sees, with names: its own, the members (at any time) and
 * secretariats of its areas, and every private provider. Without areas, only its own.
 */
export async function visibleOrganisations(db: Queryable, areaIds: readonly number[], ownOrganisationId: number) {
  if (!areaIds.length) return db.selectFrom('organisation').select(['id', 'name']).where('id', '=', ownOrganisationId).execute();
  return db
    .selectFrom('organisation as o')
    .select(['o.id', 'o.name'])
    .where((eb) =>
      eb.or([
        eb('o.id', '=', ownOrganisationId),
        eb('o.kind', '=', 'provider'),
        eb('o.area_id', 'in', [...areaIds]),
        eb(
          'o.id',
          'in',
          eb
            .selectFrom('agreement_area_member')
            .select('organisation_id')
            .where('area_id', 'in', [...areaIds]),
        ),
      ]),
    )
    .orderBy('o.name')
    .execute();
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function filtered(db: Queryable, f: TAuditQuery, organisationIds: readonly number[]) {
  let q = db
    .selectFrom('audit_log as l')
    .where((eb) => eb.or([eb('l.actor_org_id', 'in', organisationIds.length ? [...organisationIds] : [0]), eb('l.actor_org_id', 'is', null)]));
  if (f.entity) q = q.where('l.entity', '=', f.entity);
  if (f.entityId) q = q.where('l.entity_id', '=', f.entityId);
  if (f.user) q = q.where('l.actor_username', 'ilike', `%${escapeLike(f.user)}%`);
  if (f.organisation) q = q.where('l.actor_org_id', '=', f.organisation);
  if (f.action) q = q.where('l.action', '=', f.action);
  if (f.from) q = q.where(sql<boolean>`l.at >= ${f.from}::date`);
  if (f.to) q = q.where(sql<boolean>`l.at < ${f.to}::date + 1`);
  return q;
}

/** One page of events by the given organisations (or the system), newest first, and how many match. */
export async function auditEvents(db: Queryable, f: TAuditQuery, organisationIds: readonly number[], page: { limit: number; offset: number }) {
  const q = filtered(db, f, organisationIds);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .leftJoin('organisation as o', 'o.id', 'l.actor_org_id')
    .leftJoin('app_user as u', 'u.id', 'l.actor_user_id')
    .select([
      'l.id',
      'l.at',
      'l.actor_username',
      'u.display_name',
      'o.name as org_name',
      'l.entity',
      'l.entity_id',
      'l.action',
      'l.before',
      'l.after',
      'l.request_id',
      'l.client_address',
    ])
    .orderBy('l.at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(n), rows };
}

/** Every entity type that has been audited. */
export async function auditedEntityTypes(db: Queryable): Promise<string[]> {
  return (await db.selectFrom('audit_log').select('entity').distinct().orderBy('entity').execute()).map((r) => r.entity);
}
