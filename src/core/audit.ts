/**
 * @module The audit log. Every create, update and delete calls `audit` inside the transaction that makes
 * the change, so the log and the data never disagree. An event has one shape: the entity type, its id, the
 * action, and `before`/`after` as camelCase objects of the same shape per entity type; it carries the
 * request id and client address of the call that made it.
 */
import type { Actor } from './auth/actor.js';
import type { Ctx } from './capability.js';
import type { Queryable } from './db/types.js';
import type { Insertable } from 'kysely';
import type { AuditLogTable } from './auth/auth.table.js';
import { insertAuditEvent, insertAuditEvents } from './audit.repository.js';
import { CPR_MESSAGE, looksLikeCpr } from './cpr.js';
import { badRequest, type FieldErrors } from './errors.js';
import { visitStrings } from './strings.js';

export const SYSTEM = 'system';
export const ANONYMOUS = 'anonym';

export type AuditAction = 'create' | 'update' | 'delete' | 'sign_in' | 'sign_in_failed' | 'sign_out';

export type AuditEvent = { entity: string; entityId: string | number; action: AuditAction; before?: unknown; after?: unknown };

/** Who made a change: a call context (preferred), or a bare actor / null for the system. */
export type AuditWho = Pick<Ctx, 'actor' | 'request'> | Actor | null;

const isCallContext = (who: AuditWho): who is Pick<Ctx, 'actor' | 'request'> => !!who && 'request' in who && 'actor' in who;

/** One audit event as its row, checked but not yet written. */
export type AuditRow = Insertable<AuditLogTable>;

/**
 * The row of one audit event, with no database: the last line of defence for the promise that Ramme stores no
 * CPR number. An event whose id or values look like one is refused with a 400 naming the fields, so the
 * transaction rolls back (or, for many events checked before their transaction, never starts).
 */
export function auditRow(who: AuditWho, event: AuditEvent): AuditRow {
  const cpr: FieldErrors = {};
  if (looksLikeCpr(String(event.entityId))) cpr._ = [CPR_MESSAGE];
  for (const part of [event.before, event.after]) visitStrings(part, (text, path) => looksLikeCpr(text) && (cpr[path || '_'] = [CPR_MESSAGE]));
  if (Object.keys(cpr).length) throw badRequest('Ramme gemmer ikke CPR-numre. Fjern CPR-nummeret fra felterne.', cpr);
  const actor = isCallContext(who) ? who.actor : who;
  const request = isCallContext(who) ? who.request : null;
  return {
    actor_user_id: actor?.userId ?? null,
    // Nobody signed in: 'anonym' for a request (e.g. a failed sign-in), 'system' for commands and seeds.
    actor_username: actor?.username ?? (request ? ANONYMOUS : SYSTEM),
    actor_org_id: actor?.organisationId ?? null,
    entity: event.entity,
    entity_id: String(event.entityId),
    action: event.action,
    before: event.before === undefined || event.before === null ? null : JSON.stringify(event.before),
    after: event.after === undefined || event.after === null ? null : JSON.stringify(event.after),
    request_id: request?.id ?? null,
    client_address: request?.ip ?? null,
  };
}

/** Writes one audit event (checked by `auditRow`). */
export async function audit(trx: Queryable, who: AuditWho, event: AuditEvent): Promise<void> {
  await insertAuditEvent(trx, auditRow(who, event));
}

/**
 * Writes many audit events of one change (an import) in multi-row statements. The rows come from `auditRow`,
 * built and checked before the transaction, so the transaction only writes.
 */
export async function auditMany(trx: Queryable, rows: readonly AuditRow[]): Promise<void> {
  await insertAuditEvents(trx, rows);
}
