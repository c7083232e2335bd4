/**
 * @module JSON API of the joint consultations: the list (filters as the page, readable with a reader token), one
 * case with the answers, opening a case, a municipality's answer (PUT, only its own; If-Match or version → 412) and
 * the opener's closing. The access check runs before body validation (preValidation).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import {
  ZConsultation,
  ZConsultationAnswerInput,
  ZConsultationAnswerParams,
  ZConsultationClose,
  ZConsultationInput,
  ZConsultationList,
  ZConsultationParams,
  ZConsultationsQuery,
} from './consultations.schema.js';
import * as s from './consultations.service.js';

const tags = ['Samarbejde'];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 412: ZErrorResponse };
const raw = (req: FastifyRequest) => (req.params ?? {}) as Record<string, string>;
const rawId = (req: FastifyRequest, key = 'id') => ZConsultationParams.parse({ id: raw(req)[key] ?? '' }).id;
const ifMatch = (req: FastifyRequest) => req.headers['if-match'];

export function consultationsApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/consultations',
    {
      schema: {
        summary: 'Fælles drøftelser: lukning, omlægning og forespørgsler før enkeltmandstilbud (filtre som på siden)',
        tags,
        querystring: ZConsultationsQuery,
        response: { 200: ZConsultationList, ...errors },
      },
    },
    async (req) => ({ consultations: (await s.listConsultations(req.ctx, req.query)).consultations.map(s.presentSummary) }),
  );

  app.post(
    '/api/consultations',
    {
      preValidation: (req) => s.authorizeCreate(req.ctx, req.body),
      schema: {
        summary: 'Opret en fælles drøftelse (en medlemskommune; ved lukning og omlægning den kommune, der driver tilbuddet)',
        tags,
        body: ZConsultationInput,
        response: { 201: z.object({ id: z.number().int() }), ...errors },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await s.createConsultation(req.ctx, req.body) }),
  );

  app.get(
    '/api/consultations/:id',
    { schema: { summary: 'En fælles drøftelse med medlemskommunernes svar', tags, params: ZConsultationParams, response: { 200: ZConsultation, ...errors } } },
    async (req, reply) => {
      const v = await s.getConsultation(req.ctx, req.params.id);
      return reply.header('etag', `"${v.consultation.version}"`).send(s.presentConsultation(v));
    },
  );

  app.put(
    '/api/consultations/:id/answers/:organisationId',
    {
      preValidation: (req) => s.authorizeAnswer(req.ctx, rawId(req), rawId(req, 'organisationId')),
      schema: {
        summary: 'Kommunens svar (kun egen kommune; mens drøftelsen er åben; If-Match eller version, 0 for det første svar)',
        tags,
        params: ZConsultationAnswerParams,
        body: ZConsultationAnswerInput,
        response: { 200: z.object({ version: z.number().int() }), ...errors },
      },
    },
    async (req, reply) => {
      const version = await s.saveAnswer(req.ctx, req.params.id, req.params.organisationId, req.body, ifMatch(req));
      return reply.header('etag', `"${version}"`).send({ version });
    },
  );

  app.post(
    '/api/consultations/:id/close',
    {
      preValidation: (req) => s.authorizeClose(req.ctx, rawId(req)),
      schema: {
        summary: 'Afslut drøftelsen med resultat og lokal beslutning (den kommune, der oprettede den; If-Match eller version)',
        tags,
        params: ZConsultationParams,
        body: ZConsultationClose,
        response: { 200: z.object({ version: z.number().int() }), ...errors },
      },
    },
    async (req, reply) => {
      const version = await s.closeConsultation(req.ctx, req.params.id, req.body, ifMatch(req));
      return reply.header('etag', `"${version}"`).send({ version });
    },
  );
}
