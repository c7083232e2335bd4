/**
 * @module Routes of the place search (GET form; each submitted search is kept) and the reservation form of one
 * offering (GET shows it, POST reserves and goes to the reservation, or shows the form again with the message).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../core/errors.js';
import { fieldErrorsFrom } from '../../core/validation.js';
import { reserveForm, reservePlace } from '../reservation.service.js';
import { ZSearchQuery } from '../placements.schema.js';
import { searchPlaces } from '../search.service.js';
import { crumbs, formBody, one, pageId, saveOrShow, type FormValues } from './http.js';
import { ReservePage, SearchPage } from './search.view.js';

async function showReserve(req: FastifyRequest, reply: FastifyReply, id: number, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = await reserveForm(req.ctx, id);
  const q = (req.query ?? {}) as FormValues;
  const shown = values ?? { searchId: one(q.soegning), startDate: one(q.start) || view.today, caseReference: '' };
  return reply.page({
    title: `Reservér en plads: ${view.offering.offering_name}`,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...crumbs, { href: '/pladser/soeg', label: 'Søg en plads' }, { label: 'Reservér' }],
    body: <ReservePage offering={view.offering} reservable={view.reservable} csrf={req.csrf} values={shown} errors={errors} />,
  });
}

export function searchPages(app: FastifyInstance) {
  app.get('/pladser/soeg', { schema: { hide: true } }, async (req, reply) => {
    const parsed = ZSearchQuery.safeParse(req.query ?? {});
    const errors = parsed.success ? undefined : fieldErrorsFrom(parsed.error);
    const view = await searchPlaces(req.ctx, parsed.success ? parsed.data : ZSearchQuery.parse({}));
    return reply.page({
      title: 'Søg en plads',
      status: errors ? 400 : undefined,
      breadcrumbs: [...crumbs, { label: 'Søg en plads' }],
      body: <SearchPage view={view} errors={errors} />,
    });
  });

  app.get('/pladser/tilbud/:id/reserver', { schema: { hide: true } }, (req, reply) => showReserve(req, reply, pageId(req)));

  app.post('/pladser/tilbud/:id/reserver', { schema: { hide: true } }, (req, reply) => {
    const id = pageId(req);
    const body = formBody(req);
    const input = { caseReference: one(body.caseReference), startDate: one(body.startDate), searchId: one(body.searchId) || undefined };
    return saveOrShow(
      reply,
      async () => `/pladser/reservationer/${(await reservePlace(req.ctx, id, input)).id}`,
      // A refused case reference is not shown again (it may be a CPR number).
      (errors, status) => showReserve(req, reply, id, errors.caseReference ? { ...body, caseReference: '' } : body, errors, status),
    );
  });
}
