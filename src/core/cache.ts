/**
 * @module Short-lived read caches for what almost every request reads (the signed-in actor, dated reference
 * data). In memory, per process and per database, with a short time to live: a write in this process
 * invalidates its copy at once, other processes see the change when their copy expires (seconds). Nothing
 * that matters lives only here; every entry can be read again from the database. Reads inside a
 * transaction bypass the cache, so a transaction always sees its own writes.
 */
import type { Queryable } from './db/types.js';

export type TtlCache<V> = {
  /** The cached value for the key, or `load()`'s (remembered for the time to live). Concurrent misses share one load. */
  get(key: string, load: () => Promise<V>): Promise<V>;
  delete(key: string): void;
  /** Drops every entry whose key matches. */
  deleteWhere(matches: (key: string) => boolean): void;
  clear(): void;
  readonly size: number;
};

type Entry<V> = { value: Promise<V>; expires: number };

/** Bumped by `clearAllCaches`; a cache that sees a newer generation forgets everything. */
let generation = 0;

export function ttlCache<V>(options: { ttlMs: number; maxEntries?: number; now?: () => number }): TtlCache<V> {
  const entries = new Map<string, Entry<V>>();
  const now = options.now ?? Date.now;
  const max = options.maxEntries ?? 1000;
  let seen = generation;
  const cache: TtlCache<V> = {
    get(key, load) {
      if (seen !== generation) {
        entries.clear();
        seen = generation;
      }
      const t = now();
      const hit = entries.get(key);
      if (hit && hit.expires > t) return hit.value;
      const value = load();
      entries.delete(key);
      entries.set(key, { value, expires: t + options.ttlMs });
      // A failed load is not remembered.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      while (entries.size > max) entries.delete(entries.keys().next().value as string);
      return value;
    },
    delete: (key) => void entries.delete(key),
    deleteWhere(matches) {
      for (const key of [...entries.keys()]) if (matches(key)) entries.delete(key);
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
  return cache;
}

const databaseIds = new WeakMap<object, number>();
let nextDatabaseId = 1;
const databaseId = (db: object): number => {
  let id = databaseIds.get(db);
  if (id === undefined) databaseIds.set(db, (id = nextDatabaseId++));
  return id;
};

/**
 * A cache whose entries belong to a database (tests run several databases in one process). `read(db, key,
 * load)` reads through when `db` is a transaction. `invalidate` forgets entries in every database of the
 * process: a write inside a transaction cannot name its database, so invalidation never depends on it.
 */
export function perDatabaseCache<V>(options: { ttlMs: number; maxEntries?: number }) {
  const cache = ttlCache<V>(options);
  return {
    read(db: Queryable, key: string, load: () => Promise<V>): Promise<V> {
      if (db.isTransaction) return load();
      return cache.get(`${databaseId(db)}|${key}`, load);
    },
    /** Forgets the entries whose key starts with `prefix` (all without one). */
    invalidate(prefix = ''): void {
      if (!prefix) {
        cache.clear();
        return;
      }
      cache.deleteWhere((key) => key.slice(key.indexOf('|') + 1).startsWith(prefix));
    },
  };
}

/** Empties every cache in the process (tests that change data behind the application's back). */
export function clearAllCaches(): void {
  generation++;
}
