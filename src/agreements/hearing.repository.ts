/**
 * @module Reading and writing versions of the agreement text and the hearing comments on them.
 */
import { sql, type Insertable } from 'kysely';
import type { Queryable, Trx } from '../core/db/types.js';
import type { AgreementVersionTable, HearingCommentTable } from './agreements.table.js';

export const findVersion = (db: Queryable, agreementId: number, versionId: number) =>
  db.selectFrom('agreement_version').selectAll().where('id', '=', versionId).where('agreement_id', '=', agreementId).executeTakeFirst();

export async function nextVersionNumber(db: Queryable, agreementId: number): Promise<number> {
  const last = await db.selectFrom('agreement_version').select('number').where('agreement_id', '=', agreementId).orderBy('number', 'desc').executeTakeFirst();
  return (last?.number ?? 0) + 1;
}

export const insertVersion = (trx: Trx, values: Insertable<AgreementVersionTable>) =>
  trx.insertInto('agreement_version').values(values).returningAll().executeTakeFirstOrThrow();

/** The comments of the agreement among `ids`, with what the version check needs. */
export const commentsAmong = (db: Queryable, agreementId: number, ids: readonly number[]) =>
  db
    .selectFrom('agreement_hearing_comment as c')
    .innerJoin('agreement_version as ver', 'ver.id', 'c.version_id')
    .select(['c.id', 'c.response', 'c.addressed_in_version_id'])
    .where('ver.agreement_id', '=', agreementId)
    .where('c.id', 'in', [...ids])
    .execute();

export async function markAddressed(trx: Trx, commentIds: readonly number[], versionId: number): Promise<void> {
  if (commentIds.length)
    await trx
      .updateTable('agreement_hearing_comment')
      .set({ addressed_in_version_id: versionId })
      .where('id', 'in', [...commentIds])
      .execute();
}

export const insertComment = (trx: Trx, values: Insertable<HearingCommentTable>) =>
  trx.insertInto('agreement_hearing_comment').values(values).returningAll().executeTakeFirstOrThrow();

export const findComment = (db: Queryable, agreementId: number, commentId: number) =>
  db
    .selectFrom('agreement_hearing_comment as c')
    .innerJoin('agreement_version as ver', 'ver.id', 'c.version_id')
    .selectAll('c')
    .where('c.id', '=', commentId)
    .where('ver.agreement_id', '=', agreementId)
    .executeTakeFirst();

export const respond = (trx: Trx, commentId: number, values: { response: string; response_reason: string; responded_by: string }, at: Date) =>
  trx
    .updateTable('agreement_hearing_comment')
    .set({ ...values, responded_at: at })
    .where('id', '=', commentId)
    .returningAll()
    .executeTakeFirstOrThrow();

/** Every comment on the agreement's versions, with the version number, the organisation and the version that answers it. */
export async function commentsOf(db: Queryable, agreementId: number) {
  return (
    db
      .selectFrom('agreement_hearing_comment as c')
      .innerJoin('agreement_version as ver', 'ver.id', 'c.version_id')
      .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
      .leftJoin('agreement_version as addr', 'addr.id', 'c.addressed_in_version_id')
      .selectAll('c')
      .select(['ver.number as version_number', 'o.name as organisation_name', 'addr.number as addressed_in_version_number'])
      // Numbered within the hearing of its version, in the order they came in.
      .select(sql<number>`(row_number() over (partition by c.version_id order by c.id))::int`.as('number'))
      .where('ver.agreement_id', '=', agreementId)
      .orderBy('c.id')
      .execute()
  );
}
export type CommentRow = Awaited<ReturnType<typeof commentsOf>>[number];
