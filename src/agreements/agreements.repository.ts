/**
 * @module Reading and writing the agreement itself: one agreement, the list the actor may read (scope inside
 * the query), its members at the start of its period (through reference/), the vocabulary, the whole
 * structured content (focus areas → objectives → indicators, principles → commitments, free sections), and
 * the agreement's own writes (period, status with its events, publication).
 */
import { sql, type Selectable } from 'kysely';
import type { Queryable, Trx } from '../core/db/types.js';
import { membersOfArea } from '../reference/reference.public.js';
import type {
  AgreementTable,
  AgreementVocabularyTable,
  CommitmentTable,
  FocusAreaTable,
  IndicatorTable,
  ObjectiveTable,
  PrincipleTable,
} from './agreements.table.js';

export type AgreementRow = Selectable<AgreementTable> & { area_name: string; area_code: string };
export type Member = { id: number; name: string; kind: 'municipality' | 'region'; shortName: string };
export type Vocab = Selectable<AgreementVocabularyTable>;

const withArea = (db: Queryable) =>
  db
    .selectFrom('agreement as a')
    .innerJoin('agreement_area as ar', 'ar.id', 'a.area_id')
    .selectAll('a')
    .select(['ar.name as area_name', 'ar.code as area_code']);

export async function findAgreement(db: Queryable, id: number, lock?: 'update' | 'share'): Promise<AgreementRow | undefined> {
  let q = withArea(db).where('a.id', '=', id);
  if (lock === 'update') q = q.forUpdate('a');
  if (lock === 'share') q = q.forShare('a');
  return q.executeTakeFirst();
}

/** Who is asking, as sets of ids: the list holds published agreements, the areas' own, and those in hearing for the signed-in. */
export type ReadScope = { isSignedIn: boolean; areaIds: readonly number[] };

/** The agreements the scope may read, in one statement. */
export async function listReadable(db: Queryable, scope: ReadScope, order: 'area' | 'newest'): Promise<AgreementRow[]> {
  let q = withArea(db).where((eb) => {
    const ors = [eb('a.is_public', '=', true)];
    if (scope.isSignedIn) ors.push(eb('a.status', '=', 'i_hoering'));
    if (scope.isSignedIn && scope.areaIds.length) ors.push(eb('a.area_id', 'in', [...scope.areaIds]));
    return eb.or(ors);
  });
  if (order === 'area') q = q.orderBy('ar.name');
  return q.orderBy('a.period_start', 'desc').orderBy('a.id').execute();
}

const shortName = (name: string) => name.replace(/ Kommune$/, '').replace(/^Region /, 'Reg. ');

/**
 * Members of an agreement: the area's municipalities and region on the first day of the agreement's period
 * (municipalities by name, then the region: `membersOfArea` orders by kind, then name).
 */
