/**
 * @module The audit log. Every create, update and delete calls `audit` inside the transaction that makes
 * the change, so the log and the data never disagree.
 */
import type { Actor } from './auth/actor.js';
import type { Trx } from './db/types.js';

export type AuditAction = 'create' | 'update' | 'delete';

export async function audit(
  trx: Trx,
  actor: Actor | null,
  entry: { entity: string; entityId: string | number; action: AuditAction; before?: unknown; after?: unknown },
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_user_id: actor?.userId ?? null,
      actor_username: actor?.username ?? 'system',
      actor_org_id: actor?.organisationId ?? null,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      action: entry.action,
      before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
    })
    .execute();
}
