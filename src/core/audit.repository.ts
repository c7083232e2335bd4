/**
 * @module The one write to the audit log (reading it is the audit capability's).
 */
import type { Queryable } from './db/types.js';
import type { AuditLogTable } from './auth/auth.table.js';
import type { Insertable } from 'kysely';

export async function insertAuditEvent(db: Queryable, row: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}
