/**
 * @module Zod schemas of the agreements API's addresses and answers (the request bodies are the shared
 * schemas in agreements.schema.ts). Fastify serialises every answer through these, and the OpenAPI document
 * is generated from them.
 */
import { z } from 'zod';
import { ZErrorResponse, zId } from '../core/http/schemas.js';

const date = z.string().describe('Dato (åååå-mm-dd)');
const text = z.string().nullable();

export const ZAgreementParams = z.object({ id: zId });
export const ZIndicatorParams = z.object({ id: zId, indicatorId: zId });
export const ZFocusAreaParams = z.object({ id: zId, focusAreaId: zId });
export const ZPrincipleParams = z.object({ id: zId, principleId: zId });
export const ZCommitmentStatusParams = z.object({ id: zId, commitmentId: zId, organisationId: zId });
export const ZMilestoneParams = z.object({ id: zId, milestoneId: zId });
export const ZOrganisationParams = z.object({ id: zId, organisationId: zId });
export const ZVersionParams = z.object({ id: zId, versionId: zId });
export const ZCommentParams = z.object({ id: zId, commentId: zId });
export const ZRoundParams = z.object({ id: zId, roundId: zId });
export const ZGroupParams = z.object({ id: zId, roundId: zId, groupId: zId });

/** The refusals every operation may answer with (Danish message, fields on 400). */
export const ERRORS = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 412: ZErrorResponse } as const;

export const ZCreated = z.object({ id: z.number().int().describe('Den nye posts id') }).describe('Oprettet');
export const ZOk = z.object({ ok: z.literal(true) }).describe('Gemt');
export const ZApprovalResult = z
  .object({ status: z.string().describe('Aftalens status efter beslutningen'), approved: z.number().int(), total: z.number().int() })
  .describe('Godkendelsesstatus efter beslutningen');
export const ZVersionCreated = z.object({ id: z.number().int(), number: z.number().int().describe('Versionens nummer') }).describe('Den nye version');

const ZArea = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const ZAgreementList = z
  .object({
    agreements: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        area: ZArea,
        periodStart: date,
        periodEnd: date,
        status: z.string(),
        statusLabel: z.string(),
        isPublic: z.boolean(),
      }),
    ),
  })
  .describe('Rammeaftaler, du kan se');

const ZValueOn = z.object({ value: z.string().describe('Eksakt decimaltal'), date: date.nullable() });

