/**
 * @module Route of the register's list page: reads the filters leniently, calls the service, renders.
 */
import type { FastifyInstance } from 'fastify';
import { ZListQuery, type TListQuery } from '../offerings.schema.js';
import { listPage } from '../offerings.service.js';
import { ListPage } from './list.view.js';

/** Parses the list query leniently for pages: a bad filter value is dropped with a message instead of failing the page. */
export function pageQuery(raw: unknown): { query: TListQuery; problems: string[] } {
  const result = ZListQuery.safeParse(raw);
  if (result.success) return { query: result.data, problems: [] };
  const cleaned = { ...(raw as Record<string, unknown>) };
  const problems: string[] = [];
  for (const issue of result.error.issues) {
    const key = String(issue.path[0]);
    delete cleaned[key];
    problems.push(`Filteret "${key}" blev ignoreret: ${issue.message}`);
  }
  return { query: ZListQuery.parse(cleaned), problems };
}

export function listPages(app: FastifyInstance) {
  app.get('/tilbud', { schema: { hide: true } }, async (req, reply) => {
    const { query, problems } = pageQuery(req.query);
    const view = await listPage(req.ctx, query);
    return reply.page({
      title: 'Tilbudsregister',
      breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Tilbudsregister' }],
      body: <ListPage view={{ ...view, query, problems }} />,
    });
  });
}
