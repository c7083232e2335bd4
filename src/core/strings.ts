/**
 * @module Walking the text of a request part, and the characters no Ramme text may hold: NUL and the other
 * C0 control characters (tab, line feed and carriage return are text) and DEL.
 */

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
