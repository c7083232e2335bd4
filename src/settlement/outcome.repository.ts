/**
 * @module SQL of the outcome beside price: the recorded follow-ups of a set of contracts, and the fewest citizens a
 * figure is shown for (the follow-up rule in force on a date).
 */
import { validOn } from '../core/db/dated.js';
import type { Queryable } from '../core/db/types.js';
import type { Decision } from './settlement.table.js';

export async function followUpsOfContracts(
  db: Queryable,
  contractIds: readonly number[],
): Promise<Array<{ contractId: number; heldOn: string; level: number; decision: Decision }>> {
  const out: Array<{ contractId: number; heldOn: string; level: number; decision: Decision }> = [];
  for (let i = 0; i < contractIds.length; i += 5000) {
    out.push(
      ...(await db
        .selectFrom('followup as f')
        .select(['f.contract_id as contractId', 'f.held_on as heldOn', 'f.level', 'f.decision'])
        .where('f.contract_id', 'in', contractIds.slice(i, i + 5000))
        .execute()),
    );
  }
  return out;
}

export async function outcomeMinimumOn(db: Queryable, date: string): Promise<number> {
  const r = await db
    .selectFrom('followup_rule as r')
    .select('r.outcome_min_citizens')
    .where(validOn('r', date))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  return r?.outcome_min_citizens ?? 5;
}
