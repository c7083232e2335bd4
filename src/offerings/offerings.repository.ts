/**
 * @module All SQL for offerings: the filtered list, one offering with its links, writes, and the
 * reference lists the forms need.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { DB, Queryable } from '../core/db/types.js';
import type { TListQuery } from './offerings.schema.js';
import type { OfferingTable } from './offerings.table.js';
import { areasOfMunicipality } from '../reference/reference.repository.js';

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

/**
 * Filters resolved against the small reference tables first (area → municipality codes, target group →
 * itself and its children, free text → matching target groups and operators), so the query over the large
 * offering table uses plain IN lists that the planner turns into index or hash lookups.
 */
async function resolveFilters(db: Queryable, f: TListQuery, date: string) {
  const areaMunicipalities = f.area
    ? (
        await db
          .selectFrom('agreement_area_member as m')
          .innerJoin('agreement_area as a', 'a.id', 'm.area_id')
          .innerJoin('organisation as mo', 'mo.id', 'm.organisation_id')
          .select('mo.municipality_code')
          .where('a.code', '=', f.area)
          .where('mo.municipality_code', 'is not', null)
          .where('m.valid_from', '<=', date)
          .where((w) => w.or([w('m.valid_to', 'is', null), w('m.valid_to', '>=', date)]))
          .execute()
      ).map((r) => r.municipality_code!)
    : null;
  const targetGroups = f.targetGroup
    ? (await db.selectFrom('target_group').select('code').where((w) => w.or([w('code', '=', f.targetGroup!), w('parent_code', '=', f.targetGroup!)])).execute()).map((r) => r.code)
    : null;
  // Each word must be found somewhere: in the offering's own text, a target group's name or the operator's name.
  const terms = [];
  for (const term of f.q ? (toPrefixQuery(f.q)?.split(' & ') ?? []) : []) {
    const groups = (await db.selectFrom('target_group').select('code').where(sql<boolean>`to_tsvector('danish', name) @@ to_tsquery('danish', ${term})`).execute()).map((r) => r.code);
    const operators = (await db.selectFrom('organisation').select('id').where(sql<boolean>`to_tsvector('danish', name) @@ to_tsquery('danish', ${term})`).execute()).map((r) => r.id);
    terms.push({ term, groups, operators });
  }
  return { areaMunicipalities, targetGroups, terms };
}

type Resolved = Awaited<ReturnType<typeof resolveFilters>>;

function applyFilters(q: OfferingQuery, f: TListQuery, r: Resolved): OfferingQuery {
  if (r.areaMunicipalities) q = r.areaMunicipalities.length ? q.where('o.municipality_code', 'in', r.areaMunicipalities) : q.where(sql<boolean>`false`);
  if (f.municipality) q = q.where('o.municipality_code', '=', f.municipality);
  if (f.operatorType) q = q.where('o.operator_type', '=', f.operatorType);
  if (f.operator) q = q.where('o.operator_org_id', '=', f.operator);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.legalBasis) {
    const code = f.legalBasis;
    q = q.where((eb) =>
      eb.or([eb('o.primary_legal_basis', '=', code), eb('o.id', 'in', eb.selectFrom('offering_legal_basis').select('offering_id').where('legal_basis_code', '=', code))]),
    );
  }
  if (r.targetGroups) {
    const codes = r.targetGroups.length ? r.targetGroups : ['-'];
    q = q.where('o.id', 'in', (eb) => eb.selectFrom('offering_target_group').select('offering_id').where('target_group_code', 'in', codes));
  }
  for (const { term, groups, operators } of r.terms) {
    // Words (as Danish prefixes) may hit the offering's name, description or address, its target groups or
    // its operator (e.g. "autisme", "Holbæk"). All branches can use an index.
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`o.search @@ to_tsquery('danish', ${term})`,
        ...(groups.length ? [eb('o.id', 'in', eb.selectFrom('offering_target_group').select('offering_id').where('target_group_code', 'in', groups))] : []),
        ...(operators.length ? [eb('o.operator_org_id', 'in', operators)] : []),
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
  const resolved = await resolveFilters(db, f, today());
  const base = applyFilters(db.selectFrom('offering as o') as OfferingQuery, f, resolved);
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

const referenceCache = new Map<string, Promise<ReferenceLists>>();

/** Everything the filters and forms offer to choose from, valid today. Reference data changes only by
 * migration, so it is cached per process and day. */
export function referenceLists(db: Queryable): Promise<ReferenceLists> {
  const key = today();
  let cached = referenceCache.get(key);
  if (!cached) {
    referenceCache.clear();
    cached = loadReferenceLists(db);
    referenceCache.set(key, cached);
    cached.catch(() => referenceCache.delete(key));
  }
  return cached;
}

async function loadReferenceLists(db: Queryable) {
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

export type ReferenceLists = Awaited<ReturnType<typeof loadReferenceLists>>;
