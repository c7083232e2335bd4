/**
 * @module Reading the audit log: the secretariat sees changes made by its own organisation, by the members
 * of its agreement area(s), by private providers and by the system. Entities are named and linked from
 * what each capability declares (`Capability.auditEntities`, in `ctx.auditEntities`); an unknown type is
 * shown by its technical name.
 */
import { requireSignedIn } from '../core/access/access.js';
import type { AuditAction } from '../core/audit.js';
import type { AuditEntity, Ctx } from '../core/capability.js';
import * as repo from './audit.repository.js';
import type { TAuditQuery } from './audit.schema.js';
import './audit.policy.js';

export const AUDIT_PAGE_SIZE = 50;

export type AuditChange = { field: string; label: string; before: string; after: string };

export type AuditRow = {
  id: string;
  at: Date;
  actorUsername: string;
  actorName: string;
  organisationName: string | null;
  entity: string;
  entityLabel: string;
  entityId: string;
  /** The entity's page, when it has one. */
  href: string | null;
  action: AuditAction;
  changes: AuditChange[];
  requestId: string | null;
  clientAddress: string | null;
};

export type AuditLog = {
  total: number;
  page: number;
  pageCount: number;
  rows: AuditRow[];
  entityOptions: Array<{ value: string; label: string }>;
  organisationOptions: Array<{ value: string; label: string }>;
};

/** Lists only the fields that changed between before and after. */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Array<{ field: string; before: string; after: string }> {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const show = (v: unknown) => (v === undefined ? '–' : v === null ? '(tom)' : typeof v === 'string' ? v : JSON.stringify(v));
  return keys
    .filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]))
    .map((k) => ({ field: k, before: show(before?.[k]), after: show(after?.[k]) }));
}

/** How an entity type is named and linked; the technical name when no capability declares it. */
export function describeEntity(entities: Readonly<Record<string, AuditEntity>>, type: string): Required<Pick<AuditEntity, 'label'>> & AuditEntity {
  return entities[type] ?? { label: type };
}

export async function readAuditLog(ctx: Ctx, filters: TAuditQuery): Promise<AuditLog> {
  const actor = requireSignedIn(ctx, 'audit.read', {});
  const organisations = await repo.visibleOrganisations(ctx.db, actor.areaIds, actor.organisationId);
  const { total, rows } = await repo.auditEvents(
    ctx.db,
    filters,
    organisations.map((o) => o.id),
    { limit: AUDIT_PAGE_SIZE, offset: (filters.page - 1) * AUDIT_PAGE_SIZE },
  );
  const types = await repo.auditedEntityTypes(ctx.db);
  return {
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    rows: rows.map((r) => {
      const entity = describeEntity(ctx.auditEntities, r.entity);
      return {
        id: r.id,
        at: r.at,
        actorUsername: r.actor_username,
        actorName: r.display_name ?? r.actor_username,
        organisationName: r.org_name,
        entity: r.entity,
        entityLabel: entity.label,
        entityId: r.entity_id,
        href: entity.href?.(r.entity_id) ?? null,
        action: r.action,
        changes: changedFields(r.before, r.after).map((c) => ({ ...c, label: entity.fieldLabels?.[c.field] ?? c.field })),
        requestId: r.request_id,
        clientAddress: r.client_address,
      };
    }),
    entityOptions: types.map((t) => ({ value: t, label: describeEntity(ctx.auditEntities, t).label })),
    organisationOptions: organisations.map((o) => ({ value: String(o.id), label: o.name })),
  };
}
