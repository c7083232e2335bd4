/**
 * @module The contract import page (the buyer's case worker): the form, and the upload read like the offerings
 * import (the form sends its `_csrf` field before the file; the route is marked `upload`). The API is in
 * contracts.api.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../core/errors.js';
import { readUploadedFile } from '../../core/http/upload.js';
import { importContracts, openContractImport } from '../contract-import.service.js';
import { IMPORT_MISSING } from '../contracts.api.js';
import { ContractImportPage, type ContractImportView } from './contract-import.view.js';
import { crumbs } from './http.js';

const HIDE = { schema: { hide: true } };

function showImport(req: FastifyRequest, reply: FastifyReply, extra: Partial<ContractImportView> = {}, status?: number) {
  const { columns } = openContractImport(req.ctx);
  return reply.page({
    title: 'Importér kontrakter',
    status,
    breadcrumbs: [...crumbs, { href: '/pladser/kontrakter', label: 'Kontrakter' }, { label: 'Import' }],
    body: <ContractImportPage view={{ csrf: req.csrf, columns, ...extra }} />,
  });
}

export function contractImportPages(app: FastifyInstance) {
  app.get('/pladser/kontrakter/import', HIDE, (req, reply) => showImport(req, reply));

  app.post('/pladser/kontrakter/import', { ...HIDE, config: { upload: true } }, async (req, reply) => {
    try {
      const result = await importContracts(req.ctx, () => readUploadedFile(req, IMPORT_MISSING));
      if (result.errors.length) return showImport(req, reply, { problems: result.errors }, 400);
      return showImport(req, reply, { done: result });
    } catch (error) {
      if (error instanceof HttpError && (error.statusCode === 400 || error.statusCode === 413))
        return showImport(req, reply, { message: error.message }, error.statusCode);
      throw error;
    }
  });
}
