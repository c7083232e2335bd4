/**
 * @module All SQL of the offerings register: the filtered list (one statement and its count), offerings
 * with their links, writes, the change history, and the reference lists the filters and forms offer. The
 * offering with its reference data is `offeringCatalogue` (offerings.public.ts), used here for the list and
 * the detail; agreement-area membership comes from reference.public.ts.
 */
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { isValidOn, validOn } from '../core/db/dated.js';
import { memoPerDatabase } from '../core/db/memo.js';
import { prepared } from '../core/db/prepared.js';
import type { DB, Queryable } from '../core/db/types.js';
import { municipalityCodesOfArea } from '../reference/reference.public.js';
import { offeringCatalogue } from './catalogue.repository.js';
import type { TListQuery } from './offerings.schema.js';
import type { OfferingTable } from './offerings.table.js';

/** Danish words from free text, each as a prefix term: "autist unge" → "autist:* & unge:*". */
export function toPrefixQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

// The list ------------------------------------------------------------------------------------------------

/** Filters already resolved against the (cached) reference data: area → its municipality codes, target group → itself and its children. */
export type ResolvedFilters = { areaMunicipalities: number[] | null; targetGroups: string[] | null };

type OfferingDB = DB & { o: OfferingTable };

const matches = (column: string, term: string) => sql<SqlBool>`to_tsvector('danish', ${sql.ref(column)}) @@ to_tsquery('danish', ${term})`;

/**
 * The list's filters as one condition on `o` (offering). Every free-text word must be found somewhere: in
 * the offering's name, description, address or city (its search index), a target group's name or the
 * operator's name; those lookups are uncorrelated subqueries, so the whole list stays one statement.
 */
function listCondition(f: TListQuery, r: ResolvedFilters): Expression<SqlBool> | null {
  const eb = expressionBuilder<OfferingDB, 'o'>();
  const c: Expression<SqlBool>[] = [];
  if (r.areaMunicipalities) c.push(r.areaMunicipalities.length ? eb('o.municipality_code', 'in', r.areaMunicipalities) : sql<SqlBool>`false`);
  if (f.municipality) c.push(eb('o.municipality_code', '=', f.municipality));
  if (f.operatorType) c.push(eb('o.operator_type', '=', f.operatorType));
  if (f.operator) c.push(eb('o.operator_org_id', '=', f.operator));
  if (f.status) c.push(eb('o.status', '=', f.status));
  if (f.legalBasis) {
    const codes = f.legalBasis;
    c.push(
      eb.or([
        eb('o.primary_legal_basis', 'in', codes),
        eb('o.id', 'in', eb.selectFrom('offering_legal_basis as olb').select('olb.offering_id').where('olb.legal_basis_code', 'in', codes)),
      ]),
    );
  }
  if (f.offeringType) c.push(eb('o.offering_type', 'in', f.offeringType));
  if (f.age !== undefined) c.push(eb.and([eb('o.age_min', '<=', f.age), eb('o.age_max', '>=', f.age)]));
  if (r.targetGroups) {
    const codes = r.targetGroups.length ? r.targetGroups : ['-'];
    c.push(eb('o.id', 'in', eb.selectFrom('offering_target_group as otg').select('otg.offering_id').where('otg.target_group_code', 'in', codes)));
  }
  for (const term of f.q ? (toPrefixQuery(f.q)?.split(' & ') ?? []) : []) {
    c.push(
      eb.or([
        sql<SqlBool>`o.search @@ to_tsquery('danish', ${term})`,
        eb(
          'o.id',
          'in',
          eb
            .selectFrom('offering_target_group as qtg')
            .select('qtg.offering_id')
            .where('qtg.target_group_code', 'in', eb.selectFrom('target_group as qt').select('qt.code').where(matches('qt.name', term))),
        ),
        eb('o.operator_org_id', 'in', eb.selectFrom('organisation as qo').select('qo.id').where(matches('qo.name', term))),
      ]),
    );
  }
  return c.length ? eb.and(c) : null;
}

