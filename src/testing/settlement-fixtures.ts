/**
 * @module Fixtures for settlement tests: accepted contracts on an offering with a published tariff, made directly
 * in the database (the contract flow itself is tested in placements).
 */
import { sql } from 'kysely';
import type { Db } from '../core/db/types.js';

export async function orgOfUser(db: Db, username: string): Promise<number> {
  return (await db.selectFrom('app_user').select('organisation_id').where('username', '=', username).executeTakeFirstOrThrow()).organisation_id;
}

/**
 * An offering the organisation runs with a published day tariff for the year: its id, the price contracts pay and
 * the level they name (the first level when the tariff has levels, else none and the average tariff).
 */
export async function dayPricedOffering(
  db: Db,
  operatorOrgId: number,
  year: number,
): Promise<{ offeringId: number; price: string; level: string | null; versionId: number }> {
  const r = await sql<{ offering_id: number; price: string; level: string | null; version_id: number }>`
    select o.id as offering_id, coalesce(l.tariff, v.average_tariff)::text as price, l.name as level, v.id as version_id
    from offering o
    join tariff t on t.offering_id = o.id and t.year = ${year}
    join tariff_version v on v.tariff_id = t.id and v.status = 'offentliggjort' and v.superseded_at is null
    left join lateral (select name, tariff from tariff_level x where x.version_id = v.id order by sort limit 1) l on true
    where o.operator_org_id = ${operatorOrgId} and v.unit = 'day'
    order by o.id limit 1`.execute(db);
  const row = r.rows[0];
  if (!row) throw new Error(`No day-priced offering with a published ${year} tariff for organisation ${operatorOrgId}.`);
  return { offeringId: row.offering_id, price: row.price, level: row.level, versionId: row.version_id };
}

let caseNo = 0;
/** Accepted contracts on the offering, bought by the buyer; returns their ids. */
export async function acceptedContracts(
  db: Db,
  v: { offeringId: number; buyerOrgId: number; periods: Array<{ start: string; end: string | null; level?: string | null }> },
): Promise<number[]> {
  const now = new Date('2026-01-01T12:00:00Z');
  const rows = await db
    .insertInto('contract')
    .values(
      v.periods.map((p) => ({
        offering_id: v.offeringId,
        buyer_org_id: v.buyerOrgId,
        template_id: null,
        is_standard: false,
        case_reference: `AFR-${String(++caseNo).padStart(4, '0')}`,
        start_date: p.start,
        end_date: p.end,
        current_end_date: p.end,
        status: 'accepteret' as const,
        tariff_level: p.level ?? null,
        created_at: now,
        created_by: 'test',
        sent_at: now,
        sent_by: 'test',
        accepted_at: now,
        accepted_by: 'test',
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
