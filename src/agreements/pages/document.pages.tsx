/**
 * @module Routes of the published agreement: the readable document (public without login for a published
 * agreement) and its PDF. Rendering is in document.view.tsx and pdf.ts.
 */
import type { FastifyInstance } from 'fastify';
import { documentData } from '../document.service.js';
import { agreementPdf } from '../pdf.js';
import { documentPage } from './document.view.js';
import { HTML, idParam } from './shared.js';

export function documentPages(app: FastifyInstance) {
  app.get('/aftaler/:id/dokument', HTML, async (req, reply) => reply.page(documentPage(await documentData(req.ctx, idParam(req)))));

  app.get('/aftaler/:id/aftale.pdf', HTML, async (req, reply) => {
    const d = await documentData(req.ctx, idParam(req));
    const pdf = await agreementPdf(d);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="rammeaftale-${d.id}.pdf"`).send(pdf);
  });
}
