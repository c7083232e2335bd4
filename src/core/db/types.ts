/**
 * @module The database's table types. Each capability adds its tables to `DB` by declaration merging
 * in its own `*.table.ts`, so no shared file has to be edited when a capability is added.
 */
import type { Kysely, Transaction } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DB {}

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Anything that can run queries: the database or an open transaction. */
export type Queryable = Kysely<DB> | Transaction<DB>;
