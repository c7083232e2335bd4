/**
 * @module JSON API of an activity's evaluation survey: read it (any signed-in user, a reader token too; ETag: its
 * version, "0" when there is none) and the secretariat's write (If-Match or `version`, 0 for a new survey; 412
 * when stale). The access check runs before body validation.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import { ZActivityParams } from './activities.schema.js';
import { ZSurvey, ZSurveyInput } from './evaluations.schema.js';
import { activitySurvey, authorizeSurveyEdit, saveSurvey } from './evaluations.service.js';

const tags = ['Samarbejde'];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 412: ZErrorResponse };
const ZSurveyAnswer = z.object({ survey: ZSurvey.nullable().describe('Evalueringen; null når aktiviteten ikke er evalueret med et spørgeskema') });
const rawId = (req: FastifyRequest) => ZActivityParams.parse(req.params ?? {}).id;

export function evaluationsApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/activities/:id/survey',
    {
      schema: {
        summary: 'Aktivitetens evaluering: spørgeskemaets spørgsmål med antal svar på 1–5 (ETag: versionen, "0" uden evaluering)',
        tags,
        params: ZActivityParams,
        response: { 200: ZSurveyAnswer, ...errors },
      },
    },
    async (req, reply) => {
      const survey = await activitySurvey(req.ctx, req.params.id);
      return reply.header('etag', `"${survey?.version ?? 0}"`).send({ survey });
    },
  );

  app.put(
    '/api/activities/:id/survey',
    {
      preValidation: async (req) => void (await authorizeSurveyEdit(req.ctx, rawId(req))),
      schema: {
        summary: 'Indtast eller ret aktivitetens evaluering (områdets sekretariat; If-Match, "0" for en ny; ingen spørgsmål fjerner den)',
        tags,
        params: ZActivityParams,
        body: ZSurveyInput,
        response: { 200: ZSurveyAnswer, ...errors },
      },
    },
    async (req, reply) => {
      await saveSurvey(req.ctx, req.params.id, req.body, req.headers['if-match']);
      const survey = await activitySurvey(req.ctx, req.params.id);
      return reply.header('etag', `"${survey?.version ?? 0}"`).send({ survey });
    },
  );
}
