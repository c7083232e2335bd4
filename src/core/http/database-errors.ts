/**
 * @module The last line of defence against bad input: PostgreSQL errors that only bad input can cause become
 * a 400 or 409 with a Danish message, naming the field where it can be found — from the constraint's column
 * (`Key (organisation_id)=(9)` → `organisationId`) or by finding the refused value among the request's own
 * values. Validation should catch these first; this keeps a missed case from being a 500. The transaction the
 * error came from has rolled back, so nothing is half-saved.
 */
import type { FieldErrors } from '../errors.js';
import { hasControlCharacters, visitStrings } from '../strings.js';

export type DatabaseErrorAnswer = { status: 400 | 409; message: string; fields: FieldErrors };

type PgError = { code?: unknown; detail?: unknown; message?: unknown; column?: unknown };

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** The columns of `Key (a, b)=(…)` in a constraint error's detail; the parent id is dropped when there are others. */
function keyColumns(detail: string): string[] {
  const m = /^Key \(([^)]+)\)=/.exec(detail);
  if (!m) return [];
  const columns = m[1]!.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  const own = columns.filter((c) => !c.endsWith('_id'));
  return (own.length ? own : columns).map(camel);
}

/** The request fields whose value is the quoted value in the error message (`… type integer: "abc"`). */
function fieldsWithValue(message: string, inputs: readonly unknown[]): string[] {
  const quoted = new Set([...message.matchAll(/"([^"]*)"/g)].map((m) => m[1]!));
  const out: string[] = [];
  const visitScalars = (value: unknown, path: string) => {
    if (typeof value === 'number' || typeof value === 'bigint') {
      if (quoted.has(String(value))) out.push(path);
    } else if (Array.isArray(value)) value.forEach((v, i) => visitScalars(v, path ? `${path}.${i}` : String(i)));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visitScalars(v, path ? `${path}.${k}` : k);
  };
  for (const input of inputs) {
    visitStrings(input, (text, path) => {
      if (quoted.has(text) || quoted.has(text.trim())) out.push(path);
    });
    visitScalars(input, '');
  }
  return [...new Set(out)].filter(Boolean);
}

const withFields = (names: string[], message: string): FieldErrors => Object.fromEntries(names.map((n) => [n, [message]]));

const INVALID = 'Oplysningerne er ikke gyldige. Ret felterne nedenfor.';

/** A 400/409 answer for a PostgreSQL error caused by input, or null for anything else (a real 500). */
export function describeDatabaseError(error: unknown, inputs: readonly unknown[]): DatabaseErrorAnswer | null {
  const e = error as PgError;
  if (typeof e?.code !== 'string' || !/^2[23][0-9A-Z]{3}$/.test(e.code)) return null;
  const detail = typeof e.detail === 'string' ? e.detail : '';
  const message = typeof e.message === 'string' ? e.message : '';
  const byValue = (text: string): DatabaseErrorAnswer => {
    const names = fieldsWithValue(message, inputs);
    return { status: 400, message: names.length ? INVALID : `Forespørgslen indeholder en ugyldig værdi. ${text}`, fields: withFields(names, text) };
  };
  switch (e.code) {
    case '23505': {
      const names = keyColumns(detail);
      const text = 'Værdien bruges allerede. Vælg en anden, eller genindlæs siden: en anden har måske lige oprettet den.';
      return { status: 409, message: 'Der findes allerede en post med de samme oplysninger. Genindlæs siden.', fields: withFields(names, text) };
    }
    case '23503': {
      if (/still referenced/.test(detail))
        return { status: 409, message: 'Posten bruges stadig af andre oplysninger og kan ikke slettes eller ændres.', fields: {} };
      const names = keyColumns(detail);
      return { status: 400, message: INVALID, fields: withFields(names.length ? names : ['_'], 'Findes ikke. Vælg en eksisterende værdi.') };
    }
    case '22021': {
      const names: string[] = [];
      for (const input of inputs) visitStrings(input, (text, path) => hasControlCharacters(text) && path && names.push(path));
      return {
        status: 400,
        message: 'Forespørgslen indeholder tegn, som ikke kan gemmes (fx NUL-tegn).',
        fields: withFields(names, 'Indeholder et ugyldigt tegn.'),
      };
    }
    case '22P02':
      return byValue('Har ikke det rigtige format.');
    case '22003':
      return byValue('Tallet er for stort eller for lille.');
    case '22007':
    case '22008':
      return byValue('Datoen er ugyldig eller ligger uden for det tilladte interval.');
    case '22001':
      return { status: 400, message: 'En tekst er for lang.', fields: {} };
    case '23514':
      return { status: 400, message: 'En værdi er ikke tilladt.', fields: {} };
    default:
      return null;
  }
}
