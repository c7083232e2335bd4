/**
 * @module Route of one offering's page.
 */
import type { FastifyInstance } from 'fastify';
import { ZOfferingParams } from '../offerings.schema.js';
import { offeringPage } from '../offerings.service.js';
import { OfferingPage } from './offering.view.js';

export const crumbs = [
  { href: '/', label: 'Forside' },
  { href: '/tilbud', label: 'Tilbudsregister' },
];

/** The offering id of a page URL (anything invalid names no offering: 404). */
export const pageId = (params: unknown): number => ZOfferingParams.parse(params ?? {}).id;

const NOTICES: Record<string, string> = { oprettet: 'Tilbuddet er oprettet.', gemt: 'Ændringerne er gemt.' };

export function offeringPages(app: FastifyInstance) {
  app.get('/tilbud/:id', { schema: { hide: true } }, async (req, reply) => {
    const view = await offeringPage(req.ctx, pageId(req.params));
    const query = req.query as Record<string, string>;
    const notice = Object.keys(NOTICES).find((k) => query[k] === '1');
    const name = view.offering.offering_name;
    return reply.page({
      title: name,
      breadcrumbs: [...crumbs, { label: name }],
      body: <OfferingPage view={{ ...view, notice: notice ? NOTICES[notice]! : null }} />,
    });
  });
}
