/**
 * @module JSON API of placements: an offering's free places (read; set by its operator), reservations (make,
 * decide). The access check runs before body validation (preValidation), so a user who may not write gets
 * 401/403/404 and not a 400 about the body.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/capability.js';
import { ZErrorResponse } from '../core/http/schemas.js';
import { authorizeDecision, authorizeReserve, decideReservation, reservePlace, type ReservationView } from './reservation.service.js';
import { ZDecisionInput, ZIdParams, ZReservationInput, ZReservationResponse, ZVacancyInput, ZVacancyResponse } from './placements.schema.js';
import { authorizeReport, getVacancy, reportVacancy, type VacancyFigures } from './vacancy.service.js';

const tags = ['Pladser'];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };
const rawId = (req: FastifyRequest) => ZIdParams.parse(req.params ?? {}).id;

export function presentVacancy(v: VacancyFigures) {
  return {
    offeringId: v.offeringId,
    freeNow: v.report?.free_now ?? null,
    reservable: v.reservable,
    ownFigure: v.ownFigure,
    isDifferent: v.isDifferent,
    waitingCount: v.report?.waiting_count ?? null,
    takenOutside: v.report?.taken_outside ?? null,
    note: v.report?.note ?? null,
    expected: v.expected,
    reportedAt: v.report?.reported_at.toISOString() ?? null,
    confirmedAt: v.report?.confirmed_at.toISOString() ?? null,
    ageDays: v.ageDays,
    isStale: v.isStale,
    isOpenForIntake: v.isOpenForIntake,
  };
}

export function presentReservation(r: ReservationView) {
  return {
    id: r.id,
    offeringId: r.offering_id,
    offeringName: r.offering_name,
    caseReference: r.case_reference,
    startDate: r.start_date,
    status: r.status,
    state: r.state,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    declineReason: r.decline_reason,
  };
}

export function placementsApi(fastify: FastifyInstance, _app: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/offerings/:id/vacancies',
    { schema: { summary: 'Ledige pladser i et tilbud', tags, params: ZIdParams, response: { 200: ZVacancyResponse, ...errors } } },
    async (req) => presentVacancy(await getVacancy(req.ctx, req.params.id)),
  );

  app.put(
    '/api/offerings/:id/vacancies',
    {
      preValidation: (req) => authorizeReport(req.ctx, rawId(req)),
      schema: {
        summary: 'Meld ledige pladser (kun driftsherren)',
        tags,
        params: ZIdParams,
        body: ZVacancyInput,
        response: { 200: ZVacancyResponse, ...errors },
      },
    },
    async (req) => presentVacancy(await reportVacancy(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/offerings/:id/reservations',
    {
      preValidation: (req) => authorizeReserve(req.ctx, rawId(req)),
      schema: {
        summary: 'Reservér en ledig plads (409, når ingen plads er ledig)',
        tags,
        params: ZIdParams,
        body: ZReservationInput,
        response: { 201: ZReservationResponse, ...errors },
      },
    },
    async (req, reply) => {
      const r = await reservePlace(req.ctx, req.params.id, req.body);
      return reply.status(201).header('location', `/api/reservations/${r.id}`).send(presentReservation(r));
    },
  );

  app.post(
    '/api/reservations/:id/decision',
    {
      preValidation: (req) => authorizeDecision(req.ctx, rawId(req)),
      schema: {
        summary: 'Bekræft eller afvis en reservation (driftsherren)',
        tags,
        params: ZIdParams,
        body: ZDecisionInput,
        response: { 200: ZReservationResponse, ...errors },
      },
    },
    async (req) => presentReservation(await decideReservation(req.ctx, req.params.id, req.body)),
  );
}
