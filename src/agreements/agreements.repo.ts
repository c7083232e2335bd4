/**
 * @module Reading agreements: one agreement, its members at the start of its period, the vocabulary, and the
 * whole structured content (focus areas → objectives → indicators, principles → commitments, free sections).
 */
import { sql, type Selectable } from 'kysely';
import type { Queryable } from '../core/db/types.js';
import { notFound } from '../core/errors.js';
import type { AgreementTable, AgreementVocabularyTable, CommitmentTable, FocusAreaTable, IndicatorTable, ObjectiveTable, PrincipleTable } from './agreements.table.js';

export type AgreementRow = Selectable<AgreementTable> & { area_name: string; area_code: string };
export type Member = { id: number; name: string; kind: 'municipality' | 'region'; shortName: string };
export type Vocab = Selectable<AgreementVocabularyTable>;

export async function findAgreement(db: Queryable, id: number): Promise<AgreementRow | undefined> {
  if (!Number.isInteger(id) || id <= 0 || id > 2147483647) return undefined;
  return db
    .selectFrom('agreement as a')
    .innerJoin('agreement_area as ar', 'ar.id', 'a.area_id')
    .selectAll('a')
    .select(['ar.name as area_name', 'ar.code as area_code'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export async function getAgreement(db: Queryable, id: number): Promise<AgreementRow> {
  const a = await findAgreement(db, id);
  if (!a) throw notFound('Aftalen findes ikke.');
  return a;
}

const shortName = (name: string) => name.replace(/ Kommune$/, '').replace(/^Region /, 'Reg. ');

/** Members of an agreement: the area's municipalities and region on the first day of the agreement's period. */
export async function agreementMembers(db: Queryable, agreement: Pick<AgreementRow, 'area_id' | 'period_start'>): Promise<Member[]> {
  const d = agreement.period_start;
  const rows = await db
    .selectFrom('agreement_area_member as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name', 'o.kind'])
    .where('m.area_id', '=', agreement.area_id)
    .where('m.valid_from', '<=', d)
    .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>=', d)]))
    .where('o.kind', 'in', ['municipality', 'region'])
    .orderBy(sql`o.kind = 'region'`)
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind as Member['kind'], shortName: shortName(r.name) }));
}

export async function vocabulary(db: Queryable, list: string): Promise<Vocab[]> {
  return db.selectFrom('agreement_vocabulary').selectAll().where('list', '=', list).orderBy('sort').execute();
}

/** Every vocabulary list at once, as `list → rows` and a label lookup. */
export async function allVocabulary(db: Queryable) {
  const rows = await db.selectFrom('agreement_vocabulary').selectAll().orderBy('sort').execute();
  const lists = new Map<string, Vocab[]>();
  for (const r of rows) lists.set(r.list, [...(lists.get(r.list) ?? []), r]);
  const label = (list: string, code: string | null | undefined) => (code ? (lists.get(list)?.find((r) => r.code === code)?.label ?? code) : '–');
  const tone = (list: string, code: string) => lists.get(list)?.find((r) => r.code === code)?.tone ?? 'neutral';
  const codes = (list: string) => (lists.get(list) ?? []).map((r) => r.code);
  return { lists, label, tone, codes, list: (l: string) => lists.get(l) ?? [] };
}
export type Vocabulary = Awaited<ReturnType<typeof allVocabulary>>;

export type IndicatorWithLatest = Selectable<IndicatorTable> & { latest: { value: string; measured_on: string; source: string } | null };
export type ObjectiveFull = Selectable<ObjectiveTable> & { indicators: IndicatorWithLatest[] };
export type FocusAreaFull = Selectable<FocusAreaTable> & { objectives: ObjectiveFull[] };
export type CommitmentFull = Selectable<CommitmentTable>;
export type PrincipleFull = Selectable<PrincipleTable> & { commitments: CommitmentFull[] };

