/**
 * @module Optimistic versions of editable records: the ETag a GET sends, the version a write builds on
 * (`If-Match: "3"`, `W/"3"` or the body's/form's `version`), and the 412 with a Danish message when another user
 * saved first. The check itself runs inside the write's transaction, on the locked row.
 */
import { badRequest, HttpError } from './errors.js';

export const INVALID = 'Oplysningerne er ikke gyldige. Ret felterne nedenfor.';
export const STALE = 'En anden har ændret oplysningerne, siden du hentede dem. Genindlæs siden, og prøv igen.';
const MISSING = 'Angiv den version, ændringen bygger på (If-Match eller version).';

/** The ETag header value of a version. */
export const etagOf = (version: number): string => `"${version}"`;

/** The version a write builds on: the If-Match header wins over the body's `version`; undefined when neither is given. */
export function versionFrom(ifMatch: string | undefined, bodyVersion: unknown): number | undefined {
  const m = ifMatch?.trim().match(/^(?:W\/)?"?(\d{1,10})"?$/);
  if (m) return Number(m[1]);
  if (typeof bodyVersion === 'number' && Number.isInteger(bodyVersion) && bodyVersion >= 0) return bodyVersion;
  if (typeof bodyVersion === 'string' && /^\d{1,10}$/.test(bodyVersion.trim())) return Number(bodyVersion.trim());
  return undefined;
}

/** As `versionFrom`, but a write without a version is a 400 on the field `version`. */
export function requireVersionFrom(ifMatch: string | undefined, bodyVersion: unknown): number {
  const v = versionFrom(ifMatch, bodyVersion);
  if (v === undefined) throw badRequest(INVALID, { version: [MISSING] });
  return v;
}

/** The 412 of a stale version (message: what changed, in Danish). */
export const stale = (message: string = STALE): HttpError => new HttpError(412, message);

/**
 * The version a write expects: a number, undefined (an API client that sent no If-Match: no check) or null (a
 * form that must carry one and did not: 400 on the field, after the access check).
 */
export type ExpectedVersion = number | undefined | null;

/** Throws the 412 unless the expected version (if any) is the current one. Call it on the locked row, inside the transaction. */
export function checkVersion(current: number, expected: ExpectedVersion, message?: string): void {
  if (expected === null) requireVersionFrom(undefined, undefined);
  if (typeof expected === 'number' && expected !== current) throw stale(message);
}

/** The version a form post builds on (its hidden field `version`); null when the form sent none. */
export const formVersion = (value: unknown): number | null => versionFrom(undefined, Array.isArray(value) ? value[0] : value) ?? null;

/** Is this error the 412 of a stale version? (Pages show the form again with the user's input.) */
export const isStale = (error: unknown): error is HttpError => error instanceof HttpError && error.statusCode === 412;
