/**
 * @module All SQL of the joint consultations: the list with its filters, one case, the area's member
 * municipalities, the answers, the dated rule of which offerings need a consultation, and the conditional updates
 * behind the versioned answers and the closing (re-checked on the locked row).
 */
import { sql } from 'kysely';
import { validOn } from '../core/db/dated.js';
import type { Queryable } from '../core/db/types.js';
import { catalogueEntry, offeringCatalogue, offeringsCreated } from '../offerings/offerings.public.js';
import type { ConsultationAnswer, ConsultationKind, ConsultationResult, ConsultationStatus, ProposalType } from './consultations.table.js';

export async function areas(db: Queryable) {
  return db.selectFrom('agreement_area').select(['id', 'code', 'name']).orderBy('name').execute();
}

export async function areaByCode(db: Queryable, code: string) {
  return (await db.selectFrom('agreement_area').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst()) ?? null;
}

export type ListFilter = { areaId?: number; year?: number; status?: ConsultationStatus; kind?: ConsultationKind; proposalType?: ProposalType; id?: number };

const base = (db: Queryable) =>
  db
    .selectFrom('coop_consultation as c')
    .innerJoin('agreement_area as a', 'a.id', 'c.area_id')
    .innerJoin('organisation as op', 'op.id', 'c.opener_org_id')
    .leftJoin('offering as o', 'o.id', 'c.offering_id')
    .leftJoin('offering as ro', 'ro.id', 'c.result_offering_id')
    .select([
      'c.id',
      'c.area_id',
      'a.code as area_code',
      'a.name as area_name',
      'c.kind',
      'c.proposal_type',
      'c.title',
      'c.description',
      'c.offering_id',
      'o.name as offering_name',
      'c.opener_org_id',
      'op.name as opener_name',
      sql<string>`c.deadline::text`.as('deadline'),
      'c.status',
      'c.outcome',
      'c.decision_text',
      sql<string | null>`c.decision_on::text`.as('decision_on'),
      'c.result',
      'c.result_offering_id',
      'ro.name as result_offering_name',
      'c.version',
      sql<string>`(c.created_at at time zone 'Europe/Copenhagen')::date::text`.as('created_on'),
      sql<number>`(select count(*) from coop_consultation_answer x where x.consultation_id = c.id)::int`.as('answered'),
    ]);

/** Cases matching the filters, newest first. */
export async function list(db: Queryable, f: ListFilter) {
  let q = base(db);
  if (f.id !== undefined) q = q.where('c.id', '=', f.id);
  if (f.areaId !== undefined) q = q.where('c.area_id', '=', f.areaId);
  if (f.year !== undefined) q = q.where(sql<boolean>`extract(year from c.created_at at time zone 'Europe/Copenhagen') = ${f.year}`);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.kind) q = q.where('c.kind', '=', f.kind);
  if (f.proposalType) q = q.where('c.proposal_type', '=', f.proposalType);
  return q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(500).execute();
}
export type ConsultationRow = Awaited<ReturnType<typeof list>>[number];

export async function find(db: Queryable, id: number) {
  return (await list(db, { id }))[0] ?? null;
}

/** The member municipalities of areas today, with the area. */
export async function memberMunicipalities(db: Queryable, areaIds: readonly number[], date: string) {
  if (!areaIds.length) return [];
  return db
    .selectFrom('agreement_area_member as am')
    .innerJoin('organisation as o', 'o.id', 'am.organisation_id')
    .select(['o.id', 'o.name', 'am.area_id'])
    .where('am.area_id', 'in', [...areaIds])
    .where('o.kind', '=', 'municipality')
    .where(validOn('am', date))
    .orderBy('o.name')
    .execute();
}

