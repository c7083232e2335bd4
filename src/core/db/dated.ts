/**
 * @module "Valid on a date": the one helper for every dated table (`valid_from` inclusive, `valid_to`
 * inclusive or null for open-ended). Use `validOn('alias', date)` inside a query and `isValidOn` in code.
 */
import { sql, type Expression, type SqlBool } from 'kysely';

/** SQL condition: the row of `table` (alias or table name) is valid on `date` ('YYYY-MM-DD'). */
export function validOn(table: string, date: string): Expression<SqlBool> {
  const from = sql.ref(`${table}.valid_from`);
  const to = sql.ref(`${table}.valid_to`);
  return sql<SqlBool>`(${from} <= ${date} and (${to} is null or ${to} >= ${date}))`;
}

/** SQL condition: the row's validity overlaps the period [from, to]. */
export function validDuring(table: string, from: string, to: string): Expression<SqlBool> {
  const f = sql.ref(`${table}.valid_from`);
  const t = sql.ref(`${table}.valid_to`);
  return sql<SqlBool>`(${f} <= ${to} and (${t} is null or ${t} >= ${from}))`;
}

export type Dated = { valid_from: string; valid_to: string | null };

/** The same rule in code, for rows already loaded. */
export const isValidOn = (row: Dated, date: string): boolean => row.valid_from <= date && (row.valid_to === null || row.valid_to >= date);
