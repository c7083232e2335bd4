/**
 * @module SQL of what settlement reads of contracts: the priced periods of the contracts in force in a date range.
 * Settlement reaches it through placements.public.ts only.
 */
import { sql } from 'kysely';
import type { Queryable } from '../core/db/types.js';
import { offeringCatalogue } from '../offerings/offerings.public.js';

/**
 * One priced period of a contract: the days [from, to] at one level (to null: open-ended). A contract runs from its
 * start to its effective end: the end date as amendments left it, or the end of notice when that comes first
 * (payment runs to the end of notice, never past it). A level change splits the period in two.
 */
export type SettlementPeriod = {
  contractId: number;
  offeringId: number;
  buyerOrgId: number;
  /** The operator of the contract's offering: who sells (municipality, region or provider). */
  sellerOrgId: number;
  caseReference: string;
  from: string;
  to: string | null;
  level: string | null;
};

/** A change of level from a date (an amendment's `tariffLevel`), per contract, in amendment order. */
export type LevelChange = { contractId: number; effectiveDate: string; level: string };

/**
 * The contract's last day: its end date after amendments, or the end of notice when notice was given and ends first
 * (null: open-ended). PostgreSQL's `least` skips nulls. The same expression as the contract page and the holding index.
 */
const effectiveEnd = sql<string | null>`least(c.current_end_date, c.notice_end_date)`;
const endsOnOrAfter = (date: unknown) =>
  sql<boolean>`(least(c.current_end_date, c.notice_end_date) is null or least(c.current_end_date, c.notice_end_date) >= ${date})`;

/** Stored statuses of an agreed contract: accepted, or given notice (it runs, and is paid, to the end of notice). */
const AGREED = ['accepteret', 'opsagt'] as ('accepteret' | 'opsagt')[];

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Splits each contract's period at its level changes: the old level up to the day before the change, the new level
 * from it (a change before the start only sets the level). Pure; periods without changes are returned as they are.
 */
export function splitAtLevelChanges(periods: readonly SettlementPeriod[], changes: readonly LevelChange[]): SettlementPeriod[] {
  if (!changes.length) return [...periods];
  const byContract = new Map<number, LevelChange[]>();
  for (const c of changes) byContract.set(c.contractId, [...(byContract.get(c.contractId) ?? []), c]);
  return periods.flatMap((p) => {
    const own = byContract.get(p.contractId);
    if (!own) return [p];
    const out: SettlementPeriod[] = [];
    let current = { ...p };
    for (const c of [...own].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate))) {
      if (current.to !== null && c.effectiveDate > current.to) break;
      if (c.effectiveDate <= current.from) {
        current.level = c.level;
        continue;
      }
      out.push({ ...current, to: dayBefore(c.effectiveDate) });
      current = { ...current, from: c.effectiveDate, level: c.level };
    }
    out.push(current);
    return out;
  });
}

/**
 * Accepted contracts overlapping [from, to] (both 'YYYY-MM-DD'), optionally one seller's, ordered by seller, buyer,
 * case; a contract whose level was changed by an amendment comes as one period per level.
 */
export async function contractsForSettlement(
  db: Queryable,
  range: { from: string; to: string },
  sellerOrgId: number | null = null,
): Promise<SettlementPeriod[]> {
  let q = db
    .selectFrom('contract as c')
    .innerJoin(offeringCatalogue(db).as('oc'), 'oc.offering_id', 'c.offering_id')
    .select([
      'c.id as contractId',
      'c.offering_id as offeringId',
      'c.buyer_org_id as buyerOrgId',
      'oc.operator_org_id as sellerOrgId',
      'c.case_reference as caseReference',
      'c.start_date as from',
      'c.tariff_level as level',
    ])
    .select(sql<string | null>`${effectiveEnd}::text`.as('to'))
    .where('c.status', 'in', AGREED)
    .where('c.start_date', '<=', range.to)
    .where(endsOnOrAfter(range.from));
  if (sellerOrgId !== null) q = q.where('oc.operator_org_id', '=', sellerOrgId);
  const periods = await q.orderBy('oc.operator_org_id').orderBy('c.buyer_org_id').orderBy('c.case_reference').orderBy('c.id').execute();
  const changes = await sql<LevelChange>`
    select a.contract_id as "contractId", a.effective_date::text as "effectiveDate", a.changes->>'tariffLevel' as level
    from contract_amendment a
    join contract c on c.id = a.contract_id
    join offering o on o.id = c.offering_id
    where a.changes->>'tariffLevel' is not null and a.effective_date <= ${range.to}
      and c.status in ('accepteret', 'opsagt') and c.start_date <= ${range.to} and ${endsOnOrAfter(range.from)}
      and ${sellerOrgId === null ? sql`true` : sql`o.operator_org_id = ${sellerOrgId}`}
    order by a.contract_id, a.number`.execute(db);
  return splitAtLevelChanges(periods, changes.rows);
}

/** One contract as follow-up reads it: the buyer, the dates and the follow-up dates agreed in its terms. */
export type FollowUpContract = {
  contractId: number;
  buyerOrgId: number;
  offeringId: number;
  /** The offering's primary legal basis (code): the need a step-down search starts from. */
  legalBasis: string;
  tariffLevel: string | null;
  caseReference: string;
  offeringName: string;
  startDate: string;
  endDate: string | null;
  /** Notice has been given (the contract runs to the end of notice). */
  isNoticed: boolean;
  /** The contract was agreed with an end date (time-limited). */
  isTimeLimited: boolean;
  followUpDates: string[];
};

