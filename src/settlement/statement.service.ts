/**
 * @module The monthly statements: generating a month's drafts (set-based, idempotent: drafts are replaced, sent
 * statements never change), the lists and one statement as its seller or buyer sees it, and the life cycle
 * (send → accept, or dispute lines → answer → the correction lands on the next month's draft). Status changes
 * re-check the state inside the transaction.
 */
import { can, requireAccess, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { addDays } from '../core/clock.js';
import { badRequest, conflict, HttpError } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { organisationsByIds } from '../reference/reference.public.js';
import { addMonths } from './calculation.js';
import type { StatementTarget } from './settlement.policy.js';
import * as repo from './settlement.repository.js';
import { ZAnswerInput, ZDisputeInput, type TStatementQuery } from './settlement.schema.js';
import { STATEMENT_STATUS_LABELS, type StatementStatus } from './settlement.table.js';
import { draftMonth, type GenerateResult } from './statement.generate.js';
import { minusMonths } from './statement.logic.js';

export type { GenerateResult } from './statement.generate.js';

/**
 * Makes (or remakes) the drafts of a month: one statement per seller × buyer with a line per contract period,
 * priced from the month's year's published tariffs, plus adjustment lines for corrections answered since.
 * `sellerOrgId` null: every seller (the scheduled job). Safe to repeat; sent statements are never touched.
 */
export async function generateStatements(ctx: Ctx, month: string, sellerOrgId: number | null): Promise<GenerateResult> {
  requireAccess(ctx, 'settlement.generate', { sellerOrgId });
  if (month > ctx.clock.today().slice(0, 7)) throw badRequest('Oplysningerne er ikke gyldige.', { month: ['En måned i fremtiden kan ikke afregnes endnu.'] });
  return draftMonth(ctx.db, month, sellerOrgId, ctx.clock.now(), (trx, r) =>
    audit(trx, ctx, { entity: 'settlement_month', entityId: month, action: 'update', after: { sellerOrgId, ...r } }),
  );
}

/** For the route that decides access before validating the body: may the actor generate its own statements? */
export function checkMayGenerate(ctx: Ctx): void {
  requireAccess(ctx, 'settlement.generate', { sellerOrgId: ctx.actor?.organisationId ?? -1 });
}

/** The previous month's drafts for every seller: the scheduled job. */
export async function generateLastMonth(ctx: Ctx): Promise<GenerateResult> {
  return generateStatements(ctx, addMonths(ctx.clock.today().slice(0, 7), -1), null);
}

// Reads --------------------------------------------------------------------------------------------------------------

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const monthOf = (date: string) => date.slice(0, 7);

async function partyNames(ctx: Ctx, ids: number[]) {
  return new Map((await organisationsByIds(ctx.db, [...new Set(ids)])).map((o) => [o.id, o]));
}

function summary(s: repo.StatementRow, names: Map<number, { name: string }>) {
  return {
    id: s.id,
    month: monthOf(s.month),
    seller: { id: s.seller_org_id, name: names.get(s.seller_org_id)?.name ?? '' },
    buyer: { id: s.buyer_org_id, name: names.get(s.buyer_org_id)?.name ?? '' },
    status: s.status,
    statusLabel: STATEMENT_STATUS_LABELS[s.status],
    total: String(s.total),
    lineCount: s.line_count,
    problemCount: s.problem_count,
    sentAt: iso(s.sent_at),
    dueDate: s.due_date,
    acceptedAt: iso(s.accepted_at),
  };
}

/** The statements the actor's organisation sells or buys (scoped in the query). */
export async function listStatementsFor(ctx: Ctx, query: TStatementQuery) {
  const actor = requireSignedIn(ctx, 'settlement.list', { register: 'settlement' });
  const rows = await repo.listStatements(ctx.db, actor.organisationId, query);
  const names = await partyNames(
    ctx,
    rows.flatMap((r) => [r.seller_org_id, r.buyer_org_id]),
  );
  return { statements: rows.map((r) => summary(r, names)), organisationId: actor.organisationId };
}

async function loadStatement(ctx: Ctx, id: number): Promise<{ row: Awaited<ReturnType<typeof repo.findStatement>>; target: StatementTarget }> {
  const row = id > 0 ? await repo.findStatement(ctx.db, id) : null;
  return { row, target: row ? { sellerOrgId: row.seller_org_id, buyerOrgId: row.buyer_org_id } : null };
}

/** For routes that decide access before validating a body. */
export async function checkStatementAccess(ctx: Ctx, id: number, permission: 'settlement.send' | 'settlement.accept') {
  const { target } = await loadStatement(ctx, id);
  requireSignedIn(ctx, permission, target);
}

const lineJson = (l: repo.LineRow) => ({
  id: l.id,
  sort: l.sort,
  kind: l.kind,
  contractId: l.contract_id,
  offeringId: l.offering_id,
  offeringName: l.offering_name ?? null,
  caseReference: l.case_reference,
  periodFrom: l.period_from,
  periodTo: l.period_to,
  days: l.days,
  unit: l.unit,
  unitPrice: l.unit_price === null ? null : String(l.unit_price),
  amount: l.amount === null ? null : String(l.amount),
  tariffLevel: l.tariff_level,
  problem: l.problem,
  text: l.text,
  correctsLineId: l.corrects_line_id,
  isOldClaim: l.is_old_claim,
  dispute: l.dispute_reason ? { reason: l.dispute_reason, at: iso(l.disputed_at)!, by: l.disputed_by ?? '' } : null,
  answer: l.answer
    ? {
        answer: l.answer,
        text: l.answer_text ?? '',
        correctedAmount: l.corrected_amount === null ? null : String(l.corrected_amount),
        at: iso(l.answered_at)!,
        by: l.answered_by ?? '',
      }
    : null,
});

/** One statement with its lines, as its seller or buyer sees it (404 for everyone else). */
export async function getStatement(ctx: Ctx, id: number) {
  const { row, target } = await loadStatement(ctx, id);
  requireSignedIn(ctx, 'settlement.read', target);
  const s = row!;
  const [lines, names] = await Promise.all([repo.statementLines(ctx.db, id), partyNames(ctx, [s.seller_org_id, s.buyer_org_id])]);
  const mayAct = (p: 'settlement.send' | 'settlement.accept') => can(ctx, p, target);
  return {
    ...summary(s, names),
    legalReferences: s.legal_references,
    lines: lines.map(lineJson),
    canSend: s.status === 'kladde' && mayAct('settlement.send'),
    canAccept: (s.status === 'sendt' || s.status === 'besvaret') && mayAct('settlement.accept'),
    canDispute: (s.status === 'sendt' || s.status === 'bestridt' || s.status === 'besvaret') && mayAct('settlement.accept'),
    canAnswer: s.status === 'bestridt' && mayAct('settlement.send'),
    sellerOrg: names.get(s.seller_org_id) ?? null,
    buyerOrg: names.get(s.buyer_org_id) ?? null,
  };
}
export type StatementView = Awaited<ReturnType<typeof getStatement>>;

// Life cycle -----------------------------------------------------------------------------------------------------------

/**
 * The seller sends a draft: from now on it never changes. The due date and the legal references in force are
 * fixed, and lines whose claim is older than the limit on the day of sending are marked.
 */
export async function sendStatement(ctx: Ctx, id: number) {
  const { row, target } = await loadStatement(ctx, id);
  const actor = requireSignedIn(ctx, 'settlement.send', target);
  const today = ctx.clock.today();
  const rule = await repo.ruleOn(ctx.db, today);
  if (!rule) throw conflict('Der er ingen afregningsregel i kraft i dag; afregningen kan ikke sendes.');
  if (row!.problem_count > 0 && row!.line_count === row!.problem_count)
    throw conflict('Afregningen har kun problemlinjer uden offentliggjort pris og kan ikke sendes.');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const sent = await repo.markSent(trx, id, {
      at: now,
      by: actor.username,
      dueDate: addDays(today, rule.payment_days),
      legalReferences: rule.legal_references,
    });
    if (!sent) throw conflict('Afregningen er allerede sendt.');
    const old = await repo.markOldClaims(trx, id, minusMonths(today, rule.claim_limit_months));
    await audit(trx, ctx, {
      entity: 'settlement_statement',
      entityId: id,
      action: 'update',
      before: { status: 'kladde' },
      after: { status: 'sendt', oldClaims: old },
    });
  });
  return getStatement(ctx, id);
}

