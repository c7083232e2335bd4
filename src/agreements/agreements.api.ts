/**
 * @module JSON API for agreements: list, one agreement with all its content, statuses and approvals, computed
 * indicator values, and the writes (secretariat: content and process; members: own statuses, answers, votes,
 * decisions; any signed-in organisation: hearing comments). JSON is camelCase both ways.
 *
 * Every operation has zod schemas for its address, body and answers (Fastify validates and serialises with
 * them; the OpenAPI document comes from them). The validation result waits for the access check: an id that
 * cannot exist is 404 like an unknown one, and a refused caller gets 401/403/404 rather than field errors,
 * because each service checks access first and then validates the same body (`attachValidation`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { etagOf, versionFrom } from '../core/version.js';
import { agreementRoutes } from './agreements.api-route.js';
import * as A from './agreements.api-schema.js';
import * as S from './agreements.schema.js';
import { agreementJson, agreementList, changeStatus, createAgreement, setPublished, updateAgreement } from './agreements.service.js';
import { saveCommitment, saveFocusArea, saveObjective, savePrinciple, saveSection } from './content.service.js';
import { commentList } from './hearing.service.js';
import { addMeasurement, computeIndicator, saveIndicator } from './indicator.service.js';
import { setCommitmentStatus } from './matrix.service.js';

/** The version a change builds on: If-Match (optional for API clients; the version is in GET /api/agreements/{id}). */
const ifMatch = (req: FastifyRequest) => versionFrom(req.headers['if-match'], undefined);

