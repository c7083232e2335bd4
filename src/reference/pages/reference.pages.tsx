/**
 * @module The reference data page `/grunddata?date=…`: validate the date, read through the service, render.
 */
import type { FastifyInstance } from 'fastify';
import { ZReferenceQuery } from '../reference.schema.js';
import { referenceOn } from '../reference.service.js';
import { ReferencePage } from './reference.view.js';

export function referencePages(app: FastifyInstance) {
  app.get('/grunddata', { schema: { hide: true } }, async (req, reply) => {
    const parsed = ZReferenceQuery.safeParse(req.query);
    const reference = await referenceOn(req.ctx, parsed.success ? parsed.data.date : undefined);
    return reply.page({
      title: 'Grunddata',
      status: parsed.success ? 200 : 400,
      breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Grunddata' }],
      body: <ReferencePage reference={reference} dateError={parsed.success ? undefined : 'Skriv datoen som åååå-mm-dd.'} />,
    });
  });
}
