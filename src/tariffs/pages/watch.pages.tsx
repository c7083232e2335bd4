/**
 * @module Routes of the increase watch (signed-in users): the report to the socialtilsyn, its CSV, and the
 * steering group's review list.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import { recordReportSent } from '../report.service.js';
import { increaseReport, increaseReportCsv, steeringReview, type WatchQuery } from '../watch.service.js';
import { type FormFields, formOf, isFormError, sendFile, zPageYear } from './http.js';
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

const one = (f: FormFields, k: string) => (typeof f[k] === 'string' ? (f[k] as string) : undefined);

export function watchPages(app: FastifyInstance) {
  app.get('/takster/indberetning', { schema: { hide: true } }, async (req, reply) =>
    reply.page(
      increaseReportPage({ ...(await increaseReport(req.ctx, query(req))), csrf: req.csrf, isJustSent: (req.query as { sendt?: string }).sendt === '1' }),
    ),
  );

  app.get('/takster/indberetning/eksport.csv', { schema: { hide: true } }, async (req, reply) =>
    sendFile(reply, 'text/csv; charset=utf-8', await increaseReportCsv(req.ctx, query(req))),
  );

  // The secretariat records that the half-year's report was sent; a refused form is shown again with its input.
  app.post('/takster/indberetning/sendt', { schema: { hide: true } }, async (req, reply) => {
    const form = formOf(req);
    try {
      const { area, record } = await recordReportSent(req.ctx, form);
      return reply.redirect(`/takster/indberetning?area=${area.code}&periode=${record.period}&sendt=1`, 303);
    } catch (error) {
      if (!isFormError(error)) throw error;
      const q = { area: one(form, 'area'), periode: one(form, 'periode') };
      const data = await increaseReport(req.ctx, query({ query: q } as FastifyRequest));
      const page = increaseReportPage({ ...data, form, errors: error.fieldErrors, message: error.message, csrf: req.csrf });
      return reply.page({ ...page, status: error.statusCode });
    }
  });

  app.get('/takster/styregruppe', { schema: { hide: true } }, async (req, reply) => reply.page(steeringReviewPage(await steeringReview(req.ctx, query(req)))));
}
