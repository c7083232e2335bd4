/**
 * @module JSON API for the offerings register: list with filters, detail, create, partial update, close.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../core/capability.js';
import { requireActor } from '../core/auth/actor.js';
import { badRequest, notFound } from '../core/errors.js';
import { parseInput, toRouteSchema } from '../core/validation.js';
import { getOffering, listOfferings } from './offerings.repository.js';
import { ZClose, ZListQuery, ZOfferingFields, ZOfferingInput } from './offerings.schema.js';
import { closeOffering, createOffering, patchOffering, toInput } from './offerings.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive().max(2147483647) });
const tags = ['Tilbud'];

export const idFrom = (params: unknown): number => {
  const r = ZId.safeParse(params);
  if (!r.success) throw notFound('Tilbuddet findes ikke.');
  return r.data.id;
};

export function presentOffering(o: NonNullable<Awaited<ReturnType<typeof getOffering>>>) {
  return {
    id: o.id,
    ...toInput(o),
    operatorName: o.operator_name,
    municipalityName: o.municipality_name,
    agreementAreas: o.areas.map((a) => ({ code: a.code, name: a.name })),
    createdAt: o.created_at,
    updatedAt: o.updated_at,
  };
}

export function offeringsApi(app: FastifyInstance, { db }: AppContext) {
  app.get('/api/offerings', { schema: { summary: 'Tilbud med filtre, sortering og sider', tags, querystring: toRouteSchema(ZListQuery) } }, async (req) => {
    requireActor(req.actor);
    const query = parseInput(ZListQuery, req.query);
    const result = await listOfferings(db, query);
    return {
      total: result.total,
      page: result.page,
      pageSize: result.pageSize,
      pageCount: result.pageCount,
      items: result.rows.map((r) => ({
        id: r.id,
        name: r.name,
        municipalityCode: r.municipality_code,
        municipalityName: r.municipality_name,
        operatorOrganisationId: r.operator_org_id,
        operatorName: r.operator_name,
        operatorType: r.operator_type,
        offeringType: r.offering_type,
        primaryLegalBasis: r.primary_legal_basis,
        extraLegalBases: r.extra_legal_bases ? r.extra_legal_bases.split(',') : [],
        targetGroups: r.target_group_codes ? r.target_group_codes.split(',') : [],
        places: r.places,
        ageMin: r.age_min,
        ageMax: r.age_max,
        status: r.status,
        statusSince: r.status_since,
        isCovered: r.is_covered,
        protection: r.protection,
        updatedAt: r.updated_at,
      })),
    };
  });

  app.get('/api/offerings/:id', { schema: { summary: 'Ét tilbud', tags, params: toRouteSchema(ZId) } }, async (req) => {
    requireActor(req.actor);
    const o = await getOffering(db, idFrom(req.params));
    if (!o) throw notFound('Tilbuddet findes ikke.');
    return presentOffering(o);
  });

  app.post('/api/offerings', { schema: { summary: 'Opret tilbud', tags, body: toRouteSchema(ZOfferingInput) } }, async (req, reply) => {
    if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) throw badRequest('Forespørgslen skal være et JSON-objekt.');
    const id = await createOffering(db, req.actor, req.body);
    return reply.status(201).header('location', `/api/offerings/${id}`).send(presentOffering((await getOffering(db, id))!));
  });

  app.patch('/api/offerings/:id', { schema: { summary: 'Ret tilbud (kun de felter, der sendes)', tags, params: toRouteSchema(ZId), body: toRouteSchema(ZOfferingFields.partial()) } }, async (req) => {
    const id = idFrom(req.params);
    if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) throw badRequest('Forespørgslen skal være et JSON-objekt.');
    await patchOffering(db, req.actor, id, req.body as Record<string, unknown>);
    return presentOffering((await getOffering(db, id))!);
  });

  app.post('/api/offerings/:id/close', { schema: { summary: 'Luk tilbud (eller luk for indskrivning / sæt under afvikling)', tags, params: toRouteSchema(ZId), body: toRouteSchema(ZClose) } }, async (req) => {
    const id = idFrom(req.params);
    await closeOffering(db, req.actor, id, req.body);
    return presentOffering((await getOffering(db, id))!);
  });
}
