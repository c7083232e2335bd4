/**
 * @module Deterministic bad requests for one API operation of the OpenAPI document (src/core/http/fuzz.test.ts
 * sends them): wrong types, NUL and other C0 characters, numbers beyond int4 and beyond a double, impossible
 * dates, CPR-like text, very long text, unknown ids in path parameters, missing required and extra fields,
 * arrays for scalars, broken JSON, wrong content types and wrong If-Match headers. Every choice comes from a
 * seeded generator, so a run is the same every time and a failure can be sent again.
 */

export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
};

export type Parameter = { in: string; name: string; required?: boolean; schema?: Schema };
export type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

export type BadRequest = {
  /** The operation as the document names it: 'PATCH /api/offerings/{id}'. */
  operation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** Which identity sends it (an index into the caller's list). */
  who: number;
};

/** A small seeded PRNG (mulberry32): the same seed gives the same requests. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof seeded>;

/** Raw JSON tokens JSON.stringify cannot write (a number beyond a double, one beyond every integer type). */
const RAW = {
  '\u0001raw:1e309': '1e309',
  '\u0001raw:-1e309': '-1e309',
  '\u0001raw:bigint': '123456789012345678901234567890',
  '\u0001raw:-0': '-0',
  '\u0001raw:2^53+1': '9007199254740993',
};
const toJson = (value: unknown) => {
  let text = JSON.stringify(value) ?? 'null';
  for (const [marker, raw] of Object.entries(RAW)) text = text.split(JSON.stringify(marker)).join(raw);
  return text;
};

const LONG = 'x'.repeat(20_000);
/** Text no field should take, or takes only after checking it. */
export const BAD_TEXT = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  'bell\u0007',
  '\u001b[31mrød',
  'Borger 010190-1234',
  '0101901234',
  '010190-1234',
  '0000-01-01',
  '2026-13-45',
  '2026-02-30',
  '1899-12-31',
  '99999-01-01',
  '2147483648',
  '-1',
  '1e309',
  'NaN',
  'abc',
  LONG,
  '\ud800',
  '\u202eomvendt',
  "'; drop table offering; --",
  '<script>alert(1)</script>',
];
/** Values of the wrong type or out of every range. */
export const BAD_VALUES: unknown[] = [
  ...BAD_TEXT,
  2147483648,
  -2147483649,
  '\u0001raw:2^53+1',
  -1,
  0,
  1.5,
  '\u0001raw:1e309',
  '\u0001raw:-1e309',
  '\u0001raw:bigint',
  '\u0001raw:-0',
  null,
  true,
  false,
  [],
  ['x'],
  [1, 2],
  [null],
  {},
  { id: 1 },
  { 'k\u0000': 'v' },
];
/** Path parameter values that name nothing, or nothing valid. */
export const BAD_IDS = [
  '0',
  '999999999',
  '-1',
  'abc',
  '%00',
  '2147483648',
  '1e309',
  '1.5',
  '%20',
  '0x10',
  '9'.repeat(30),
  '010190-1234',
  '0000-01-01',
  '2026-13-45',
  '%E2%80%AE',
  '..%2F..',
  '%',
  '%zz',
  '%C3%28',
];
const BAD_IF_MATCH = ['"999999"', 'abc', 'W/"-1"', '*', '"0"', '""', '"2147483648"', '"1e309"', 'W/"x"', '"1", "2"'];
const CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/json; charset=latin1',
  'application/jsonx',
];
const BROKEN_JSON = [
  '{',
  '{"a":',
  '[1,',
  'nul',
  '{"a":1}}',
  "{'a':1}",
  '\u0000',
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '"\\ud800"',
  `${'['.repeat(500)}${']'.repeat(500)}`,
];

