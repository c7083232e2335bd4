/**
 * @module JSON API of the cooperation's bodies: the list (filters area and date, readable with a reader token),
 * creating bodies, members, mandates, and the organisation's versions (a proposal and its placements). The
 * access check runs before body validation (preValidation), so a user who may not write gets 401/403/404 first.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import {
  addMandate,
  addMember,
  authorizeBodyEdit,
  authorizeCreate,
  authorizeMemberEdit,
  authorizeStructureEdit,
  createBody,
  createProposal,
  endMembership,
  listBodies,
  presentBody,
  presentStructure,
  savePlacements,
  structurePage,
} from './bodies.service.js';
import {
  ZBodiesQuery,
  ZBodyInput,
  ZBodyList,
  ZIdParams,
  ZMandateInput,
  ZMemberEndInput,
  ZMemberInput,
  ZPlacementsInput,
  ZProposalInput,
  ZStructure,
} from './cooperation.schema.js';

const tags = ['Samarbejde'];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };
const ZCreated = z.object({ id: z.number().int() });
const rawId = (req: FastifyRequest) => ZIdParams.parse(req.params ?? {}).id;
const rawField = (req: FastifyRequest, name: string) => ((req.body ?? {}) as Record<string, unknown>)[name];

export function bodiesApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/bodies',
    {
      schema: {
        summary: 'Samarbejdets organer med kommissorium og medlemmer på en dato',
        tags,
        querystring: ZBodiesQuery,
        response: { 200: ZBodyList, ...errors },
      },
    },
    async (req) => {
      const list = await listBodies(req.ctx, req.query);
      return { date: list.date, bodies: list.bodies.map(presentBody) };
    },
  );

  app.post(
    '/api/bodies',
    {
      preValidation: (req) => authorizeCreate(req.ctx, rawField(req, 'areaCode')),
      schema: { summary: 'Opret et organ (områdets sekretariat)', tags, body: ZBodyInput, response: { 201: ZCreated, ...errors } },
    },
    async (req, reply) => {
      const id = await createBody(req.ctx, req.body);
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/bodies/:id/members',
    {
      preValidation: (req) => authorizeBodyEdit(req.ctx, rawId(req)),
      schema: { summary: 'Tilføj et medlem til et organ', tags, params: ZIdParams, body: ZMemberInput, response: { 201: ZCreated, ...errors } },
    },
    async (req, reply) => reply.status(201).send({ id: await addMember(req.ctx, req.params.id, req.body) }),
  );

  app.post(
    '/api/bodies/:id/mandates',
    {
      preValidation: (req) => authorizeBodyEdit(req.ctx, rawId(req)),
      schema: { summary: 'Nyt kommissorium for et organ', tags, params: ZIdParams, body: ZMandateInput, response: { 201: ZCreated, ...errors } },
    },
    async (req, reply) => reply.status(201).send({ id: await addMandate(req.ctx, req.params.id, req.body) }),
  );

  app.post(
    '/api/body-members/:id/end',
    {
      preValidation: (req) => authorizeMemberEdit(req.ctx, rawId(req)),
      schema: {
        summary: 'Afslut et medlemskab (409, hvis det allerede er afsluttet)',
        tags,
        params: ZIdParams,
        body: ZMemberEndInput,
        response: { 200: ZCreated, ...errors },
      },
    },
    async (req) => {
      await endMembership(req.ctx, req.params.id, req.body);
      return { id: req.params.id };
    },
  );

  app.post(
    '/api/body-structures',
    {
      preValidation: (req) => authorizeCreate(req.ctx, rawField(req, 'areaCode') || '-'),
      schema: { summary: 'Forslag til ny organisering (kopi af den gældende)', tags, body: ZProposalInput, response: { 201: ZCreated, ...errors } },
    },
    async (req, reply) => reply.status(201).send({ id: await createProposal(req.ctx, req.body) }),
  );

  app.get(
    '/api/body-structures/:id',
    { schema: { summary: 'En version af organiseringen', tags, params: ZIdParams, response: { 200: ZStructure, ...errors } } },
    async (req) => presentStructure(await structurePage(req.ctx, req.params.id)),
  );

  app.put(
    '/api/body-structures/:id/placements',
    {
      preValidation: (req) => authorizeStructureEdit(req.ctx, rawId(req)),
      schema: {
        summary: 'Organerne i versionen og hvem de rapporterer til',
        tags,
        params: ZIdParams,
        body: ZPlacementsInput,
        response: { 200: ZStructure, ...errors },
      },
    },
    async (req) => {
      await savePlacements(req.ctx, req.params.id, req.body);
      return presentStructure(await structurePage(req.ctx, req.params.id));
    },
  );
}
