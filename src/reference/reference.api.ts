/**
 * @module The reference data API: `GET /api/reference?date=…`.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import { ZReference, ZReferenceQuery } from './reference.schema.js';
import { referenceOn } from './reference.service.js';

export function referenceApi(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/reference',
    {
      schema: {
        summary: 'Grunddata på en dato: regioner, rammeaftaleområder med medlemmer, lovgrundlag, målgrupper, typer og socialtilsyn',
        tags: ['Grunddata'],
        querystring: ZReferenceQuery,
        response: { 200: ZReference, 400: ZErrorResponse, 401: ZErrorResponse },
      },
    },
    async (req) => referenceOn(req.ctx, req.query.date),
  );
}
