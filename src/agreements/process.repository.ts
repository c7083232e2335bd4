/**
 * @module Reading and writing the process plan (phases, milestones) and the members' council decisions.
 */
import type { Insertable, Updateable } from 'kysely';
import type { Queryable, Trx } from '../core/db/types.js';
import type { ApprovalTable, MilestoneTable, PhaseTable } from './agreements.table.js';

export const findPhase = (db: Queryable, agreementId: number, id: number) =>
  db.selectFrom('agreement_phase').selectAll().where('id', '=', id).where('agreement_id', '=', agreementId).executeTakeFirst();
export const insertPhase = (trx: Trx, values: Insertable<PhaseTable>) =>
  trx.insertInto('agreement_phase').values(values).returningAll().executeTakeFirstOrThrow();
export const updatePhase = (trx: Trx, id: number, values: Updateable<PhaseTable>) =>
  trx.updateTable('agreement_phase').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const findMilestone = (db: Queryable, agreementId: number, id: number, lock = false) => {
  const q = db.selectFrom('agreement_milestone').selectAll().where('id', '=', id).where('agreement_id', '=', agreementId);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
};
export const insertMilestone = (trx: Trx, values: Insertable<MilestoneTable>) =>
  trx.insertInto('agreement_milestone').values(values).returningAll().executeTakeFirstOrThrow();
export const updateMilestone = (trx: Trx, id: number, values: Updateable<MilestoneTable>) =>
  trx.updateTable('agreement_milestone').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** The planned milestones tied to a change to `status`, locked for completing them. */
export const milestonesTiedTo = (trx: Trx, agreementId: number, status: string) =>
  trx
    .selectFrom('agreement_milestone')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .where('completes_on_status', '=', status)
    .where('status', '=', 'planlagt')
    .orderBy('id')
    .forUpdate()
    .execute();

/** One member's decision (undefined: none registered, i.e. pending). */
export const findApproval = (db: Queryable, agreementId: number, organisationId: number) =>
  db.selectFrom('agreement_approval').selectAll().where('agreement_id', '=', agreementId).where('organisation_id', '=', organisationId).executeTakeFirst();

export type ApprovalValues = Pick<ApprovalTable, 'decision' | 'decided_on' | 'reference' | 'note'>;

export async function upsertApproval(trx: Trx, agreementId: number, organisationId: number, values: ApprovalValues, by: string, at: Date): Promise<void> {
  await trx
    .insertInto('agreement_approval')
    .values({ agreement_id: agreementId, organisation_id: organisationId, ...values, updated_by: by, updated_at: at })
    .onConflict((oc) => oc.columns(['agreement_id', 'organisation_id']).doUpdateSet({ ...values, updated_by: by, updated_at: at }))
    .execute();
}
