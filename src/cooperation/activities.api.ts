/**
 * @module JSON API of the cooperation's activities: the list (filters area and year; a reader token reads it), one
 * activity with its ETag, and the secretariat's writes (a change carries its version: If-Match or `version`, 412
 * when stale). The access check runs before body validation, so a user who may not write gets 401/403/404 first.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import { ZActivitiesQuery, ZActivity, ZActivityInput, ZActivityList, ZActivityParams, ZActivityUpdate } from './activities.schema.js';
import { activityPage, authorizeActivityEdit, authorizeCreate, createActivity, listActivities, updateActivity } from './activities.service.js';

const tags = ['Samarbejde'];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 412: ZErrorResponse };
const ZCreated = z.object({ id: z.number().int() });
const rawId = (req: FastifyRequest) => ZActivityParams.parse(req.params ?? {}).id;

export function activitiesApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/activities',
    {
      schema: {
        summary: 'Samarbejdets aktiviteter: temadage, konferencer, netværks-, informations- og politiske møder',
        tags,
        querystring: ZActivitiesQuery,
        response: { 200: ZActivityList, ...errors },
      },
    },
    async (req) => ({ activities: (await listActivities(req.ctx, req.query)).activities }),
  );

  app.get(
    '/api/activities/:id',
    { schema: { summary: 'Én aktivitet (ETag: versionen)', tags, params: ZActivityParams, response: { 200: ZActivity, ...errors } } },
    async (req, reply) => {
      const { activity } = await activityPage(req.ctx, req.params.id);
      return reply.header('etag', `"${activity.version}"`).send(activity);
    },
  );

  app.post(
    '/api/activities',
    {
      preValidation: async (req) => void (await authorizeCreate(req.ctx, ((req.body ?? {}) as { areaCode?: unknown }).areaCode)),
      schema: { summary: 'Registrér en aktivitet (områdets sekretariat)', tags, body: ZActivityInput, response: { 201: ZCreated, ...errors } },
    },
    async (req, reply) => {
      const id = await createActivity(req.ctx, req.body);
      return reply.status(201).header('location', `/api/activities/${id}`).send({ id });
    },
  );

  app.put(
    '/api/activities/:id',
    {
      preValidation: async (req) => void (await authorizeActivityEdit(req.ctx, rawId(req))),
      schema: { summary: 'Ret en aktivitet (If-Match)', tags, params: ZActivityParams, body: ZActivityUpdate, response: { 200: ZActivity, ...errors } },
    },
    async (req, reply) => {
      await updateActivity(req.ctx, req.params.id, req.body, req.headers['if-match']);
      const { activity } = await activityPage(req.ctx, req.params.id);
      return reply.header('etag', `"${activity.version}"`).send(activity);
    },
  );
}
