/**
 * @module Routes of the capacity analysis: the area's capacity picture (`/analyse/kapacitet`), the rows behind a
 * number, each table as Excel (`format=xlsx`), and the JSON answer (`GET /api/analysis/capacity`).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../core/http/schemas.js';
import { toXlsx, type SheetSpec } from '../../core/tabular/xlsx.js';
import { capacityRowsSheet, capacitySheet } from '../capacity.exports.js';
import { ZCapacityQuery, ZCapacityResponse, ZCapacityRowsQuery } from '../capacity.schema.js';
import { capacityRows, capacityView } from '../capacity.service.js';
import { capacityReportPdf } from '../report.pdf.js';
import { capacityReport } from '../report.service.js';
import { CapacityPage, CapacityRowsPage } from './capacity.view.js';
import { ReportPage } from './report.view.js';
import { z } from 'zod';

const ZReportQuery = z.object({
  area: ZCapacityQuery.shape.area,
  format: z.enum(['pdf'], { error: 'Formatet kan kun være pdf.' }).optional().describe('pdf: hent analysen som PDF'),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const crumbs = (label: string) => [{ href: '/', label: 'Forside' }, { href: '/analyse', label: 'Analyse' }, { label }];
const sendXlsx = async (reply: FastifyReply, name: string, sheet: SheetSpec) =>
  reply
    .type(XLSX)
    .header('content-disposition', `attachment; filename="${name}.xlsx"`)
    .send(await toXlsx([sheet]));

export function capacityPages(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/analyse/kapacitet', { schema: { hide: true, querystring: ZCapacityQuery } }, async (req, reply) => {
    const v = await capacityView(req.ctx, req.query);
    if (req.query.format === 'xlsx') {
      const table = req.query.table ?? 'kapacitet';
      return sendXlsx(reply, `${table}-${v.area.code}-${v.today}`, capacitySheet(v, table));
    }
    return reply.page({ title: `Kapacitet: ${v.area.name}`, breadcrumbs: crumbs('Kapacitet'), body: <CapacityPage v={v} /> });
  });

  app.get('/analyse/kapacitet/raekker', { schema: { hide: true, querystring: ZCapacityRowsQuery } }, async (req, reply) => {
    const v = await capacityRows(req.ctx, req.query);
    if (req.query.format === 'xlsx') return sendXlsx(reply, `kapacitet-${v.kind}-${v.area.code}-${v.date}`, capacityRowsSheet(v));
    return reply.page({
      title: 'Rækkerne bag tallet',
      breadcrumbs: [...crumbs('Kapacitet').slice(0, 2), { href: `/analyse/kapacitet?area=${v.area.code}`, label: 'Kapacitet' }, { label: 'Rækker' }],
      body: <CapacityRowsPage v={v} />,
    });
  });

  app.get('/analyse/kapacitet/rapport', { schema: { hide: true, querystring: ZReportQuery } }, async (req, reply) => {
    const r = await capacityReport(req.ctx, { area: req.query.area });
    if (req.query.format === 'pdf')
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="kapacitetsanalyse-${r.capacity.area.code}-${r.capacity.today}.pdf"`)
        .send(await capacityReportPdf(r));
    return reply.page({ title: r.title, breadcrumbs: [...crumbs('Kapacitet').slice(0, 2), { label: 'Kapacitetsanalyse' }], body: <ReportPage r={r} /> });
  });

  app.get(
    '/api/analysis/capacity',
    {
      schema: {
        summary: 'Områdets kapacitet: pladser, optagne og ledige pladser pr. målgruppe og tilbudstype, belægning pr. måned og placeringer',
        tags: ['Analyse'],
        querystring: ZCapacityQuery.omit({ format: true, table: true }),
        response: { 200: ZCapacityResponse, 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse },
      },
    },
    async (req) => {
      const v = await capacityView(req.ctx, req.query);
      return {
        area: { code: v.area.code, name: v.area.name },
        date: v.today,
        cells: v.cells,
        total: v.total,
        occupancy: v.occupancy,
        placements: v.placements,
        fromOutside: v.fromOutside,
      };
    },
  );
}