export async function findOrganisation(db: Queryable, id: number) {
  return (await db.selectFrom('organisation').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function answers(db: Queryable, consultationId: number) {
  return db
    .selectFrom('coop_consultation_answer')
    .select(['id', 'organisation_id', 'answer', 'note', 'version', 'answered_by'])
    .where('consultation_id', '=', consultationId)
    .execute();
}

/** An offering from the register's catalogue: operator, residential type, covered by the framework agreement. */
export async function offering(db: Queryable, offeringId: number) {
  const o = await catalogueEntry(db, offeringId);
  return o
    ? { id: o.offering_id, name: o.offering_name, status: o.status, operatorOrgId: o.operator_org_id, isResidential: o.is_residential, isCovered: o.is_covered }
    : null;
}

/** The area's rule in force on the date: which offerings need a consultation before closure or re-labelling. */
export async function ruleOn(db: Queryable, areaId: number, date: string) {
  return (
    (await db
      .selectFrom('coop_consultation_rule as r')
      .select(['r.covered_only', 'r.note', sql<string>`r.valid_from::text`.as('valid_from')])
      .where('r.area_id', '=', areaId)
      .where(validOn('r', date))
      .executeTakeFirst()) ?? null
  );
}

/** The rules in force on the date in the areas the organisation is a member of, with the area's name. */
export async function rulesOfMember(db: Queryable, organisationId: number, date: string) {
  return db
    .selectFrom('coop_consultation_rule as r')
    .innerJoin('agreement_area_member as m', 'm.area_id', 'r.area_id')
    .innerJoin('agreement_area as a', 'a.id', 'r.area_id')
    .select(['a.name as area_name', 'r.covered_only'])
    .where('m.organisation_id', '=', organisationId)
    .where(validOn('r', date))
    .where(validOn('m', date))
    .orderBy('a.name')
    .execute();
}

/** Whether a finished consultation of the offering's closure exists (for the register's refusal). */
export async function hasFinishedConsultation(db: Queryable, offeringId: number) {
  const row = await db
    .selectFrom('coop_consultation')
    .select('id')
    .where('offering_id', '=', offeringId)
    .where('kind', '=', 'lukning')
    .where('status', '=', 'afsluttet')
    .executeTakeFirst();
  return !!row;
}

// Writes ---------------------------------------------------------------------------------------------------

export async function insert(
  db: Queryable,
  row: {
    area_id: number;
    kind: ConsultationKind;
    proposal_type: ProposalType | null;
    offering_id: number | null;
    opener_org_id: number;
    title: string;
    description: string;
    deadline: string;
    created_by: string;
  },
) {
  return (await db.insertInto('coop_consultation').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** The case row locked for the rest of the transaction (answers and the closing wait for each other). */
export async function lock(db: Queryable, id: number) {
  return (await db.selectFrom('coop_consultation').select(['status', 'version']).where('id', '=', id).forUpdate().executeTakeFirst()) ?? null;
}

/** Closes an open case on the version read; null when it is closed or changed. */
export async function close(
  db: Queryable,
  id: number,
  version: number,
  row: {
    outcome: string;
    decision_text: string;
    decision_on: string;
    closed_by: string;
    result: ConsultationResult | null;
    result_offering_id: number | null;
  },
) {
  return (
    (await db
      .updateTable('coop_consultation')
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
  row: { consultation_id: number; organisation_id: number; answer: ConsultationAnswer; note: string | null; answered_by: string },
) {
  return (await db.insertInto('coop_consultation_answer').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes an answer on the version read; null when it is not at that version. */
export async function updateAnswer(db: Queryable, id: number, version: number, row: { answer: ConsultationAnswer; note: string | null; answered_by: string }) {
  return (
    (await db
      .updateTable('coop_consultation_answer')
      .set({ ...row, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('version')
      .executeTakeFirst()) ?? null
  );
}

/** A municipality's open cases in its areas (not opened by itself) that it has not answered, by deadline. */
export async function unanswered(db: Queryable, organisationId: number, areaIds: readonly number[]) {
  if (!areaIds.length) return [];
  return db
    .selectFrom('coop_consultation as c')
    .select(['c.id', 'c.title', sql<string>`c.deadline::text`.as('deadline'), 'c.kind'])
    .where('c.area_id', 'in', [...areaIds])
    .innerJoin('agreement_area as a', 'a.id', 'c.area_id')
    .select('a.name as area_name')
    .where('c.status', '=', 'aaben')
    .where('c.opener_org_id', '<>', organisationId)
    .where(sql<boolean>`not exists (select 1 from coop_consultation_answer x where x.consultation_id = c.id and x.organisation_id = ${organisationId})`)
    .orderBy('c.deadline')
    .orderBy('c.id')
    .execute();
}

/** The residential offerings an organisation operates (the create form's choice), by name. */
export async function operatedResidential(db: Queryable, operatorOrgId: number) {
  const rows = await offeringCatalogue(db).where('o.operator_org_id', '=', operatorOrgId).where('ot.is_residential', '=', true).orderBy('o.name').execute();
  return rows.map((o) => ({ id: o.offering_id, name: o.offering_name, isCovered: o.is_covered }));
}

// Principle 3's indicators -------------------------------------------------------------------------------

/** The closure and re-labelling cases of the offerings, with the Copenhagen date each was opened. */
export async function casesOfOfferings(db: Queryable, offeringIds: readonly number[]) {
  if (!offeringIds.length) return [];
  return db
    .selectFrom('coop_consultation as c')
    .select([
      'c.id',
      'c.offering_id',
      'c.kind',
      'c.status',
      sql<string>`(c.created_at at time zone 'Europe/Copenhagen')::date::text`.as('created_on'),
      sql<string | null>`c.decision_on::text`.as('decision_on'),
    ])
    .where('c.offering_id', 'in', [...offeringIds])
    .where('c.kind', 'in', ['lukning', 'omlaegning'])
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** The inquiries and proposals whose recorded result links to one of the offerings (an offering created after them). */
export async function casesCreatingOfferings(db: Queryable, offeringIds: readonly number[]) {
  if (!offeringIds.length) return [];
  return db
    .selectFrom('coop_consultation as c')
    .select(['c.id', 'c.result_offering_id', 'c.kind', 'c.status', sql<string>`(c.created_at at time zone 'Europe/Copenhagen')::date::text`.as('created_on')])
    .where('c.result_offering_id', 'in', [...offeringIds])
    .where('c.result', '=', 'oprettet')
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** The offerings created in the register from the date to the other (the close form's choice of the offering created). */
export async function offeringsCreatedBetween(db: Queryable, from: string, to: string) {
  return (await offeringsCreated(db, { from, to })).map((o) => ({ id: o.offering_id, name: o.offering_name }));
}
