/**
 * @module Platform pages and endpoints: front page, about, health, the OpenAPI document and its docs page.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../capability.js';
import { isHealthy, readiness } from './health.service.js';
import { workList } from './work.service.js';
import { AboutPage, DocsPage, docsPageModel, FrontPage, type OpenApiDoc } from './pages/platform.view.js';

const ZHealth = z.object({ status: z.literal('ok') }).describe('Databasen svarer');
const ZUnhealthy = z.object({ status: z.literal('error'), error: z.string() }).describe('Databasen kan ikke nås');
const ZNotReady = z.object({ status: z.literal('error'), error: z.string() }).describe('Ikke klar: databasen kan ikke nås, eller migrationer mangler');

export function platformRoutes(app: FastifyInstance, ctx: AppContext) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/health',
      { schema: { summary: 'Sundhedstjek: svarer ok når databasen kan nås', tags: ['Platform'], security: [], response: { 200: ZHealth, 503: ZUnhealthy } } },
      async (req, reply) => {
        if (await isHealthy(req.ctx)) return { status: 'ok' as const };
        return reply.status(503).send({ status: 'error', error: 'Databasen kan ikke nås.' });
      },
    );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/ready',
    {
      schema: {
        summary: 'Klar til trafik: databasen kan nås, og alle migrationer er kørt',
        tags: ['Platform'],
        security: [],
        response: { 200: ZHealth, 503: ZNotReady },
      },
    },
    async (req, reply) => {
      const ready = await readiness(req.ctx);
      if (ready.isReady) return { status: 'ok' as const };
      return reply.status(503).send({ status: 'error', error: ready.reason });
    },
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/docs', { schema: { hide: true } }, async (_req, reply) =>
    reply.page({
      title: 'API-dokumentation',
      breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'API-dokumentation' }],
      body: <DocsPage {...docsPageModel(app.swagger() as OpenApiDoc)} />,
    }),
  );

  app.get('/om', { schema: { hide: true } }, async (_req, reply) =>
    reply.page({ title: 'Om Ramme', breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Om Ramme' }], body: <AboutPage /> }),
  );

  const nav = ctx.capabilities.flatMap((c) => c.nav ?? []).filter((n) => n.href !== '/');
  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const links = nav.filter((n) => !n.isVisible || n.isVisible(req.actor)).sort((x, y) => x.order - y.order);
    return reply.page({ title: 'Forside', body: <FrontPage actor={req.actor} links={links} work={await workList(req.ctx)} /> });
  });
}