export const ZAgreementDetails = z
  .object({
    id: z.number().int(),
    title: z.string(),
    area: ZArea,
    periodStart: date,
    periodEnd: date,
    preparationStart: date,
    version: z.number().int().describe('Versionen af aftalens egne felter (If-Match ved PUT; 412 ved forældet version)'),
    status: z.string(),
    statusLabel: z.string(),
    summary: text,
    isPublic: z.boolean(),
    publishedOn: date.nullable(),
    approval: z.object({ approved: z.number().int(), total: z.number().int(), rejected: z.number().int(), pending: z.number().int(), text: z.string() }),
    currentPhase: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    members: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.enum(['municipality', 'region']) })),
    sections: z.array(
      z.object({
        id: z.number().int(),
        number: z.number().int(),
        title: z.string(),
        body: z.string(),
        version: z.number().int().describe('Versionen (If-Match ved rettelser; 412 ved forældet version)'),
      }),
    ),
    focusAreas: z.array(
      z.object({
        id: z.number().int(),
        part: z.string(),
        partLabel: z.string(),
        number: z.number().int(),
        title: z.string(),
        goal: text,
        content: text,
        desiredResults: z.array(z.string()),
        responsible: text,
        version: z.number().int().describe('Versionen (If-Match ved rettelser; 412 ved forældet version)'),
        objectives: z.array(
          z.object({
            id: z.number().int(),
            number: z.number().int(),
            title: z.string(),
            description: text,
            indicators: z.array(z.number().int()),
            version: z.number().int().describe('Versionen (If-Match ved rettelser; 412 ved forældet version)'),
          }),
        ),
      }),
    ),
    indicators: z.array(
      z.object({
        id: z.number().int(),
        objectiveId: z.number().int().nullable(),
        name: z.string(),
        definition: text,
        unit: z.string(),
        direction: z.enum(['higher', 'lower']),
        baseline: ZValueOn.nullable(),
        target: ZValueOn.nullable(),
        source: z.string(),
        latest: z.object({ value: z.string(), measuredOn: date, source: z.string() }).nullable(),
        version: z.number().int().describe('Versionen (If-Match ved rettelser; 412 ved forældet version)'),
      }),
    ),
    principles: z.array(
      z.object({
        id: z.number().int(),
        number: z.number().int(),
        title: z.string(),
        description: text,
        version: z.number().int().describe('Versionen (If-Match ved rettelser; 412 ved forældet version)'),
        commitments: z.array(
          z.object({
            id: z.number().int(),
            number: z.number().int(),
            text: z.string(),
            scopeNote: text,
            appliesFrom: date,
            indicatorId: z.number().int().nullable(),
            version: z.number().int().describe('Versionen (If-Match ved rettelser; 412 ved forældet version)'),
            statuses: z.array(z.object({ organisationId: z.number().int(), status: z.string(), statusLabel: z.string(), date, evidence: text })),
          }),
        ),
      }),
    ),
    phases: z.array(
      z.object({ id: z.number().int(), number: z.number().int(), name: z.string(), description: text, startsOn: date, endsOn: date, isCurrent: z.boolean() }),
    ),
    milestones: z.array(
      z.object({
        id: z.number().int(),
        phaseId: z.number().int().nullable(),
        dueOn: date,
        title: z.string(),
        responsible: text,
        deliverable: text,
        status: z.string(),
        state: z.string(),
        completedOn: date.nullable(),
      }),
    ),
    approvals: z.array(
      z.object({
        organisationId: z.number().int(),
        organisation: z.string(),
        decision: z.string(),
        decisionLabel: z.string(),
        decidedOn: date.nullable(),
        reference: text,
        note: text,
      }),
    ),
    history: z.array(z.object({ status: z.string(), statusLabel: z.string(), date, note: text })),
    versions: z.array(
      z.object({
        id: z.number().int(),
        number: z.number().int(),
        createdOn: date,
        changelog: text,
        hearingUntil: date.nullable(),
        sections: z.array(z.string()),
      }),
    ),
  })
  .describe('Én rammeaftale');

const ZMeasure = z.object({
  value: z.string().nullable().describe('Eksakt decimaltal, eller null når der intet er at måle'),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
});

export const ZIndicatorValues = z
  .object({
    indicator: z.object({
      id: z.number().int(),
      name: z.string(),
      definition: text,
      unit: z.string(),
      direction: z.enum(['higher', 'lower']),
      source: z.string(),
      baseline: ZValueOn.nullable(),
      target: ZValueOn.nullable(),
    }),
    progress: z.object({
      state: z.enum(['ingen_maaling', 'ingen_maal', 'naaet', 'paa_vej', 'tilbage']),
      share: z.number().nullable().describe('0 ved udgangspunktet, 1 ved målet'),
    }),
    latestValue: z.string().nullable(),
    computed: z
      .object({
        code: z.string(),
        name: z.string(),
        description: z.string(),
        date,
        area: ZMeasure,
        perMember: z.array(ZMeasure.extend({ organisationId: z.number().int(), name: z.string() })),
        columns: z.array(z.object({ key: z.string(), label: z.string() })),
        rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
      })
      .nullable(),
    measurements: z.array(
      z.object({
        id: z.number().int(),
        organisationId: z.number().int().nullable(),
        organisation: z.string().nullable(),
        measuredOn: date,
        value: z.string(),
        source: z.string(),
        note: text,
      }),
    ),
  })
  .describe('Indikatorens værdier');

export const ZComments = z
  .object({
    comments: z.array(
      z.object({
        id: z.number().int(),
        version: z.number().int(),
        section: z.string(),
        organisation: z.string(),
        text: z.string(),
        response: text,
        responseReason: text,
        addressedInVersion: z.number().int().nullable(),
      }),
    ),
  })
  .describe('Høringssvar med sekretariatets svar');