/** The buyer accepts a sent (or answered) statement. */
export async function acceptStatement(ctx: Ctx, id: number) {
  const { row, target } = await loadStatement(ctx, id);
  const actor = requireSignedIn(ctx, 'settlement.accept', target);
  await ctx.db.transaction().execute(async (trx) => {
    const done = await repo.setStatementStatus(trx, id, ['sendt', 'besvaret'], 'accepteret', { at: ctx.clock.now(), by: actor.username });
    if (!done)
      throw conflict(
        row!.status === 'bestridt'
          ? 'Afregningen har bestridte linjer, som sælgeren ikke har besvaret endnu.'
          : row!.status === 'kladde'
            ? 'Afregningen er ikke sendt endnu.'
            : 'Afregningen er allerede godkendt.',
      );
    await audit(trx, ctx, { entity: 'settlement_statement', entityId: id, action: 'update', before: { status: row!.status }, after: { status: 'accepteret' } });
  });
  return getStatement(ctx, id);
}

async function loadLine(ctx: Ctx, statementId: number, lineId: number) {
  const line = lineId > 0 ? await repo.findLine(ctx.db, statementId, lineId) : null;
  if (!line) throw new HttpError(404, 'Linjen findes ikke på afregningen.');
  return line;
}

/** The buyer disputes one line with a reason; the statement becomes "bestridt" until the seller answers. */
export async function disputeStatementLine(ctx: Ctx, id: number, lineId: number, data: unknown) {
  const { target } = await loadStatement(ctx, id);
  const actor = requireSignedIn(ctx, 'settlement.accept', target);
  const input = parseInput(ZDisputeInput, data);
  const line = await loadLine(ctx, id, lineId);
  if (line.amount === null) throw conflict('En problemlinje uden beløb kan ikke bestrides; den er ikke opkrævet.');
  await ctx.db.transaction().execute(async (trx) => {
    const moved = await repo.setStatementStatus(trx, id, ['sendt', 'bestridt', 'besvaret'], 'bestridt');
    if (!moved) throw conflict('Afregningen kan ikke bestrides: den er en kladde eller allerede godkendt.');
    if (!(await repo.disputeLine(trx, lineId, { reason: input.reason, at: ctx.clock.now(), by: actor.username })))
      throw conflict('Linjen er allerede bestridt.');
    await audit(trx, ctx, { entity: 'settlement_line', entityId: lineId, action: 'update', after: { statementId: id, disputeReason: input.reason } });
  });
  return getStatement(ctx, id);
}

