/**
 * @module JSON API of the cooperation's meetings: the list (filters area, body and year; a reader token sees the
 * programmes and only published minutes), one meeting with its ETag, and the secretariat's writes. Every change of
 * a meeting carries its version (If-Match or `version`; 412 when stale). The access check runs before body
 * validation, so a user who may not write gets 401/403/404 first.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import {
  addItem,
  authorizeMeetingEdit,
  authorizePlan,
  changeStatus,
  createMeeting,
  listMeetings,
  meetingPage,
  publishMinutes,
  reorderItems,
  saveMinutes,
  updateItem,
  updateMeeting,
} from './meetings.service.js';
import {
  ZItemAdd,
  ZItemOrder,
  ZMeeting,
  ZMeetingInput,
  ZMeetingList,
  ZMeetingParams,
  ZMeetingsQuery,
  ZMeetingUpdate,
  ZMinutesInput,
  ZPublishInput,
  ZStatusInput,
} from './meetings.schema.js';

const tags = ['Samarbejde'];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 412: ZErrorResponse };
const ZCreated = z.object({ id: z.number().int() });
const ZItemParams = ZMeetingParams.extend({
  itemId: z
    .string()
    .transform((v) => (/^\d{1,10}$/.test(v) && Number(v) <= 2147483647 ? Number(v) : 0))
    .describe('Punktets id'),
});
const rawId = (req: FastifyRequest) => ZMeetingParams.parse(req.params ?? {}).id;
const ifMatch = (req: FastifyRequest) => req.headers['if-match'];

export function meetingsApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const edit = { preValidation: async (req: FastifyRequest) => void (await authorizeMeetingEdit(req.ctx, rawId(req))) };
  /** After a write: the meeting as it is now, with its new ETag. */
  const current = async (req: FastifyRequest, id: number) => (await meetingPage(req.ctx, id)).meeting;

  app.get(
    '/api/meetings',
    {
      schema: {
        summary: 'Samarbejdets møder med dagsorden (og referat, når du kan læse det)',
        tags,
        querystring: ZMeetingsQuery,
        response: { 200: ZMeetingList, ...errors },
      },
    },
    async (req) => ({ meetings: (await listMeetings(req.ctx, req.query)).meetings }),
  );

  app.get(
    '/api/meetings/:id',
    { schema: { summary: 'Ét møde med dagsorden og referat (ETag: versionen)', tags, params: ZMeetingParams, response: { 200: ZMeeting, ...errors } } },
    async (req, reply) => {
      const m = await current(req, req.params.id);
      return reply.header('etag', `"${m.version}"`).send(m);
    },
  );

  app.post(
    '/api/meetings',
    {
      preValidation: async (req) => void (await authorizePlan(req.ctx, ((req.body ?? {}) as { bodyId?: unknown }).bodyId)),
      schema: { summary: 'Planlæg et møde med dagsorden (områdets sekretariat)', tags, body: ZMeetingInput, response: { 201: ZCreated, ...errors } },
    },
    async (req, reply) => {
      const id = await createMeeting(req.ctx, req.body);
      return reply.status(201).header('location', `/api/meetings/${id}`).send({ id });
    },
  );

  app.put(
    '/api/meetings/:id',
    {
      ...edit,
      schema: {
        summary: 'Ret mødets titel, tid og sted (If-Match)',
        tags,
        params: ZMeetingParams,
        body: ZMeetingUpdate,
        response: { 200: ZMeeting, ...errors },
      },
    },
    async (req, reply) => {
      await updateMeeting(req.ctx, req.params.id, req.body, ifMatch(req));
      const m = await current(req, req.params.id);
      return reply.header('etag', `"${m.version}"`).send(m);
    },
  );

  app.post(
    '/api/meetings/:id/status',
    {
      ...edit,
      schema: {
        summary: 'Markér mødet som afholdt eller aflyst (If-Match)',
        tags,
        params: ZMeetingParams,
        body: ZStatusInput,
        response: { 200: ZMeeting, ...errors },
      },
    },
    async (req, reply) => {
      await changeStatus(req.ctx, req.params.id, req.body, ifMatch(req));
      const m = await current(req, req.params.id);
      return reply.header('etag', `"${m.version}"`).send(m);
    },
  );

  app.post(
    '/api/meetings/:id/items',
    {
      ...edit,
      schema: {
        summary: 'Tilføj et punkt sidst på dagsordenen (If-Match)',
        tags,
        params: ZMeetingParams,
        body: ZItemAdd,
        response: { 200: ZMeeting, ...errors },
      },
    },
    async (req, reply) => {
      await addItem(req.ctx, req.params.id, req.body, ifMatch(req));
      const m = await current(req, req.params.id);
      return reply.header('etag', `"${m.version}"`).send(m);
    },
  );

  app.put(
    '/api/meetings/:id/items/:itemId',
    {
      ...edit,
      schema: { summary: 'Ret et punkt på dagsordenen (If-Match)', tags, params: ZItemParams, body: ZItemAdd, response: { 200: ZMeeting, ...errors } },
    },
    async (req, reply) => {
      await updateItem(req.ctx, req.params.id, req.params.itemId, req.body, ifMatch(req));
      const m = await current(req, req.params.id);
      return reply.header('etag', `"${m.version}"`).send(m);
    },
  );

  app.put(
    '/api/meetings/:id/order',
    {
      ...edit,
      schema: { summary: 'Punkternes rækkefølge (If-Match)', tags, params: ZMeetingParams, body: ZItemOrder, response: { 200: ZMeeting, ...errors } },
    },
    async (req, reply) => {
      await reorderItems(req.ctx, req.params.id, req.body, ifMatch(req));
      const m = await current(req, req.params.id);
      return reply.header('etag', `"${m.version}"`).send(m);
    },
  );

  app.put(
    '/api/meetings/:id/minutes',
    {
      ...edit,
      schema: {
        summary: 'Referat og beslutning pr. punkt (afholdte møder; If-Match)',
        tags,
        params: ZMeetingParams,
        body: ZMinutesInput,
        response: { 200: ZMeeting, ...errors },
      },
    },
    async (req, reply) => {
      await saveMinutes(req.ctx, req.params.id, req.body, ifMatch(req));
      const m = await current(req, req.params.id);
      return reply.header('etag', `"${m.version}"`).send(m);
    },
  );

  app.post(
    '/api/meetings/:id/publish',
    {
      ...edit,
      schema: {
        summary: 'Offentliggør referatet for områdets medlemmer eller alle, eller gør det internt (If-Match)',
        tags,
        params: ZMeetingParams,
        body: ZPublishInput,
        response: { 200: ZMeeting, ...errors },
      },
    },
    async (req, reply) => {
      await publishMinutes(req.ctx, req.params.id, req.body, ifMatch(req));
      const m = await current(req, req.params.id);
      return reply.header('etag', `"${m.version}"`).send(m);
    },
  );
}
