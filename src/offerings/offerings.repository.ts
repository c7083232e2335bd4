/**
 * @module All SQL for offerings: the filtered list, one offering with its links, writes, and the
 * reference lists the forms need.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { DB, Queryable } from '../core/db/types.js';
import type { TListQuery } from './offerings.schema.js';
import type { OfferingTable } from './offerings.table.js';

export const today = (): string => new Date().toISOString().slice(0, 10);

/** Danish words from free text, each as a prefix term: "autist unge" → "autist:* & unge:*". */
export function toPrefixQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

type OfferingQuery = SelectQueryBuilder<DB & { o: DB['offering'] }, 'o', object>;

function applyFilters(q: OfferingQuery, f: TListQuery, date: string): OfferingQuery {
  if (f.area) {
    q = q.where('o.municipality_code', 'in', (eb) =>
      eb
        .selectFrom('agreement_area_member as m')
        .innerJoin('agreement_area as a', 'a.id', 'm.area_id')
        .innerJoin('organisation as mo', 'mo.id', 'm.organisation_id')
        .select('mo.municipality_code')
        .where('a.code', '=', f.area!)
        .where('mo.municipality_code', 'is not', null)
        .where('m.valid_from', '<=', date)
        .where((w) => w.or([w('m.valid_to', 'is', null), w('m.valid_to', '>=', date)]))
        .$narrowType<{ municipality_code: number }>(),
    );
  }
  if (f.municipality) q = q.where('o.municipality_code', '=', f.municipality);
  if (f.operatorType) q = q.where('o.operator_type', '=', f.operatorType);
  if (f.operator) q = q.where('o.operator_org_id', '=', f.operator);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.legalBasis) {
    const code = f.legalBasis;
    q = q.where((eb) =>
      eb.or([eb('o.primary_legal_basis', '=', code), eb.exists(eb.selectFrom('offering_legal_basis as lb').select('lb.offering_id').whereRef('lb.offering_id', '=', 'o.id').where('lb.legal_basis_code', '=', code))]),
    );
  }
  if (f.targetGroup) {
    const code = f.targetGroup;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('offering_target_group as tg')
          .innerJoin('target_group as t', 't.code', 'tg.target_group_code')
          .select('tg.offering_id')
          .whereRef('tg.offering_id', '=', 'o.id')
          .where((w) => w.or([w('t.code', '=', code), w('t.parent_code', '=', code)])),
      ),
    );
  }
  const terms = f.q ? toPrefixQuery(f.q) : null;
  if (terms) {
    const like = `%${f.q!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Words may hit the offering's own text, its target groups or its operator (e.g. "autisme", "Holbæk").
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`o.search @@ to_tsquery('danish', ${terms})`,
        eb('o.name', 'ilike', like),
        sql<boolean>`exists (select 1 from offering_target_group tg join target_group t on t.code = tg.target_group_code
          where tg.offering_id = o.id and to_tsvector('danish', t.name) @@ to_tsquery('danish', ${terms}))`,
        sql<boolean>`exists (select 1 from organisation op where op.id = o.operator_org_id and to_tsvector('danish', op.name) @@ to_tsquery('danish', ${terms}))`,
      ]),
    );
  }
  return q;
}

const SORT_COLUMNS = {
  name: sql`o.name`,
  municipality: sql`mu.name`,
  places: sql`o.places`,
  updated: sql`o.updated_at`,
  status: sql`o.status`,
} as const;

export type OfferingListRow = Awaited<ReturnType<typeof listOfferings>>['rows'][number];

export async function listOfferings(db: Queryable, f: TListQuery, options: { all?: boolean } = {}) {
  const date = today();
  const base = applyFilters(db.selectFrom('offering as o') as OfferingQuery, f, date);
  const countRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(countRow.n);
  let q = base
    .innerJoin('municipality as mu', 'mu.code', 'o.municipality_code')
    .innerJoin('organisation as op', 'op.id', 'o.operator_org_id')
    .innerJoin('legal_basis as lb', 'lb.code', 'o.primary_legal_basis')
    .innerJoin('offering_type as ot', 'ot.code', 'o.offering_type')
    .innerJoin('operator_type as opt', 'opt.code', 'o.operator_type')
    .select([
      'o.id', 'o.name', 'o.municipality_code', 'mu.name as municipality_name', 'o.operator_org_id', 'op.name as operator_name',
      'o.operator_type', 'opt.name as operator_type_name', 'o.offering_type', 'ot.name as offering_type_name',
      'o.primary_legal_basis', 'lb.law as legal_basis_law', 'lb.paragraph as legal_basis_paragraph', 'o.places', 'o.age_min', 'o.age_max',
      'o.status', 'o.status_since', 'o.is_covered', 'o.protection', 'o.updated_at',
      'o.address', 'o.postal_code', 'o.city', 'o.socialtilsyn_code', 'o.approval_date', 'o.description', 'o.contact_name', 'o.contact_email', 'o.contact_phone',
    ])
    .select((eb) => [
      eb
        .selectFrom('offering_target_group as tg')
        .innerJoin('target_group as t', 't.code', 'tg.target_group_code')
        .select(sql<string>`string_agg(t.name, ', ' order by t.sort)`.as('x'))
        .whereRef('tg.offering_id', '=', 'o.id')
        .as('target_group_names'),
      eb
        .selectFrom('offering_target_group as tg')
        .select(sql<string>`string_agg(tg.target_group_code, ',' order by tg.target_group_code)`.as('x'))
        .whereRef('tg.offering_id', '=', 'o.id')
        .as('target_group_codes'),
      eb
        .selectFrom('offering_legal_basis as x')
        .select(sql<string>`string_agg(x.legal_basis_code, ',' order by x.legal_basis_code)`.as('x'))
        .whereRef('x.offering_id', '=', 'o.id')
        .as('extra_legal_bases'),
    ])
    .orderBy(SORT_COLUMNS[f.sort], f.dir)
    .orderBy('o.id', 'asc');
  if (!options.all) q = q.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const rows = await q.execute();
  return { total, rows, page: f.page, pageSize: f.pageSize, pageCount: Math.max(1, Math.ceil(total / f.pageSize)) };
}

export async function getOffering(db: Queryable, id: number) {
  const row = await db
    .selectFrom('offering as o')
    .innerJoin('municipality as mu', 'mu.code', 'o.municipality_code')
    .innerJoin('organisation as op', 'op.id', 'o.operator_org_id')
    .innerJoin('legal_basis as lb', 'lb.code', 'o.primary_legal_basis')
    .innerJoin('offering_type as ot', 'ot.code', 'o.offering_type')
    .innerJoin('operator_type as opt', 'opt.code', 'o.operator_type')
    .innerJoin('socialtilsyn as st', 'st.code', 'o.socialtilsyn_code')
    .selectAll('o')
    .select([
      'mu.name as municipality_name', 'op.name as operator_name', 'op.kind as operator_kind', 'lb.law as legal_basis_law',
      'lb.paragraph as legal_basis_paragraph', 'lb.title as legal_basis_title', 'ot.name as offering_type_name',
      'opt.name as operator_type_name', 'st.name as socialtilsyn_name',
    ])
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const { search: _search, ...offering } = row as typeof row & { search?: unknown };
  const extra = await db
    .selectFrom('offering_legal_basis as x')
    .innerJoin('legal_basis as lb', 'lb.code', 'x.legal_basis_code')
    .select(['lb.code', 'lb.law', 'lb.paragraph', 'lb.title'])
    .where('x.offering_id', '=', id)
    .orderBy('lb.sort')
    .execute();
  const groups = await db
    .selectFrom('offering_target_group as x')
    .innerJoin('target_group as t', 't.code', 'x.target_group_code')
    .select(['t.code', 't.name', 't.parent_code'])
    .where('x.offering_id', '=', id)
    .orderBy('t.sort')
    .execute();
  const areas = await areasOfMunicipality(db, offering.municipality_code, today());
  return { ...offering, extraLegalBases: extra, targetGroups: groups, areas };
}

export type OfferingDetail = NonNullable<Awaited<ReturnType<typeof getOffering>>>;

export async function areasOfMunicipality(db: Queryable, municipalityCode: number, date: string) {
  return db
    .selectFrom('agreement_area_member as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .innerJoin('agreement_area as a', 'a.id', 'm.area_id')
    .select(['a.id', 'a.code', 'a.name'])
    .where('o.municipality_code', '=', municipalityCode)
    .where('m.valid_from', '<=', date)
    .where((w) => w.or([w('m.valid_to', 'is', null), w('m.valid_to', '>=', date)]))
    .execute();
}

export type OfferingRowValues = Omit<OfferingTable, 'id' | 'created_at' | 'updated_at'>;

export async function insertOffering(db: Queryable, values: OfferingRowValues, extraLegalBases: string[], targetGroups: string[]): Promise<number> {
  const { id } = await db.insertInto('offering').values(values).returning('id').executeTakeFirstOrThrow();
  await replaceLinks(db, id, extraLegalBases, targetGroups);
  return id;
}

export async function updateOffering(db: Queryable, id: number, values: OfferingRowValues, extraLegalBases: string[], targetGroups: string[]): Promise<void> {
  await db.updateTable('offering').set({ ...values, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
  await replaceLinks(db, id, extraLegalBases, targetGroups);
}

async function replaceLinks(db: Queryable, id: number, extraLegalBases: string[], targetGroups: string[]) {
  await db.deleteFrom('offering_legal_basis').where('offering_id', '=', id).execute();
  await db.deleteFrom('offering_target_group').where('offering_id', '=', id).execute();
  if (extraLegalBases.length) await db.insertInto('offering_legal_basis').values(extraLegalBases.map((c) => ({ offering_id: id, legal_basis_code: c }))).execute();
  if (targetGroups.length) await db.insertInto('offering_target_group').values(targetGroups.map((c) => ({ offering_id: id, target_group_code: c }))).execute();
}

/** Everything the filters and forms offer to choose from, valid today. */
export async function referenceLists(db: Queryable) {
  const date = today();
  const valid = <T extends { valid_from: string; valid_to: string | null }>(rows: T[]) => rows.filter((r) => r.valid_from <= date && (!r.valid_to || r.valid_to >= date));
  const [areas, municipalities, operatorTypes, legalBases, targetGroups, offeringTypes, socialtilsyn] = await Promise.all([
    db.selectFrom('agreement_area').select(['id', 'code', 'name', 'valid_from', 'valid_to']).orderBy('name').execute(),
    db.selectFrom('municipality').select(['code', 'name']).orderBy('name').execute(),
    db.selectFrom('operator_type').select(['code', 'name']).orderBy('sort').execute(),
    db.selectFrom('legal_basis').selectAll().orderBy('sort').execute(),
    db.selectFrom('target_group').selectAll().orderBy('sort').execute(),
    db.selectFrom('offering_type').selectAll().orderBy('sort').execute(),
    db.selectFrom('socialtilsyn').selectAll().orderBy('name').execute(),
  ]);
  return { areas: valid(areas), municipalities, operatorTypes, legalBases, validLegalBases: valid(legalBases), targetGroups: valid(targetGroups), offeringTypes, socialtilsyn };
}

export type ReferenceLists = Awaited<ReturnType<typeof referenceLists>>;
