/**
 * @module JSON API of an area's yearly report: `GET /api/yearly-report?area=…&year=…` answers the report's data
 * (agreements with focus areas, activities with evaluations, projects, announcements answered, meetings per body);
 * any signed-in user, a reader token too.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import { ZYearlyReport, ZYearlyReportQuery } from './yearly-report.schema.js';
import { yearlyReport } from './yearly-report.service.js';

export function yearlyReportApi(fastify: FastifyInstance) {
  fastify.withTypeProvider<ZodTypeProvider>().get(
    '/api/yearly-report',
    {
      schema: {
        summary: 'Områdets årsrapport: rammeaftalens temaer, årets aktiviteter med evaluering, projekter, besvarede centrale udmeldinger og møder',
        tags: ['Samarbejde'],
        querystring: ZYearlyReportQuery,
        response: { 200: ZYearlyReport, 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse },
      },
    },
    (req) => yearlyReport(req.ctx, req.query),
  );
}
