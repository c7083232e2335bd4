/**
 * @module The global input guard: every query value, path parameter and JSON or form text is checked once,
 * before the route's own validation, for
 * - characters no Ramme field may hold (NUL and the other C0 control characters; PostgreSQL refuses NUL in
 *   text, a 500 before this guard, and control characters break exports and screen readers), and
 * - text that looks like a CPR number (Ramme stores none): every free-text and reference field, in JSON, forms
 *   and query values, except the few fields in CPR_ALLOWED that are secrets and never stored as text.
 * Imports are checked row by row by the shared zod text helpers (`zText`, `zOptText`), and the audit log
 * refuses a CPR number as the last line of defence (core/audit.ts).
 */
import { CPR_MESSAGE, looksLikeCpr } from '../cpr.js';
import type { FieldErrors } from '../errors.js';
import { CONTROL_MESSAGE, hasControlCharacters, visitStrings } from '../strings.js';

/** Fields whose value is a secret, compared and never stored as text: not scanned for CPR numbers. */
export const CPR_ALLOWED: ReadonlySet<string> = new Set(['_csrf', 'password', 'passwordAgain']);

/** The fields of the given request parts that hold a control character (empty when there is none). */
export function controlCharacterErrors(parts: readonly unknown[]): FieldErrors {
  const errors = new Map<string, string[]>();
  for (const part of parts)
    visitStrings(part, (text, path) => {
      if (hasControlCharacters(text)) errors.set(hasControlCharacters(path) ? '_' : fieldOf(path), [CONTROL_MESSAGE]);
    });
  return Object.fromEntries(errors);
}

/** The field an answer names for a path; "__proto__" cannot be a key of the answer, so it is the whole request ("_"). */
const fieldOf = (path: string) => (!path || path.split('.').includes('__proto__') ? '_' : path);

/** The fields of the given request parts that hold something that looks like a CPR number. */
export function cprErrors(parts: readonly unknown[]): FieldErrors {
  const errors = new Map<string, string[]>();
  for (const part of parts)
    visitStrings(part, (text, path) => {
      const last = path.split('.').pop() ?? '';
      if (CPR_ALLOWED.has(last) || !looksLikeCpr(text)) return;
      errors.set(looksLikeCpr(path) ? '_' : fieldOf(path), [CPR_MESSAGE]);
    });
  return Object.fromEntries(errors);
}
