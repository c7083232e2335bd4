/**
 * @module SQL of standard contracts: templates in force, contracts and their status changes, and the search a
 * contract's public-first check points to.
 */
import { validOn } from '../core/db/dated.js';
import type { Queryable } from '../core/db/types.js';
import { offeringCatalogue } from '../offerings/offerings.public.js';
import type { ContractStatus, ContractTable } from './placements.table.js';
import type { Insertable } from 'kysely';

/** The newest version of a template in force on a date. */
export async function templateOn(db: Queryable, code: string, date: string) {
  return (
    (await db
      .selectFrom('contract_template')
      .selectAll()
      .where('code', '=', code)
      .where(validOn('contract_template', date))
      .orderBy('version', 'desc')
      .executeTakeFirst()) ?? null
  );
}

export async function insertContract(trx: Queryable, values: Insertable<ContractTable>): Promise<number> {
  return (await trx.insertInto('contract').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findContract(db: Queryable, id: number) {
  return (
    (await db
      .selectFrom('contract as c')
      .innerJoin(offeringCatalogue(db).as('oc'), 'oc.offering_id', 'c.offering_id')
      .leftJoin('contract_template as t', 't.id', 'c.template_id')
      .selectAll('c')
      .select([
        'oc.offering_name',
        'oc.operator_org_id',
        'oc.operator_type',
        'oc.municipality_code',
        't.code as template_code',
        't.version as template_version',
        't.title as template_title',
      ])
      .where('c.id', '=', id)
      .executeTakeFirst()) ?? null
  );
}
export type ContractRow = NonNullable<Awaited<ReturnType<typeof findContract>>>;

export async function contractOfReservation(db: Queryable, reservationId: number) {
  return (await db.selectFrom('contract').select('id').where('reservation_id', '=', reservationId).executeTakeFirst()) ?? null;
}

export async function setPublicFirst(trx: Queryable, id: number, v: { searchId: number | null; reason: string | null; text: string | null }) {
  return (
    (await trx
      .updateTable('contract')
      .set({ search_id: v.searchId, public_first_reason: v.reason, public_first_text: v.text })
      .where('id', '=', id)
      .where('status', '=', 'kladde')
      .returning('id')
      .executeTakeFirst()) ?? null
  );
}

/** Moves a contract from one status to another; null when it was no longer in `from`. */
export async function setContractStatus(trx: Queryable, id: number, from: ContractStatus, to: ContractStatus, at: Date, by: string) {
  const who = to === 'sendt' ? { sent_at: at, sent_by: by } : { accepted_at: at, accepted_by: by };
  return (
    (await trx
      .updateTable('contract')
      .set({ status: to, ...who })
      .where('id', '=', id)
      .where('status', '=', from)
      .returning('id')
      .executeTakeFirst()) ?? null
  );
}

export async function searchOf(db: Queryable, searchId: number) {
  return (
    (await db
      .selectFrom('place_search')
      .select(['id', 'organisation_id', 'made_at', 'public_with_place_count'])
      .where('id', '=', searchId)
      .executeTakeFirst()) ?? null
  );
}
