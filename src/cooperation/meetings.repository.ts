/**
 * @module All SQL of the cooperation's meetings: the list (area, body, year), one meeting with its body and area,
 * the agenda items, the bodies an organisation sits in, the links' targets, and the version-checked writes (every
 * write on a meeting raises its version; a stale version or a changed status updates nothing).
 */
import { sql } from 'kysely';
import { validOn } from '../core/db/dated.js';
import type { Queryable } from '../core/db/types.js';
import type { LinkKind, MeetingStatus, MinutesVisibility } from './meetings.table.js';

const meetingColumns = (db: Queryable) =>
  db
    .selectFrom('coop_meeting as m')
    .innerJoin('coop_body as b', 'b.id', 'm.body_id')
    .leftJoin('agreement_area as a', 'a.id', 'b.area_id')
    .select([
      'm.id',
      'm.body_id',
      'b.name as body_name',
      'b.area_id',
      'a.code as area_code',
      'a.name as area_name',
      'm.title',
      sql<string>`m.meeting_date::text`.as('meeting_date'),
      'm.starts_at',
      'm.ends_at',
      'm.place',
      'm.online_url',
      'm.status',
      'm.minutes_visibility',
      'm.minutes_published_at',
      'm.version',
    ]);

export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export async function findMeeting(db: Queryable, id: number) {
  return (await meetingColumns(db).where('m.id', '=', id).executeTakeFirst()) ?? null;
}

/** Meetings by area, body and year, earliest first. */
export async function meetings(db: Queryable, f: { areaId?: number; bodyId?: number; bodyIds?: readonly number[]; year?: number }) {
  let q = meetingColumns(db);
  if (f.areaId !== undefined) q = q.where('b.area_id', '=', f.areaId);
  if (f.bodyId !== undefined) q = q.where('m.body_id', '=', f.bodyId);
  if (f.bodyIds !== undefined) q = f.bodyIds.length ? q.where('m.body_id', 'in', [...f.bodyIds]) : q.where(sql<boolean>`false`);
  if (f.year !== undefined) q = q.where('m.meeting_date', '>=', `${f.year}-01-01`).where('m.meeting_date', '<=', `${f.year}-12-31`);
  return q.orderBy('m.meeting_date').orderBy('m.starts_at').orderBy('m.id').execute();
}

export type ItemRow = Awaited<ReturnType<typeof items>>[number];