export async function agreementMembers(db: Queryable, agreement: Pick<AgreementRow, 'area_id' | 'period_start'>): Promise<Member[]> {
  const rows = await membersOfArea(db, agreement.area_id, agreement.period_start);
  return rows
    .filter((r): r is typeof r & { kind: Member['kind'] } => r.kind === 'municipality' || r.kind === 'region')
    .map((r) => ({ id: r.id, name: r.name, kind: r.kind, shortName: shortName(r.name) }));
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

/** The decisions of several agreements in one statement (for lists). */
export async function approvalsOf(db: Queryable, agreementIds: readonly number[]) {
  if (!agreementIds.length) return [];
  return db
    .selectFrom('agreement_approval')
    .select(['agreement_id', 'organisation_id', 'decision'])
    .where('agreement_id', 'in', [...agreementIds])
    .execute();
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

// Writing the agreement -------------------------------------------------------------------------------------

export type AgreementValues = { title: string; period_start: string; period_end: string; preparation_start: string; summary: string | null };

export async function insertAgreement(trx: Trx, values: AgreementValues & { area_id: number; status: string }) {
  return trx.insertInto('agreement').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateAgreement(trx: Trx, id: number, values: AgreementValues, at: Date) {
  return trx
    .updateTable('agreement')
    .set((eb) => ({ ...values, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks the agreement as changed (its content changed). */
export async function touchAgreement(trx: Trx, id: number, at: Date): Promise<void> {
  await trx.updateTable('agreement').set({ updated_at: at }).where('id', '=', id).execute();
}

/**
 * Moves the agreement from `from` to `to`, only if it still has status `from`. Returns the new row, or
 * undefined when another change came first (the caller answers 409).
 */
export async function moveStatus(trx: Trx, id: number, from: string, to: string, at: Date, hearingVersionId?: number | null) {
  return trx
    .updateTable('agreement')
    .set({ status: to, updated_at: at, ...(hearingVersionId !== undefined ? { hearing_version_id: hearingVersionId } : {}) })
    .where('id', '=', id)
    .where('status', '=', from)
    .returningAll()
    .executeTakeFirst();
}

export async function addStatusEvent(
  trx: Trx,
  values: { agreement_id: number; status: string; changed_on: string; note: string | null; actor_username: string },
): Promise<void> {
  await trx.insertInto('agreement_status_event').values(values).execute();
}

export async function setPublication(trx: Trx, id: number, isPublic: boolean, publishedOn: string | null, at: Date) {
  return trx
    .updateTable('agreement')
    .set({ is_public: isPublic, published_on: publishedOn, updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Milestones that would fall outside [from, to]. */
export async function milestonesOutside(db: Queryable, agreementId: number, from: string, to: string) {
  return db
    .selectFrom('agreement_milestone')
    .select(['title', 'due_on'])
    .where('agreement_id', '=', agreementId)
    .where((eb) => eb.or([eb('due_on', '<', from), eb('due_on', '>', to)]))
    .orderBy('due_on')
    .execute();
}

/** The latest version of the text (the one a hearing is about). */
export async function latestVersion(db: Queryable, agreementId: number) {
  return db.selectFrom('agreement_version').select(['id', 'number']).where('agreement_id', '=', agreementId).orderBy('number', 'desc').executeTakeFirst();
}

export async function setHearingDeadline(trx: Trx, versionId: number, until: string): Promise<void> {
  await trx.updateTable('agreement_version').set({ hearing_until: until }).where('id', '=', versionId).execute();
}

// The computed indicator "commitments implemented" -----------------------------------------------------------

/** The agreement of an area in force on a date (the latest-starting one). */
export async function agreementInForce(db: Queryable, areaId: number, date: string) {
  return db
    .selectFrom('agreement')
    .select(['id', 'area_id', 'period_start', 'title'])
    .where('area_id', '=', areaId)
    .where('period_start', '<=', date)
    .where('period_end', '>=', date)
    .orderBy('period_start', 'desc')
    .executeTakeFirst();
}

/** Commitments of an agreement that apply on a date, in reading order. */
export async function commitmentsApplying(db: Queryable, agreementId: number, date: string) {
  return db
    .selectFrom('agreement_commitment as c')
    .innerJoin('agreement_principle as p', 'p.id', 'c.principle_id')
    .select(['c.id', 'c.number', 'c.text', 'c.applies_from', 'p.number as principle_number'])
    .where('p.agreement_id', '=', agreementId)
    .where('c.applies_from', '<=', date)
    .orderBy('p.number')
    .orderBy('c.number')
    .execute();
}

/** Members' statuses reported on or before a date. */
export async function statusesReportedBy(db: Queryable, agreementId: number, date: string) {
  return db
    .selectFrom('agreement_commitment_status as s')
    .innerJoin('agreement_commitment as c', 'c.id', 's.commitment_id')
    .innerJoin('agreement_principle as p', 'p.id', 'c.principle_id')
    .select(['s.commitment_id', 's.organisation_id', 's.status', 's.status_date'])
    .where('p.agreement_id', '=', agreementId)
    .where(sql<boolean>`s.status_date <= ${date}::date`)
    .execute();
}

// Agreements of a year, for other capabilities' reports --------------------------------------------------------

/** The area's agreements whose period overlaps [from, to], earliest first, with their focus areas in order. */
export async function agreementsOverlapping(db: Queryable, areaId: number, from: string, to: string) {
  const agreements = await db
    .selectFrom('agreement as g')
    .innerJoin('agreement_area as a', 'a.id', 'g.area_id')
    .select([
      'g.id',
      'g.title',
      'g.status',
      'g.is_public',
      'g.area_id',
      'a.name as area_name',
      sql<string>`g.period_start::text`.as('period_start'),
      sql<string>`g.period_end::text`.as('period_end'),
    ])
    .where('g.area_id', '=', areaId)
    .where('g.period_start', '<=', to)
    .where('g.period_end', '>=', from)
    .orderBy('g.period_start')
    .orderBy('g.id')
    .execute();
  const focusAreas = agreements.length
    ? await db
        .selectFrom('agreement_focus_area')
        .select(['id', 'agreement_id', 'part', 'number', 'title', 'goal'])
        .where(
          'agreement_id',
          'in',
          agreements.map((g) => g.id),
        )
        .orderBy('part', 'desc')
        .orderBy('number')
        .orderBy('id')
        .execute()
    : [];
  return agreements.map((g) => ({ ...g, focusAreas: focusAreas.filter((f) => f.agreement_id === g.id) }));
}
