/**
 * @module Routes of the data page (`/analyse/data`): the imported series, and the secretariat's import of a
 * Statistikbanken CSV file (multipart; the form sends its CSRF token as the first field, before the file, as the offerings import does).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../core/errors.js';
import { dataPage, importStatbank, authorizeImport, type ImportInput } from '../import.service.js';
import { readImportUpload } from '../upload.js';
import { DataPage, type DataPageModel } from './data.view.js';

const crumbs = [{ href: '/', label: 'Forside' }, { href: '/analyse', label: 'Analyse' }, { label: 'Data' }];

async function show(
  req: FastifyRequest,
  reply: FastifyReply,
  extra: Omit<DataPageModel, 'csrf' | keyof Awaited<ReturnType<typeof dataPage>>> = {},
  status?: number,
) {
  const view = await dataPage(req.ctx);
  return reply.page({ title: 'Data fra Danmarks Statistik', status, breadcrumbs: crumbs, body: <DataPage m={{ ...view, ...extra, csrf: req.csrf }} /> });
}

export function dataPages(app: FastifyInstance) {
  app.get('/analyse/data', { schema: { hide: true } }, (req, reply) => show(req, reply));
  app.post('/analyse/data', { schema: { hide: true }, config: { upload: true } }, async (req, reply) => {
    authorizeImport(req.ctx);
    let input: ImportInput | undefined;
    try {
      input = await readImportUpload(req);
      const result = await importStatbank(req.ctx, input);
      if (!result.ok) return show(req, reply, { values: input, problems: result.problems }, 400);
      return show(req, reply, { done: result });
    } catch (error) {
      if (error instanceof HttpError && (error.statusCode === 400 || error.statusCode === 413)) {
        const hasFields = Object.keys(error.fieldErrors ?? {}).length > 0;
        return show(req, reply, { values: input, errors: hasFields ? error.fieldErrors : undefined, message: error.message }, error.statusCode);
      }
      throw error;
    }
  });
}
