/**
 * @module JSON API for the offerings register: list with filters, detail, create, partial update, close,
 * import. Zod schemas on every edge: Fastify validates params, query and body and serialises the answer;
 * the OpenAPI document is generated from the same schemas. The access check of each operation runs before
 * body validation (preValidation), so a user who may not write gets 401/403/404 and not a 400 about the body.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireSignedIn } from '../core/access/access.js';
import type { AppContext } from '../core/capability.js';
import { ZErrorResponse } from '../core/http/schemas.js';
import { etagOf, versionFrom } from '../core/version.js';
import { readUploadedFile } from '../core/http/upload.js';
import { importFile, type Upload } from './offerings.import.js';
import { REGISTER } from './offerings.policy.js';
import type { OfferingListRow } from './offerings.service.js';
import {
  ZClose,
  ZImportRefused,
  ZImportResponse,
  ZListQuery,
  ZOfferingInput,
  ZOfferingListResponse,
  ZOfferingParams,
  ZOfferingPatch,
  ZOfferingResponse,
} from './offerings.schema.js';
import { authorizeEdit, closeOffering, createOffering, getOffering, listOfferings, patchOffering, toInput, type OfferingDetail } from './offerings.service.js';

const tags = ['Tilbud'];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };
const writeErrors = { ...errors, 412: ZErrorResponse };

/** The version an API write builds on: If-Match, optional (without it the change applies to the offering as it is now). */
const ifMatch = (req: FastifyRequest) => versionFrom(req.headers['if-match'], undefined);

export function presentOffering(o: OfferingDetail) {
  return {
    id: o.offering_id,
    ...toInput(o),
    operatorName: o.operator_name,
    municipalityName: o.municipality_name,
    agreementAreas: o.areas.map((a) => ({ code: a.code, name: a.name })),
    createdAt: new Date(o.created_at).toISOString(),
    updatedAt: new Date(o.updated_at).toISOString(),
  };
}

const split = (codes: string | null) => (codes ? codes.split(',') : []);

export function presentListItem(r: OfferingListRow) {
  return {
    id: r.offering_id,
    name: r.offering_name,
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
    operatorOrganisationId: r.operator_org_id,
    operatorName: r.operator_name,
    operatorType: r.operator_type,
    offeringType: r.offering_type,
    primaryLegalBasis: r.primary_legal_basis,
    extraLegalBases: split(r.extra_legal_bases),
    targetGroups: split(r.target_group_codes),
    places: r.places,
    ageMin: r.age_min,
    ageMax: r.age_max,
    status: r.status,
    statusSince: r.status_since,
    isCovered: r.is_covered,
    protection: r.protection,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** The path id before validation (preValidation runs first); anything invalid names no offering. */
const rawId = (req: FastifyRequest) => ZOfferingParams.parse(req.params ?? {}).id;

/** Reads the one uploaded file of a multipart request (the field "fil"; a form sends its `_csrf` field first). */
export const readUpload = (req: FastifyRequest): Promise<Upload> => readUploadedFile(req, 'Vælg en fil at importere (multipart/form-data med feltet "fil").');

export function offeringsApi(fastify: FastifyInstance, _app: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const mayRead = async (req: FastifyRequest) => void requireSignedIn(req.ctx, 'offerings.read', REGISTER);
  const mayCreate = async (req: FastifyRequest) => void requireSignedIn(req.ctx, 'offerings.create', REGISTER);
  const mayEdit = async (req: FastifyRequest) => authorizeEdit(req.ctx, rawId(req));

  app.get(
    '/api/offerings',
    {
      preValidation: mayRead,
      schema: { summary: 'Tilbud med filtre, sortering og sider', tags, querystring: ZListQuery, response: { 200: ZOfferingListResponse, ...errors } },
    },
    async (req) => {
      const result = await listOfferings(req.ctx, req.query);
      return { total: result.total, page: result.page, pageSize: result.pageSize, pageCount: result.pageCount, items: result.rows.map(presentListItem) };
    },
  );

  app.get(
    '/api/offerings/:id',
    { schema: { summary: 'Ét tilbud (ETag: versionen)', tags, params: ZOfferingParams, response: { 200: ZOfferingResponse, ...errors } } },
    async (req, reply) => {
      const o = await getOffering(req.ctx, req.params.id);
      return reply.header('etag', etagOf(o.version)).send(presentOffering(o));
    },
  );

  app.post(
    '/api/offerings',
    { preValidation: mayCreate, schema: { summary: 'Opret tilbud', tags, body: ZOfferingInput, response: { 201: ZOfferingResponse, ...errors } } },
    async (req, reply) => {
      const o = await createOffering(req.ctx, req.body);
      return reply.status(201).header('location', `/api/offerings/${o.offering_id}`).header('etag', etagOf(o.version)).send(presentOffering(o));
    },
  );

  app.patch(
    '/api/offerings/:id',
    {
      preValidation: mayEdit,
      schema: {
        summary: 'Ret tilbud (kun de felter, der sendes; If-Match med ETag: 412 ved forældet version)',
        tags,
        params: ZOfferingParams,
        body: ZOfferingPatch,
        response: { 200: ZOfferingResponse, ...writeErrors },
      },
    },
    async (req, reply) => {
      const o = await patchOffering(req.ctx, req.params.id, req.body, ifMatch(req));
      return reply.header('etag', etagOf(o.version)).send(presentOffering(o));
    },
  );

  app.post(
    '/api/offerings/:id/close',
    {
      preValidation: mayEdit,
      schema: {
        summary: 'Luk tilbud (eller luk for indskrivning / sæt under afvikling; If-Match: 412 ved forældet version)',
        tags,
        params: ZOfferingParams,
        body: ZClose,
        response: { 200: ZOfferingResponse, ...writeErrors },
      },
    },
    async (req, reply) => {
      const o = await closeOffering(req.ctx, req.params.id, req.body, ifMatch(req));
      return reply.header('etag', etagOf(o.version)).send(presentOffering(o));
    },
  );

  app.post(
    '/api/offerings/import',
    {
      config: { upload: true },
      schema: {
        summary: 'Importér tilbud fra CSV eller Excel (multipart, feltet "fil"); alt eller intet',
        tags,
        consumes: ['multipart/form-data'],
        response: { 200: ZImportResponse, 400: ZImportRefused.or(ZErrorResponse), 401: ZErrorResponse, 403: ZErrorResponse, 413: ZErrorResponse },
      },
    },
    async (req, reply) => {
      const result = await importFile(req.ctx, () => readUpload(req));
      if (result.errors.length) return reply.status(400).send({ error: `Intet er importeret: filen har ${result.errors.length} fejl.`, rows: result.errors });
      return result;
    },
  );
}