export async function items(db: Queryable, meetingIds: readonly number[]) {
  if (!meetingIds.length) return [];
  return db
    .selectFrom('coop_agenda_item')
    .select([
      'id',
      'meeting_id',
      'position',
      'starts_at',
      'title',
      'presenter',
      'form',
      'description',
      'link_kind',
      'link_id',
      'link_url',
      'minutes',
      'decision',
    ])
    .where('meeting_id', 'in', [...meetingIds])
    .orderBy('meeting_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The bodies the organisation has a member in on the date. */
export async function bodiesOfOrganisation(db: Queryable, organisationId: number, date: string): Promise<number[]> {
  const rows = await db
    .selectFrom('coop_member as m')
    .select('m.body_id')
    .distinct()
    .where('m.organisation_id', '=', organisationId)
    .where(validOn('m', date))
    .execute();
  return rows.map((r) => r.body_id);
}

/** The bodies a person sits in on the date: by name within their organisation. */
export async function bodiesOfPerson(db: Queryable, organisationId: number, name: string, date: string): Promise<number[]> {
  const rows = await db
    .selectFrom('coop_member as m')
    .select('m.body_id')
    .distinct()
    .where('m.organisation_id', '=', organisationId)
    .where(sql`lower(m.person_name)`, '=', name.toLowerCase())
    .where(validOn('m', date))
    .execute();
  return rows.map((r) => r.body_id);
}

/** Bodies with area, to choose from and to check. */
export async function body(db: Queryable, id: number) {
  return (
    (await db
      .selectFrom('coop_body as b')
      .leftJoin('agreement_area as a', 'a.id', 'b.area_id')
      .select(['b.id', 'b.name', 'b.area_id', 'a.code as area_code', 'a.name as area_name'])
      .where('b.id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export async function areaBodies(db: Queryable, areaId: number | null) {
  let q = db.selectFrom('coop_body').select(['id', 'name']);
  q = areaId === null ? q.where('area_id', 'is', null) : q.where('area_id', '=', areaId);
  return q.orderBy('name').execute();
}

/** Labels of the linked increase reports and agreement versions, by id (one query each). */
export async function linkTargets(db: Queryable, reportIds: readonly number[], versionIds: readonly number[]) {
  const [reports, versions] = await Promise.all([
    reportIds.length
      ? db
          .selectFrom('tariff_increase_report as r')
          .innerJoin('agreement_area as a', 'a.id', 'r.area_id')
          .select(['r.id', 'r.period', 'a.code as area_code', 'a.name as area_name'])
          .where('r.id', 'in', [...reportIds])
          .execute()
      : [],
    versionIds.length
      ? db
          .selectFrom('agreement_version as v')
          .innerJoin('agreement as ag', 'ag.id', 'v.agreement_id')
          .select(['v.id', 'v.agreement_id', 'v.number', 'ag.title'])
          .where('v.id', 'in', [...versionIds])
          .execute()
      : [],
  ]);
  return { reports: new Map(reports.map((r) => [r.id, r])), versions: new Map(versions.map((v) => [v.id, v])) };
}

export type MeetingValues = {
  title: string;
  meeting_date: string;
  starts_at: string;
  ends_at: string;
  place: string | null;
  online_url: string | null;
};

export type ItemValues = {
  starts_at: string | null;
  title: string;
  presenter: string | null;
  form: string | null;
  description: string | null;
  link_kind: LinkKind | null;
  link_id: number | null;
  link_url: string | null;
};

export async function insertMeeting(db: Queryable, row: MeetingValues & { body_id: number; created_by: string }) {
  return (await db.insertInto('coop_meeting').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertItems(db: Queryable, meetingId: number, firstPosition: number, rows: readonly ItemValues[]) {
  if (!rows.length) return [];
  return (
    await db
      .insertInto('coop_agenda_item')
      .values(rows.map((r, i) => ({ ...r, meeting_id: meetingId, position: firstPosition + i })))
      .returning('id')
      .execute()
  ).map((r) => r.id);
}

/**
 * Raises the meeting's version when it is still at `version` (and, when given, in one of `statuses`); the new
 * values are set in the same statement. Null: another user changed it first, or the status no longer allows it.
 */
export async function bump(
  db: Queryable,
  id: number,
  version: number,
  set: Partial<MeetingValues & { status: MeetingStatus; minutes_visibility: MinutesVisibility; minutes_published_at: Date | null }> = {},
  statuses?: readonly MeetingStatus[],
) {
  let q = db
    .updateTable('coop_meeting')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version);
  if (statuses) q = q.where('status', 'in', [...statuses]);
  return (await q.returning(['id', 'version']).executeTakeFirst()) ?? null;
}

export async function setItemPositions(db: Queryable, meetingId: number, itemIds: readonly number[]) {
  for (const [i, id] of itemIds.entries())
    await db
      .updateTable('coop_agenda_item')
      .set({ position: i + 1 })
      .where('id', '=', id)
      .where('meeting_id', '=', meetingId)
      .execute();
}

export async function updateItem(
  db: Queryable,
  meetingId: number,
  itemId: number,
  values: Partial<ItemValues & { minutes: string | null; decision: string | null }>,
) {
  await db.updateTable('coop_agenda_item').set(values).where('id', '=', itemId).where('meeting_id', '=', meetingId).execute();
}

/** Meetings before `today` in the given areas (and the national bodies') that are not marked held or cancelled, or are held without published minutes. */
export async function overdueMeetings(db: Queryable, areaIds: readonly number[], today: string) {
  return meetingColumns(db)
    .where('m.meeting_date', '<', today)
    .where((eb) => eb.or([eb('m.status', '=', 'planlagt'), eb.and([eb('m.status', '=', 'afholdt'), eb('m.minutes_published_at', 'is', null)])]))
    .where((eb) => (areaIds.length ? eb.or([eb('b.area_id', 'in', [...areaIds]), eb('b.area_id', 'is', null)]) : eb('b.area_id', 'is', null)))
    .orderBy('m.meeting_date')
    .orderBy('m.id')
    .execute();
}
