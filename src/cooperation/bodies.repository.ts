/**
 * @module All SQL of the cooperation's bodies: bodies with their area and (in the version in force) superior,
 * mandates and members valid on a date, and the organisation's versions with their placements.
 */
import { sql } from 'kysely';
import { validOn } from '../core/db/dated.js';
import type { Queryable } from '../core/db/types.js';
import type { BodyKind, MemberRole } from './cooperation.table.js';

export async function areas(db: Queryable) {
  return db.selectFrom('agreement_area').select(['id', 'code', 'name']).orderBy('name').execute();
}

export async function areaByCode(db: Queryable, code: string) {
  return (await db.selectFrom('agreement_area').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst()) ?? null;
}

export async function areaById(db: Queryable, id: number) {
  return (await db.selectFrom('agreement_area').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
}

const bodyColumns = (db: Queryable) =>
  db
    .selectFrom('coop_body as b')
    .leftJoin('agreement_area as a', 'a.id', 'b.area_id')
    .leftJoin('coop_structure as s', (j) => j.onRef('s.area_id', '=', 'b.area_id').on('s.status', '=', 'gaeldende'))
    .leftJoin('coop_structure_body as sb', (j) => j.onRef('sb.structure_id', '=', 's.id').onRef('sb.body_id', '=', 'b.id'))
    .leftJoin('coop_body as sup', 'sup.id', 'sb.reports_to_id')
    .select([
      'b.id',
      'b.area_id',
      'a.code as area_code',
      'a.name as area_name',
      'b.kind',
      'b.name',
      'b.description',
      'sb.reports_to_id',
      'sup.name as reports_to_name',
      sql<boolean>`sb.body_id is not null`.as('is_in_current'),
    ]);

export type BodyRow = NonNullable<Awaited<ReturnType<typeof findBody>>>;

/** Bodies of an area (undefined: every area; null: the national bodies), national ones last. */
export async function bodies(db: Queryable, areaId: number | null | undefined) {
  let q = bodyColumns(db);
  if (areaId === null) q = q.where('b.area_id', 'is', null);
  else if (areaId !== undefined) q = q.where('b.area_id', '=', areaId);
  return q.orderBy(sql`a.name nulls last`).orderBy('b.kind').orderBy('b.name').execute();
}

export async function findBody(db: Queryable, id: number) {
  return (await bodyColumns(db).where('b.id', '=', id).executeTakeFirst()) ?? null;
}

/** The mandate valid on the date per body (the latest one beginning on or before it). */
export async function mandatesOn(db: Queryable, bodyIds: readonly number[], date: string) {
  if (!bodyIds.length) return new Map<number, { text: string; approved_by: string | null; valid_from: string; valid_to: string | null }>();
  const rows = await db
    .selectFrom('coop_mandate as m')
    .select(['m.body_id', 'm.text', 'm.approved_by', sql<string>`m.valid_from::text`.as('valid_from'), sql<string | null>`m.valid_to::text`.as('valid_to')])
    .where('m.body_id', 'in', [...bodyIds])
    .where(validOn('m', date))
    .orderBy('m.valid_from', 'desc')
    .execute();
  const out = new Map<number, (typeof rows)[number]>();
  for (const r of rows) if (!out.has(r.body_id)) out.set(r.body_id, r);
  return out;
}

const memberColumns = (db: Queryable) =>
  db
    .selectFrom('coop_member as m')
    .leftJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select([
      'm.id',
      'm.body_id',
      'm.person_name',
      'm.organisation_id',
      sql<string>`coalesce(o.name, m.organisation_text, '')`.as('organisation_name'),
      'm.role',
      sql<string>`m.valid_from::text`.as('valid_from'),
      sql<string | null>`m.valid_to::text`.as('valid_to'),
    ]);

const ROLE_ORDER = sql`case m.role when 'formand' then 0 when 'naestformand' then 1 when 'medlem' then 2 when 'observatoer' then 3 else 4 end`;

/** Members of the bodies on a date (undefined: every member ever). */
export async function members(db: Queryable, bodyIds: readonly number[], date?: string) {
  if (!bodyIds.length) return [];
  let q = memberColumns(db).where('m.body_id', 'in', [...bodyIds]);
  if (date) q = q.where(validOn('m', date));
  return q.orderBy(ROLE_ORDER).orderBy('m.person_name').orderBy('m.id').execute();
}

export async function findMember(db: Queryable, id: number) {
  return (await memberColumns(db).where('m.id', '=', id).executeTakeFirst()) ?? null;
}

export async function mandates(db: Queryable, bodyId: number) {
  return db
    .selectFrom('coop_mandate as m')
    .select(['m.id', 'm.text', 'm.approved_by', sql<string>`m.valid_from::text`.as('valid_from'), sql<string | null>`m.valid_to::text`.as('valid_to')])
    .where('m.body_id', '=', bodyId)
    .orderBy('m.valid_from', 'desc')
    .execute();
}

/** The organisations a member can come from: the area's members on the date and its secretariat. */
export async function memberOrganisations(db: Queryable, areaId: number | null, date: string) {
  let q = db.selectFrom('organisation as o').select(['o.id', 'o.name', 'o.kind']);
  q =
    areaId === null
      ? q.where('o.kind', '=', 'secretariat')
      : q.where((eb) =>
          eb.or([
            eb.and([eb('o.kind', '=', 'secretariat'), eb('o.area_id', '=', areaId)]),
            eb.exists(
              eb
                .selectFrom('agreement_area_member as am')
                .select('am.organisation_id')
                .whereRef('am.organisation_id', '=', 'o.id')
                .where('am.area_id', '=', areaId)
                .where(validOn('am', date)),
            ),
          ]),
        );
  return q.orderBy('o.kind').orderBy('o.name').execute();
}

export async function insertBody(db: Queryable, row: { area_id: number | null; kind: BodyKind; name: string; description: string | null; created_by: string }) {
  return (await db.insertInto('coop_body').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function bodyNameTaken(db: Queryable, areaId: number | null, name: string) {
  let q = db.selectFrom('coop_body').select('id').where(sql`lower(name)`, '=', name.toLowerCase());
  q = areaId === null ? q.where('area_id', 'is', null) : q.where('area_id', '=', areaId);
  return !!(await q.executeTakeFirst());
}

export async function insertMember(
  db: Queryable,
  row: {
    body_id: number;
    person_name: string;
    organisation_id: number | null;
    organisation_text: string | null;
    role: MemberRole;
    valid_from: string;
    valid_to: string | null;
  },
) {
  return (await db.insertInto('coop_member').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Ends an open membership; null when it had already ended (another user got there first). */
export async function endMember(db: Queryable, id: number, validTo: string) {
  return (
    (await db.updateTable('coop_member').set({ valid_to: validTo }).where('id', '=', id).where('valid_to', 'is', null).returning('id').executeTakeFirst()) ??
    null
  );
}

export async function insertMandate(
  db: Queryable,
  row: { body_id: number; text: string; approved_by: string | null; valid_from: string; valid_to: string | null },
) {
  return (await db.insertInto('coop_mandate').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Ends the body's open mandates the day before a new one begins. */
export async function closeOpenMandates(db: Queryable, bodyId: number, dayBefore: string) {
  await db
    .updateTable('coop_mandate')
    .set({ valid_to: dayBefore })
    .where('body_id', '=', bodyId)
    .where('valid_to', 'is', null)
    .where('valid_from', '<=', dayBefore)
    .execute();
}

// Organisation versions -------------------------------------------------------------------------------

export async function structures(db: Queryable, areaId: number) {
  return db
    .selectFrom('coop_structure')
    .select(['id', 'area_id', 'title', 'status', 'note', 'based_on_id', 'created_at', 'created_by'])
    .where('area_id', '=', areaId)
    .orderBy(sql`status = 'gaeldende'`, 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findStructure(db: Queryable, id: number) {
  return (
    (await db
      .selectFrom('coop_structure as s')
      .innerJoin('agreement_area as a', 'a.id', 's.area_id')
      .select([
        's.id',
        's.area_id',
        'a.code as area_code',
        'a.name as area_name',
        's.title',
        's.status',
        's.note',
        's.based_on_id',
        's.created_at',
        's.created_by',
      ])
      .where('s.id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export async function currentStructureId(db: Queryable, areaId: number) {
  return (await db.selectFrom('coop_structure').select('id').where('area_id', '=', areaId).where('status', '=', 'gaeldende').executeTakeFirst())?.id ?? null;
}

/** The bodies placed in a version, with their kind and superior. */
export async function placements(db: Queryable, structureId: number) {
  return db
    .selectFrom('coop_structure_body as sb')
    .innerJoin('coop_body as b', 'b.id', 'sb.body_id')
    .select(['b.id', 'b.name', 'b.kind', 'sb.reports_to_id'])
    .where('sb.structure_id', '=', structureId)
    .orderBy('b.kind')
    .orderBy('b.name')
    .execute();
}

export async function insertStructure(
  db: Queryable,
  row: { area_id: number; title: string; status: 'gaeldende' | 'forslag'; note: string | null; based_on_id: number | null; created_by: string },
) {
  return (await db.insertInto('coop_structure').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function copyPlacements(db: Queryable, fromId: number, toId: number) {
  await sql`insert into coop_structure_body (structure_id, body_id, reports_to_id) select ${toId}, body_id, reports_to_id from coop_structure_body where structure_id = ${fromId}`.execute(
    db,
  );
}

export async function setPlacement(db: Queryable, structureId: number, bodyId: number, reportsToId: number | null) {
  await db
    .insertInto('coop_structure_body')
    .values({ structure_id: structureId, body_id: bodyId, reports_to_id: reportsToId })
    .onConflict((oc) => oc.columns(['structure_id', 'body_id']).doUpdateSet({ reports_to_id: reportsToId }))
    .execute();
}

export async function replacePlacements(db: Queryable, structureId: number, rows: Array<{ bodyId: number; reportsToId: number | null }>) {
  await db.deleteFrom('coop_structure_body').where('structure_id', '=', structureId).execute();
  if (rows.length)
    await db
      .insertInto('coop_structure_body')
      .values(rows.map((r) => ({ structure_id: structureId, body_id: r.bodyId, reports_to_id: r.reportsToId })))
      .execute();
}
