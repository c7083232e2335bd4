/**
 * @module Routes of reservations: the list, one reservation, and the operator's confirm / decline and the
 * buyer's cancel (each POST calls one service and redirects back, or shows the page with the message).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../core/errors.js';
import { cancelReservation, decideReservation, listReservations, reservationPage } from '../reservation.service.js';
import { crumbs, formBody, one, pageId, saveOrShow, type FormValues } from './http.js';
import { ReservationPage, ReservationsPage } from './reservation.view.js';

async function showReservation(req: FastifyRequest, reply: FastifyReply, id: number, errors?: FieldErrors, status?: number) {
  const view = await reservationPage(req.ctx, id);
  const saved = one((req.query as FormValues | undefined)?.gemt);
  return reply.page({
    title: `Reservation ${view.reservation.case_reference}`,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...crumbs, { href: '/pladser/reservationer', label: 'Reservationer' }, { label: view.reservation.case_reference }],
    body: <ReservationPage {...view} csrf={req.csrf} errors={errors} saved={saved} />,
  });
}

export function reservationPages(app: FastifyInstance) {
  app.get('/pladser/reservationer', { schema: { hide: true } }, async (req, reply) =>
    reply.page({
      title: 'Reservationer',
      breadcrumbs: [...crumbs, { label: 'Reservationer' }],
      body: <ReservationsPage rows={await listReservations(req.ctx)} />,
    }),
  );

  app.get('/pladser/reservationer/:id', { schema: { hide: true } }, (req, reply) => showReservation(req, reply, pageId(req)));

  app.post('/pladser/reservationer/:id/bekraeft', { schema: { hide: true } }, (req, reply) => {
    const id = pageId(req);
    return saveOrShow(
      reply,
      async () => (await decideReservation(req.ctx, id, { decision: 'bekraeft' }), `/pladser/reservationer/${id}?gemt=1`),
      (errors, status) => showReservation(req, reply, id, errors, status),
    );
  });

  app.post('/pladser/reservationer/:id/afvis', { schema: { hide: true } }, (req, reply) => {
    const id = pageId(req);
    const reason = one(formBody(req).reason);
    return saveOrShow(
      reply,
      async () => (await decideReservation(req.ctx, id, { decision: 'afvis', reason }), `/pladser/reservationer/${id}?gemt=1`),
      (errors, status) => showReservation(req, reply, id, errors, status),
    );
  });

  app.post('/pladser/reservationer/:id/annuller', { schema: { hide: true } }, (req, reply) => {
    const id = pageId(req);
    return saveOrShow(
      reply,
      async () => (await cancelReservation(req.ctx, id), `/pladser/reservationer/${id}?gemt=1`),
      (errors, status) => showReservation(req, reply, id, errors, status),
    );
  });
}
