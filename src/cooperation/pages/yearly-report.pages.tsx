/**
 * @module The route of an area's yearly report: the page (`/samarbejde/aarsrapport?area=…&year=…`), and the same
 * report as a PDF (`format=pdf`, pdfkit loaded only then) or a Word-readable document (`format=doc`: HTML with
 * headings and tables, served as application/msword).
 */
import type { FastifyInstance } from 'fastify';
import { badRequest } from '../../core/errors.js';
import { ZYearlyReportPageQuery } from '../yearly-report.schema.js';
import { yearlyReportPage } from '../yearly-report.service.js';
import { crumbs, one, queryOf } from './http.js';
import { reportDocument, YearlyReportPage } from './yearly-report.view.js';

export function yearlyReportPages(app: FastifyInstance) {
  app.get('/samarbejde/aarsrapport', { schema: { hide: true } }, async (req, reply) => {
    const q = queryOf(req);
    const parsed = ZYearlyReportPageQuery.safeParse({ area: one(q.area) || undefined, year: one(q.year) || undefined, format: one(q.format) || undefined });
    if (!parsed.success)
      throw badRequest('Oplysningerne er ikke gyldige.', Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]])));
    const { format, ...query } = parsed.data;
    const view = await yearlyReportPage(req.ctx, { area: query.area, year: query.year === undefined ? undefined : String(query.year) });
    const r = view.report;
    if (r && format) {
      const name = `aarsrapport-${r.area.code}-${r.year}`;
      if (format === 'pdf') {
        const { yearlyReportPdf } = await import('../yearly-report.pdf.js');
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(await yearlyReportPdf(r));
      }
      return reply
        .type('application/msword; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.doc"`)
        .send(reportDocument(r, req.ctx.config.baseUrl.replace(/\/$/, '')));
    }
    return reply.page({
      title: r?.title ?? 'Årsrapport',
      breadcrumbs: [...crumbs, { label: 'Årsrapport' }],
      body: <YearlyReportPage {...view} year={one(q.year)} />,
    });
  });
}
