/**
 * @module The one write to the audit log (reading it is the audit capability's).
 */
import type { Queryable } from './db/types.js';
import type { AuditLogTable } from './auth/auth.table.js';
import { sql, type Insertable } from 'kysely';

export async function insertAuditEvent(db: Queryable, row: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

/** One row as a JSON record, its `before` and `after` (JSON text already) spliced in as they are. */
function jsonRecord(row: Insertable<AuditLogTable>): string {
  const { before, after, ...rest } = row;
  return `${JSON.stringify(rest).slice(0, -1)},"before":${before ?? 'null'},"after":${after ?? 'null'}}`;
}

/**
 * Many rows, 500 per statement, each statement one JSON record set typed as the audit log's rows (one parameter
 * instead of one per value). The time is the column's default.
 */
export async function insertAuditEvents(db: Queryable, rows: ReadonlyArray<Insertable<AuditLogTable>>): Promise<void> {
  if (!rows.length) return;
  const columns = [...Object.keys(rows[0]!).filter((c) => c !== 'before' && c !== 'after'), 'before', 'after'];
  for (let i = 0; i < rows.length; i += 500) {
    const records = `[${rows
      .slice(i, i + 500)
      .map(jsonRecord)
      .join(',')}]`;
    await sql`insert into audit_log (${sql.join(columns.map((c) => sql.id(c)))})
      select ${sql.join(columns.map((c) => sql.ref(`v.${c}`)))}
      from jsonb_populate_recordset(null::audit_log, ${records}::jsonb) as v`.execute(db);
  }
}
