/**
 * @module A query builder made once per database handle (or transaction) and reused: Kysely's builders are
 * immutable, so `.where()`/`.orderBy()` on the cached one make new queries. Building a wide select (the
 * offering catalogue: seven joins, thirty columns) costs about ten times extending it.
 */
import type { Queryable } from './types.js';

export function memoPerDatabase<T>(cache: WeakMap<Queryable, T>, db: Queryable, build: (db: Queryable) => T): T {
  let value = cache.get(db);
  if (value === undefined) {
    value = build(db);
    cache.set(db, value);
  }
  return value;
}