export function agreementsApi(app: FastifyInstance) {
  const { route, created, ok, saved, versioned } = agreementRoutes(app);

  // Reading -------------------------------------------------------------------------------------------------
  route('GET', '/api/agreements', {
    summary: 'Rammeaftaler, du kan se (offentliggjorte for alle; alle i dine aftaleområder når du er logget ind)',
    response: A.ZAgreementList,
    isPublic: true,
    run: async (req) => ({
      agreements: (await agreementList(req.ctx)).map(({ agreement: a, status, statusLabel }) => ({
        id: a.id,
        title: a.title,
        area: { id: a.area_id, code: a.area_code, name: a.area_name },
        periodStart: a.period_start,
        periodEnd: a.period_end,
        status,
        statusLabel,
        isPublic: a.is_public,
      })),
    }),
  });
  route('GET', '/api/agreements/:id', {
    summary:
      'Én rammeaftale med fokusområder, målsætninger, indikatorer, principper, tilsagn, medlemmernes status, faser, milepæle og godkendelser (ETag: versionen af aftalens egne felter)',
    params: A.ZAgreementParams,
    response: A.ZAgreementDetails,
    isPublic: true,
    run: async (req, p, reply) => {
      const details = await agreementJson(req.ctx, p.id);
      reply.header('etag', etagOf(details.version));
      return details;
    },
  });
  route('GET', '/api/agreements/:id/indicators/:indicatorId/values', {
    summary: 'Indikatorens værdi for området og pr. medlem med rækkerne bag (beregnede indikatorer) eller målingerne (manuelle)',
    params: A.ZIndicatorParams,
    response: A.ZIndicatorValues,
    run: async (req, p) => {
      const v = await computeIndicator(req.ctx, p.id, p.indicatorId);
      return { ...v, progress: { state: v.progress.state, share: v.progress.share === null ? null : Number(v.progress.share) } };
    },
  });
  route('GET', '/api/agreements/:id/comments', {
    summary: 'Høringssvar med sekretariatets svar (offentlige for en offentliggjort aftale)',
    isPublic: true,
    params: A.ZAgreementParams,
    response: A.ZComments,
    run: async (req, p) => ({
      comments: (await commentList(req.ctx, p.id)).map((c) => ({
        id: c.id,
        version: c.version_number,
        section: c.section_key,
        organisation: c.organisation_name,
        text: c.text,
        response: c.response,
        responseReason: c.response_reason,
        addressedInVersion: c.addressed_in_version_number,
      })),
    }),
  });

  // The agreement -------------------------------------------------------------------------------------------
  route('POST', '/api/agreements', {
    summary: 'Opret en rammeaftale (sekretariatet)',
    body: S.ZAgreement,
    response: A.ZCreated,
    created: true,
    run: (req) => created(createAgreement(req.ctx, req.body)),
  });
  route('PUT', '/api/agreements/:id', {
    summary:
      'Erstat aftalens titel, periode og resumé (sekretariatet; If-Match med aftalens version: 412 ved forældet version; svaret har den nye versions ETag)',
    params: A.ZAgreementParams,
    body: S.ZAgreement,
    response: A.ZOk,
    run: (req, p, reply) => versioned(reply, updateAgreement(req.ctx, p.id, req.body, ifMatch(req))),
  });
  route('POST', '/api/agreements/:id/status', {
    summary: 'Skift status: i høring, til godkendelse eller tilbage til udarbejdelse (sekretariatet). Godkendt følger af godkendelserne.',
    params: A.ZAgreementParams,
    body: S.ZStatusChange,
    response: A.ZOk,
    run: (req, p) => ok(changeStatus(req.ctx, p.id, req.body)),
  });
  route('PUT', '/api/agreements/:id/publication', {
    summary: 'Offentliggør eller skjul aftalen (sekretariatet)',
    params: A.ZAgreementParams,
    body: S.ZPublish,
    response: A.ZOk,
    run: (req, p) => ok(setPublished(req.ctx, p.id, req.body)),
  });

  // Content -------------------------------------------------------------------------------------------------
  route('POST', '/api/agreements/:id/sections', {
    summary: 'Tilføj et frit afsnit (sekretariatet)',
    params: A.ZAgreementParams,
    body: S.ZSection,
    response: A.ZCreated,
    created: true,
    run: (req, p, reply) => saved(reply, saveSection(req.ctx, p.id, null, req.body)),
  });
  route('POST', '/api/agreements/:id/focus-areas', {
    summary: 'Tilføj et fokusområde (sekretariatet)',
    params: A.ZAgreementParams,
    body: S.ZFocusArea,
    response: A.ZCreated,
    created: true,
    run: (req, p, reply) => saved(reply, saveFocusArea(req.ctx, p.id, null, req.body)),
  });
  route('PUT', '/api/agreements/:id/focus-areas/:focusAreaId', {
    summary: 'Ret et fokusområde (sekretariatet; If-Match med fokusområdets version: 412 ved forældet version; svaret har den nye versions ETag)',
    params: A.ZFocusAreaParams,
    body: S.ZFocusArea,
    response: A.ZCreated,
    run: (req, p, reply) => saved(reply, saveFocusArea(req.ctx, p.id, p.focusAreaId, req.body, ifMatch(req))),
  });
  route('POST', '/api/agreements/:id/focus-areas/:focusAreaId/objectives', {
    summary: 'Tilføj en målsætning til et fokusområde (sekretariatet)',
    params: A.ZFocusAreaParams,
    body: S.ZObjective,
    response: A.ZCreated,
    created: true,
    run: (req, p, reply) => saved(reply, saveObjective(req.ctx, p.id, p.focusAreaId, null, req.body)),
  });
  route('POST', '/api/agreements/:id/indicators', {
    summary: 'Tilføj en indikator (kilde: manual eller en beregnings kode) (sekretariatet)',
    params: A.ZAgreementParams,
    body: S.ZIndicator,
    response: A.ZCreated,
    created: true,
    run: (req, p, reply) => saved(reply, saveIndicator(req.ctx, p.id, null, req.body)),
  });
  route('PUT', '/api/agreements/:id/indicators/:indicatorId', {
    summary: 'Ret en indikator (sekretariatet; If-Match med indikatorens version: 412 ved forældet version; svaret har den nye versions ETag)',
    params: A.ZIndicatorParams,
    body: S.ZIndicator,
    response: A.ZCreated,
    run: (req, p, reply) => saved(reply, saveIndicator(req.ctx, p.id, p.indicatorId, req.body, ifMatch(req))),
  });
  route('POST', '/api/agreements/:id/indicators/:indicatorId/measurements', {
    summary: 'Registrér en måling (sekretariatet)',
    params: A.ZIndicatorParams,
    body: S.ZMeasurement,
    response: A.ZCreated,
    created: true,
    run: (req, p) => created(addMeasurement(req.ctx, p.id, p.indicatorId, req.body)),
  });
  route('POST', '/api/agreements/:id/principles', {
    summary: 'Tilføj et fælleskommunalt princip (sekretariatet)',
    params: A.ZAgreementParams,
    body: S.ZPrinciple,
    response: A.ZCreated,
    created: true,
    run: (req, p, reply) => saved(reply, savePrinciple(req.ctx, p.id, null, req.body)),
  });
  route('POST', '/api/agreements/:id/principles/:principleId/commitments', {
    summary: 'Tilføj et tilsagn til et princip (sekretariatet)',
    params: A.ZPrincipleParams,
    body: S.ZCommitment,
    response: A.ZCreated,
    created: true,
    run: (req, p, reply) => saved(reply, saveCommitment(req.ctx, p.id, p.principleId, null, req.body)),
  });
  route('PUT', '/api/agreements/:id/commitments/:commitmentId/statuses/:organisationId', {
    summary: 'Sæt et medlems status på et tilsagn (kun medlemmets egne brugere)',
    params: A.ZCommitmentStatusParams,
    body: S.ZCommitmentStatus,
    response: A.ZOk,
    run: (req, p) => ok(setCommitmentStatus(req.ctx, p.id, p.commitmentId, p.organisationId, req.body)),
  });
}