const SORT_COLUMNS = {
  name: sql`o.name`,
  municipality: sql`mu.name`,
  places: sql`o.places`,
  updated: sql`o.updated_at`,
  status: sql`o.status`,
} as const;

/** The list rows: the catalogue plus codes of the links; `details` adds what an export needs. */
function listQuery(db: Queryable) {
  return memoPerDatabase(listQueries, db, buildListQuery);
}
const listQueries = new WeakMap<Queryable, ReturnType<typeof buildListQuery>>();

function buildListQuery(db: Queryable) {
  return offeringCatalogue(db)
    .select(['o.status_since'])
    .select((eb) => [
      eb
        .selectFrom('offering_target_group as ltg')
        .select(sql<string>`string_agg(ltg.target_group_code, ',' order by ltg.target_group_code)`.as('x'))
        .whereRef('ltg.offering_id', '=', 'o.id')
        .as('target_group_codes'),
      eb
        .selectFrom('offering_legal_basis as llb')
        .select(sql<string>`string_agg(llb.legal_basis_code, ',' order by llb.legal_basis_code)`.as('x'))
        .whereRef('llb.offering_id', '=', 'o.id')
        .as('extra_legal_bases'),
    ]);
}

function exportQuery(db: Queryable) {
  return listQuery(db)
    .select((eb) =>
      eb
        .selectFrom('offering_legal_basis as elb')
        .innerJoin('legal_basis as el', 'el.code', 'elb.legal_basis_code')
        .select(sql<string>`string_agg(el.law || ' ' || el.paragraph, ', ' order by el.sort)`.as('x'))
        .whereRef('elb.offering_id', '=', 'o.id')
        .as('extra_legal_basis_labels'),
    )
    .select(['o.address', 'o.postal_code', 'o.city', 'o.approval_date', 'o.description', 'o.contact_name', 'o.contact_email', 'o.contact_phone']);
}

export type OfferingListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['executeTakeFirstOrThrow']>>;
export type OfferingExportRow = Awaited<ReturnType<ReturnType<typeof exportQuery>['executeTakeFirstOrThrow']>>;

/** Number of offerings matching the filters (the list's count statement). */
export async function countOfferings(db: Queryable, f: TListQuery, r: ResolvedFilters): Promise<number> {
  const where = listCondition(f, r);
  let q = db.selectFrom('offering as o').select((eb) => eb.fn.countAll<number>().as('n'));
  if (where) q = q.where(where);
  return Number((await prepared(q).executeTakeFirstOrThrow()).n);
}

/** One page of the list (the list statement). */
export async function listOfferingRows(db: Queryable, f: TListQuery, r: ResolvedFilters): Promise<OfferingListRow[]> {
  const where = listCondition(f, r);
  let q = listQuery(db)
    .orderBy(SORT_COLUMNS[f.sort], f.dir)
    .orderBy('o.id', 'asc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  if (where) q = q.where(where);
  return prepared(q).execute();
}

/** Every offering matching the filters, with the columns of an export. */
export async function exportOfferingRows(db: Queryable, f: TListQuery, r: ResolvedFilters): Promise<OfferingExportRow[]> {
  const where = listCondition(f, r);
  let q = exportQuery(db).orderBy(SORT_COLUMNS[f.sort], f.dir).orderBy('o.id', 'asc');
  if (where) q = q.where(where);
  return q.execute();
}

// One offering ---------------------------------------------------------------------------------------------

function detailQuery(db: Queryable) {
  return exportQuery(db)
    .select(['o.created_at', 'o.version', 'lb.title as legal_basis_title'])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('offering_legal_basis as x')
          .innerJoin('legal_basis as xlb', 'xlb.code', 'x.legal_basis_code')
          .select(['xlb.code', 'xlb.law', 'xlb.paragraph', 'xlb.title'])
          .whereRef('x.offering_id', '=', 'o.id')
          .orderBy('xlb.sort'),
      ).as('extra_legal_basis_list'),
      jsonArrayFrom(
        eb
          .selectFrom('offering_target_group as x')
          .innerJoin('target_group as t', 't.code', 'x.target_group_code')
          .select(['t.code', 't.name', 't.parent_code'])
          .whereRef('x.offering_id', '=', 'o.id')
          .orderBy('t.sort'),
      ).as('target_group_list'),
    ]);
}

