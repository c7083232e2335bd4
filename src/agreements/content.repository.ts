/**
 * @module Reading and writing an agreement's content: free sections, focus areas and their objectives,
 * indicators and measurements, joint principles and their commitments, and the members' statuses.
 * Every read of one child is scoped to its agreement (an id of another agreement is "not found").
 */
import type { Insertable, Updateable } from 'kysely';
import type { Queryable, Trx } from '../core/db/types.js';
import type {
  AgreementSectionTable,
  CommitmentStatusTable,
  CommitmentTable,
  FocusAreaTable,
  IndicatorTable,
  MeasurementTable,
  ObjectiveTable,
  PrincipleTable,
} from './agreements.table.js';

type Numbered = 'agreement_focus_area' | 'agreement_principle' | 'agreement_section' | 'agreement_phase';

/** Is `number` used by another row of the agreement (other than `exceptId`)? */
export async function isNumberTaken(db: Queryable, table: Numbered, agreementId: number, number: number, exceptId: number | null): Promise<boolean> {
  let q = db.selectFrom(table).select('id').where('agreement_id', '=', agreementId).where('number', '=', number);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

/** The content tables whose rows carry a version. */
export type VersionedContent =
  | 'agreement_section'
  | 'agreement_focus_area'
  | 'agreement_objective'
  | 'agreement_indicator'
  | 'agreement_principle'
  | 'agreement_commitment';

/** Locks one content row until the transaction ends; its version, or null when it does not exist. */
export async function lockContentRow(trx: Trx, table: VersionedContent, id: number): Promise<number | null> {
  const row = await trx.selectFrom(table).select('version').where('id', '=', id).forUpdate().executeTakeFirst();
  return row?.version ?? null;
}

/** Raises a content row's version after a change; the new version. */
export async function bumpContentRow(trx: Trx, table: VersionedContent, id: number): Promise<number> {
  const row = await trx
    .updateTable(table)
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

// Free sections ---------------------------------------------------------------------------------------------

export const findSection = (db: Queryable, agreementId: number, id: number) =>
  db.selectFrom('agreement_section').selectAll().where('id', '=', id).where('agreement_id', '=', agreementId).executeTakeFirst();
export const insertSection = (trx: Trx, values: Insertable<AgreementSectionTable>) =>
  trx.insertInto('agreement_section').values(values).returningAll().executeTakeFirstOrThrow();
export const updateSection = (trx: Trx, id: number, values: Updateable<AgreementSectionTable>) =>
  trx.updateTable('agreement_section').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

// Focus areas and objectives --------------------------------------------------------------------------------

export const findFocusArea = (db: Queryable, agreementId: number, id: number) =>
  db.selectFrom('agreement_focus_area').selectAll().where('id', '=', id).where('agreement_id', '=', agreementId).executeTakeFirst();
export const insertFocusArea = (trx: Trx, values: Insertable<FocusAreaTable>) =>
  trx.insertInto('agreement_focus_area').values(values).returningAll().executeTakeFirstOrThrow();
export const updateFocusArea = (trx: Trx, id: number, values: Updateable<FocusAreaTable>) =>
  trx.updateTable('agreement_focus_area').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** The next free focus-area number of an agreement. */
export async function nextFocusAreaNumber(db: Queryable, agreementId: number): Promise<number> {
  const row = await db
    .selectFrom('agreement_focus_area')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export const objectivesOf = (db: Queryable, focusAreaId: number) =>
  db.selectFrom('agreement_objective').selectAll().where('focus_area_id', '=', focusAreaId).orderBy('number').execute();

/** Every objective of the agreement with its focus area's number, in reading order (for choosing one). */
export const objectivesOfAgreement = (db: Queryable, agreementId: number) =>
  db
    .selectFrom('agreement_objective as o')
    .innerJoin('agreement_focus_area as f', 'f.id', 'o.focus_area_id')
    .select(['o.id', 'o.number', 'o.title', 'f.number as fa'])
    .where('f.agreement_id', '=', agreementId)
    .orderBy('f.number')
    .orderBy('o.number')
    .execute();

export async function isObjectiveNumberTaken(db: Queryable, focusAreaId: number, number: number, exceptId: number | null): Promise<boolean> {
  let q = db.selectFrom('agreement_objective').select('id').where('focus_area_id', '=', focusAreaId).where('number', '=', number);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}
export const findObjective = (db: Queryable, focusAreaId: number, id: number) =>
  db.selectFrom('agreement_objective').selectAll().where('id', '=', id).where('focus_area_id', '=', focusAreaId).executeTakeFirst();
/** Is the objective part of the agreement? */
export async function isObjectiveOf(db: Queryable, agreementId: number, objectiveId: number): Promise<boolean> {
  const row = await db
    .selectFrom('agreement_objective as o')
    .innerJoin('agreement_focus_area as f', 'f.id', 'o.focus_area_id')
    .select('o.id')
    .where('o.id', '=', objectiveId)
    .where('f.agreement_id', '=', agreementId)
    .executeTakeFirst();
  return !!row;
}
export const insertObjective = (trx: Trx, values: Insertable<ObjectiveTable>) =>
  trx.insertInto('agreement_objective').values(values).returningAll().executeTakeFirstOrThrow();
export const updateObjective = (trx: Trx, id: number, values: Updateable<ObjectiveTable>) =>
  trx.updateTable('agreement_objective').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

// Indicators and measurements -------------------------------------------------------------------------------

export const findIndicator = (db: Queryable, agreementId: number, id: number) =>
  db.selectFrom('agreement_indicator').selectAll().where('id', '=', id).where('agreement_id', '=', agreementId).executeTakeFirst();
export const indicatorNames = (db: Queryable, agreementId: number) =>
  db.selectFrom('agreement_indicator').select(['id', 'name']).where('agreement_id', '=', agreementId).orderBy('name').execute();
export const insertIndicator = (trx: Trx, values: Insertable<IndicatorTable>) =>
  trx.insertInto('agreement_indicator').values(values).returningAll().executeTakeFirstOrThrow();
export const updateIndicator = (trx: Trx, id: number, values: Updateable<IndicatorTable>) =>
  trx.updateTable('agreement_indicator').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** An indicator's measurements over time, with the member each one is about (null: the whole area). */
export const measurementsOf = (db: Queryable, indicatorId: number) =>
  db
    .selectFrom('agreement_measurement as m')
    .leftJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.id', 'm.organisation_id', 'o.name as organisation_name', 'm.measured_on', 'm.value', 'm.source', 'm.note'])
    .where('m.indicator_id', '=', indicatorId)
    .orderBy('m.measured_on')
    .orderBy('m.id')
    .execute();
export const insertMeasurement = (trx: Trx, values: Insertable<MeasurementTable>) =>
  trx.insertInto('agreement_measurement').values(values).returningAll().executeTakeFirstOrThrow();

// Principles and commitments --------------------------------------------------------------------------------

export const findPrinciple = (db: Queryable, agreementId: number, id: number) =>
  db.selectFrom('agreement_principle').selectAll().where('id', '=', id).where('agreement_id', '=', agreementId).executeTakeFirst();
export const insertPrinciple = (trx: Trx, values: Insertable<PrincipleTable>) =>
  trx.insertInto('agreement_principle').values(values).returningAll().executeTakeFirstOrThrow();
export const updatePrinciple = (trx: Trx, id: number, values: Updateable<PrincipleTable>) =>
  trx.updateTable('agreement_principle').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const commitmentsOf = (db: Queryable, principleId: number) =>
  db.selectFrom('agreement_commitment').selectAll().where('principle_id', '=', principleId).orderBy('number').execute();

export async function isCommitmentNumberTaken(db: Queryable, principleId: number, number: number, exceptId: number | null): Promise<boolean> {
  let q = db.selectFrom('agreement_commitment').select('id').where('principle_id', '=', principleId).where('number', '=', number);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

/** A commitment of the agreement, with its principle's number. */
export const findCommitment = (db: Queryable, agreementId: number, id: number) =>
  db
    .selectFrom('agreement_commitment as c')
    .innerJoin('agreement_principle as p', 'p.id', 'c.principle_id')
    .selectAll('c')
    .select('p.number as principle_number')
    .where('c.id', '=', id)
    .where('p.agreement_id', '=', agreementId)
    .executeTakeFirst();
export const insertCommitment = (trx: Trx, values: Insertable<CommitmentTable>) =>
  trx.insertInto('agreement_commitment').values(values).returningAll().executeTakeFirstOrThrow();
export const updateCommitment = (trx: Trx, id: number, values: Updateable<CommitmentTable>) =>
  trx.updateTable('agreement_commitment').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** Ids of all commitments of the agreement. */
export async function commitmentIdsOf(db: Queryable, agreementId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('agreement_commitment as c')
    .innerJoin('agreement_principle as p', 'p.id', 'c.principle_id')
    .select('c.id')
    .where('p.agreement_id', '=', agreementId)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** One member's statuses on the given commitments. */
export const memberStatuses = (db: Queryable, organisationId: number, commitmentIds: readonly number[]) =>
  commitmentIds.length
    ? db
        .selectFrom('agreement_commitment_status')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('commitment_id', 'in', [...commitmentIds])
        .execute()
    : Promise.resolve([]);

export type StatusValues = Pick<CommitmentStatusTable, 'status' | 'status_date' | 'evidence'>;

export async function upsertStatus(trx: Trx, commitmentId: number, organisationId: number, values: StatusValues, by: string, at: Date): Promise<void> {
  await trx
    .insertInto('agreement_commitment_status')
    .values({ commitment_id: commitmentId, organisation_id: organisationId, ...values, updated_by: by, updated_at: at })
    .onConflict((oc) => oc.columns(['commitment_id', 'organisation_id']).doUpdateSet({ ...values, updated_by: by, updated_at: at }))
    .execute();
}
