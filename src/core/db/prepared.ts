/**
 * @module Named prepared statements with a reused plan, for the few reads that run on almost every request.
 *
 * PostgreSQL plans an unnamed statement anew on every execution. For the offering list (seven joins, three
 * sub-selects) planning takes about 4 ms and execution under 1 ms. A repository marks such a read with
 * `prepared(query)`; the pool then runs it as a named prepared statement, parsed once per connection, and
 * every connection is opened with `plan_cache_mode = force_generic_plan` (connect.ts), which applies to named
 * statements only:
 * the plan is made once per connection and reused. Mark only statements whose generic plan is good for every
 * parameter value (check `explain` with several values). Unmarked statements run as before.
 *
 * Bounded: at most `PER_CONNECTION` named statements per connection (then unnamed), names derived from the
 * statement text so every connection and process agrees on them.
 */
import { createHash } from 'node:crypto';
import { type Expression, sql } from 'kysely';
import type pg from 'pg';

const MARK = '/*ramme:prepared*/';
const PER_CONNECTION = 200;
const NAMES_REMEMBERED = 2000;

/** Marks a read to run as a named prepared statement with a reused plan. */
// biome-ignore lint/suspicious/noExplicitAny: modifyEnd's own parameter type
export function prepared<Q extends { modifyEnd(modifier: Expression<any>): Q }>(query: Q): Q {
  return query.modifyEnd(sql.raw(MARK));
}

type QueryFn = (...args: unknown[]) => unknown;
const patched = new WeakSet<object>();
const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `r_${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size >= NAMES_REMEMBERED) names.clear();
    names.set(text, name);
  }
  return name;
}

function nameMarkedStatements(client: pg.PoolClient): void {
  if (patched.has(client)) return;
  patched.add(client);
  const original = client.query.bind(client) as QueryFn;
  const named = new Set<string>();
  (client as unknown as { query: QueryFn }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (args.length === 2 && typeof text === 'string' && text.endsWith(MARK) && Array.isArray(values)) {
      const name = nameOf(text);
      if (named.has(name) || named.size < PER_CONNECTION) {
        named.add(name);
        return original({ name, text, values });
      }
    }
    return original(...args);
  };
}

/** The pool Kysely is given: the same pool, whose connections run marked reads as prepared statements. */
export function withPreparedStatements(pool: pg.Pool): pg.Pool {
  return new Proxy(pool, {
    get(target, key, receiver) {
      if (key === 'connect')
        return async () => {
          // Looked up on each call, so a wrapper installed on the pool later (tests count statements) is used.
          const client = await (target.connect as () => Promise<pg.PoolClient>).call(target);
          nameMarkedStatements(client);
          return client;
        };
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
