/**
 * @module Reading the one uploaded file of a multipart request. An upload form sends its CSRF token as the
 * `_csrf` field before the file (never in the URL); when the request did not carry the token in a header, it
 * is checked here, before the file is read, and a missing or wrong token is a 403.
 */
import type { FastifyRequest } from 'fastify';
import { badRequest, HttpError } from '../errors.js';

/** The file, and the form's plain fields sent before it (`fields`: the first value of each, without `_csrf`). */
export type UploadedFile = { filename: string; buffer: Buffer; truncated: boolean; fields: Record<string, string> };

export const CSRF_REFUSED = 'Formularen er udløbet eller kom ikke fra Ramme (CSRF-kontrol). Genindlæs siden og prøv igen.';

export const UPLOAD_BROKEN = 'Filuploaden kunne ikke læses: multipart/form-data-indholdet er ufuldstændigt eller har en forkert grænse (boundary).';

/** A multipart body that cannot be parsed (no boundary, cut off) is the client's error: 400 on the file field `fil`. */
export function uploadError(error: unknown): unknown {
  const status = (error as { statusCode?: number }).statusCode;
  if (error instanceof HttpError || (status !== undefined && status < 500)) return error;
  return badRequest(UPLOAD_BROKEN, { fil: [UPLOAD_BROKEN] });
}

export async function readUploadedFile(req: FastifyRequest, missing: string): Promise<UploadedFile | null> {
  try {
    return await readFile(req, missing);
  } catch (e) {
    throw uploadError(e);
  }
}

async function readFile(req: FastifyRequest, missing: string): Promise<UploadedFile | null> {
  if (!req.isMultipart()) throw badRequest(missing);
  const file = await req.file();
  if (req.csrfPending) {
    const field = file?.fields._csrf;
    const sent = field && !Array.isArray(field) && field.type === 'field' ? field.value : undefined;
    if (!req.csrf || sent !== req.csrf) throw new HttpError(403, CSRF_REFUSED);
    req.csrfPending = false;
  }
  if (!file) return null;
  const buffer = await file.toBuffer();
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(file.fields)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (name !== '_csrf' && first && first.type === 'field' && typeof first.value === 'string') fields[name] = first.value;
  }
  return { filename: file.filename, buffer, truncated: file.file.truncated, fields };
}
