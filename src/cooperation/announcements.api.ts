/**
 * @module JSON API of the national central announcements: the list (search and filters as the page, readable with a
 * reader token), one announcement, creating and editing it (version / If-Match → 412), extensions, a municipality's
 * answers (PUT, only its own), and an area's overview, report, sending and the authority's response. The access
 * check runs before body validation (preValidation), so a user who may not write gets 401/403/404 first.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import {
  ZAnnouncement,
  ZAnnouncementInput,
  ZAnnouncementList,
  ZAnnouncementParams,
  ZAnnouncementsQuery,
  ZAnswerParams,
  ZAnswerSet,
  ZAnswersInput,
  ZAreaParams,
  ZAreaReport,
  ZExtensionDecision,
  ZExtensionInput,
  ZReportInput,
  ZResponseInput,
  ZSentInput,
} from './announcements.schema.js';
import * as s from './announcements.service.js';

const tags = ['Samarbejde'];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 412: ZErrorResponse };
const ZCreated = z.object({ id: z.number().int() });
const ZVersion = z.object({ version: z.number().int() });
const raw = (req: FastifyRequest) => (req.params ?? {}) as Record<string, string>;
const rawId = (req: FastifyRequest) => ZAnnouncementParams.parse({ id: raw(req).id ?? '' }).id;
const rawOrg = (req: FastifyRequest) => ZAnnouncementParams.parse({ id: raw(req).organisationId ?? '' }).id;
const ifMatch = (req: FastifyRequest) => req.headers['if-match'];

export function announcementsApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/announcements',
    {
      schema: {
        summary: 'Centrale udmeldinger (søgning og filtre som på siden)',
        tags,
        querystring: ZAnnouncementsQuery,
        response: { 200: ZAnnouncementList, ...errors },
      },
    },
    async (req) => ({ announcements: (await s.listAnnouncements(req.ctx, req.query)).announcements.map(s.presentSummary) }),
  );

  app.post(
    '/api/announcements',
    {
      preValidation: (req) => s.authorizeCreate(req.ctx, ((req.body ?? {}) as Record<string, unknown>).areaCodes),
      schema: {
        summary: 'Registrér en central udmelding (sekretariatet for et berørt område)',
        tags,
        body: ZAnnouncementInput,
        response: { 201: ZCreated, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await s.createAnnouncement(req.ctx, req.body) }),
  );

  app.get(
    '/api/announcements/:id',
    {
      schema: {
        summary: 'En central udmelding med spørgsmål, frister og områder',
        tags,
        params: ZAnnouncementParams,
        response: { 200: ZAnnouncement, ...errors },
      },
    },
    async (req, reply) => {
      const v = await s.getAnnouncement(req.ctx, req.params.id);
      return reply.header('etag', `"${v.announcement.version}"`).send(s.presentAnnouncement(v));
    },
  );

  app.put(
    '/api/announcements/:id',
    {
      preValidation: (req) => s.authorizeEdit(req.ctx, rawId(req)),
      schema: {
        summary: 'Ret en central udmelding (If-Match eller version; 412 ved forældet version)',
        tags,
        params: ZAnnouncementParams,
        body: ZAnnouncementInput,
        response: { 200: ZVersion, ...errors },
      },
    },
    async (req, reply) => {
      const version = await s.updateAnnouncement(req.ctx, req.params.id, req.body, ifMatch(req));
      return reply.header('etag', `"${version}"`).send({ version });
    },
  );

  app.post(
    '/api/announcements/:id/extensions',
    {
      preValidation: (req) => s.authorizeEdit(req.ctx, rawId(req)),
      schema: { summary: 'Anmodning om fristforlængelse', tags, params: ZAnnouncementParams, body: ZExtensionInput, response: { 201: ZCreated, ...errors } },
    },
    async (req, reply) => reply.status(201).send({ id: await s.addExtension(req.ctx, req.params.id, req.body) }),
  );

  app.put(
    '/api/announcement-extensions/:id',
    {
      preValidation: (req) => s.authorizeExtension(req.ctx, rawId(req)),
      schema: {
        summary: 'Styrelsens svar på en fristforlængelse (409, hvis allerede registreret)',
        tags,
        params: ZAnnouncementParams,
        body: ZExtensionDecision,
        response: { 200: ZCreated, ...errors },
      },
    },
    async (req) => ({ id: await s.decideExtension(req.ctx, req.params.id, req.body) }),
  );

  app.get(
    '/api/announcements/:id/answers/:organisationId',
    { schema: { summary: 'En kommunes svar på udmeldingen', tags, params: ZAnswerParams, response: { 200: ZAnswerSet, ...errors } } },
    async (req, reply) => {
      const a = await s.getAnswers(req.ctx, req.params.id, req.params.organisationId);
      return reply.header('etag', `"${a.version}"`).send(a);
    },
  );

  app.put(
    '/api/announcements/:id/answers/:organisationId',
    {
      preValidation: (req) => s.authorizeAnswer(req.ctx, rawId(req), rawOrg(req)),
      schema: {
        summary: 'Kommunens svar (kun egen kommune; indtil områdets afrapportering er sendt; If-Match eller version, 0 for de første svar)',
        tags,
        params: ZAnswerParams,
        body: ZAnswersInput,
        response: { 200: ZAnswerSet, ...errors },
      },
    },
    async (req, reply) => {
      await s.saveAnswers(req.ctx, req.params.id, req.params.organisationId, req.body, ifMatch(req));
      const a = await s.getAnswers(req.ctx, req.params.id, req.params.organisationId);
      return reply.header('etag', `"${a.version}"`).send(a);
    },
  );

  app.get(
    '/api/announcements/:id/areas/:area',
    {
      schema: {
        summary: 'Områdets overblik: hvem har svaret, afrapporteringen og kommunernes svar som bilag',
        tags,
        params: ZAreaParams,
        response: { 200: ZAreaReport, ...errors },
      },
    },
    async (req, reply) => {
      const v = await s.areaReport(req.ctx, req.params.id, req.params.area);
      return reply.header('etag', `"${v.area.report_version}"`).send(s.presentAreaReport(v));
    },
  );

  app.put(
    '/api/announcements/:id/areas/:area/report',
    {
      preValidation: (req) => s.authorizeReport(req.ctx, rawId(req), raw(req).area ?? ''),
      schema: {
        summary: 'Områdets afrapportering (kladde; If-Match eller version)',
        tags,
        params: ZAreaParams,
        body: ZReportInput,
        response: { 200: ZVersion, ...errors },
      },
    },
    async (req, reply) => {
      const version = await s.saveReport(req.ctx, req.params.id, req.params.area, req.body, ifMatch(req));
      return reply.header('etag', `"${version}"`).send({ version });
    },
  );

  app.post(
    '/api/announcements/:id/areas/:area/sent',
    {
      preValidation: (req) => s.authorizeReport(req.ctx, rawId(req), raw(req).area ?? ''),
      schema: { summary: 'Registrér at afrapporteringen er sendt', tags, params: ZAreaParams, body: ZSentInput, response: { 200: ZAreaReport, ...errors } },
    },
    async (req) => {
      await s.markSent(req.ctx, req.params.id, req.params.area, req.body);
      return s.presentAreaReport(await s.areaReport(req.ctx, req.params.id, req.params.area));
    },
  );

  app.post(
    '/api/announcements/:id/areas/:area/response',
    {
      preValidation: (req) => s.authorizeReport(req.ctx, rawId(req), raw(req).area ?? ''),
      schema: {
        summary: 'Registrér styrelsens svar på afrapporteringen',
        tags,
        params: ZAreaParams,
        body: ZResponseInput,
        response: { 200: ZAreaReport, ...errors },
      },
    },
    async (req) => {
      await s.recordResponse(req.ctx, req.params.id, req.params.area, req.body);
      return s.presentAreaReport(await s.areaReport(req.ctx, req.params.id, req.params.area));
    },
  );
}
