/**
 * @module Routes of the increase watch (signed-in users): the report to the socialtilsyn, its CSV, and the
 * steering group's review list.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import { increaseReport, increaseReportCsv, steeringReview, type WatchQuery } from '../watch.service.js';
import { sendFile, zPageYear } from './http.js';
import { increaseReportPage, steeringReviewPage } from './watch.view.js';

const ZQuery = z.object({
  area: z.string().max(40).optional(),
  periode: z
    .string()
    .regex(/^\d{4}-[12]$/)
    .optional(),
  dato: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  takstaar: zPageYear.optional(),
});

function query(req: FastifyRequest): WatchQuery {
  const q = ZQuery.safeParse(req.query);
  if (!q.success) throw notFound('Siden findes ikke: ugyldig periode eller dato.');
  return q.data;
}

export function watchPages(app: FastifyInstance) {
  app.get('/takster/indberetning', { schema: { hide: true } }, async (req, reply) => reply.page(increaseReportPage(await increaseReport(req.ctx, query(req)))));

  app.get('/takster/indberetning/eksport.csv', { schema: { hide: true } }, async (req, reply) =>
    sendFile(reply, 'text/csv; charset=utf-8', await increaseReportCsv(req.ctx, query(req))),
  );

  app.get('/takster/styregruppe', { schema: { hide: true } }, async (req, reply) => reply.page(steeringReviewPage(await steeringReview(req.ctx, query(req)))));
}
