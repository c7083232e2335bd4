/**
 * @module JSON API of the standard contract (first part): a draft from a confirmed reservation, the public-first
 * check, sending (400 on `publicFirstCheck` without it) and the provider's acceptance.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import { acceptContract, createContractDraft, getContract, recordPublicFirst, sendContract } from './contract.service.js';
import { ZContractResponse, ZIdParams, ZPublicFirstInput } from './placements.schema.js';

const tags = ['Kontrakter'];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

type Contract = Awaited<ReturnType<typeof getContract>>;

export function presentContract(c: Contract) {
  return {
    id: c.id,
    reservationId: c.reservation_id,
    offeringId: c.offering_id,
    status: c.status,
    templateCode: c.template_code,
    templateVersion: c.template_version,
    caseReference: c.case_reference,
    startDate: c.start_date,
    tariffLevel: c.tariff_level,
    tariffPrice: c.tariff_price === null ? null : String(c.tariff_price),
    tariffUnit: c.tariff_unit,
    searchId: c.search_id,
    publicFirstReason: c.public_first_reason,
    sentAt: c.sent_at?.toISOString() ?? null,
    sentBy: c.sent_by,
    acceptedAt: c.accepted_at?.toISOString() ?? null,
    acceptedBy: c.accepted_by,
  };
}

export function contractsApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const one = { params: ZIdParams, response: { 200: ZContractResponse, ...errors } };

  app.get('/api/contracts/:id', { schema: { summary: 'Én kontrakt', tags, ...one } }, async (req) =>
    presentContract(await getContract(req.ctx, req.params.id)),
  );

  app.post(
    '/api/reservations/:id/contract',
    { schema: { summary: 'Opret kontraktkladde fra en bekræftet reservation', tags, params: ZIdParams, response: { 201: ZContractResponse, ...errors } } },
    async (req, reply) => {
      const c = await createContractDraft(req.ctx, req.params.id);
      return reply.status(201).header('location', `/api/contracts/${c.id}`).send(presentContract(c));
    },
  );

  app.put(
    '/api/contracts/:id/public-first-check',
    { schema: { summary: 'Registrér tjek af offentlige tilbud før privat køb', tags, ...one, body: ZPublicFirstInput } },
    async (req) => presentContract(await recordPublicFirst(req.ctx, req.params.id, req.body)),
  );

  app.post('/api/contracts/:id/send', { schema: { summary: 'Send kontrakten til leverandøren', tags, ...one } }, async (req) =>
    presentContract(await sendContract(req.ctx, req.params.id)),
  );

  app.post('/api/contracts/:id/accept', { schema: { summary: 'Leverandøren accepterer kontrakten', tags, ...one } }, async (req) =>
    presentContract(await acceptContract(req.ctx, req.params.id)),
  );
}