const alternatives = (s: Schema) => [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
const typesOf = (s: Schema): string[] => [s.type ?? []].flat().filter((t) => t !== 'null');

/** A plausible value for a schema (often not a valid one: ids name nothing, text is generic). */
export function sampleOf(s: Schema | undefined, depth = 0): unknown {
  if (!s || depth > 6) return 'tekst';
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const alt = alternatives(s).find((a) => typesOf(a).length || a.properties || a.enum);
  if (alt && !typesOf(s).length) return sampleOf(alt, depth + 1);
  const type = typesOf(s)[0] ?? (s.properties ? 'object' : 'string');
  switch (type) {
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1, s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sampleOf(s.items, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sampleOf(v, depth + 1);
      if (typeof s.additionalProperties === 'object') out['1'] = sampleOf(s.additionalProperties, depth + 1);
      return out;
    }
    default:
      if (s.format === 'date' || /dato|date|since|on$/i.test(s.pattern ?? '')) return '2027-03-01';
      if (s.pattern === '^\\d{4}$') return '4300';
      return 'Fuzz tekst';
  }
}

/** The same object with one field (maybe nested) replaced, removed or added. */
function mutate(r: Random, body: Record<string, unknown>, schema: Schema | undefined): Record<string, unknown> {
  const out = structuredClone(body);
  const keys = Object.keys(out);
  const kind = r.int(6);
  if (kind === 0 && schema?.required?.length) {
    delete out[r.pick(schema.required)];
    return out;
  }
  if (kind === 1) {
    out[r.pick(['ukendtFelt', 'id', 'version', 'createdAt', '__proto__', 'status', 'k\u0000'])] = r.pick(BAD_VALUES);
    return out;
  }
  if (kind === 2 && keys.length) {
    for (const k of keys) if (typeof out[k] === 'string' || r.chance(0.3)) out[k] = r.pick(BAD_VALUES);
    return out;
  }
  if (kind === 3 && keys.length) {
    const k = r.pick(keys);
    out[k] = [out[k], r.pick(BAD_VALUES)];
    return out;
  }
  if (kind === 4 && keys.length) {
    const k = r.pick(keys);
    const v = out[k];
    if (Array.isArray(v)) out[k] = [...v, r.pick(BAD_VALUES)];
    else if (v && typeof v === 'object') out[k] = { ...v, [r.pick([...Object.keys(v), 'x', '-1'])]: r.pick(BAD_VALUES) };
    else out[k] = r.pick(BAD_VALUES);
    return out;
  }
  if (keys.length) out[r.pick(keys)] = r.pick(BAD_VALUES);
  else out[r.pick(['ukendtFelt', 'id'])] = r.pick(BAD_VALUES);
  return out;
}

/** A JSON body, a broken one, or one of the wrong content type. */
function badBody(r: Random, schema: Schema | undefined): { payload?: string; contentType?: string } {
  const roll = r.next();
  const base = sampleOf(schema);
  const asObject = base && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  if (roll < 0.55) return { payload: toJson(mutate(r, asObject, schema)), contentType: 'application/json' };
  if (roll < 0.65) return { payload: toJson(r.pick(BAD_VALUES)), contentType: 'application/json' };
  if (roll < 0.75) return { payload: r.pick(BROKEN_JSON), contentType: 'application/json' };
  if (roll < 0.82) return { payload: toJson([asObject]), contentType: 'application/json' };
  if (roll < 0.9) return { payload: toJson(mutate(r, asObject, schema)), contentType: r.pick(CONTENT_TYPES) };
  if (roll < 0.95) return { payload: '', contentType: 'application/json' };
  if (roll < 0.98) return { payload: toJson(nested(300)), contentType: 'application/json' };
  return {};
}
const nested = (depth: number): unknown => (depth === 0 ? 'bund' : { a: nested(depth - 1) });

/** A multipart body for the import routes: no file, an empty file, a file of the wrong kind, or rows of nonsense. */
function badUpload(r: Random): { payload: string; contentType: string } {
  const boundary = '----ramme-fuzz';
  const file = r.pick([
    '',
    'a;b;c\n\u0000;1;2\n',
    `Navn;Kommunekode\n${'x;'.repeat(5000)}\n`,
    'PK\u0003\u0004garbage',
    'Navn\nBorger 010190-1234\n',
    '\ufeff;;;;\n;;;;\n',
  ]);
  const field = r.pick(['fil', 'file', 'x', 'fil\u0000']);
  const filename = r.pick(['data.csv', 'data.xlsx', '', '../../etc/passwd', 'a\u0000.csv']);
  if (r.chance(0.2)) return { payload: `--${boundary}\r\nbroken`, contentType: `multipart/form-data; boundary=${boundary}` };
  return {
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n--${boundary}--\r\n`,
    contentType: r.pick([`multipart/form-data; boundary=${boundary}`, 'multipart/form-data', `multipart/form-data; boundary=wrong`]),
  };
}

/** A bad value for a query parameter, URL-encoded (or raw when the encoding itself is broken). */
function badQueryValue(r: Random, s: Schema | undefined): string {
  if (r.chance(0.15)) return r.pick(['%00', '%', '%zz', '%C3%28', '%E2%80%AE']);
  const v = r.chance(0.2) ? String(sampleOf(s)) : r.pick(BAD_VALUES);
  const text = typeof v === 'string' ? (v.startsWith('\u0001raw:') ? (RAW as Record<string, string>)[v]! : v) : JSON.stringify(v);
  return encode(text.slice(0, 5000));
}

/** encodeURIComponent, with a lone surrogate sent as the bytes of one (invalid UTF-8) instead of throwing. */
const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * One bad request for an operation. `realParams` are path parameter sets that name records in the test
 * database (from the access expectations); most requests use one of them, so validation past the lookup is
 * reached too.
 */
export function badRequestFor(
  r: Random,
  method: string,
  path: string,
  op: Operation,
  realParams: ReadonlyArray<Record<string, string>>,
  identities: number,
): BadRequest {
  const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
  const queryParams = (op.parameters ?? []).filter((x) => x.in === 'query');
  const real = realParams.length && r.chance(0.65) ? r.pick(realParams) : undefined;
  const values: Record<string, string> = {};
  let faults = 0;
  for (const name of pathParams) {
    if (real?.[name] && r.chance(0.85)) values[name] = real[name]!;
    else {
      values[name] = r.pick(BAD_IDS);
      faults++;
    }
  }
  const query: string[] = [];
  const badQuery = (p: Parameter) => `${encodeURIComponent(p.name)}=${badQueryValue(r, p.schema)}`;
  for (const p of queryParams) {
    if (p.required && r.chance(0.15)) {
      faults++;
      continue;
    }
    if (!r.chance(p.required ? 0.9 : 0.35)) continue;
    if (r.chance(0.4)) query.push(`${encodeURIComponent(p.name)}=${encode(String(sampleOf(p.schema)))}`);
    else {
      query.push(badQuery(p));
      faults++;
    }
    if (r.chance(0.08)) query.push(badQuery(p));
  }
  if (r.chance(0.1)) query.push(`${r.pick(['ukendt', 'page', 'id', '__proto__', '%00'])}=${badQueryValue(r, undefined)}`);
  // A read that carries nothing bad would only be an expensive good request (a workbook, a roll-up): give it one bad input.
  if (method === 'GET' && !faults) {
    if (pathParams.length) values[r.pick(pathParams)] = r.pick(BAD_IDS);
    else if (queryParams.length) query.push(badQuery(r.pick(queryParams)));
    else query.push(`${r.pick(['ukendt', 'q', 'id', '%00'])}=${badQueryValue(r, undefined)}`);
  }
  let url = path;
  for (const name of pathParams) url = url.replace(`{${name}}`, values[name]!);
  if (query.length) url += `?${query.join('&')}`;

  const headers: Record<string, string> = { accept: r.chance(0.9) ? 'application/json' : r.pick(['text/html', '*/*', 'text/csv']) };
  let payload: string | undefined;
  const schema = op.requestBody?.content?.['application/json']?.schema;
  const isUpload = WRITE_METHODS.has(method) && !op.requestBody && /import/.test(path);
  if (isUpload && r.chance(0.8)) {
    const b = badUpload(r);
    payload = b.payload;
    headers['content-type'] = b.contentType;
  } else if (WRITE_METHODS.has(method) && (schema || r.chance(0.5))) {
    const b = badBody(r, schema);
    payload = b.payload;
    if (b.contentType) headers['content-type'] = b.contentType;
  } else if (r.chance(0.05)) {
    payload = toJson({ ukendt: r.pick(BAD_VALUES) });
    headers['content-type'] = 'application/json';
  }
  if (WRITE_METHODS.has(method) && r.chance(0.25)) headers['if-match'] = r.pick(BAD_IF_MATCH);
  return { operation: `${method} ${path}`, method, url, headers, payload, who: r.int(identities) };
}