/** The accepted contracts a municipality buys (or one of them), by case reference. */
export async function contractsForFollowUp(db: Queryable, buyerOrgId: number, contractId: number | null = null): Promise<FollowUpContract[]> {
  let q = db
    .selectFrom('contract as c')
    .innerJoin(offeringCatalogue(db).as('oc'), 'oc.offering_id', 'c.offering_id')
    .select([
      'c.id as contractId',
      'c.buyer_org_id as buyerOrgId',
      'c.offering_id as offeringId',
      'oc.primary_legal_basis as legalBasis',
      'c.tariff_level as tariffLevel',
      'c.case_reference as caseReference',
      'oc.offering_name as offeringName',
      'c.start_date as startDate',
      'c.follow_up_dates as followUpDates',
    ])
    .select(sql<string | null>`${effectiveEnd}::text`.as('endDate'))
    .select(sql<boolean>`c.status = 'opsagt'`.as('isNoticed'))
    .select(sql<boolean>`c.end_date is not null`.as('isTimeLimited'))
    .where('c.status', 'in', AGREED)
    .where('c.buyer_org_id', '=', buyerOrgId);
  if (contractId !== null) q = q.where('c.id', '=', contractId);
  return q.orderBy('c.case_reference').orderBy('c.id').execute();
}

/** What the trade matrix reads of contracts when a year has no statements: per year, buyer and seller. */
export type ContractTradeCell = { year: number; buyerOrgId: number; sellerOrgId: number; contracts: number; placeDays: number };

const yearEnd = sql`make_date(y.year, 12, 31)`;
const yearStart = sql`make_date(y.year, 1, 1)`;
const daysInYear = sql`(least(coalesce(${effectiveEnd}, ${yearEnd}), ${yearEnd}) - greatest(c.start_date, ${yearStart}) + 1)`;

/**
 * The accepted contracts the buyers had in force in each year of [fromYear, toYear]: how many, and their days inside
 * the year (both ends included; open-ended to the year's end). The seller is the offering's operator.
 */
export async function contractTradeCells(db: Queryable, buyerOrgIds: readonly number[], fromYear: number, toYear: number): Promise<ContractTradeCell[]> {
  if (!buyerOrgIds.length) return [];
  const r = await sql<ContractTradeCell>`
    select y.year::int as "year", c.buyer_org_id as "buyerOrgId", o.operator_org_id as "sellerOrgId", count(*)::int as contracts,
      sum(${daysInYear})::int as "placeDays"
    from generate_series(${fromYear}::int, ${toYear}::int) as y(year)
    join contract c on c.status in ('accepteret', 'opsagt') and c.start_date <= ${yearEnd} and ${endsOnOrAfter(yearStart)}
    join offering o on o.id = c.offering_id
    where c.buyer_org_id in (${sql.join([...buyerOrgIds])})
    group by 1, 2, 3`.execute(db);
  return r.rows;
}

/** The contracts behind one cell of the trade matrix (at most `limit`), by case reference. */
export async function contractsOfTradeCell(db: Queryable, v: { buyerOrgId: number; sellerOrgId: number; year: number }, limit = 1000) {
  const r = await sql<{
    contractId: number;
    offeringName: string;
    caseReference: string;
    from: string;
    to: string | null;
    level: string | null;
    placeDays: number;
  }>`
    select c.id as "contractId", o.name as "offeringName", c.case_reference as "caseReference", c.start_date::text as "from", ${effectiveEnd}::text as "to",
      c.tariff_level as level, ${daysInYear}::int as "placeDays"
    from (select ${v.year}::int as year) y
    join contract c on c.status in ('accepteret', 'opsagt') and c.start_date <= ${yearEnd} and ${endsOnOrAfter(yearStart)}
    join offering o on o.id = c.offering_id
    where c.buyer_org_id = ${v.buyerOrgId} and o.operator_org_id = ${v.sellerOrgId}
    order by c.case_reference, c.id
    limit ${limit}`.execute(db);
  return r.rows;
}

/**
 * A follow-up's decision to change level: an amendment (tillæg) of the contract from the effective date at the new
 * level's published price, written in the caller's transaction; returns the amendment's number.
 */
export async function insertLevelAmendment(
  trx: Queryable,
  v: { contractId: number; effectiveDate: string; description: string; tariffLevel: string; tariffPrice: string; at: Date; by: string },
): Promise<number> {
  const r = await sql<{ number: number }>`
    insert into contract_amendment (contract_id, number, effective_date, description, changes, created_at, created_by)
    values (${v.contractId}, (select coalesce(max(number), 0) + 1 from contract_amendment where contract_id = ${v.contractId}), ${v.effectiveDate},
      ${v.description}, ${JSON.stringify({ tariffLevel: v.tariffLevel, tariffPrice: v.tariffPrice })}, ${v.at}, ${v.by})
    returning number`.execute(trx);
  await sql`update contract set version = version + 1 where id = ${v.contractId}`.execute(trx);
  return r.rows[0]!.number;
}

/** The agreed contracts (accepted, given notice or ended) of the offerings, with their start dates, for outcome figures. */
export async function contractStartsOfOfferings(
  db: Queryable,
  offeringIds: readonly number[],
): Promise<Array<{ contractId: number; offeringId: number; startDate: string }>> {
  if (!offeringIds.length) return [];
  return db
    .selectFrom('contract as c')
    .select(['c.id as contractId', 'c.offering_id as offeringId', 'c.start_date as startDate'])
    .where('c.offering_id', 'in', [...offeringIds])
    .where('c.status', 'in', AGREED)
    .execute();
}