export async function loadContent(db: Queryable, agreementId: number) {
  const [focusAreas, objectives, indicators, principles, commitments, sections, latest] = await Promise.all([
    db.selectFrom('agreement_focus_area').selectAll().where('agreement_id', '=', agreementId).orderBy('number').execute(),
    db
      .selectFrom('agreement_objective as o')
      .innerJoin('agreement_focus_area as f', 'f.id', 'o.focus_area_id')
      .selectAll('o')
      .where('f.agreement_id', '=', agreementId)
      .orderBy('o.number')
      .execute(),
    db.selectFrom('agreement_indicator').selectAll().where('agreement_id', '=', agreementId).orderBy('id').execute(),
    db.selectFrom('agreement_principle').selectAll().where('agreement_id', '=', agreementId).orderBy('number').execute(),
    db
      .selectFrom('agreement_commitment as c')
      .innerJoin('agreement_principle as p', 'p.id', 'c.principle_id')
      .selectAll('c')
      .where('p.agreement_id', '=', agreementId)
      .orderBy('c.number')
      .execute(),
    db.selectFrom('agreement_section').selectAll().where('agreement_id', '=', agreementId).orderBy('number').execute(),
    db
      .selectFrom('agreement_measurement as m')
      .innerJoin('agreement_indicator as i', 'i.id', 'm.indicator_id')
      .select(['m.indicator_id', 'm.value', 'm.measured_on', 'm.source'])
      .distinctOn('m.indicator_id')
      .where('i.agreement_id', '=', agreementId)
      .where('m.organisation_id', 'is', null)
      .orderBy('m.indicator_id')
      .orderBy('m.measured_on', 'desc')
      .orderBy('m.id', 'desc')
      .execute(),
  ]);
  const latestBy = new Map(latest.map((l) => [l.indicator_id, { value: l.value, measured_on: l.measured_on, source: l.source }]));
  const inds: IndicatorWithLatest[] = indicators.map((i) => ({ ...i, latest: latestBy.get(i.id) ?? null }));
  const fas: FocusAreaFull[] = focusAreas.map((f) => ({
    ...f,
    objectives: objectives.filter((o) => o.focus_area_id === f.id).map((o) => ({ ...o, indicators: inds.filter((i) => i.objective_id === o.id) })),
  }));
  const prs: PrincipleFull[] = principles.map((p) => ({ ...p, commitments: commitments.filter((c) => c.principle_id === p.id) }));
  return { focusAreas: fas, principles: prs, indicators: inds, sections };
}
export type Content = Awaited<ReturnType<typeof loadContent>>;

export async function commitmentStatuses(db: Queryable, agreementId: number) {
  return db
    .selectFrom('agreement_commitment_status as s')
    .innerJoin('agreement_commitment as c', 'c.id', 's.commitment_id')
    .innerJoin('agreement_principle as p', 'p.id', 'c.principle_id')
    .selectAll('s')
    .where('p.agreement_id', '=', agreementId)
    .execute();
}

export async function approvals(db: Queryable, agreementId: number) {
  return db.selectFrom('agreement_approval').selectAll().where('agreement_id', '=', agreementId).execute();
}

export async function phasesOf(db: Queryable, agreementId: number) {
  return db.selectFrom('agreement_phase').selectAll().where('agreement_id', '=', agreementId).orderBy('starts_on').orderBy('number').execute();
}

export async function milestonesOf(db: Queryable, agreementId: number) {
  return db.selectFrom('agreement_milestone').selectAll().where('agreement_id', '=', agreementId).orderBy('due_on').orderBy('id').execute();
}

export async function statusEvents(db: Queryable, agreementId: number) {
  return db.selectFrom('agreement_status_event').selectAll().where('agreement_id', '=', agreementId).orderBy('changed_on').orderBy('id').execute();
}

export async function versionsOf(db: Queryable, agreementId: number) {
  return db.selectFrom('agreement_version').selectAll().where('agreement_id', '=', agreementId).orderBy('number').execute();
}
