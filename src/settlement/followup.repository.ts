/**
 * @module All SQL of contract follow-up: the rule and the progression scale in force on a date, the recorded
 * follow-ups of a buyer (or one contract), and recording one.
 */
import { validOn } from '../core/db/dated.js';
import type { Queryable } from '../core/db/types.js';
import type { Decision } from './settlement.table.js';

export async function followUpRuleOn(db: Queryable, date: string) {
  return (await db.selectFrom('followup_rule as r').selectAll().where(validOn('r', date)).orderBy('valid_from', 'desc').executeTakeFirst()) ?? null;
}

export async function scaleOn(db: Queryable, scale: string, date: string) {
  return db.selectFrom('progression_level as p').select(['level', 'label']).where('scale', '=', scale).where(validOn('p', date)).orderBy('level').execute();
}

/** The follow-ups recorded for a buyer's contracts (or one contract), oldest first. */
export async function recordedFollowUps(db: Queryable, buyerOrgId: number, contractId: number | null = null) {
  let q = db.selectFrom('followup').selectAll().where('buyer_org_id', '=', buyerOrgId);
  if (contractId !== null) q = q.where('contract_id', '=', contractId);
  return q.orderBy('contract_id').orderBy('due_date').execute();
}
export type FollowUpRow = Awaited<ReturnType<typeof recordedFollowUps>>[number];

/** Records one follow-up; null when that due date was already recorded (by someone else, in the meantime). */
export async function insertFollowUp(
  trx: Queryable,
  v: {
    contractId: number;
    buyerOrgId: number;
    dueDate: string;
    heldOn: string;
    statusReport: string;
    scale: string;
    level: number;
    note: string | null;
    decision: Decision;
    newLevel?: string | null;
    amendmentNumber?: number | null;
    at: Date;
    by: string;
  },
) {
  return (
    (await trx
      .insertInto('followup')
      .values({
        contract_id: v.contractId,
        buyer_org_id: v.buyerOrgId,
        due_date: v.dueDate,
        held_on: v.heldOn,
        status_report: v.statusReport,
        scale: v.scale,
        level: v.level,
        note: v.note,
        decision: v.decision,
        new_level: v.newLevel ?? null,
        amendment_number: v.amendmentNumber ?? null,
        recorded_at: v.at,
        recorded_by: v.by,
      })
      .onConflict((oc) => oc.columns(['contract_id', 'due_date']).doNothing())
      .returning('id')
      .executeTakeFirst()) ?? null
  );
}
