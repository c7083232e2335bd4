/**
 * @module All SQL of settlement: the dated rules, generating a month's drafts set-based (statements upserted,
 * draft lines replaced, adjustments carried from answered disputes, totals refreshed in single statements), the
 * lists scoped to the actor's organisation, and the conditional status changes.
 */
import { sql } from 'kysely';
import { validOn } from '../core/db/dated.js';
import type { Queryable } from '../core/db/types.js';
import { offeringCatalogue } from '../offerings/offerings.public.js';
import type { StatementLineDraft } from './statement.logic.js';
import type { Answer, StatementStatus } from './settlement.table.js';

/** Lines per insert statement: one JSON parameter each. */
const CHUNK = 10_000;

export async function ruleOn(db: Queryable, date: string) {
  return (await db.selectFrom('settlement_rule as r').selectAll().where(validOn('r', date)).orderBy('valid_from', 'desc').executeTakeFirst()) ?? null;
}

/** Serialises generation of one month across processes (held to the end of the transaction). */
export async function lockMonth(trx: Queryable, month: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`settlement:${month}`}))`.execute(trx);
}

const sellerIs = (sellerOrgId: number | null) => (sellerOrgId === null ? sql`true` : sql`s.seller_org_id = ${sellerOrgId}`);

/** Makes the statements of the month for the given seller × buyer pairs (new ones as drafts; existing ones untouched). */
export async function upsertStatements(trx: Queryable, monthStart: string, pairs: { seller: number; buyer: number; area: number | null }[], now: Date) {
  for (let i = 0; i < pairs.length; i += CHUNK)
    await sql`
      insert into settlement_statement (month, seller_org_id, buyer_org_id, area_id, status, generated_at)
      select ${monthStart}::date, x.seller, x.buyer, x.area, 'kladde', ${now}
      from jsonb_to_recordset(${JSON.stringify(pairs.slice(i, i + CHUNK))}::jsonb) as x(seller integer, buyer integer, area integer)
      on conflict (month, seller_org_id, buyer_org_id) do update set generated_at = excluded.generated_at where settlement_statement.status = 'kladde'
    `.execute(trx);
}

/** Corrections answered on earlier statements that no statement carries yet, as seller × buyer pairs. */
const pendingCorrections = (monthStart: string, sellerOrgId: number | null) => sql`
  from settlement_line l
  join settlement_statement o on o.id = l.statement_id
  where l.answer = 'korrigeret' and o.month < ${monthStart}::date
    and ${sellerOrgId === null ? sql`true` : sql`o.seller_org_id = ${sellerOrgId}`}
    and not exists (select 1 from settlement_line a where a.corrects_line_id = l.id)`;

export async function upsertCorrectionStatements(trx: Queryable, monthStart: string, sellerOrgId: number | null, now: Date) {
  await sql`
    insert into settlement_statement (month, seller_org_id, buyer_org_id, area_id, status, generated_at)
    select distinct ${monthStart}::date, o.seller_org_id, o.buyer_org_id, o.area_id, 'kladde', ${now}::timestamptz
    ${pendingCorrections(monthStart, sellerOrgId)}
    on conflict (month, seller_org_id, buyer_org_id) do nothing
  `.execute(trx);
}

export async function deleteDraftLines(trx: Queryable, monthStart: string, sellerOrgId: number | null) {
  await sql`
    delete from settlement_line l using settlement_statement s
    where l.statement_id = s.id and s.month = ${monthStart}::date and s.status = 'kladde' and ${sellerIs(sellerOrgId)}
  `.execute(trx);
}

/**
 * Inserts contract lines into the month's draft statements of their seller × buyer (sent statements never change), in
 * the given order, so that the line ids do not depend on the join the planner picks.
 */
export async function insertContractLines(trx: Queryable, monthStart: string, lines: readonly (StatementLineDraft & { sort: number })[]) {
  for (let i = 0; i < lines.length; i += CHUNK) {
    const rows = lines.slice(i, i + CHUNK).map((l, n) => ({
      n,
      seller: l.sellerOrgId,
      buyer: l.buyerOrgId,
      sort: l.sort,
      contract: l.contractId,
      offering: l.offeringId,
      ref: l.caseReference,
      pfrom: l.periodFrom,
      pto: l.periodTo,
      days: l.days,
      unit: l.unit,
      price: l.unitPrice,
      amount: l.amount,
      tv: l.tariffVersionId,
      level: l.tariffLevel,
      problem: l.problem,
    }));
    await sql`
      insert into settlement_line (statement_id, sort, kind, contract_id, offering_id, case_reference, period_from, period_to, days, unit,
        unit_price, amount, tariff_version_id, tariff_level, problem)
      select s.id, x.sort, 'contract', x.contract, x.offering, x.ref, x.pfrom, x.pto, x.days, x.unit, x.price, x.amount, x.tv, x.level, x.problem
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(n integer, seller integer, buyer integer, sort integer, contract integer, offering integer,
        ref text, pfrom date, pto date, days integer, unit text, price numeric, amount numeric, tv integer, level text, problem text)
      join settlement_statement s on s.month = ${monthStart}::date and s.seller_org_id = x.seller and s.buyer_org_id = x.buyer and s.status = 'kladde'
      order by x.n
    `.execute(trx);
  }
}

/** Adjustment lines for corrections not yet carried: on the month's draft of the same seller × buyer, after its contract lines. */
export async function insertAdjustmentLines(trx: Queryable, monthStart: string, sellerOrgId: number | null) {
  await sql`
    insert into settlement_line (statement_id, sort, kind, contract_id, offering_id, case_reference, period_from, period_to, days, unit,
      unit_price, amount, tariff_version_id, tariff_level, text, corrects_line_id)
    select s.id, 1000000 + row_number() over (partition by s.id order by o.month, l.sort), 'adjustment', l.contract_id, l.offering_id,
      l.case_reference, l.period_from, l.period_to, null, l.unit, null, l.corrected_amount - l.amount, l.tariff_version_id, l.tariff_level,
      'Korrektion af afregningen for ' || to_char(o.month, 'YYYY-MM') || ', linje ' || l.sort || ': ' || coalesce(l.answer_text, ''), l.id
    from settlement_line l
    join settlement_statement o on o.id = l.statement_id
    join settlement_statement s on s.month = ${monthStart}::date and s.seller_org_id = o.seller_org_id and s.buyer_org_id = o.buyer_org_id
      and s.status = 'kladde'
    where l.answer = 'korrigeret' and o.month < ${monthStart}::date
      and ${sellerOrgId === null ? sql`true` : sql`o.seller_org_id = ${sellerOrgId}`}
      and not exists (select 1 from settlement_line a where a.corrects_line_id = l.id)
  `.execute(trx);
}

/** Refreshes the totals of the month's drafts and removes drafts left without lines; returns what the drafts hold. */
export async function refreshDrafts(trx: Queryable, monthStart: string, sellerOrgId: number | null) {
  await sql`
    update settlement_statement s set total = t.total, line_count = t.n, problem_count = t.p
    from (
      select s.id, coalesce(sum(l.amount), 0) as total, count(l.id)::int as n, count(l.problem)::int as p
      from settlement_statement s left join settlement_line l on l.statement_id = s.id
      where s.month = ${monthStart}::date and s.status = 'kladde' and ${sellerIs(sellerOrgId)}
      group by s.id) t
    where s.id = t.id
  `.execute(trx);
  await sql`delete from settlement_statement s where s.month = ${monthStart}::date and s.status = 'kladde' and s.line_count = 0 and ${sellerIs(sellerOrgId)}`.execute(
    trx,
  );
  const r = await sql<{ statements: number; lines: number; problems: number; total: string }>`
    select count(*)::int as statements, coalesce(sum(line_count), 0)::int as lines, coalesce(sum(problem_count), 0)::int as problems,
      coalesce(sum(total), 0)::text as total
    from settlement_statement s where s.month = ${monthStart}::date and s.status = 'kladde' and ${sellerIs(sellerOrgId)}
  `.execute(trx);
  return r.rows[0]!;
}

// Reads ------------------------------------------------------------------------------------------------------------

export type StatementFilter = { month?: string; side?: 'salg' | 'koeb'; status?: StatementStatus };

/** Statements the organisation sells or buys, newest month first (at most `limit`). */
export async function listStatements(db: Queryable, organisationId: number, f: StatementFilter, limit = 500) {
  let q = db
    .selectFrom('settlement_statement as s')
    .selectAll('s')
    .where((eb) =>
      f.side === 'salg'
        ? eb('s.seller_org_id', '=', organisationId)
        : f.side === 'koeb'
          ? eb('s.buyer_org_id', '=', organisationId)
          : eb.or([eb('s.seller_org_id', '=', organisationId), eb('s.buyer_org_id', '=', organisationId)]),
    );
  if (f.month) q = q.where('s.month', '=', `${f.month}-01`);
  if (f.status) q = q.where('s.status', '=', f.status);
  return q.orderBy('s.month', 'desc').orderBy('s.seller_org_id').orderBy('s.buyer_org_id').limit(limit).execute();
}
export type StatementRow = Awaited<ReturnType<typeof listStatements>>[number];

export async function findStatement(db: Queryable, id: number) {
  return (await db.selectFrom('settlement_statement').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function statementLines(db: Queryable, statementId: number) {
  return db
    .selectFrom('settlement_line as l')
    .leftJoin(offeringCatalogue(db).as('oc'), 'oc.offering_id', 'l.offering_id')
    .selectAll('l')
    .select('oc.offering_name')
    .where('l.statement_id', '=', statementId)
    .orderBy('l.sort')
    .orderBy('l.id')
    .execute();
}
export type LineRow = Awaited<ReturnType<typeof statementLines>>[number];

export async function findLine(db: Queryable, statementId: number, lineId: number) {
  return (await db.selectFrom('settlement_line').selectAll().where('id', '=', lineId).where('statement_id', '=', statementId).executeTakeFirst()) ?? null;
}

/** The EAN numbers of the organisations that have one. */
export async function eansOf(db: Queryable, organisationIds: readonly number[]): Promise<Map<number, string>> {
  if (!organisationIds.length) return new Map();
  const rows = await db
    .selectFrom('settlement_party')
    .select(['organisation_id', 'ean'])
    .where('organisation_id', 'in', [...organisationIds])
    .execute();
  return new Map(rows.filter((r) => r.ean).map((r) => [r.organisation_id, r.ean!]));
}

// Status changes (conditional: null when the statement or line was no longer in the expected state) ------------------

export async function markSent(trx: Queryable, id: number, v: { at: Date; by: string; dueDate: string; legalReferences: string }) {
  return (
    (await trx
      .updateTable('settlement_statement')
      .set({ status: 'sendt', sent_at: v.at, sent_by: v.by, due_date: v.dueDate, legal_references: v.legalReferences })
      .where('id', '=', id)
      .where('status', '=', 'kladde')
      .returning('id')
      .executeTakeFirst()) ?? null
  );
}

/** Marks the lines whose first day lies before the cut-off date; returns how many. */
export async function markOldClaims(trx: Queryable, statementId: number, cutoff: string): Promise<number> {
  const r = await trx
    .updateTable('settlement_line')
    .set({ is_old_claim: true })
    .where('statement_id', '=', statementId)
    .where('period_from', '<', cutoff)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function setStatementStatus(
  trx: Queryable,
  id: number,
  from: readonly StatementStatus[],
  to: StatementStatus,
  extra: { at: Date; by: string } | null = null,
) {
  return (
    (await trx
      .updateTable('settlement_statement')
      .set({ status: to, ...(extra ? { accepted_at: extra.at, accepted_by: extra.by } : {}) })
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .returning('id')
      .executeTakeFirst()) ?? null
  );
}

export async function disputeLine(trx: Queryable, lineId: number, v: { reason: string; at: Date; by: string }) {
  return (
    (await trx
      .updateTable('settlement_line')
      .set({ dispute_reason: v.reason, disputed_at: v.at, disputed_by: v.by })
      .where('id', '=', lineId)
      .where('dispute_reason', 'is', null)
      .where('amount', 'is not', null)
      .returning('id')
      .executeTakeFirst()) ?? null
  );
}

export async function answerLine(trx: Queryable, lineId: number, v: { answer: Answer; text: string; correctedAmount: string | null; at: Date; by: string }) {
  return (
    (await trx
      .updateTable('settlement_line')
      .set({ answer: v.answer, answer_text: v.text, corrected_amount: v.correctedAmount, answered_at: v.at, answered_by: v.by })
      .where('id', '=', lineId)
      .where('dispute_reason', 'is not', null)
      .where('answer', 'is', null)
      .returning('id')
      .executeTakeFirst()) ?? null
  );
}

export async function unansweredCount(trx: Queryable, statementId: number): Promise<number> {
  const r = await trx
    .selectFrom('settlement_line')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('statement_id', '=', statementId)
    .where('dispute_reason', 'is not', null)
    .where('answer', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Per sent statement (every status but draft) to the given buyers in the months [fromMonth, toMonth]: its contract
 * lines, and how many were priced from the published overview (a price, no problem) — for the indicator.
 */
export async function pricedLinesByStatement(db: Queryable, buyerOrgIds: readonly number[], fromMonth: string, toMonth: string) {
  if (!buyerOrgIds.length) return [];
  return db
    .selectFrom('settlement_statement as s')
    .innerJoin('settlement_line as l', 'l.statement_id', 's.id')
    .innerJoin('organisation as seller', 'seller.id', 's.seller_org_id')
    .select([
      's.id',
      's.buyer_org_id as buyerOrgId',
      sql<string>`to_char(s.month, 'YYYY-MM')`.as('month'),
      'seller.name as seller',
      sql<number>`count(*)::int`.as('lines'),
      sql<number>`(count(*) filter (where l.problem is null and l.amount is not null))::int`.as('priced'),
    ])
    .where('s.buyer_org_id', 'in', [...buyerOrgIds])
    .where('s.status', '<>', 'kladde')
    .where('l.kind', '=', 'contract')
    .where('s.month', '>=', fromMonth)
    .where('s.month', '<=', toMonth)
    .groupBy(['s.id', 's.buyer_org_id', 's.month', 'seller.name'])
    .orderBy('s.month')
    .orderBy('s.id')
    .execute();
}
