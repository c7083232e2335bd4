/**
 * @module Zod schemas of the joint consultations: the inputs (API and forms) and the answers. Free text refuses
 * control characters and CPR numbers (zText/zOptText).
 */
import { z } from 'zod';
import { zDate, zOptText, zText } from '../core/validation.js';
import { ZIdParams } from './cooperation.schema.js';
import { CONSULTATION_ANSWERS, CONSULTATION_KINDS, CONSULTATION_RESULTS, CONSULTATION_STATUSES, PROPOSAL_TYPES } from './consultations.table.js';

export const ZConsultationParams = ZIdParams;
export const ZConsultationAnswerParams = ZIdParams.extend({ organisationId: ZIdParams.shape.id });

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const zVersion = z.preprocess(
  blankToUndefined,
  z.coerce.number().int().min(0).max(2147483647).optional().describe('Den version, ændringen bygger på (eller If-Match)'),
);

export const ZConsultationsQuery = z.object({
  area: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()).describe('Rammeaftaleområde (kode, fx sjaelland); tomt: alle'),
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2000).max(2200).optional()).describe('Året, drøftelsen er oprettet'),
  status: z.preprocess(blankToUndefined, z.enum(CONSULTATION_STATUSES).optional()).describe('aaben eller afsluttet'),
  kind: z.preprocess(blankToUndefined, z.enum(CONSULTATION_KINDS).optional()).describe('lukning, omlaegning, enkeltmandstilbud eller samdrift'),
  proposalType: z
    .preprocess(blankToUndefined, z.enum(PROPOSAL_TYPES).optional())
    .describe('Ved forslag om fælles etablering: selskab_60, underskudsgaranti eller andet'),
});
export type TConsultationsQuery = z.output<typeof ZConsultationsQuery>;

export const ZConsultationInput = z
  .object({
    areaCode: z.string().trim().min(1, 'Vælg et rammeaftaleområde.').max(40).describe('Rammeaftaleområdet (kode)'),
    kind: z.enum(CONSULTATION_KINDS).describe('lukning, omlaegning, enkeltmandstilbud eller samdrift (forslag om fælles etablering)'),
    proposalType: z
      .preprocess(blankToUndefined, z.enum(PROPOSAL_TYPES).optional())
      .describe('Forslagets form (kun ved samdrift): selskab_60 (§ 60-selskab), underskudsgaranti eller andet'),
    offeringId: z
      .preprocess(blankToUndefined, z.coerce.number().int().positive().max(2147483647).optional())
      .describe('Tilbuddet (ved lukning og omlægning; tomt ved enkeltmandstilbud og samdrift)'),
    title: zText(300).describe('Titel'),
    description: zText(20000).describe('Beskrivelse (ved enkeltmandstilbud: behovet, uden personoplysninger)'),
    deadline: zDate.describe('Svarfrist'),
  })
  .strict();
export type TConsultationInput = z.output<typeof ZConsultationInput>;

export const ZConsultationAnswerInput = z
  .object({
    answer: z.enum(CONSULTATION_ANSWERS).describe('Kommunens svar'),
    note: zOptText(4000).describe('Bemærkning'),
    version: zVersion.describe('Svarets version (0 eller tom: intet svar endnu); eller If-Match'),
  })
  .strict();

export const ZConsultationClose = z
  .object({
    outcome: zText(8000).describe('Drøftelsens resultat'),
    decisionText: zText(8000).describe('Den lokale beslutning'),
    decisionOn: zDate.describe('Beslutningens dato'),
    result: z
      .preprocess(blankToUndefined, z.enum(CONSULTATION_RESULTS).optional())
      .describe('Ved enkeltmandstilbud og samdrift: oprettet eller ikke_oprettet (kræves)'),
    resultOfferingId: z
      .preprocess(blankToUndefined, z.coerce.number().int().positive().max(2147483647).optional())
      .describe('Det oprettede tilbud (ved resultatet oprettet, hvis det findes i tilbudsregistret)'),
    version: zVersion,
  })
  .strict();

// Answers ------------------------------------------------------------------------------------------------

export const ZConsultationSummary = z.object({
  id: z.number().int(),
  areaCode: z.string(),
  areaName: z.string(),
  kind: z.enum(CONSULTATION_KINDS),
  proposalType: z.enum(PROPOSAL_TYPES).nullable().describe('Forslagets form ved samdrift; ellers null'),
  title: z.string(),
  offering: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  opener: z.object({ id: z.number().int(), name: z.string() }),
  deadline: z.string(),
  status: z.enum(CONSULTATION_STATUSES),
  createdOn: z.string(),
  answered: z.number().int().describe('Antal medlemskommuner, der har svaret'),
  members: z.number().int().describe('Antal medlemskommuner i området'),
});
export const ZConsultationList = z.object({ consultations: z.array(ZConsultationSummary) });

export const ZConsultation = ZConsultationSummary.extend({
  description: z.string(),
  outcome: z.string().nullable(),
  decisionText: z.string().nullable(),
  decisionOn: z.string().nullable(),
  result: z.enum(CONSULTATION_RESULTS).nullable().describe('Ved enkeltmandstilbud og samdrift: om et tilbud er oprettet'),
  resultOffering: z.object({ id: z.number().int(), name: z.string() }).nullable().describe('Det oprettede tilbud'),
  version: z.number().int(),
  answers: z.array(
    z.object({
      organisationId: z.number().int(),
      organisationName: z.string(),
      answer: z.enum(CONSULTATION_ANSWERS).nullable().describe('null: intet svar endnu'),
      note: z.string().nullable(),
      version: z.number().int().describe('0: intet svar endnu'),
    }),
  ),
});
