/**
 * @module Route of the public tariff rules page.
 */
import type { FastifyInstance } from 'fastify';
import { tariffRules } from '../rules.service.js';
import { rulesPage } from './rules.view.js';

export function rulesPages(app: FastifyInstance) {
  app.get('/takster/regler', { schema: { hide: true } }, async (req, reply) => reply.page(rulesPage(await tariffRules(req.ctx))));
}
