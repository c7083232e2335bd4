/**
 * @module The audit log page `/log`: read the filters, call the service, render.
 */
import type { FastifyInstance } from 'fastify';
import { ZAuditQuery, type TAuditQuery } from '../audit.schema.js';
import { readAuditLog } from '../audit.service.js';
import { LogPage } from './log.view.js';

export function logPages(app: FastifyInstance) {
  app.get('/log', { schema: { hide: true } }, async (req, reply) => {
    const parsed = ZAuditQuery.safeParse(req.query);
    const filters: TAuditQuery = parsed.success ? parsed.data : { page: 1 };
    const log = await readAuditLog(req.ctx, filters);
    return reply.page({
      title: 'Ændringslog',
      breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Ændringslog' }],
      body: <LogPage log={log} filters={filters} filtersUnreadable={!parsed.success} />,
    });
  });
}