export type OfferingRow = Awaited<ReturnType<ReturnType<typeof detailQuery>['executeTakeFirstOrThrow']>>;

/** One offering with its reference data and links, or null. */
export async function findOffering(db: Queryable, id: number): Promise<OfferingRow | null> {
  return (await detailQuery(db).where('o.id', '=', id).executeTakeFirst()) ?? null;
}

/** Several offerings by id, in one statement (import). */
export async function findOfferings(db: Queryable, ids: readonly number[]): Promise<Map<number, OfferingRow>> {
  if (!ids.length) return new Map();
  const rows = await detailQuery(db)
    .where('o.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.offering_id, r]));
}

/** Locks one offering row until the transaction ends (parallel changes wait for each other); its version, or null when it does not exist. */
export async function lockOffering(trx: Queryable, id: number): Promise<number | null> {
  return (await trx.selectFrom('offering').select('version').where('id', '=', id).forUpdate().executeTakeFirst())?.version ?? null;
}

/** The latest entries of the offering's change log, with the person's name and the values before and after. */
export async function offeringHistory(db: Queryable, id: number, limit = 10) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', 'u.id', 'a.actor_user_id')
    .select(['a.at', 'a.actor_username', 'u.display_name as actor_name', 'a.action', 'a.before', 'a.after'])
    .where('a.entity', '=', 'offering')
    .where('a.entity_id', '=', String(id))
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}

/** Organisations that can run offerings (everything but secretariats), for the secretariat's operator choice. */
export async function operatorOrganisations(db: Queryable) {
  return db.selectFrom('organisation').select(['id', 'name']).where('kind', '!=', 'secretariat').orderBy('kind').orderBy('name').execute();
}

/** The kind of each of the given organisations (unknown ids are absent). */
export async function organisationKinds(db: Queryable, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('organisation')
    .select(['id', 'kind'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.kind]));
}

// Writes ---------------------------------------------------------------------------------------------------

export type OfferingRowValues = Omit<OfferingTable, 'id' | 'created_at' | 'updated_at' | 'version'>;

export async function insertOffering(db: Queryable, values: OfferingRowValues, extraLegalBases: string[], targetGroups: string[]): Promise<number> {
  const { id } = await db.insertInto('offering').values(values).returning('id').executeTakeFirstOrThrow();
  await replaceLinks(db, id, extraLegalBases, targetGroups);
  return id;
}

