/**
 * @module Reading an import request (multipart/form-data): the fields `tableId` and `downloadedOn` and the file
 * `fil`, decoded as UTF-8 (or Windows-1252, as Excel saves it, when it is not valid UTF-8).
 */
import type { FastifyRequest } from 'fastify';
import { badRequest, HttpError } from '../core/errors.js';
import { CSRF_REFUSED, uploadError } from '../core/http/upload.js';
import type { ImportInput } from './import.service.js';

export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

export async function readImportUpload(req: FastifyRequest): Promise<ImportInput> {
  try {
    return await readParts(req);
  } catch (e) {
    throw uploadError(e);
  }
}

async function readParts(req: FastifyRequest): Promise<ImportInput> {
  if (!req.isMultipart()) throw badRequest('Send filen som multipart/form-data med felterne tableId, downloadedOn og fil.');
  const fields: Record<string, string> = {};
  let text: string | null = null;
  // A page form sends its `_csrf` field before the file: checked before the file is read (see core/http/upload).
  const checkCsrf = () => {
    if (!req.csrfPending) return;
    if (!req.csrf || fields._csrf !== req.csrf) throw new HttpError(403, CSRF_REFUSED);
    req.csrfPending = false;
  };
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      checkCsrf();
      const buffer = await part.toBuffer();
      if (part.file.truncated) throw new HttpError(413, 'Filen er for stor (højst 10 MB).');
      if (buffer.length) text = decodeText(buffer);
    } else if (typeof part.value === 'string') fields[part.fieldname] = part.value.slice(0, 100);
  }
  checkCsrf();
  return { tableId: (fields.tableId ?? '').trim().toUpperCase(), downloadedOn: (fields.downloadedOn ?? '').trim(), text };
}
