/**
 * @module JSON API for tariffs (tag "Takster"): the public calculation, list, detail, draft create/update/delete,
 * submit, approve, return, publish, the overview, the rules and the P/L index. Fastify validates every input and
 * serialises every answer with the zod schemas here; handlers call one service.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse, zId } from '../core/http/schemas.js';
import { etagOf, versionFrom } from '../core/version.js';
import { ZCalculateRequest } from './calculation.schema.js';
import { checkMayCreateDrafts, createDraft, updateDraft } from './draft.service.js';
import { overviewJson } from './overview.service.js';
import { checkMayPublish, publishOverview } from './publish.service.js';
import { calculatePublic, rulesJson } from './rules.service.js';
import { ERRORS, ZCalculation, ZOverview, ZPublished, ZRules, ZVersion, ZVersionList } from './tariffs.responses.js';
import { ZListQuery, ZPublish, ZReturn, ZTariffCreate, ZTariffUpdate } from './tariffs.schema.js';
import { approveVersion, checkVersionAccess, deleteDraft, listTariffs, returnVersion, submitVersion, tariffForApi, tariffJson } from './tariffs.service.js';

export const tags = ['Takster'];
/** A version's id in the path; anything that is not an id (e.g. "abc") names no tariff: 404, like an unknown id. */
const ZIdParams = z.object({
  id: z
    .string()
    .describe('Takstens (versionens) id, et positivt heltal')
    .transform((s) => (zId.safeParse(s).success && /^\d+$/.test(s) ? Number(s) : 0)),
});
const ZAreaYear = ZPublish;

/**
 * Decides access before Fastify validates the body, so a caller who may not do this gets 401, 403 or 404, never a
 * 400 about a body it may not send. The service makes the same decision again as its first call.
 */
const accessFirst = (check: (req: FastifyRequest) => unknown) => async (req: FastifyRequest) => void (await check(req));
const idFrom = (req: FastifyRequest) => zId.safeParse((req.params as { id?: unknown }).id);
const versionAccess = (permission: 'tariffs.edit' | 'tariffs.return') =>
  accessFirst((req) => {
    const id = idFrom(req);
    return id.success ? checkVersionAccess(req.ctx, id.data, permission) : undefined;
  });

export function tariffsApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/tariffs/calculate',
    {
      config: { csrf: false },
      schema: {
        summary: 'Beregn en takst (offentlig, gemmer intet)',
        description: 'Åben takstberegning: hvert trin, advarsler og taksten pr. niveau. Angiv `area` for at bruge et rammeaftaleområdes regler for året.',
        tags,
        security: [],
        body: ZCalculateRequest,
        response: { 200: ZCalculation, ...ERRORS },
      },
    },
    async (req) => calculatePublic(req.ctx, req.body),
  );

  app.get(
    '/api/tariffs',
    {
      schema: {
        summary: 'Takster (versioner) med filtre; uden login kun offentliggjorte',
        tags,
        security: [],
        querystring: ZListQuery,
        response: { 200: ZVersionList, ...ERRORS },
      },
    },
    async (req) => listTariffs(req.ctx, req.query),
  );

  app.get(
    '/api/tariffs/rules',
    { schema: { summary: 'Takstregler pr. rammeaftaleområde og periode samt P/L-fremskrivning', tags, security: [], response: { 200: ZRules, ...ERRORS } } },
    async (req) => rulesJson(req.ctx),
  );

  app.get(
    '/api/tariffs/overview/:area/:year',
    {
      schema: {
        summary: 'Takstoversigten for et område og år (offentlig, når den er offentliggjort)',
        tags,
        security: [],
        params: ZAreaYear,
        response: { 200: ZOverview, ...ERRORS },
      },
    },
    async (req) => overviewJson(req.ctx, req.params.area, req.params.year),
  );

  app.get(
    '/api/tariffs/:id',
    {
      schema: {
        summary: 'Én takst med hele beregningen trin for trin (uden login kun offentliggjorte)',
        tags,
        security: [],
        params: ZIdParams,
        response: { 200: ZVersion, ...ERRORS },
      },
    },
    async (req, reply) => {
      const t = await tariffForApi(req.ctx, req.params.id);
      return reply.header('etag', etagOf(t.revision)).send(t.body);
    },
  );

  app.post(
    '/api/tariffs',
    {
      preValidation: accessFirst((req) => checkMayCreateDrafts(req.ctx)),
      schema: {
        summary: 'Opret en takstkladde for et tilbud og år (eller en ny version af en offentliggjort takst); svaret har kladdens ETag',
        tags,
        body: ZTariffCreate,
        response: { 201: ZVersion, ...ERRORS },
      },
    },
    async (req, reply) => {
      const id = await createDraft(req.ctx, req.body);
      const t = await tariffForApi(req.ctx, id);
      return reply.status(201).header('location', `/api/tariffs/${id}`).header('etag', etagOf(t.revision)).send(t.body);
    },
  );

  app.put(
    '/api/tariffs/:id',
    {
      preValidation: versionAccess('tariffs.edit'),
      schema: {
        summary: 'Ret en kladde eller en returneret takst (hele beregningen sendes; If-Match med ETag: 412 ved forældet version)',
        tags,
        params: ZIdParams,
        body: ZTariffUpdate,
        response: { 200: ZVersion, ...ERRORS, 412: ZErrorResponse },
      },
    },
    async (req, reply) => {
      await updateDraft(req.ctx, req.params.id, req.body, versionFrom(req.headers['if-match'], undefined));
      const t = await tariffForApi(req.ctx, req.params.id);
      return reply.header('etag', etagOf(t.revision)).send(t.body);
    },
  );

  app.delete(
    '/api/tariffs/:id',
    {
      schema: {
        summary: 'Slet en kladde, der aldrig er indsendt',
        tags,
        params: ZIdParams,
        response: { 204: z.null().describe('Kladden er slettet'), ...ERRORS },
      },
    },
    async (req, reply) => {
      await deleteDraft(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/tariffs/:id/submit',
    { schema: { summary: 'Indsend taksten til sekretariatet', tags, params: ZIdParams, response: { 200: ZVersion, ...ERRORS } } },
    async (req) => {
      await submitVersion(req.ctx, req.params.id);
      return tariffJson(req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/tariffs/:id/approve',
    { schema: { summary: 'Godkend en indsendt takst (sekretariatet)', tags, params: ZIdParams, response: { 200: ZVersion, ...ERRORS } } },
    async (req) => {
      await approveVersion(req.ctx, req.params.id);
      return tariffJson(req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/tariffs/:id/return',
    {
      preValidation: versionAccess('tariffs.return'),
      schema: {
        summary: 'Send en takst retur med en kommentar (sekretariatet)',
        tags,
        params: ZIdParams,
        body: ZReturn,
        response: { 200: ZVersion, ...ERRORS },
      },
    },
    async (req) => {
      await returnVersion(req.ctx, req.params.id, req.body);
      return tariffJson(req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/tariffs/publish',
    {
      preValidation: accessFirst((req) => checkMayPublish(req.ctx)),
      schema: {
        summary: 'Offentliggør alle godkendte takster for et område og år i takstoversigten (sekretariatet)',
        tags,
        body: ZPublish,
        response: { 200: ZPublished, ...ERRORS },
      },
    },
    async (req) => publishOverview(req.ctx, req.body),
  );
}
