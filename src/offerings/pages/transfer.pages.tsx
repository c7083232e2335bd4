/**
 * @module Routes of the register's files: export of the filtered list (CSV, Excel), the empty template, and
 * import from CSV or Excel (the page; the API is in offerings.api.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireSignedIn } from '../../core/access/access.js';
import { HttpError } from '../../core/errors.js';
import { ZErrorResponse } from '../../core/http/schemas.js';
import { toCsv } from '../../core/tabular/csv.js';
import { toXlsx } from '../../core/tabular/xlsx.js';
import { readUpload } from '../offerings.api.js';
import { importFile, importTemplate, openImport } from '../offerings.import.js';
import { REGISTER } from '../offerings.policy.js';
import { ZListQuery } from '../offerings.schema.js';
import { exportOfferings } from '../offerings.service.js';
import { COLUMNS, exportHeader, exportRow } from '../offerings.tabular.js';
import { ImportPage, type ImportPageView } from './transfer.view.js';

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const file = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } });
const attachment = (name: string) => `attachment; filename="${name}"`;

async function showImport(req: FastifyRequest, reply: FastifyReply, view: Omit<ImportPageView, 'csrf'> = {}, status?: number) {
  openImport(req.ctx);
  const breadcrumbs = [{ href: '/', label: 'Forside' }, { href: '/tilbud', label: 'Tilbudsregister' }, { label: 'Importér' }];
  return reply.page({ title: 'Importér tilbud', status, breadcrumbs, body: <ImportPage view={{ ...view, csrf: req.csrf }} /> });
}

export function transferPages(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const mayRead = async (req: FastifyRequest) => void requireSignedIn(req.ctx, 'offerings.read', REGISTER);

  app.get(
    '/tilbud/eksport.csv',
    {
      preValidation: mayRead,
      schema: {
        summary: 'Det filtrerede tilbudsregister som CSV (semikolonsepareret, UTF-8)',
        tags: ['Tilbud'],
        querystring: ZListQuery,
        response: { 200: file(CSV, 'CSV-fil'), 400: ZErrorResponse, 401: ZErrorResponse },
      },
    },
    async (req, reply) => {
      const { date, rows } = await exportOfferings(req.ctx, req.query);
      return reply
        .type(CSV)
        .header('content-disposition', attachment(`tilbudsregister-${date}.csv`))
        .send(toCsv(exportHeader(), rows.map(exportRow)));
    },
  );

  app.get(
    '/tilbud/eksport.xlsx',
    {
      preValidation: mayRead,
      schema: {
        summary: 'Det filtrerede tilbudsregister som Excel',
        tags: ['Tilbud'],
        querystring: ZListQuery,
        response: { 200: file(XLSX, 'Excel-fil'), 400: ZErrorResponse, 401: ZErrorResponse },
      },
    },
    async (req, reply) => {
      const { date, rows } = await exportOfferings(req.ctx, req.query);
      const xlsx = await toXlsx([{ name: 'Tilbud', columns: COLUMNS.map((c) => ({ header: c.header })), rows: rows.map(exportRow) }]);
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`tilbudsregister-${date}.xlsx`))
        .send(xlsx);
    },
  );

  app.get('/tilbud/skabelon.csv', { schema: { hide: true } }, async (req, reply) => {
    const header = importTemplate(req.ctx);
    return reply.type(CSV).header('content-disposition', attachment('tilbud-skabelon.csv')).send(toCsv(header, []));
  });

  app.get('/tilbud/import', { schema: { hide: true } }, (req, reply) => showImport(req, reply));

  app.post('/tilbud/import', { schema: { hide: true }, config: { upload: true } }, async (req, reply) => {
    try {
      const result = await importFile(req.ctx, () => readUpload(req));
      if (result.errors.length) return showImport(req, reply, { problems: result.errors }, 400);
      return showImport(req, reply, { done: result });
    } catch (error) {
      if (error instanceof HttpError && (error.statusCode === 400 || error.statusCode === 413))
        return showImport(req, reply, { message: error.message }, error.statusCode);
      throw error;
    }
  });
}
