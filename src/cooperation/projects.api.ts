/**
 * @module JSON API of the cooperation's projects: the list (filters area, year and status; a reader token reads
 * it), one project with its ETag, and the secretariat's writes (If-Match or `version`, 412 when stale). The access
 * check runs before body validation, so a user who may not write gets 401/403/404 first.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import { ZProject, ZProjectInput, ZProjectList, ZProjectParams, ZProjectsQuery, ZProjectUpdate } from './projects.schema.js';
import { authorizeProjectCreate, authorizeProjectEdit, createProject, listProjects, projectPage, updateProject } from './projects.service.js';

const tags = ['Samarbejde'];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 412: ZErrorResponse };
const ZCreated = z.object({ id: z.number().int() });
const rawId = (req: FastifyRequest) => ZProjectParams.parse(req.params ?? {}).id;

export function projectsApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/projects',
    {
      schema: {
        summary: 'Samarbejdets projekter med formål, periode, status og resultater',
        tags,
        querystring: ZProjectsQuery,
        response: { 200: ZProjectList, ...errors },
      },
    },
    async (req) => ({ projects: (await listProjects(req.ctx, req.query)).projects }),
  );

  app.get(
    '/api/projects/:id',
    { schema: { summary: 'Ét projekt (ETag: versionen)', tags, params: ZProjectParams, response: { 200: ZProject, ...errors } } },
    async (req, reply) => {
      const { project } = await projectPage(req.ctx, req.params.id);
      return reply.header('etag', `"${project.version}"`).send(project);
    },
  );

  app.post(
    '/api/projects',
    {
      preValidation: async (req) => void (await authorizeProjectCreate(req.ctx, ((req.body ?? {}) as { areaCode?: unknown }).areaCode)),
      schema: { summary: 'Registrér et projekt (områdets sekretariat)', tags, body: ZProjectInput, response: { 201: ZCreated, ...errors } },
    },
    async (req, reply) => {
      const id = await createProject(req.ctx, req.body);
      return reply.status(201).header('location', `/api/projects/${id}`).send({ id });
    },
  );

  app.put(
    '/api/projects/:id',
    {
      preValidation: async (req) => void (await authorizeProjectEdit(req.ctx, rawId(req))),
      schema: { summary: 'Ret et projekt (If-Match)', tags, params: ZProjectParams, body: ZProjectUpdate, response: { 200: ZProject, ...errors } },
    },
    async (req, reply) => {
      await updateProject(req.ctx, req.params.id, req.body, req.headers['if-match']);
      const { project } = await projectPage(req.ctx, req.params.id);
      return reply.header('etag', `"${project.version}"`).send(project);
    },
  );
}
