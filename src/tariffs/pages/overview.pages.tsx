/**
 * @module Routes of the tariff overview: the overview (public once published; the secretariat's preview), the
 * offerings behind one count of the round, the confirmation and the publication, and the Excel and CSV exports.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ZOverviewQuery } from '../overview.filter.js';
import { ROUND_STATES } from '../overview.model.js';
import { overviewCsvFile, overviewPage as loadOverviewPage, overviewXlsxFile, roundStateList } from '../overview.service.js';
import { publishConfirmation, publishOverview } from '../publish.service.js';
import { fieldOf, isFormError, paramsOf, queryOf, sendFile, zPageYear } from './http.js';
import { confirmPage, overviewPage, roundStatePage } from './overview.view.js';

const ZAreaYear = z.object({ area: z.string().min(1).max(40), year: zPageYear });
const ZState = ZAreaYear.extend({ state: z.enum(ROUND_STATES) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The export answers, for the OpenAPI document: a file of the given type. */
const file = (type: string, description: string) => ({ 200: { description, content: { [type]: { schema: z.string().describe(description) } } } });

/** The confirmation step before publishing: what will be published, what is still outstanding, and the deadline. */
async function renderConfirm(req: FastifyRequest, reply: FastifyReply, extra: { message?: string; httpStatus?: number } = {}) {
  const { area, year } = paramsOf(ZAreaYear, req);
  return reply.page(confirmPage({ ...(await publishConfirmation(req.ctx, area, year)), csrf: req.csrf, ...extra }));
}

export function overviewPages(app: FastifyInstance) {
  app.get('/takster/oversigt/:area/:year', { schema: { hide: true } }, async (req, reply) => {
    const { area, year } = paramsOf(ZAreaYear, req);
    const q = queryOf(req);
    const data = await loadOverviewPage(req.ctx, area, year, { preview: q.forhaandsvisning === '1', query: ZOverviewQuery.parse(q) });
    return reply.page(overviewPage({ ...data, publishedCount: q.offentliggjort }));
  });

  // The offerings behind one count of the round, so the secretariat can see whom to chase.
  app.get('/takster/oversigt/:area/:year/status/:state', { schema: { hide: true } }, async (req, reply) => {
    const { area, year, state } = paramsOf(ZState, req);
    return reply.page(roundStatePage(await roundStateList(req.ctx, area, year, state)));
  });

  app.get('/takster/oversigt/:area/:year/offentliggoer', { schema: { hide: true } }, async (req, reply) => renderConfirm(req, reply));

  app.post('/takster/oversigt/:area/:year/offentliggoer', { schema: { hide: true } }, async (req, reply) => {
    const { area, year } = paramsOf(ZAreaYear, req);
    // Publishing happens only from the confirmation page; an unconfirmed post shows it (after its access check).
    if (fieldOf(req, 'bekraeft') !== 'ja') return renderConfirm(req, reply);
    try {
      const { count } = await publishOverview(req.ctx, { area, year });
      return reply.redirect(`/takster/oversigt/${area}/${year}?offentliggjort=${count}`, 303);
    } catch (error) {
      if (isFormError(error)) return renderConfirm(req, reply, { message: error.message, httpStatus: error.statusCode });
      throw error;
    }
  });

  const csv = {
    summary: 'Takstoversigten som CSV (semikolon, UTF-8)',
    tags: ['Takster'],
    security: [],
    response: file('text/csv', 'CSV med semikolon og decimalkomma'),
  };
  app.get('/takster/oversigt/:area/:year/eksport.csv', { schema: csv }, async (req, reply) => {
    const { area, year } = paramsOf(ZAreaYear, req);
    return sendFile(reply, 'text/csv; charset=utf-8', await overviewCsvFile(req.ctx, area, year));
  });

  app.get(
    '/takster/oversigt/:area/:year/eksport.xlsx',
    {
      schema: {
        summary: 'Takstoversigten som Excel: oversigten og hvert tilbuds beregning på hvert sit ark',
        tags: ['Takster'],
        security: [],
        response: file(XLSX, 'Excel-projektmappe'),
      },
    },
    async (req, reply) => {
      const { area, year } = paramsOf(ZAreaYear, req);
      return sendFile(reply, XLSX, await overviewXlsxFile(req.ctx, area, year));
    },
  );
}
