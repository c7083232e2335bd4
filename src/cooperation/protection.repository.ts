/**
 * @module All SQL of the protected offerings' watch and their dialogue cases: the protected offerings of
 * municipalities (through the register's catalogue), the dated trigger rules and procedures, the seller's notices,
 * the cases with their steps and answers, and the conditional writes behind versions and status changes.
 */
import { sql } from 'kysely';
import { validOn } from '../core/db/dated.js';
import type { Queryable } from '../core/db/types.js';
import { offeringCatalogue } from '../offerings/offerings.public.js';
import type { DialogueAnswer, DialogueStatus, NoticeKind, TriggerKind } from './protection.table.js';

export async function areas(db: Queryable) {
  return db.selectFrom('agreement_area').select(['id', 'code', 'name']).orderBy('name').execute();
}

export async function areaByCode(db: Queryable, code: string) {
  return (await db.selectFrom('agreement_area').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst()) ?? null;
}

export async function areaById(db: Queryable, id: number) {
  return (await db.selectFrom('agreement_area').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
}

const protectedBase = (db: Queryable) =>
  offeringCatalogue(db)
    .where('o.protection', '<>', 'ingen')
    .clearSelect()
    .select([
      'o.id',
      'o.name',
      'o.protection',
      'o.places',
      'o.status',
      'o.municipality_code',
      'mu.name as municipality_name',
      'o.operator_org_id',
      'op.name as operator_name',
      'ot.name as offering_type_name',
    ]);

/** The protected offerings (mest specialiseret, forstærket samarbejde) located in the municipalities, by name. */
export async function protectedOfferings(db: Queryable, municipalityCodes: readonly number[]) {
  if (!municipalityCodes.length) return [];
  return protectedBase(db)
    .where('o.municipality_code', 'in', [...municipalityCodes])
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
}
export type ProtectedRow = Awaited<ReturnType<typeof protectedOfferings>>[number];

export async function protectedOffering(db: Queryable, id: number) {
  return (await protectedBase(db).where('o.id', '=', id).executeTakeFirst()) ?? null;
}

// Rules ------------------------------------------------------------------------------------------------------

const triggerColumns = [
  't.id',
  't.area_id',
  't.kind',
  't.share_pct',
  't.months',
  't.amount',
  't.deadline_days',
  't.note',
  't.version',
  sql<string>`t.valid_from::text`.as('valid_from'),
  sql<string | null>`t.valid_to::text`.as('valid_to'),
] as const;

/** The trigger rules in force on the date in the areas, by area and id. */
export async function triggersOn(db: Queryable, areaIds: readonly number[], date: string) {
  if (!areaIds.length) return [];
  return db
    .selectFrom('coop_protection_trigger as t')
    .select([...triggerColumns])
    .where('t.area_id', 'in', [...areaIds])
    .where(validOn('t', date))
    .orderBy('t.area_id')
    .orderBy('t.id')
    .execute();
}
export type TriggerRow = Awaited<ReturnType<typeof triggersOn>>[number];

/** Every rule of an area (all periods), newest period first. */
export async function triggersOfArea(db: Queryable, areaId: number) {
  return db
    .selectFrom('coop_protection_trigger as t')
    .select([...triggerColumns])
    .where('t.area_id', '=', areaId)
    .orderBy('t.valid_from', 'desc')
    .orderBy('t.id')
    .execute();
}

export async function findTrigger(db: Queryable, id: number) {
  return (
    (await db
      .selectFrom('coop_protection_trigger as t')
      .select([...triggerColumns])
      .where('t.id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export type TriggerValues = {
  area_id: number;
  kind: TriggerKind;
  share_pct: string | null;
  months: number | null;
  amount: string | null;
  deadline_days: number;
  note: string | null;
  valid_from: string;
  valid_to: string | null;
};

export async function insertTrigger(db: Queryable, row: TriggerValues & { created_by: string }) {
  return (await db.insertInto('coop_protection_trigger').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a rule on the version read; null when it is not at that version. */
export async function updateTrigger(db: Queryable, id: number, version: number, row: Omit<TriggerValues, 'area_id'>) {
  return (
    (await db
      .updateTable('coop_protection_trigger')
      .set({ ...row, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('version')
      .executeTakeFirst()) ?? null
  );
}

/** The area's procedure (ordered steps) of a dialogue case in force on the date. */
export async function procedureOn(db: Queryable, areaId: number, date: string) {
  return (
    (await db
      .selectFrom('coop_protection_procedure as p')
      .select(['p.name', 'p.steps'])
      .where('p.area_id', '=', areaId)
      .where(validOn('p', date))
      .orderBy('p.valid_from', 'desc')
      .executeTakeFirst()) ?? null
  );
}

// Notices ----------------------------------------------------------------------------------------------------

export async function notices(db: Queryable, offeringIds: readonly number[]) {
  if (!offeringIds.length) return [];
  return db
    .selectFrom('coop_protection_notice as n')
    .select([
      'n.id',
      'n.offering_id',
      'n.kind',
      'n.places_after',
      'n.text',
      'n.recorded_by',
      sql<string>`n.given_on::text`.as('given_on'),
      sql<string>`n.effective_on::text`.as('effective_on'),
    ])
    .where('n.offering_id', 'in', [...offeringIds])
    .orderBy('n.given_on', 'desc')
    .orderBy('n.id', 'desc')
    .execute();
}

export async function insertNotice(
  db: Queryable,
  row: { offering_id: number; kind: NoticeKind; places_after: number | null; given_on: string; effective_on: string; text: string; recorded_by: string },
) {
  return (await db.insertInto('coop_protection_notice').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

// Cases ------------------------------------------------------------------------------------------------------

export type CaseFilter = { areaId?: number; offeringIds?: readonly number[]; status?: DialogueStatus; id?: number };

const caseBase = (db: Queryable) =>
  db
    .selectFrom('coop_dialogue_case as c')
    .innerJoin('agreement_area as a', 'a.id', 'c.area_id')
    .innerJoin('offering as o', 'o.id', 'c.offering_id')
    .innerJoin('coop_protection_trigger as t', 't.id', 'c.trigger_id')
    .select([
      'c.id',
      'c.area_id',
      'a.code as area_code',
      'a.name as area_name',
      'c.offering_id',
      'o.name as offering_name',
      'o.operator_org_id',
      'c.trigger_id',
      't.kind as trigger_kind',
      'c.procedure_name',
      'c.reason',
      sql<string>`c.deadline::text`.as('deadline'),
      'c.status',
      'c.outcome',
      sql<string | null>`c.closed_on::text`.as('closed_on'),
      'c.version',
      'c.created_by',
      sql<string>`(c.created_at at time zone 'Europe/Copenhagen')::date::text`.as('created_on'),
      sql<number>`(select count(*) from coop_dialogue_step s where s.case_id = c.id)::int`.as('steps'),
      sql<number>`(select count(*) from coop_dialogue_step s where s.case_id = c.id and s.done_on is not null)::int`.as('steps_done'),
      sql<number>`(select count(*) from coop_dialogue_answer x where x.case_id = c.id)::int`.as('answered'),
    ]);

/** Cases matching the filter, newest first. */
export async function cases(db: Queryable, f: CaseFilter) {
  let q = caseBase(db);
  if (f.id !== undefined) q = q.where('c.id', '=', f.id);
  if (f.areaId !== undefined) q = q.where('c.area_id', '=', f.areaId);
  if (f.offeringIds) {
    if (!f.offeringIds.length) return [];
    q = q.where('c.offering_id', 'in', [...f.offeringIds]);
  }
  if (f.status) q = q.where('c.status', '=', f.status);
  return q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(500).execute();
}
export type CaseRow = Awaited<ReturnType<typeof cases>>[number];

export async function findCase(db: Queryable, id: number) {
  return (await cases(db, { id }))[0] ?? null;
}

export async function steps(db: Queryable, caseId: number) {
  return db
    .selectFrom('coop_dialogue_step')
    .select(['sort', 'label', sql<string | null>`done_on::text`.as('done_on'), 'note', 'done_by', 'done_at'])
    .where('case_id', '=', caseId)
    .orderBy('sort')
    .execute();
}

export async function answers(db: Queryable, caseId: number) {
  return db
    .selectFrom('coop_dialogue_answer')
    .select(['id', 'organisation_id', 'answer', 'note', 'version', 'answered_by'])
    .where('case_id', '=', caseId)
    .execute();
}

export async function findOrganisation(db: Queryable, id: number) {
  return (await db.selectFrom('organisation').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function insertCase(
  db: Queryable,
  row: { area_id: number; offering_id: number; trigger_id: number; procedure_name: string; reason: string; deadline: string; created_by: string },
  stepLabels: readonly string[],
) {
  const id = (await db.insertInto('coop_dialogue_case').values(row).returning('id').executeTakeFirstOrThrow()).id;
  await db
    .insertInto('coop_dialogue_step')
    .values(stepLabels.map((label, i) => ({ case_id: id, sort: i + 1, label })))
    .execute();
  return id;
}

/** The case row locked for the rest of the transaction (steps, answers and the closing wait for each other). */
export async function lockCase(db: Queryable, id: number) {
  return (await db.selectFrom('coop_dialogue_case').select(['status', 'version']).where('id', '=', id).forUpdate().executeTakeFirst()) ?? null;
}

/** Records a step that is not yet done; null when it is done already. Raises the case's version. */
export async function recordStep(db: Queryable, caseId: number, sort: number, row: { done_on: string; note: string | null; done_by: string }) {
  const done = await db
    .updateTable('coop_dialogue_step')
    .set({ ...row, done_at: sql`now()` })
    .where('case_id', '=', caseId)
    .where('sort', '=', sort)
    .where('done_on', 'is', null)
    .returning('sort')
    .executeTakeFirst();
  if (!done) return null;
  return (await db.updateTable('coop_dialogue_case').set({ version: sql`version + 1` }).where('id', '=', caseId).returning('version').executeTakeFirstOrThrow())
    .version;
}

/** Closes an open case on the version read; null when it is closed or changed. */
export async function closeCase(db: Queryable, id: number, version: number, row: { outcome: string; closed_on: string; closed_by: string }) {
  return (
    (await db
      .updateTable('coop_dialogue_case')
      .set({ ...row, status: 'afsluttet', version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'aaben')
      .returning('version')
      .executeTakeFirst()) ?? null
  );
}

export async function insertAnswer(
  db: Queryable,
  row: { case_id: number; organisation_id: number; answer: DialogueAnswer; note: string | null; answered_by: string },
) {
  return (await db.insertInto('coop_dialogue_answer').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateAnswer(db: Queryable, id: number, version: number, row: { answer: DialogueAnswer; note: string | null; answered_by: string }) {
  return (
    (await db
      .updateTable('coop_dialogue_answer')
      .set({ ...row, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('version')
      .executeTakeFirst()) ?? null
  );
}

/** Open cases in the areas that the municipality is a party to (not the operator) and has not answered, by deadline. */
export async function unanswered(db: Queryable, organisationId: number, areaIds: readonly number[]) {
  if (!areaIds.length) return [];
  return db
    .selectFrom('coop_dialogue_case as c')
    .innerJoin('offering as o', 'o.id', 'c.offering_id')
    .select(['c.id', 'o.name as offering_name', 'c.procedure_name', sql<string>`c.deadline::text`.as('deadline')])
    .where('c.area_id', 'in', [...areaIds])
    .where('c.status', '=', 'aaben')
    .where('o.operator_org_id', '<>', organisationId)
    .where(sql<boolean>`not exists (select 1 from coop_dialogue_answer x where x.case_id = c.id and x.organisation_id = ${organisationId})`)
    .orderBy('c.deadline')
    .orderBy('c.id')
    .execute();
}
