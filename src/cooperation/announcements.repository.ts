/**
 * @module All SQL of the central announcements: the list with its filters and text search, one announcement with
 * its questions, extensions and areas, the member municipalities of the areas, the answer sets, and the
 * conditional updates behind every status change and versioned edit.
 */
import { sql } from 'kysely';
import { validOn } from '../core/db/dated.js';
import type { Queryable } from '../core/db/types.js';
import type { ExtensionStatus, ReportStatus } from './announcements.table.js';

export async function areas(db: Queryable) {
  return db.selectFrom('agreement_area').select(['id', 'code', 'name']).orderBy('name').execute();
}

export async function areaByCode(db: Queryable, code: string) {
  return (await db.selectFrom('agreement_area').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst()) ?? null;
}

/** The deadline in force in SQL: the latest granted extension later than the first deadline. */
const deadlineSql = sql<string>`coalesce((select max(e.new_deadline) from coop_announcement_extension e
  where e.announcement_id = an.id and e.status = 'bevilget' and e.new_deadline > an.deadline), an.deadline)::text`;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type ListFilter = { q?: string | null; areaId?: number; year?: number; status?: 'aaben' | 'afsluttet' };

/** Announcements matching the filters, newest first, with the deadline in force. */
export async function list(db: Queryable, f: ListFilter) {
  let q = db
    .selectFrom('coop_announcement as an')
    .select([
      'an.id',
      'an.title',
      'an.authority',
      'an.target_group',
      'an.is_joint',
      sql<string>`an.issued_on::text`.as('issued_on'),
      deadlineSql.as('deadline'),
    ]);
  if (f.areaId !== undefined) {
    const areaId = f.areaId;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('coop_announcement_area as x').select('x.area_id').whereRef('x.announcement_id', '=', 'an.id').where('x.area_id', '=', areaId)),
    );
  }
  if (f.year !== undefined) q = q.where(sql<boolean>`extract(year from an.issued_on) = ${f.year}`);
  if (f.status) {
    const areaCond = f.areaId !== undefined ? sql`and s.area_id = ${f.areaId}` : sql``;
    const open = sql<boolean>`exists (select 1 from coop_announcement_area s where s.announcement_id = an.id and s.status = 'kladde' ${areaCond})`;
    q = q.where(f.status === 'aaben' ? open : sql<boolean>`not ${open}`);
  }
  if (f.q) {
    const pattern = like(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('an.title', 'ilike', pattern),
        eb('an.target_group', 'ilike', pattern),
        eb('an.description', 'ilike', pattern),
        eb('an.joint_answer', 'ilike', pattern),
        eb.exists(
          eb.selectFrom('coop_announcement_question as qq').select('qq.id').whereRef('qq.announcement_id', '=', 'an.id').where('qq.text', 'ilike', pattern),
        ),
        eb.exists(
          eb
            .selectFrom('coop_announcement_area as ar')
            .select('ar.area_id')
            .whereRef('ar.announcement_id', '=', 'an.id')
            .where((e) => e.or([e('ar.report_text', 'ilike', pattern), e('ar.response_text', 'ilike', pattern)])),
        ),
        eb.exists(
          eb
            .selectFrom('coop_announcement_response as r')
            .innerJoin('coop_announcement_answer as aa', 'aa.response_id', 'r.id')
            .select('r.id')
            .whereRef('r.announcement_id', '=', 'an.id')
            .where('aa.text', 'ilike', pattern),
        ),
      ]),
    );
  }
  return q.orderBy('an.issued_on', 'desc').orderBy('an.id', 'desc').limit(500).execute();
}

/** The areas of the announcements, with each area's report status. */
export async function areasOf(db: Queryable, announcementIds: readonly number[]) {
  if (!announcementIds.length) return [];
  return db
    .selectFrom('coop_announcement_area as x')
    .innerJoin('agreement_area as a', 'a.id', 'x.area_id')
    .select([
      'x.announcement_id',
      'x.area_id',
      'a.code',
      'a.name',
      'x.status',
      'x.report_text',
      'x.report_version',
      sql<string | null>`x.sent_on::text`.as('sent_on'),
      'x.sent_by',
      'x.sent_reference',
      sql<string | null>`x.response_on::text`.as('response_on'),
      'x.response_text',
    ])
    .where('x.announcement_id', 'in', [...announcementIds])
    .orderBy('a.name')
    .execute();
}
export type AreaRow = Awaited<ReturnType<typeof areasOf>>[number];

export async function find(db: Queryable, id: number) {
  return (
    (await db
      .selectFrom('coop_announcement as an')
      .select([
        'an.id',
        'an.title',
        'an.authority',
        'an.target_group',
        'an.description',
        sql<string>`an.issued_on::text`.as('issued_on'),
        sql<string>`an.deadline::text`.as('first_deadline'),
        deadlineSql.as('deadline'),
        'an.is_joint',
        'an.joint_answer',
        'an.version',
      ])
      .where('an.id', '=', id)
      .executeTakeFirst()) ?? null
  );
}
export type AnnouncementRow = NonNullable<Awaited<ReturnType<typeof find>>>;

