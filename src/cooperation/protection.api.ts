/**
 * @module JSON API of the protected offerings' watch (readable with a reader token): the protected offerings of an
 * area with today's occupancy, waiting count and firing triggers, and the dialogue cases of an area.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import { listCases, presentCase } from './dialogue.service.js';
import { ZAreaQuery, ZDialogueCaseList, ZDialogueQuery, ZProtectedOfferingList } from './protection.schema.js';
import { listProtected, presentProtected } from './protection.service.js';

const tags = ['Samarbejde'];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };

export function protectionApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/protected-offerings',
    {
      schema: {
        summary: 'Beskyttede tilbud (mest specialiserede, forstærket samarbejde) med belægning, venteliste og udløsere, der er opfyldt i dag',
        tags,
        querystring: ZAreaQuery,
        response: { 200: ZProtectedOfferingList, ...errors },
      },
    },
    async (req) => ({ offerings: (await listProtected(req.ctx, req.query)).offerings.map(presentProtected) }),
  );

  app.get(
    '/api/dialogue-cases',
    {
      schema: {
        summary: 'Dialogsager om beskyttede tilbud (fx nødbremsen i Hovedstaden) med trin og svar',
        tags,
        querystring: ZDialogueQuery,
        response: { 200: ZDialogueCaseList, ...errors },
      },
    },
    async (req) => ({ cases: (await listCases(req.ctx, req.query)).cases.map(presentCase) }),
  );
}
