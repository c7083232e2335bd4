/**
 * @module SQL of the trade between municipalities: the sent statements of an area aggregated per year, buyer and
 * seller (drafts are left out: they can still change), and the statement lines behind one cell.
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';

export type StatementTradeCell = { year: number; buyerOrgId: number; sellerOrgId: number; amount: string; contracts: number; placeDays: number; lines: number };

/** Sent statements (every status but draft) of an area, per year of the month, buyer and seller. */
export async function statementTradeCells(db: Queryable, areaId: number, fromYear: number, toYear: number): Promise<StatementTradeCell[]> {
  const r = await sql<StatementTradeCell>`
    select extract(year from s.month)::int as "year", s.buyer_org_id as "buyerOrgId", s.seller_org_id as "sellerOrgId",
      coalesce(sum(l.amount), 0)::text as amount,
      count(distinct l.contract_id) filter (where l.kind = 'contract')::int as contracts,
      coalesce(sum(l.days) filter (where l.kind = 'contract'), 0)::int as "placeDays",
      count(l.id)::int as lines
    from settlement_statement s
    join settlement_line l on l.statement_id = s.id
    where s.area_id = ${areaId} and s.status <> 'kladde'
      and s.month >= make_date(${fromYear}::int, 1, 1) and s.month <= make_date(${toYear}::int, 12, 1)
    group by 1, 2, 3`.execute(db);
  return r.rows;
}

/** The latest year with a sent statement in the area, or null. */
export async function latestTradeYear(db: Queryable, areaId: number): Promise<number | null> {
  const r = await sql<{ year: number | null }>`
    select extract(year from max(month))::int as "year" from settlement_statement where area_id = ${areaId} and status <> 'kladde'`.execute(db);
  return r.rows[0]?.year ?? null;
}

/** The statement lines behind one cell: the sent statements of the area, year, buyer and seller (at most `limit`). */
export async function statementLinesOfTradeCell(db: Queryable, v: { areaId: number; year: number; buyerOrgId: number; sellerOrgId: number }, limit = 1000) {
  const r = await sql<{
    statementId: number;
    month: string;
    status: string;
    lineId: number;
    kind: string;
    offeringName: string | null;
    caseReference: string | null;
    periodFrom: string | null;
    periodTo: string | null;
    days: number | null;
    unitPrice: string | null;
    amount: string | null;
    problem: string | null;
  }>`
    select s.id as "statementId", to_char(s.month, 'YYYY-MM') as month, s.status, l.id as "lineId", l.kind, o.name as "offeringName",
      l.case_reference as "caseReference", l.period_from::text as "periodFrom", l.period_to::text as "periodTo", l.days,
      l.unit_price::text as "unitPrice", l.amount::text as amount, l.problem
    from settlement_statement s
    join settlement_line l on l.statement_id = s.id
    left join offering o on o.id = l.offering_id
    where s.area_id = ${v.areaId} and s.status <> 'kladde' and s.buyer_org_id = ${v.buyerOrgId} and s.seller_org_id = ${v.sellerOrgId}
      and s.month >= make_date(${v.year}::int, 1, 1) and s.month <= make_date(${v.year}::int, 12, 1)
    order by s.month, l.sort, l.id
    limit ${limit}`.execute(db);
  return r.rows;
}