export async function updateOffering(db: Queryable, id: number, values: OfferingRowValues, extraLegalBases: string[], targetGroups: string[]): Promise<void> {
  await db
    .updateTable('offering')
    .set((eb) => ({ ...values, updated_at: sql<Date>`now()`, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  await replaceLinks(db, id, extraLegalBases, targetGroups);
}

async function replaceLinks(db: Queryable, id: number, extraLegalBases: string[], targetGroups: string[]) {
  await db.deleteFrom('offering_legal_basis').where('offering_id', '=', id).execute();
  await db.deleteFrom('offering_target_group').where('offering_id', '=', id).execute();
  if (extraLegalBases.length)
    await db
      .insertInto('offering_legal_basis')
      .values(extraLegalBases.map((c) => ({ offering_id: id, legal_basis_code: c })))
      .execute();
  if (targetGroups.length)
    await db
      .insertInto('offering_target_group')
      .values(targetGroups.map((c) => ({ offering_id: id, target_group_code: c })))
      .execute();
}

// Writes of an import: set-based, a few statements per 500 rows --------------------------------------------

const CHUNK = 500;
const chunks = <T>(xs: readonly T[], size = CHUNK): T[][] => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));

/** Several offerings by id, 500 per statement (an import's offerings before its transaction). */
export async function findOfferingsInChunks(db: Queryable, ids: readonly number[]): Promise<Map<number, OfferingRow>> {
  const found = new Map<number, OfferingRow>();
  for (const part of chunks([...new Set(ids)])) for (const [id, row] of await findOfferings(db, part)) found.set(id, row);
  return found;
}

/** Locks the offerings (in id order, so two imports cannot deadlock) until the transaction ends; the version of each that exists. */
export async function lockOfferingVersions(trx: Queryable, ids: readonly number[]): Promise<Map<number, number>> {
  const versions = new Map<number, number>();
  for (const part of chunks(
    [...new Set(ids)].sort((a, b) => a - b),
    5000,
  )) {
    const rows = await trx.selectFrom('offering').select(['id', 'version']).where('id', 'in', part).orderBy('id').forUpdate().execute();
    for (const r of rows) versions.set(r.id, r.version);
  }
  return versions;
}

/**
 * The rows as one JSON record set typed as `table`'s rows (each value gets its column's type): one parameter per
 * statement instead of one per value, which PGlite binds and checks much faster for hundreds of rows.
 */
const recordSet = (table: string, rows: readonly object[]) => sql`jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::jsonb)`;
const columnList = (columns: readonly string[], prefix?: string) => sql.join(columns.map((c) => (prefix ? sql.ref(`${prefix}.${c}`) : sql.id(c))));

/** New offerings, 500 per statement; the id of each, in the order given (matched on name and address, which an import keeps unique). */
export async function insertOfferings(db: Queryable, rows: readonly OfferingRowValues[]): Promise<number[]> {
  if (!rows.length) return [];
  const key = (r: { name: string; address: string }) => `${r.name}\u0000${r.address}`;
  const columns = Object.keys(rows[0]!);
  const ids = new Map<string, number>();
  for (const part of chunks(rows)) {
    const inserted = await sql<{ id: number; name: string; address: string }>`insert into offering (${columnList(columns)})
      select ${columnList(columns, 'v')} from ${recordSet('offering', part)} as v returning id, name, address`.execute(db);
    for (const r of inserted.rows) ids.set(key(r), r.id);
  }
  return rows.map((r) => ids.get(key(r))!);
}

/** Changes existing offerings, 500 per statement: every column of `values` set from the record set, the version raised. */
export async function updateOfferings(db: Queryable, rows: ReadonlyArray<{ id: number; values: OfferingRowValues }>): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!.values);
  const set = sql.join(columns.map((c) => sql`${sql.id(c)} = ${sql.ref(`v.${c}`)}`));
  for (const part of chunks(rows))
    await sql`update offering as o set ${set}, updated_at = now(), version = o.version + 1
      from ${recordSet(
        'offering',
        part.map((r) => ({ ...r.values, id: r.id })),
      )} as v where o.id = v.id`.execute(db);
}

/** Replaces the legal bases and target groups of the given offerings: one delete per table, then the new links 2,000 per statement. */
export async function replaceLinksOfMany(
  db: Queryable,
  links: ReadonlyArray<{ offeringId: number; extraLegalBases: readonly string[]; targetGroups: readonly string[] }>,
  isNew: boolean,
): Promise<void> {
  const ids = links.map((l) => l.offeringId);
  if (!isNew)
    for (const part of chunks(ids, 5000)) {
      await db.deleteFrom('offering_legal_basis').where('offering_id', 'in', part).execute();
      await db.deleteFrom('offering_target_group').where('offering_id', 'in', part).execute();
    }
  const legal = links.flatMap((l) => l.extraLegalBases.map((c) => ({ offering_id: l.offeringId, legal_basis_code: c })));
  const groups = links.flatMap((l) => l.targetGroups.map((c) => ({ offering_id: l.offeringId, target_group_code: c })));
  for (const part of chunks(legal, 2000))
    await sql`insert into offering_legal_basis (offering_id, legal_basis_code)
      select v.offering_id, v.legal_basis_code from ${recordSet('offering_legal_basis', part)} as v`.execute(db);
  for (const part of chunks(groups, 2000))
    await sql`insert into offering_target_group (offering_id, target_group_code)
      select v.offering_id, v.target_group_code from ${recordSet('offering_target_group', part)} as v`.execute(db);
}