/**
 * The seller answers a disputed line: corrected (the right amount; the difference comes as an adjustment line on
 * the next month's statement) or upheld. When every dispute is answered the statement is "besvaret".
 */
export async function answerStatementLine(ctx: Ctx, id: number, lineId: number, data: unknown) {
  const { target } = await loadStatement(ctx, id);
  const actor = requireSignedIn(ctx, 'settlement.send', target);
  const input = parseInput(ZAnswerInput, data);
  await loadLine(ctx, id, lineId);
  await ctx.db.transaction().execute(async (trx) => {
    const done = await repo.answerLine(trx, lineId, {
      answer: input.answer,
      text: input.text,
      correctedAmount: input.correctedAmount ?? null,
      at: ctx.clock.now(),
      by: actor.username,
    });
    if (!done) throw conflict('Linjen er ikke bestridt, eller den er allerede besvaret.');
    const open = await repo.unansweredCount(trx, id);
    const to: StatementStatus = open === 0 ? 'besvaret' : 'bestridt';
    if (!(await repo.setStatementStatus(trx, id, ['bestridt'], to))) throw conflict('Afregningen er ikke bestridt.');
    await audit(trx, ctx, {
      entity: 'settlement_line',
      entityId: lineId,
      action: 'update',
      after: { statementId: id, answer: input.answer, answerText: input.text, correctedAmount: input.correctedAmount ?? null },
    });
  });
  return getStatement(ctx, id);
}