export async function questions(db: Queryable, announcementId: number) {
  return db
    .selectFrom('coop_announcement_question')
    .select(['id', 'position', 'text'])
    .where('announcement_id', '=', announcementId)
    .orderBy('position')
    .execute();
}

export async function extensions(db: Queryable, announcementId: number) {
  return db
    .selectFrom('coop_announcement_extension')
    .select(['id', 'announcement_id', sql<string>`requested_on::text`.as('requested_on'), sql<string>`new_deadline::text`.as('new_deadline'), 'status', 'note'])
    .where('announcement_id', '=', announcementId)
    .orderBy('requested_on')
    .orderBy('id')
    .execute();
}

export async function findExtension(db: Queryable, id: number) {
  return (await db.selectFrom('coop_announcement_extension').select(['id', 'announcement_id', 'status']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The member municipalities of the areas on a date, with the area they answer in. */
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

/** The answer sets of an announcement (optionally one area's or one municipality's) with their answers. */
export async function responses(db: Queryable, announcementId: number, where: { areaId?: number; organisationId?: number } = {}) {
  let q = db
    .selectFrom('coop_announcement_response as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .innerJoin('agreement_area as a', 'a.id', 'r.area_id')
    .select(['r.id', 'r.organisation_id', 'o.name as organisation_name', 'r.area_id', 'a.code as area_code', 'r.version', 'r.answered_by', 'r.updated_at'])
    .where('r.announcement_id', '=', announcementId);
  if (where.areaId !== undefined) q = q.where('r.area_id', '=', where.areaId);
  if (where.organisationId !== undefined) q = q.where('r.organisation_id', '=', where.organisationId);
  const rows = await q.orderBy('o.name').execute();
  if (!rows.length) return [];
  const answers = await db
    .selectFrom('coop_announcement_answer as aa')
    .innerJoin('coop_announcement_question as qq', 'qq.id', 'aa.question_id')
    .select(['aa.response_id', 'aa.question_id', 'aa.text'])
    .where(
      'aa.response_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('qq.position')
    .execute();
  return rows.map((r) => ({ ...r, answers: answers.filter((a) => a.response_id === r.id) }));
}
export type ResponseRow = Awaited<ReturnType<typeof responses>>[number];

export async function findOrganisation(db: Queryable, id: number) {
  return (await db.selectFrom('organisation').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst()) ?? null;
}

// Writes ---------------------------------------------------------------------------------------------------

export type AnnouncementRowInput = {
  title: string;
  authority: string;
  target_group: string;
  description: string | null;
  issued_on: string;
  deadline: string;
  is_joint: boolean;
  joint_answer: string | null;
};

export async function insert(db: Queryable, row: AnnouncementRowInput & { created_by: string }) {
  return (await db.insertInto('coop_announcement').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates on the version read; null when someone else changed it first. */
export async function update(db: Queryable, id: number, version: number, row: AnnouncementRowInput) {
  return (
    (await db
      .updateTable('coop_announcement')
      .set({ ...row, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('version')
      .executeTakeFirst()) ?? null
  );
}

export async function replaceQuestions(db: Queryable, announcementId: number, texts: readonly string[]) {
  await db.deleteFrom('coop_announcement_question').where('announcement_id', '=', announcementId).execute();
  await db
    .insertInto('coop_announcement_question')
    .values(texts.map((text, i) => ({ announcement_id: announcementId, position: i + 1, text })))
    .execute();
}

export async function updateQuestionText(db: Queryable, id: number, text: string) {
  await db.updateTable('coop_announcement_question').set({ text }).where('id', '=', id).execute();
}

export async function addAreas(db: Queryable, announcementId: number, areaIds: readonly number[]) {
  if (areaIds.length)
    await db
      .insertInto('coop_announcement_area')
      .values(areaIds.map((area_id) => ({ announcement_id: announcementId, area_id })))
      .execute();
}

export async function removeAreas(db: Queryable, announcementId: number, areaIds: readonly number[]) {
  if (areaIds.length)
    await db
      .deleteFrom('coop_announcement_area')
      .where('announcement_id', '=', announcementId)
      .where('area_id', 'in', [...areaIds])
      .execute();
}

export async function countResponses(db: Queryable, announcementId: number, areaIds?: readonly number[]) {
  let q = db.selectFrom('coop_announcement_response').select(sql<number>`count(*)::int`.as('n')).where('announcement_id', '=', announcementId);
  if (areaIds) {
    if (!areaIds.length) return 0;
    q = q.where('area_id', 'in', [...areaIds]);
  }
  return (await q.executeTakeFirstOrThrow()).n;
}

export async function insertExtension(
  db: Queryable,
  row: { announcement_id: number; requested_on: string; new_deadline: string; status: ExtensionStatus; note: string | null; created_by: string },
) {
  return (await db.insertInto('coop_announcement_extension').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Decides a pending extension; null when it was already decided. */
export async function decideExtension(db: Queryable, id: number, status: 'bevilget' | 'afslaaet') {
  return (
    (await db
      .updateTable('coop_announcement_extension')
      .set({ status })
      .where('id', '=', id)
      .where('status', '=', 'afventer')
      .returning('id')
      .executeTakeFirst()) ?? null
  );
}

/** The area's row locked for the rest of the transaction (answers and the report wait for each other). */
export async function lockArea(db: Queryable, announcementId: number, areaId: number) {
  return (
    (await db
      .selectFrom('coop_announcement_area')
      .select(['status', 'report_version', 'report_text'])
      .where('announcement_id', '=', announcementId)
      .where('area_id', '=', areaId)
      .forUpdate()
      .executeTakeFirst()) ?? null
  );
}

export async function insertResponse(db: Queryable, row: { announcement_id: number; organisation_id: number; area_id: number; answered_by: string }) {
  return (await db.insertInto('coop_announcement_response').values(row).returning(['id', 'version']).executeTakeFirstOrThrow()).id;
}

/** Moves an answer set to its next version; null when it is not at the version read. */
export async function bumpResponse(db: Queryable, id: number, version: number, answeredBy: string) {
  return (
    (await db
      .updateTable('coop_announcement_response')
      .set({ version: sql`version + 1`, answered_by: answeredBy, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('version')
      .executeTakeFirst()) ?? null
  );
}

export async function replaceAnswers(db: Queryable, responseId: number, answers: ReadonlyArray<{ questionId: number; text: string }>) {
  await db.deleteFrom('coop_announcement_answer').where('response_id', '=', responseId).execute();
  if (answers.length)
    await db
      .insertInto('coop_announcement_answer')
      .values(answers.map((a) => ({ response_id: responseId, question_id: a.questionId, text: a.text })))
      .execute();
}

/** Saves the report text on the version read while it is a draft; null otherwise. */
export async function saveReport(db: Queryable, announcementId: number, areaId: number, version: number, text: string | null) {
  return (
    (await db
      .updateTable('coop_announcement_area')
      .set({ report_text: text, report_version: sql`report_version + 1` })
      .where('announcement_id', '=', announcementId)
      .where('area_id', '=', areaId)
      .where('report_version', '=', version)
      .where('status', '=', 'kladde')
      .returning('report_version')
      .executeTakeFirst()) ?? null
  );
}

/** A status change from one status to the next; null when the report is no longer in `from`. */
export async function setAreaStatus(
  db: Queryable,
  announcementId: number,
  areaId: number,
  change: { from: ReportStatus; to: ReportStatus },
  fields: { sent_on?: string; sent_by?: string; sent_reference?: string | null; response_on?: string; response_text?: string },
) {
  return (
    (await db
      .updateTable('coop_announcement_area')
      .set({ status: change.to, ...fields })
      .where('announcement_id', '=', announcementId)
      .where('area_id', '=', areaId)
      .where('status', '=', change.from)
      .returning('status')
      .executeTakeFirst()) ?? null
  );
}

/**
 * What a municipality has still to answer: announcements concerning one of its areas whose area report is not
 * sent and where it has not answered every question, with the deadline in force.
 */
export async function unanswered(db: Queryable, organisationId: number, areaIds: readonly number[]) {
  if (!areaIds.length) return [];
  return db
    .selectFrom('coop_announcement as an')
    .innerJoin('coop_announcement_area as x', 'x.announcement_id', 'an.id')
    .select([
      'an.id',
      'an.title',
      deadlineSql.as('deadline'),
      sql<number>`(select count(*) from coop_announcement_question q where q.announcement_id = an.id)::int`.as('questions'),
    ])
    .select(
      sql<number>`(select count(*) from coop_announcement_response r join coop_announcement_answer aa on aa.response_id = r.id
        where r.announcement_id = an.id and r.organisation_id = ${organisationId})::int`.as('answered'),
    )
    .where('x.area_id', 'in', [...areaIds])
    .where('x.status', '=', 'kladde')
    .groupBy('an.id')
    .orderBy('an.id')
    .execute();
}

/** The areas' reports not yet sent, with the announcement's deadline: the secretariat's work list. */
export async function pendingReports(db: Queryable, areaIds: readonly number[]) {
  if (!areaIds.length) return [];
  return db
    .selectFrom('coop_announcement as an')
    .innerJoin('coop_announcement_area as x', 'x.announcement_id', 'an.id')
    .innerJoin('agreement_area as a', 'a.id', 'x.area_id')
    .select(['an.id', 'an.title', deadlineSql.as('deadline'), 'a.id as area_id', 'a.code as area_code', 'a.name as area_name'])
    .where('x.area_id', 'in', [...areaIds])
    .where('x.status', '=', 'kladde')
    .orderBy('an.id')
    .orderBy('a.code')
    .execute();
}