// Indicator ------------------------------------------------------------------------------------------------

/** Offerings located in the given municipalities, not closed and registered by `date`, with whether they were updated in the 12 months before it. */
export async function openOfferingsUpdatedWithin12Months(db: Queryable, municipalityCodes: readonly number[], date: string) {
  if (!municipalityCodes.length) return [];
  return db
    .selectFrom('offering as o')
    .innerJoin('municipality as mu', 'mu.code', 'o.municipality_code')
    .select(['o.id', 'o.name', 'o.municipality_code', 'mu.name as municipality', 'o.updated_at'])
    .select(sql<boolean>`o.updated_at >= (${date}::date - interval '12 months')`.as('is_recent'))
    .where('o.municipality_code', 'in', [...municipalityCodes])
    .where('o.status', '!=', 'lukket')
    .where(sql<boolean>`o.created_at::date <= ${date}::date`)
    .orderBy('mu.name')
    .orderBy('o.name')
    .execute();
}

// Reference lists (cached) ---------------------------------------------------------------------------------

/**
 * Dated reference data changes only by migration, so what the filters, forms and code checks need is read
 * once per database and date (the date comes from the caller's clock) and kept.
 */
const cache = new WeakMap<Queryable, { date: string; lists?: Promise<ReferenceLists>; areaMunicipalities: Map<string, Promise<number[]>> }>();

function cacheFor(db: Queryable, date: string) {
  let entry = cache.get(db);
  if (!entry || entry.date !== date) {
    entry = { date, areaMunicipalities: new Map() };
    cache.set(db, entry);
  }
  return entry;
}

function remember<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  promise.catch(forget);
  return promise;
}

/** Everything the filters and forms offer to choose from, and the codes input is checked against, on `date`. */
export function referenceLists(db: Queryable, date: string): Promise<ReferenceLists> {
  const entry = cacheFor(db, date);
  entry.lists ??= remember(loadReferenceLists(db, date), () => (entry.lists = undefined));
  return entry.lists;
}

/** Municipality codes of an agreement area (by code) on `date`, from reference.public.ts, cached like the lists. */
export function areaMunicipalityCodes(db: Queryable, areaCode: string, date: string): Promise<number[]> {
  const entry = cacheFor(db, date);
  let codes = entry.areaMunicipalities.get(areaCode);
  if (!codes) {
    codes = remember(municipalityCodesOfArea(db, { code: areaCode }, date), () => entry.areaMunicipalities.delete(areaCode));
    entry.areaMunicipalities.set(areaCode, codes);
  }
  return codes;
}

async function loadReferenceLists(db: Queryable, date: string) {
  const [areas, municipalities, operatorTypes, legalBases, allTargetGroups, offeringTypes, socialtilsyn] = await Promise.all([
    db.selectFrom('agreement_area as a').select(['a.id', 'a.code', 'a.name']).where(validOn('a', date)).orderBy('a.name').execute(),
    db.selectFrom('municipality').select(['code', 'name']).orderBy('name').execute(),
    db.selectFrom('operator_type').select(['code', 'name']).orderBy('sort').execute(),
    db.selectFrom('legal_basis').selectAll().orderBy('sort').execute(),
    db.selectFrom('target_group').selectAll().orderBy('sort').execute(),
    db.selectFrom('offering_type').selectAll().orderBy('sort').execute(),
    db.selectFrom('socialtilsyn').selectAll().orderBy('name').execute(),
  ]);
  return {
    areas,
    municipalities,
    operatorTypes,
    legalBases,
    validLegalBases: legalBases.filter((l) => isValidOn(l, date)),
    /** Target groups valid on the date (what forms and filters offer). */
    targetGroups: allTargetGroups.filter((t) => isValidOn(t, date)),
    /** Every target group, valid or not (codes are checked against these, and a parent filter includes its children). */
    allTargetGroups,
    offeringTypes,
    socialtilsyn,
  };
}

export type ReferenceLists = Awaited<ReturnType<typeof loadReferenceLists>>;
