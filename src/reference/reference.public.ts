/**
 * @module What other capabilities may read of the dated reference data: agreement areas and their members
 * on a date. "Member of an agreement area on a date" is written once (reference.repository.ts); offerings,
 * tariffs, agreements and sign-in use these functions (or the `memberOn` condition inside their own queries).
 *
 * Reference data is read on almost every request and changes only by migration, so these reads are cached
 * per database and date for a short while (REFERENCE_TTL_MS). Any code that writes reference data calls
 * `invalidateReferenceData()`; other processes pick the change up when their copy expires.
 */
import { perDatabaseCache } from '../core/cache.js';
import type { Queryable } from '../core/db/types.js';
import * as repo from './reference.repository.js';

export { areaIdOfMunicipalitySql, memberOn, organisations } from './reference.repository.js';

/** How long a process keeps reference data before reading it again. */
export const REFERENCE_TTL_MS = 30_000;

const cache = perDatabaseCache<unknown>({ ttlMs: REFERENCE_TTL_MS, maxEntries: 5000 });
const cached = <T>(db: Queryable, key: string, load: () => Promise<T>): Promise<T> => cache.read(db, key, load) as Promise<T>;

type Area = Awaited<ReturnType<typeof repo.areasOfMunicipality>>[number];
type Member = Awaited<ReturnType<typeof repo.membersOfArea>>[number];

/** The agreement areas a municipality is a member of on a date (one today; the model allows more). */
export async function areasOfMunicipality(db: Queryable, municipalityCode: number, date: string): Promise<Area[]> {
  return [...(await cached(db, `areasOfMunicipality|${municipalityCode}|${date}`, () => repo.areasOfMunicipality(db, municipalityCode, date)))];
}

/** The areas an organisation is a member of on a date (secretariats administer one area: `organisation.area_id`). */
export async function areaIdsOfOrganisation(db: Queryable, organisationId: number, date: string): Promise<number[]> {
  return [...(await cached(db, `areaIdsOfOrganisation|${organisationId}|${date}`, () => repo.areaIdsOfOrganisation(db, organisationId, date)))];
}

/** The members (municipalities and region) of an area on a date, by name. */
export async function membersOfArea(db: Queryable, areaId: number, date: string): Promise<Member[]> {
  return [...(await cached(db, `membersOfArea|${areaId}|${date}`, () => repo.membersOfArea(db, areaId, date)))];
}

/** Municipality codes of an area's member municipalities on a date (by area id or area code). */
export async function municipalityCodesOfArea(db: Queryable, area: { id: number } | { code: string }, date: string): Promise<number[]> {
  const key = `municipalityCodesOfArea|${'id' in area ? `id:${area.id}` : `code:${area.code}`}|${date}`;
  return [...(await cached(db, key, () => repo.municipalityCodesOfArea(db, area, date)))];
}

/** Every reference table as stored (small): for overviews that filter by date in code. */
export function referenceTables(db: Queryable): Promise<repo.ReferenceTables> {
  return cached(db, 'referenceTables', () => repo.referenceTables(db));
}

/** Forgets this process's cached reference data (call after writing reference data, in or out of a transaction). */
export function invalidateReferenceData(): void {
  cache.invalidate();
}

/** The agreement areas of several municipalities on a date, in one query: municipality code → area ids (ascending). */
export function areaIdsOfMunicipalities(db: Queryable, municipalityCodes: readonly number[], date: string): Promise<Map<number, number[]>> {
  return repo.areaIdsOfMunicipalities(db, municipalityCodes, date);
}

/** Organisations by id (name, kind, CVR, municipality code): for settlement's statements and invoices. */
export function organisationsByIds(db: Queryable, ids: readonly number[]) {
  return repo.organisationsByIds(db, ids);
}

/** The 98 municipalities (code and name), by code. */
export async function municipalities(db: Queryable): Promise<{ code: number; name: string }[]> {
  return [...(await cached(db, 'municipalities', () => repo.municipalities(db)))];
}
