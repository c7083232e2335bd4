/**
 * @module Zod schemas of the cooperation's bodies: the inputs (API and forms) and the answers. Every free-text
 * field refuses CPR numbers (core/cpr.ts).
 */
import { z } from 'zod';
import { zFreeText } from '../core/cpr.js';
import { zDate } from '../core/validation.js';
import { BODY_KINDS, MEMBER_ROLES, STRUCTURE_STATUSES } from './cooperation.table.js';

/** Path id; anything that is not a positive 32-bit integer names nothing (404, like an unknown id). */
const zPathId = z
  .string()
  .describe('Id (et positivt heltal)')
  .transform((v) => (/^\d{1,10}$/.test(v) && Number(v) > 0 && Number(v) <= 2147483647 ? Number(v) : 0));
export const ZIdParams = z.object({ id: zPathId });

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const zOptId = z.preprocess(blankToUndefined, z.coerce.number().int().positive().max(2147483647).optional());
const zOptDate = z.preprocess(blankToUndefined, zDate.optional());
const zRequired = (max: number) => zFreeText(max).pipe(z.string().min(1, 'Skal udfyldes.'));
const zOptional = (max: number) =>
  zFreeText(max)
    .nullish()
    .transform((v) => v || null);

export const ZBodiesQuery = z.object({
  area: z.string().trim().max(40).optional().describe('Rammeaftaleområde (kode, fx sjaelland); tomt: alle'),
  date: zOptDate.describe('Medlemmer og kommissorier gældende på datoen (åååå-mm-dd); tomt: i dag'),
});
export type TBodiesQuery = z.output<typeof ZBodiesQuery>;

export const ZBodyInput = z
  .object({
    areaCode: z.string().trim().max(40).nullish().describe('Rammeaftaleområde (kode); tomt: et nationalt organ'),
    kind: z.enum(BODY_KINDS).describe('Slags organ'),
    name: zRequired(200).describe('Navn'),
    description: zOptional(2000).describe('Kort beskrivelse'),
    reportsToId: zOptId.describe('Organet, det rapporterer til, i den gældende organisering'),
    structureId: zOptId.describe('Organiseringen (version), organet placeres i; tomt: den gældende'),
  })
  .strict();
export type TBodyInput = z.output<typeof ZBodyInput>;

export const ZMemberInput = z
  .object({
    personName: zRequired(120).describe('Personens navn'),
    organisationId: zOptId.describe('Organisationen i Ramme (kommune, region, sekretariat)'),
    organisationText: zOptional(200).describe('Anden organisation (fx KL), når den ikke er i Ramme'),
    role: z.enum(MEMBER_ROLES).describe('Rolle i organet'),
    validFrom: zDate.describe('Medlem fra'),
    validTo: zOptDate.describe('Medlem til (tomt: indtil videre)'),
  })
  .strict();
export type TMemberInput = z.output<typeof ZMemberInput>;

export const ZMemberEndInput = z.object({ validTo: zDate.describe('Sidste dag som medlem') }).strict();

export const ZMandateInput = z
  .object({
    text: zRequired(20000).describe('Kommissoriets tekst'),
    approvedBy: zOptional(200).describe('Godkendt af (fx Styregruppen 9. september 2022)'),
    validFrom: zDate.describe('Gælder fra'),
    validTo: zOptDate.describe('Gælder til (tomt: indtil videre)'),
  })
  .strict();
export type TMandateInput = z.output<typeof ZMandateInput>;

export const ZProposalInput = z
  .object({
    areaCode: z.string().trim().min(1).max(40).describe('Rammeaftaleområde (kode)'),
    title: zRequired(200).describe('Forslagets titel'),
    note: zOptional(4000).describe('Begrundelse'),
  })
  .strict();
export type TProposalInput = z.output<typeof ZProposalInput>;

export const ZPlacementsInput = z
  .object({
    placements: z
      .array(
        z.object({
          bodyId: z.coerce.number().int().positive().max(2147483647),
          isIncluded: z.boolean(),
          reportsToId: z.coerce.number().int().positive().max(2147483647).nullable(),
        }),
      )
      .min(1, 'Vælg mindst ét organ.')
      .max(200)
      .describe('Organerne i versionen, og hvem de rapporterer til'),
  })
  .strict();
export type TPlacementsInput = z.output<typeof ZPlacementsInput>;

export const ZMember = z.object({
  id: z.number().int(),
  personName: z.string(),
  organisationId: z.number().int().nullable(),
  organisationName: z.string(),
  role: z.enum(MEMBER_ROLES),
  roleLabel: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const ZBody = z.object({
  id: z.number().int(),
  areaCode: z.string().nullable().describe('Null: et nationalt organ'),
  areaName: z.string(),
  kind: z.enum(BODY_KINDS),
  kindLabel: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  reportsTo: z.object({ id: z.number().int(), name: z.string() }).nullable().describe('I den gældende organisering'),
  mandate: z.object({ text: z.string(), approvedBy: z.string().nullable(), validFrom: z.string(), validTo: z.string().nullable() }).nullable(),
  members: z.array(ZMember),
});
export const ZBodyList = z.object({ date: z.string(), bodies: z.array(ZBody) });

export const ZStructure = z.object({
  id: z.number().int(),
  areaCode: z.string(),
  title: z.string(),
  status: z.enum(STRUCTURE_STATUSES),
  note: z.string().nullable(),
  bodies: z.array(z.object({ bodyId: z.number().int(), name: z.string(), reportsToId: z.number().int().nullable() })),
});
