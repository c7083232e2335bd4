/**
 * @module Where to go after signing in: only a path on Ramme itself. Browsers treat a backslash as a slash and
 * drop tabs and line breaks inside a URL, so `/\evil.example` and `/\t/evil.example` mean `//evil.example`, another
 * site; so do their percent-encoded forms once something decodes them. Anything that is not plainly a local
 * path — after decoding, with no backslash, control character or whitespace, and resolving to Ramme's own
 * origin — goes to the front page.
 */
const BASE = 'http://ramme.invalid';

export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 500) return '/';
  let decoded = next;
  try {
    for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(decoded); i++) decoded = decodeURIComponent(decoded);
  } catch {
    return '/';
  }
  for (const text of [next, decoded]) {
    if (!text.startsWith('/') || text.startsWith('//')) return '/';
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
    if (/[\\\s\u0000-\u001f\u007f]/.test(text)) return '/';
  }
  try {
    const url = new URL(next, BASE);
    if (url.origin !== BASE) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
