/**
 * @module JSON API for settlement (tag "Afregning"): the public calculation. Fastify validates every input and
 * serialises every answer with the zod schemas; handlers call one service.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import { calculatePublic } from './calculate.service.js';
import { ZCalculateRequest, ZCalculateResponse } from './calculation.schema.js';

export const tags = ['Afregning'];
export const ERRORS = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse } as const;

export function settlementApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/settlement/calculate',
    {
      config: { csrf: false },
      schema: {
        summary: 'Beregn en måneds afregning (offentlig, gemmer intet)',
        description:
          'Dage = kalenderdagene i måneden inden for [from, to], begge dage med (to: null = åben). Dagspris × dage; månedspris × dage ÷ dage i måneden; timepris × timer. Hver linje afrundes halvt op til øre; total = summen af de afrundede linjer. Beløb er decimaltal som tekst.',
        tags,
        security: [],
        body: ZCalculateRequest,
        response: { 200: ZCalculateResponse, 400: ZErrorResponse },
      },
    },
    async (req) => calculatePublic(req.ctx, req.body),
  );
}
