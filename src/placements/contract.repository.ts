/**
 * @module SQL of standard contracts: templates in force, contracts and their status changes, and the search a
 * contract's public-first check points to.
 */
import { sql, type Insertable, type Updateable } from 'kysely';
import { validOn } from '../core/db/dated.js';
import type { Queryable } from '../core/db/types.js';
import { offeringCatalogue } from '../offerings/offerings.public.js';
import type { ContractAddonTable, ContractState, ContractStatus, ContractTable } from './placements.table.js';

/** The newest version of a template in force on a date. */
export async function templateOn(db: Queryable, code: string, date: string) {
  return (
    (await db
      .selectFrom('contract_template')
      .selectAll()
      .where('code', '=', code)
      .where(validOn('contract_template', date))
      .orderBy('version', 'desc')
      .executeTakeFirst()) ?? null
  );
}

export async function insertContract(trx: Queryable, values: Insertable<ContractTable>): Promise<number> {
  return (await trx.insertInto('contract').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findContract(db: Queryable, id: number) {
  return (
    (await db
      .selectFrom('contract as c')
      .innerJoin(offeringCatalogue(db).as('oc'), 'oc.offering_id', 'c.offering_id')
      .leftJoin('contract_template as t', 't.id', 'c.template_id')
      .innerJoin('organisation as b', 'b.id', 'c.buyer_org_id')
      .innerJoin('organisation as op', 'op.id', 'oc.operator_org_id')
      .leftJoin('organisation as p', 'p.id', 'c.paying_org_id')
      .selectAll('c')
      .select([
        'oc.offering_name',
        'oc.operator_org_id',
        'oc.operator_name',
        'oc.operator_type',
        'oc.operator_type_name',
        'oc.municipality_code',
        'oc.offering_type',
        'oc.offering_type_name',
        'oc.legal_basis_label',
        'op.cvr as operator_cvr',
        'b.name as buyer_name',
        'p.name as paying_name',
        't.code as template_code',
        't.version as template_version',
        't.title as template_title',
        't.body as template_body',
      ])
      .where('c.id', '=', id)
      .executeTakeFirst()) ?? null
  );
}
export type ContractRow = NonNullable<Awaited<ReturnType<typeof findContract>>>;

export async function findOrganisation(db: Queryable, id: number) {
  return (await db.selectFrom('organisation').select(['id', 'kind', 'name', 'cvr']).where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function contractOfReservation(db: Queryable, reservationId: number) {
  return (await db.selectFrom('contract').select('id').where('reservation_id', '=', reservationId).executeTakeFirst()) ?? null;
}

export async function setPublicFirst(trx: Queryable, id: number, v: { searchId: number | null; reason: string | null; text: string | null }) {
  return (
    (await trx
      .updateTable('contract')
      .set({ search_id: v.searchId, public_first_reason: v.reason, public_first_text: v.text })
      .where('id', '=', id)
      .where('status', '=', 'kladde')
      .returning('id')
      .executeTakeFirst()) ?? null
  );
}

/** Moves a contract from one status to another; null when it was no longer in `from`. */
export async function setContractStatus(trx: Queryable, id: number, from: ContractStatus, to: 'sendt' | 'accepteret', at: Date, by: string) {
  const who = to === 'sendt' ? { sent_at: at, sent_by: by } : { accepted_at: at, accepted_by: by };
  return (
    (await trx
      .updateTable('contract')
      .set({ status: to, ...who, version: sql`version + 1` })
      .where('id', '=', id)
      .where('status', '=', from)
      .returning('id')
      .executeTakeFirst()) ?? null
  );
}

export async function searchOf(db: Queryable, searchId: number) {
  return (
    (await db
      .selectFrom('place_search')
      .select(['id', 'organisation_id', 'made_at', 'public_with_place_count'])
      .where('id', '=', searchId)
      .executeTakeFirst()) ?? null
  );
}

// Rules ---------------------------------------------------------------------------------------------------

/** The area's contract rule on a date: standard and time-limited from, first follow-up within months. */
export async function contractRuleOn(db: Queryable, areaId: number, date: string) {
  return (
    (await db
      .selectFrom('contract_rule')
      .selectAll()
      .where('area_id', '=', areaId)
      .where(validOn('contract_rule', date))
      .orderBy('valid_from', 'desc')
      .executeTakeFirst()) ?? null
  );
}

/** The notice periods on a date for the area and offering type; the area's general row when the type has none. */
export async function noticeRuleOn(db: Queryable, areaId: number, offeringType: string, date: string) {
  return (
    (await db
      .selectFrom('contract_notice_rule')
      .selectAll()
      .where('area_id', '=', areaId)
      .where((eb) => eb.or([eb('offering_type', '=', offeringType), eb('offering_type', 'is', null)]))
      .where(validOn('contract_notice_rule', date))
      .orderBy(sql`offering_type is null`)
      .orderBy('valid_from', 'desc')
      .executeTakeFirst()) ?? null
  );
}

export async function noticeRuleById(db: Queryable, id: number) {
  return (await db.selectFrom('contract_notice_rule').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Every contract rule and notice rule with its area, for the rules page and the secretariat. */
export async function allContractRules(db: Queryable) {
  const [rules, notices] = await Promise.all([
    db
      .selectFrom('contract_rule as r')
      .innerJoin('agreement_area as a', 'a.id', 'r.area_id')
      .selectAll('r')
      .select('a.name as area_name')
      .orderBy('a.name')
      .orderBy('r.valid_from')
      .execute(),
    db
      .selectFrom('contract_notice_rule as r')
      .innerJoin('agreement_area as a', 'a.id', 'r.area_id')
      .selectAll('r')
      .select('a.name as area_name')
      .orderBy('a.name')
      .orderBy('r.offering_type')
      .execute(),
  ]);
  return { rules, notices };
}

// Terms, add-ons, amendments ------------------------------------------------------------------------------

export async function addonsOf(db: Queryable, contractId: number) {
  return db.selectFrom('contract_addon').selectAll().where('contract_id', '=', contractId).orderBy('sort').execute();
}

export async function amendmentsOf(db: Queryable, contractId: number) {
  return db.selectFrom('contract_amendment').selectAll().where('contract_id', '=', contractId).orderBy('number').execute();
}

/** Saves a draft's terms when it is still a draft at `version`; null otherwise (the caller tells which). */
export async function updateTerms(trx: Queryable, id: number, version: number, values: Updateable<ContractTable>) {
  return (
    (await trx
      .updateTable('contract')
      .set({ ...values, version: sql`version + 1` })
      .where('id', '=', id)
      .where('status', '=', 'kladde')
      .where('version', '=', version)
      .returning(['id', 'version'])
      .executeTakeFirst()) ?? null
  );
}

export async function replaceAddons(trx: Queryable, contractId: number, rows: ReadonlyArray<Omit<ContractAddonTable, 'contract_id' | 'sort'>>) {
  await trx.deleteFrom('contract_addon').where('contract_id', '=', contractId).execute();
  if (rows.length)
    await trx
      .insertInto('contract_addon')
      .values(rows.map((r, i) => ({ ...r, contract_id: contractId, sort: i + 1 })))
      .execute();
}

/** Records notice on an accepted contract; null when it was no longer accepted (notice already given, or not yet accepted). */
export async function setNotice(
  trx: Queryable,
  id: number,
  v: { party: 'koeber' | 'leverandoer'; givenOn: string; endDate: string; at: Date; by: string; notEndedBefore: string },
) {
  return (
    (await trx
      .updateTable('contract')
      .set({
        status: 'opsagt',
        notice_party: v.party,
        notice_given_on: v.givenOn,
        notice_end_date: v.endDate,
        notice_given_at: v.at,
        notice_given_by: v.by,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('status', '=', 'accepteret')
      .where((eb) => eb.or([eb('current_end_date', 'is', null), eb('current_end_date', '>=', v.notEndedBefore)]))
      .returning('id')
      .executeTakeFirst()) ?? null
  );
}

/** The contract row locked for the rest of the transaction (amendments of one contract queue up here). */
export async function lockContract(trx: Queryable, id: number) {
  return (
    (await trx
      .selectFrom('contract')
      .select(['id', 'status', 'start_date', 'current_end_date', 'notice_end_date', 'version'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()) ?? null
  );
}

export async function insertAmendment(
  trx: Queryable,
  v: { contractId: number; effectiveDate: string; description: string; changes: unknown; at: Date; by: string },
): Promise<number> {
  const row = await trx
    .insertInto('contract_amendment')
    .values({
      contract_id: v.contractId,
      number: sql<number>`(select coalesce(max(number), 0) + 1 from contract_amendment where contract_id = ${v.contractId})`,
      effective_date: v.effectiveDate,
      description: v.description,
      changes: JSON.stringify(v.changes),
      created_at: v.at,
      created_by: v.by,
    })
    .returning('number')
    .executeTakeFirstOrThrow();
  return row.number;
}

export async function setCurrentEndDate(trx: Queryable, id: number, endDate: string | null) {
  await trx.updateTable('contract').set({ current_end_date: endDate, version: sql`version + 1` }).where('id', '=', id).execute();
}

export async function bumpVersion(trx: Queryable, id: number) {
  await trx.updateTable('contract').set({ version: sql`version + 1` }).where('id', '=', id).execute();
}

// Lists ---------------------------------------------------------------------------------------------------

/** The state on `today` in SQL: the same rule as contractState() in contract.logic.ts. */
export const stateSql = (today: string) =>
  sql<ContractState>`case when c.status in ('kladde', 'sendt') then c.status
    when least(c.current_end_date, c.notice_end_date) < ${today} then 'ophoert'
    when c.status = 'opsagt' then 'opsagt'
    when c.start_date <= ${today} then 'aktiv' else 'accepteret' end`;

export type ContractScope = { buyerOrgId: number | null; operatorOrgId: number | null; municipalityCodes: number[] };
export type ContractFilters = { state?: ContractState | null; isPublic?: boolean | null; isStandard?: boolean | null; q?: string | null };

function scoped(db: Queryable, scope: ContractScope, f: ContractFilters, today: string) {
  let q = db
    .selectFrom('contract as c')
    .innerJoin(offeringCatalogue(db).as('oc'), 'oc.offering_id', 'c.offering_id')
    .where((eb) => {
      const ors = [];
      if (scope.buyerOrgId !== null) ors.push(eb('c.buyer_org_id', '=', scope.buyerOrgId));
      if (scope.operatorOrgId !== null) ors.push(eb('oc.operator_org_id', '=', scope.operatorOrgId));
      if (scope.municipalityCodes.length) ors.push(eb('oc.municipality_code', 'in', scope.municipalityCodes));
      return ors.length ? eb.or(ors) : sql<boolean>`false`;
    });
  if (f.state) q = q.where(stateSql(today), '=', f.state);
  if (f.isPublic === true) q = q.where('oc.operator_type', 'in', ['kommunal', 'regional']);
  if (f.isPublic === false) q = q.where('oc.operator_type', 'not in', ['kommunal', 'regional']);
  if (f.isStandard !== null && f.isStandard !== undefined) q = q.where('c.is_standard', '=', f.isStandard);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb('c.case_reference', 'ilike', like), eb('oc.offering_name', 'ilike', like)]));
  }
  return q;
}

/** The number of contracts per state the scope sees (for everyone, the reader included). */
export async function countContracts(db: Queryable, scope: ContractScope, f: ContractFilters, today: string) {
  return scoped(db, scope, f, today).select(stateSql(today).as('state')).select(sql<number>`count(*)::int`.as('n')).groupBy(sql`1`).execute();
}

export async function listContracts(db: Queryable, scope: ContractScope, f: ContractFilters, today: string, limit: number, offset: number) {
  return scoped(db, scope, f, today)
    .innerJoin('organisation as b', 'b.id', 'c.buyer_org_id')
    .select([
      'c.id',
      'c.case_reference',
      'c.offering_id',
      'oc.offering_name',
      'b.name as buyer_name',
      'oc.operator_name',
      'oc.operator_type',
      'c.is_standard',
      'c.start_date',
      'c.tariff_price',
    ])
    .select(stateSql(today).as('state'))
    .select(sql<string | null>`least(c.current_end_date, c.notice_end_date)`.as('effective_end_date'))
    .orderBy('c.start_date', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** The organisation's own searches since a moment, newest first (a purchase's public-first check points to one). */
export async function recentSearches(db: Queryable, organisationId: number, since: Date) {
  return db
    .selectFrom('place_search')
    .select(['id', 'made_at', 'result_count', 'public_with_place_count'])
    .where('organisation_id', '=', organisationId)
    .where('made_at', '>=', since)
    .orderBy('made_at', 'desc')
    .limit(20)
    .execute();
}

/** Every municipality (a contract's paying municipality is one of them). */
export async function municipalities(db: Queryable) {
  return db.selectFrom('organisation').select(['id', 'name']).where('kind', '=', 'municipality').orderBy('name').execute();
}

// Indicators ----------------------------------------------------------------------------------------------

/**
 * The agreed contracts (accepted, also under notice or ended) bought by the given organisations with a start
 * date in [from, to], with what the indicators count: on a standard template, time-limited, a private purchase
 * and whether its public-first check is recorded (a search, and a reason when the search showed a public place).
 */
export async function agreedContractsOf(db: Queryable, buyerOrgIds: readonly number[], from: string, to: string) {
  if (!buyerOrgIds.length) return [];
  return db
    .selectFrom('contract as c')
    .innerJoin(offeringCatalogue(db).as('oc'), 'oc.offering_id', 'c.offering_id')
    .leftJoin('place_search as s', 's.id', 'c.search_id')
    .select(['c.id', 'c.buyer_org_id', 'oc.offering_name', 'oc.operator_type_name', 'c.start_date', 'c.is_standard', 'c.is_imported'])
    .select(sql<boolean>`c.end_date is not null`.as('is_time_limited'))
    .select(sql<boolean>`oc.operator_type not in ('kommunal', 'regional')`.as('is_private'))
    .select(sql<boolean>`(s.id is not null and (c.public_first_reason is not null or s.public_with_place_count = 0))`.as('has_check'))
    .where('c.buyer_org_id', 'in', [...buyerOrgIds])
    .where('c.status', 'in', ['accepteret', 'opsagt'])
    .where('c.start_date', '>=', from)
    .where('c.start_date', '<=', to)
    .orderBy('c.start_date')
    .orderBy('c.id')
    .execute();
}

/** The first day the area's public-first principle applies (null: never). */
export async function publicFirstFrom(db: Queryable, areaId: number): Promise<string | null> {
  const row = await db
    .selectFrom('placement_rule')
    .select(sql<string | null>`min(valid_from)`.as('from'))
    .where('area_id', '=', areaId)
    .where('is_public_first', '=', true)
    .executeTakeFirst();
  return row?.from ?? null;
}

// Import ---------------------------------------------------------------------------------------------------

/** The offerings an import file refers to, with what the template choice needs (one statement for the whole file). */
export async function offeringsForImport(db: Queryable, ids: readonly number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom(offeringCatalogue(db).as('oc'))
    .select(['oc.offering_id', 'oc.offering_name', 'oc.operator_type', 'oc.is_covered', 'oc.legal_basis_law'])
    .where('oc.offering_id', 'in', [...new Set(ids)])
    .execute();
}

/** Every template version with its validity (a handful of rows; the import picks the one in force per start date). */
export async function allTemplates(db: Queryable) {
  return db.selectFrom('contract_template').select(['id', 'code', 'version', 'valid_from', 'valid_to']).orderBy('version', 'desc').execute();
}

/** The buyer's contracts with one of the case references already (offering and case reference, lower case). */
export async function existingCaseReferences(db: Queryable, buyerOrgId: number, caseReferences: readonly string[]) {
  if (!caseReferences.length) return [];
  return db
    .selectFrom('contract')
    .select(['offering_id', sql<string>`lower(case_reference)`.as('case_reference')])
    .where('buyer_org_id', '=', buyerOrgId)
    .where(sql`lower(case_reference)`, 'in', [...new Set(caseReferences.map((c) => c.toLowerCase()))])
    .execute();
}

/** Inserts the imported contracts with multi-row inserts; their ids in the order given. */
export async function insertContracts(trx: Queryable, rows: ReadonlyArray<Insertable<ContractTable>>): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const part = await trx
      .insertInto('contract')
      .values(rows.slice(i, i + 500) as Array<Insertable<ContractTable>>)
      .returning('id')
      .execute();
    ids.push(...part.map((r) => r.id));
  }
  return ids;
}
