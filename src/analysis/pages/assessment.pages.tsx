/**
 * @module Routes of the "redegørelse": the area's compilation (`/analyse/redegoerelse`, also as Excel), the
 * municipality's own form (`/analyse/redegoerelse/kommune`), and the JSON API (`GET /api/analysis/assessments`,
 * `PUT /api/analysis/assessments/:organisationId/:year` with If-Match).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HttpError, type FieldErrors } from '../../core/errors.js';
import { ZErrorResponse } from '../../core/http/schemas.js';
import { toXlsx } from '../../core/tabular/xlsx.js';
import { ZAssessmentCompiled, ZAssessmentInput, ZAssessmentParams, ZAssessmentQuery } from '../assessment.schema.js';
import { assessmentForm, authorizeAssessment, compiledAssessments, saveAssessment } from '../assessment.service.js';
import { assessmentSheet } from '../capacity.exports.js';
import { AssessmentFormPage, CompiledAssessmentsPage } from './assessment.view.js';
import { z } from 'zod';

type FormValues = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const crumbs = (label: string) => [{ href: '/', label: 'Forside' }, { href: '/analyse', label: 'Analyse' }, { label }];
const yearOf = (req: FastifyRequest) => {
  const y = Number(one((req.query as FormValues | undefined)?.year));
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : undefined;
};

async function showForm(req: FastifyRequest, reply: FastifyReply, values?: FormValues, errors?: FieldErrors, status?: number) {
  const v = await assessmentForm(req.ctx, req.ctx.actor?.organisationId ?? 0, yearOf(req));
  return reply.page({
    title: `Redegørelse ${v.year}: ${v.organisation.name}`,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: crumbs('Redegørelse'),
    body: <AssessmentFormPage v={v} csrf={req.csrf} values={values} errors={errors} saved={one((req.query as FormValues | undefined)?.gemt) === '1'} />,
  });
}

export function assessmentPages(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/analyse/redegoerelse', { schema: { hide: true, querystring: ZAssessmentQuery } }, async (req, reply) => {
    const v = await compiledAssessments(req.ctx, req.query);
    if (req.query.format === 'xlsx')
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="redegoerelser-${v.area.code}-${v.year}.xlsx"`)
        .send(await toXlsx([assessmentSheet(v)]));
    return reply.page({ title: `Redegørelser ${v.year}: ${v.area.name}`, breadcrumbs: crumbs('Redegørelser'), body: <CompiledAssessmentsPage v={v} /> });
  });

  app.get('/analyse/redegoerelse/kommune', { schema: { hide: true } }, (req, reply) => showForm(req, reply));
  app.post('/analyse/redegoerelse/kommune', { schema: { hide: true } }, async (req, reply) => {
    const b = (req.body ?? {}) as FormValues;
    const form = await assessmentForm(req.ctx, req.ctx.actor?.organisationId ?? 0, yearOf(req));
    const answers = form.groups
      .filter((g) => one(b[`score-${g.code}`]) !== '')
      .map((g) => ({ group: g.code, score: one(b[`score-${g.code}`]), comment: one(b[`comment-${g.code}`]) }));
    try {
      await saveAssessment(req.ctx, form.organisation.id, form.year, { version: one(b.version), answers });
      return reply.redirect(`/analyse/redegoerelse/kommune?year=${form.year}&gemt=1`, 303);
    } catch (error) {
      if (error instanceof HttpError && [400, 409, 412].includes(error.statusCode))
        return showForm(req, reply, b, Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] }, error.statusCode);
      throw error;
    }
  });

  const tags = ['Analyse'];
  app.get(
    '/api/analysis/assessments',
    {
      schema: {
        summary: 'Kommunernes redegørelser for et år: vurdering 1-5 af udbud mod behov pr. målgruppe, samlet for området',
        tags,
        querystring: ZAssessmentQuery.omit({ format: true }),
        response: { 200: ZAssessmentCompiled, 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse },
      },
    },
    async (req) => {
      const v = await compiledAssessments(req.ctx, req.query);
      return { area: v.area, year: v.year, groups: v.groups, municipalities: v.municipalities };
    },
  );
  app.put(
    '/api/analysis/assessments/:organisationId/:year',
    {
      // The access check before the body is validated: a user who may not answer gets 401/403/404 first.
      preValidation: async (req) => {
        const id = Number((req.params as unknown as { organisationId?: string }).organisationId);
        await authorizeAssessment(req.ctx, Number.isInteger(id) && id > 0 && id < 2 ** 31 ? id : 0);
      },
      schema: {
        summary: 'Gem kommunens redegørelse for året (kun egen kommune; If-Match eller version, 0 for den første; 412 ved forældet version)',
        tags,
        params: ZAssessmentParams,
        body: ZAssessmentInput,
        response: {
          200: z.object({ version: z.number().int() }),
          400: ZErrorResponse,
          401: ZErrorResponse,
          403: ZErrorResponse,
          404: ZErrorResponse,
          412: ZErrorResponse,
        },
      },
    },
    async (req, reply) => {
      const version = await saveAssessment(req.ctx, req.params.organisationId, req.params.year, req.body, req.headers['if-match']);
      return reply.header('etag', `"${version}"`).send({ version });
    },
  );
}
