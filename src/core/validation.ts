/**
 * @module Input validation with zod and Danish messages. Route schemas are zod; `toRouteSchema` turns one
 * into JSON Schema for the OpenAPI document while validation itself runs through zod (see http/app.ts).
 */
import { z } from 'zod';
import { CPR_MESSAGE, noCpr } from './cpr.js';
import { badRequest, type FieldErrors } from './errors.js';
import { CONTROL_MESSAGE, hasControlCharacters } from './strings.js';

const TYPE_NAMES: Record<string, string> = {
  string: 'tekst',
  number: 'et tal',
  int: 'et heltal',
  boolean: 'sand/falsk',
  array: 'en liste',
  object: 'et objekt',
  date: 'en dato',
};

z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined || issue.input === null || issue.input === '') return 'Skal udfyldes.';
        return `Skal være ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
      case 'too_small':
        if (issue.origin === 'string') return issue.minimum === 1 ? 'Skal udfyldes.' : `Skal være mindst ${issue.minimum} tegn.`;
        if (issue.origin === 'array') return `Vælg mindst ${issue.minimum}.`;
        return issue.inclusive === false ? `Skal være større end ${issue.minimum}.` : `Skal være mindst ${issue.minimum}.`;
      case 'too_big':
        if (issue.origin === 'string') return `Må højst være ${issue.maximum} tegn.`;
        if (issue.origin === 'array') return `Højst ${issue.maximum} må vælges.`;
        return issue.inclusive === false ? `Skal være mindre end ${issue.maximum}.` : `Må højst være ${issue.maximum}.`;
      case 'invalid_value':
        return 'Ukendt værdi. Vælg en af de tilladte.';
      case 'invalid_format':
        if (issue.format === 'date') return 'Skal være en dato (åååå-mm-dd).';
        if (issue.format === 'email') return 'Skal være en gyldig e-mailadresse.';
        return 'Har ikke det rigtige format.';
      case 'unrecognized_keys':
        return `Ukendte felter: ${issue.keys.join(', ')}.`;
      case 'not_multiple_of':
        return 'Skal være et heltal.';
      default:
        return undefined;
    }
  },
});

/** Flattens zod issues to `{ "field.path": ["besked"] }`. */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  // A Map, not an object: a field may be named like an Object property ("constructor", "__proto__"); "__proto__"
  // cannot be a key of the answer at all, so it is reported on the whole request ("_"), by name.
  const out = new Map<string, string[]>();
  const add = (key: string, message: string) => out.set(key, [...(out.get(key) ?? []), message]);
  const unsafe = (path: PropertyKey[]) => path.some((p) => p === '__proto__');
  for (const issue of error.issues) {
    const key = issue.path.length && !unsafe(issue.path) ? issue.path.join('.') : '_';
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        if (unsafe([...issue.path, k])) add('_', `Ukendt felt: ${k}.`);
        else add([...issue.path, k].join('.'), 'Ukendt felt.');
      }
      continue;
    }
    add(key, issue.message);
  }
  return Object.fromEntries(out);
}

/** Parses or throws a 400 with Danish field messages. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', fieldErrorsFrom(result.error));
  return result.data;
}

const zodForJson = new WeakMap<object, z.ZodType>();

/** JSON Schema for docs, remembered so the route validator can find the zod schema behind it. */
export function toRouteSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  delete json.$schema;
  zodForJson.set(json, schema);
  return json;
}

export function zodBehind(json: object): z.ZodType | undefined {
  return zodForJson.get(json);
}

// Reusable field types ---------------------------------------------------------------------------

/** The years a date in Ramme may have (PostgreSQL refuses year 0; nothing in the domain lies outside these). */
export const DATE_YEARS = { min: 1900, max: 2200 } as const;

/** 'YYYY-MM-DD' that is a real calendar date in DATE_YEARS; one clear message for empty, malformed, impossible or out-of-range dates. */
export const zDate = z.string().superRefine((v, ctx) => {
  if (v.trim() === '') ctx.addIssue({ code: 'custom', message: 'Skal udfyldes.' });
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) ctx.addIssue({ code: 'custom', message: 'Skal være en dato (åååå-mm-dd).' });
  else {
    const d = new Date(`${v}T00:00:00Z`);
    const year = Number(v.slice(0, 4));
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) ctx.addIssue({ code: 'custom', message: 'Datoen findes ikke.' });
    else if (year < DATE_YEARS.min || year > DATE_YEARS.max)
      ctx.addIssue({ code: 'custom', message: `Året skal ligge mellem ${DATE_YEARS.min} og ${DATE_YEARS.max}.` });
  }
});

const noControl = (v: string | null | undefined) => !v || !hasControlCharacters(v);

/** Trimmed text with a length cap; empty is not allowed; no control characters, no CPR number. */
export const zText = (max: number) => z.string().trim().min(1).max(max).refine(noControl, CONTROL_MESSAGE).refine(noCpr, CPR_MESSAGE);
/** Optional trimmed text; empty string becomes null; no control characters, no CPR number. */
export const zOptText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(noControl, CONTROL_MESSAGE)
    .refine(noCpr, CPR_MESSAGE)
    .nullish()
    .transform((v) => (v ? v : null));

/** Form helper: checkbox values arrive as 'on' or missing. */
export const zCheckbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

/** Form helper: a field that may be one value or many. */
export const asArray = (v: unknown): unknown[] => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);
