/**
 * @module JSON API of the standard contract: the scoped list, one contract, a draft from a confirmed reservation,
 * the terms (PUT with version / If-Match → 412 when stale), the public-first check, sending (400 naming what is
 * missing), the provider's acceptance, notice and amendments.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import { readUploadedFile } from '../core/http/upload.js';
import { importContracts } from './contract-import.service.js';
import { listContracts } from './contract-list.service.js';
import {
  acceptContract,
  addAmendment,
  authorizeContract,
  createContractDraft,
  getContract,
  giveNotice,
  recordPublicFirst,
  saveTerms,
  sendContract,
  type ContractView,
} from './contract.service.js';
import {
  ZAmendmentInput,
  ZContractDetail,
  ZContractImportRefused,
  ZContractImportResponse,
  ZContractList,
  ZContractListQuery,
  ZContractTerms,
  ZIdParams,
  ZNoticeInput,
  ZPublicFirstInput,
} from './placements.schema.js';
import { ADDON_UNITS, type AddonUnit } from './placements.table.js';

const tags = ['Kontrakter'];
export const IMPORT_MISSING = 'Vælg en fil at importere (multipart/form-data med feltet "fil").';
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

const rawId = (req: FastifyRequest) => ZIdParams.parse(req.params ?? {}).id;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const asUnit = (u: string): AddonUnit => (ADDON_UNITS.includes(u as AddonUnit) ? (u as AddonUnit) : 'dag');

export function presentContract(c: ContractView) {
  return {
    id: c.id,
    reservationId: c.reservation_id,
    offeringId: c.offering_id,
    offeringName: c.offering_name,
    status: c.status,
    state: c.state,
    version: c.version,
    templateCode: c.template_code,
    templateVersion: c.template_version,
    isStandard: c.is_standard,
    caseReference: c.case_reference,
    buyer: {
      organisationId: c.buyer_org_id,
      name: c.buyer_name,
      department: c.buyer_department,
      ean: c.buyer_ean,
      contact: { name: c.buyer_contact_name, phone: c.buyer_contact_phone, email: c.buyer_contact_email },
    },
    payer: c.paying_org_id === null ? null : { organisationId: c.paying_org_id, name: c.paying_name ?? '', department: c.paying_department, ean: c.paying_ean },
    provider: {
      organisationId: c.operator_org_id,
      name: c.operator_name,
      ean: c.provider_ean,
      cvr: c.provider_cvr,
      contact: { name: c.provider_contact_name, phone: c.provider_contact_phone, email: c.provider_contact_email },
    },
    legalBasis: c.legal_basis_label,
    tariffLevel: c.tariff_level,
    tariffPrice: c.tariff_price === null ? null : String(c.tariff_price),
    tariffUnit: c.tariff_unit,
    addOns: c.addOns.map((a) => ({ text: a.text, price: String(a.price), unit: asUnit(a.unit), periodFrom: a.period_from, periodTo: a.period_to })),
    indexation: c.indexation,
    startDate: c.start_date,
    endDate: c.end_date,
    currentEndDate: c.current_end_date,
    effectiveEndDate: c.effectiveEnd,
    expectedDurationMonths: c.expected_duration_months,
    isTimeLimited: c.current_end_date !== null,
    noticePeriods: { buyerDays: c.terms.buyerNoticeDays, providerDays: c.terms.providerNoticeDays, isPlaceholder: c.notice?.is_placeholder ?? false },
    goals: c.goals,
    followUpDates: c.follow_up_dates,
    payment: { timing: c.payment_timing, days: c.payment_days },
    searchId: c.search_id,
    publicFirstReason: c.public_first_reason,
    sentAt: iso(c.sent_at),
    sentBy: c.sent_by,
    acceptedAt: iso(c.accepted_at),
    acceptedBy: c.accepted_by,
    notice:
      c.notice_party && c.notice_given_on && c.notice_end_date
        ? { party: c.notice_party, givenOn: c.notice_given_on, givenBy: c.notice_given_by, endDate: c.notice_end_date }
        : null,
    amendments: c.amendments.map((a) => ({
      number: a.number,
      effectiveDate: a.effective_date,
      description: a.description,
      createdAt: a.created_at.toISOString(),
      createdBy: a.created_by,
    })),
    missing: c.missing,
  };
}

export function contractsApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const one = { params: ZIdParams, response: { 200: ZContractDetail, ...errors } };

  app.get(
    '/api/contracts',
    {
      schema: {
        summary: 'Kontrakter, du har adgang til (læsere: kun antal)',
        tags,
        querystring: ZContractListQuery,
        response: { 200: ZContractList, ...errors },
      },
    },
    async (req) => {
      const list = await listContracts(req.ctx, req.query);
      return {
        total: list.total,
        byState: list.byState,
        isCountsOnly: list.isCountsOnly,
        page: list.page,
        pageCount: list.pageCount,
        items: list.items.map((r) => ({
          id: r.id,
          caseReference: r.case_reference,
          offeringId: r.offering_id,
          offeringName: r.offering_name,
          buyerName: r.buyer_name,
          providerName: r.operator_name,
          isPublic: r.operator_type === 'kommunal' || r.operator_type === 'regional',
          isStandard: r.is_standard,
          state: r.state,
          startDate: r.start_date,
          effectiveEndDate: r.effective_end_date,
          tariffPrice: r.tariff_price === null ? null : String(r.tariff_price),
        })),
      };
    },
  );

  app.get('/api/contracts/:id', { schema: { summary: 'Én kontrakt', tags, ...one } }, async (req, reply) => {
    const c = await getContract(req.ctx, req.params.id);
    return reply.header('etag', `"${c.version}"`).send(presentContract(c));
  });

  app.post(
    '/api/reservations/:id/contract',
    { schema: { summary: 'Opret kontraktkladde fra en bekræftet reservation', tags, params: ZIdParams, response: { 201: ZContractDetail, ...errors } } },
    async (req, reply) => {
      const c = await createContractDraft(req.ctx, req.params.id);
      return reply.status(201).header('location', `/api/contracts/${c.id}`).header('etag', `"${c.version}"`).send(presentContract(c));
    },
  );

  app.put(
    '/api/contracts/:id/terms',
    {
      preValidation: (req) => authorizeContract(req.ctx, rawId(req), 'placements.contract.edit'),
      schema: {
        summary: 'Kontraktens vilkår (kun kladder; If-Match eller version, 412 ved forældet version)',
        tags,
        params: ZIdParams,
        body: ZContractTerms,
        response: { 200: ZContractDetail, ...errors, 412: ZErrorResponse },
      },
    },
    async (req, reply) => {
      const c = await saveTerms(req.ctx, req.params.id, req.body, req.headers['if-match']);
      return reply.header('etag', `"${c.version}"`).send(presentContract(c));
    },
  );

  app.put(
    '/api/contracts/:id/public-first-check',
    { schema: { summary: 'Registrér tjek af offentlige tilbud før privat køb', tags, ...one, body: ZPublicFirstInput } },
    async (req) => presentContract(await recordPublicFirst(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/contracts/:id/send',
    { schema: { summary: 'Send kontrakten til leverandøren (400 med de manglende felter, når den ikke er komplet)', tags, ...one } },
    async (req) => presentContract(await sendContract(req.ctx, req.params.id)),
  );

  app.post('/api/contracts/:id/accept', { schema: { summary: 'Leverandøren accepterer kontrakten', tags, ...one } }, async (req) =>
    presentContract(await acceptContract(req.ctx, req.params.id)),
  );

  app.post(
    '/api/contracts/:id/notice',
    {
      preValidation: (req) => authorizeContract(req.ctx, rawId(req), 'placements.contract.notice'),
      schema: { summary: 'Opsig kontrakten (slutdatoen følger af partens opsigelsesvarsel)', tags, ...one, body: ZNoticeInput },
    },
    async (req) => presentContract(await giveNotice(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/contracts/:id/amendments',
    {
      preValidation: (req) => authorizeContract(req.ctx, rawId(req), 'placements.contract.edit'),
      schema: {
        summary: 'Tillæg til kontrakten: en ny version med ikrafttrædelsesdato',
        tags,
        params: ZIdParams,
        body: ZAmendmentInput,
        response: { 201: ZContractDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(presentContract(await addAmendment(req.ctx, req.params.id, req.body))),
  );

  app.post(
    '/api/contracts/import',
    {
      config: { upload: true },
      schema: {
        summary: 'Importér kommunens eksisterende kontrakter fra CSV eller Excel (multipart, feltet "fil"); alt eller intet',
        tags,
        consumes: ['multipart/form-data'],
        response: {
          200: ZContractImportResponse,
          400: ZContractImportRefused.or(ZErrorResponse),
          401: ZErrorResponse,
          403: ZErrorResponse,
          413: ZErrorResponse,
        },
      },
    },
    async (req, reply) => {
      const result = await importContracts(req.ctx, () => readUploadedFile(req, IMPORT_MISSING));
      if (result.errors.length) return reply.status(400).send({ error: `Intet er importeret: filen har ${result.errors.length} fejl.`, rows: result.errors });
      return result;
    },
  );
}
