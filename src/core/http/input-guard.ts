/**
 * @module The global input guard: every query value, path parameter and JSON or form text is checked once,
 * before the route's own validation, for characters no Ramme field may hold — NUL and the other C0 control
 * characters (tab, line feed and carriage return are text) and DEL. PostgreSQL refuses NUL in text (a 500
 * before this guard), and control characters in names break exports and screen readers.
 */
import type { FieldErrors } from '../errors.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const CONTROL_MESSAGE = 'Må ikke indeholde kontroltegn (fx NUL-tegn).';

export const hasControlCharacters = (text: string): boolean => CONTROL.test(text);

/** Visits every string (and object key) in a parsed request part with its field path (`contact.name`, `items.2`). */
export function visitStrings(value: unknown, visit: (text: string, path: string) => void, path = '', depth = 0): void {
  if (depth > 20) return;
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => visitStrings(v, visit, path ? `${path}.${i}` : String(i), depth + 1));
  else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      visit(k, at);
      visitStrings(v, visit, at, depth + 1);
    }
  }
}

/** The fields of the given request parts that hold a control character (empty when there is none). */
export function controlCharacterErrors(parts: readonly unknown[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const part of parts)
    visitStrings(part, (text, path) => {
      if (hasControlCharacters(text)) errors[hasControlCharacters(path) ? '_' : path || '_'] = [CONTROL_MESSAGE];
    });
  return errors;
}
