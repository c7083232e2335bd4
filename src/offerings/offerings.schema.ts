/**
 * @module The offering as the API and forms take it: one zod schema (Danish messages), used for JSON,
 * forms and import rows alike.
 */
import { z } from 'zod';
import { CPR_MESSAGE, noCpr } from '../core/cpr.js';
import { zDate, zOptText, zText } from '../core/validation.js';
import { OFFERING_STATUSES, PROTECTIONS } from './offerings.table.js';

const zCode = z.string().trim().min(1).max(40);

/** The fields without defaults: what a PATCH may send (absent fields stay as they are). */
const fieldShape = {
  name: zText(200).describe('Tilbuddets navn'),
  operatorOrganisationId: z.number().int().positive().describe('Driftsherre (organisations-id)'),
  operatorType: zCode.describe('Driftsform: kommunal, regional, selvejende, privat'),
  address: zText(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'Skal være et postnummer med 4 cifre.'),
  city: zText(100),
  municipalityCode: z.number().int().min(100).max(999).describe('Beliggenhedskommunens kode'),
  offeringType: zCode,
  primaryLegalBasis: zCode,
  extraLegalBases: z.array(zCode).max(10),
  targetGroups: z.array(zCode).min(1, 'Vælg mindst én målgruppe.').max(15),
  places: z.number().int().min(0).max(5000).describe('Normerede pladser'),
  ageMin: z.number().int().min(0).max(120),
  ageMax: z.number().int().min(0).max(120),
  status: z.enum(OFFERING_STATUSES),
  statusSince: zDate,
  socialtilsynCode: zCode,
  approvalDate: zDate.nullish().transform((v) => v ?? null),
  isCovered: z.boolean(),
  protection: z.enum(PROTECTIONS),
  description: zOptText(4000),
  contactName: zOptText(200),
  contactEmail: z
    .string()
    .trim()
    .max(200)
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Skal være en gyldig e-mailadresse.')
    .refine(noCpr, CPR_MESSAGE)
    .nullish()
    .or(z.literal(''))
    .transform((v) => (v ? v : null)),
  contactPhone: zOptText(40),
};

export const ZOfferingFields = z
  .object({
    ...fieldShape,
    extraLegalBases: fieldShape.extraLegalBases.default([]),
    status: fieldShape.status.default('aktiv'),
    isCovered: fieldShape.isCovered.default(true),
    protection: fieldShape.protection.default('ingen'),
  })
  .strict();

export const ZOfferingInput = ZOfferingFields.superRefine((v, ctx) => {
  if (v.ageMax < v.ageMin) ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'Alder til skal være større end eller lig med alder fra.' });
  if (v.extraLegalBases.includes(v.primaryLegalBasis))
    ctx.addIssue({ code: 'custom', path: ['extraLegalBases'], message: 'Det primære lovgrundlag må ikke også stå som øvrigt lovgrundlag.' });
  if (new Set(v.targetGroups).size !== v.targetGroups.length)
    ctx.addIssue({ code: 'custom', path: ['targetGroups'], message: 'Samme målgruppe er valgt to gange.' });
});

export type TOfferingInput = z.infer<typeof ZOfferingInput>;

/** PATCH body: any subset of the fields; nothing is filled in for fields not sent. */
export const ZOfferingPatch = z.object(fieldShape).partial().strict();
export type TOfferingPatch = z.infer<typeof ZOfferingPatch>;

export const FIELD_LABELS: Record<string, string> = {
  name: 'Navn',
  operatorOrganisationId: 'Driftsherre',
  operatorType: 'Driftsform',
  address: 'Adresse',
  postalCode: 'Postnummer',
  city: 'By',
  municipalityCode: 'Beliggenhedskommune',
  offeringType: 'Tilbudstype',
  primaryLegalBasis: 'Primært lovgrundlag',
  extraLegalBases: 'Øvrige lovgrundlag',
  targetGroups: 'Målgrupper',
  places: 'Normerede pladser',
  ageMin: 'Alder fra',
  ageMax: 'Alder til',
  status: 'Status',
  statusSince: 'Status siden',
  socialtilsynCode: 'Socialtilsyn',
  approvalDate: 'Godkendt dato',
  isCovered: 'Omfattet af rammeaftalen',
  protection: 'Beskyttelse',
  description: 'Beskrivelse',
  contactName: 'Kontaktperson',
  contactEmail: 'E-mail',
  contactPhone: 'Telefon',
  reason: 'Begrundelse',
};

export const SORTS = ['name', 'municipality', 'places', 'updated', 'status'] as const;

/**
 * A filter that takes one or several codes: `?legalBasis=SEL-107` or `?legalBasis=SEL-107&legalBasis=SEL-108`
 * (an offering matches when it has any of them). Always an array after parsing; empty values are dropped.
 */
const zCodes = (description: string) =>
  z
    .union([z.string().max(40), z.array(z.string().max(40)).max(50, 'Højst 50 værdier.')])
    .optional()
    .transform((v) => {
      const list = (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean);
      return list.length ? [...new Set(list)] : undefined;
    })
    .describe(description);

export const ZListQuery = z.object({
  area: z.string().max(40).optional().describe('Rammeaftaleområde (kode, fx sjaelland)'),
  municipality: z.coerce.number().int().min(100).max(999).optional().describe('Beliggenhedskommunens kode'),
  operatorType: z.string().max(40).optional(),
  legalBasis: zCodes('Lovgrundlag (primært eller øvrigt); gentag parameteren for flere (et af dem)'),
  targetGroup: zCodes('Målgruppe; en overordnet målgruppe omfatter sine undergrupper; gentag parameteren for flere (en af dem)'),
  offeringType: zCodes('Tilbudstype; gentag parameteren for flere (en af dem)'),
  age: z.coerce
    .number({ message: 'Alder skal være et helt antal år.' })
    .int('Alder skal være et helt antal år.')
    .min(0, 'Alder skal være mellem 0 og 120 år.')
    .max(120, 'Alder skal være mellem 0 og 120 år.')
    .optional()
    .describe('Alder i år: tilbud, hvis aldersinterval omfatter den'),
  status: z.enum(OFFERING_STATUSES).optional(),
  operator: z.coerce.number().int().positive().optional().describe('Driftsherre (organisations-id)'),
  q: z.string().trim().max(200).optional().describe('Fritekst, forstår danske bøjningsformer'),
  sort: z.enum(SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(25),
});
export type TListQuery = z.infer<typeof ZListQuery>;

export const ZClose = z.object({
  status: z.enum(['lukket_for_indskrivning', 'under_afvikling', 'lukket']),
  statusSince: zDate,
  reason: zText(1000),
});

// API edges --------------------------------------------------------------------------------------------------

/** Path id of an offering. Anything that is not a positive 32-bit integer names no offering (404, like an unknown id). */
export const ZOfferingParams = z.object({
  id: z
    .string()
    .describe('Tilbuddets id (et positivt heltal)')
    .transform((v) => (/^\d{1,10}$/.test(v) && Number(v) > 0 && Number(v) <= 2147483647 ? Number(v) : 0)),
});

const zOut = {
  name: z.string(),
  operatorOrganisationId: z.number().int(),
  operatorType: z.string(),
  municipalityCode: z.number().int(),
  offeringType: z.string(),
  primaryLegalBasis: z.string(),
  extraLegalBases: z.array(z.string()),
  targetGroups: z.array(z.string()).describe('Målgruppekoder'),
  places: z.number().int(),
  ageMin: z.number().int(),
  ageMax: z.number().int(),
  status: z.enum(OFFERING_STATUSES),
  statusSince: z.string().describe('Dato (åååå-mm-dd)'),
  isCovered: z.boolean(),
  protection: z.enum(PROTECTIONS),
  operatorName: z.string(),
  municipalityName: z.string(),
  updatedAt: z.string().describe('Tidspunkt (ISO 8601)'),
};

/** One offering as the API answers it. */
export const ZOfferingResponse = z
  .object({
    id: z.number().int(),
    name: zOut.name,
    operatorOrganisationId: zOut.operatorOrganisationId,
    operatorType: zOut.operatorType,
    address: z.string(),
    postalCode: z.string(),
    city: z.string(),
    municipalityCode: zOut.municipalityCode,
    offeringType: zOut.offeringType,
    primaryLegalBasis: zOut.primaryLegalBasis,
    extraLegalBases: zOut.extraLegalBases,
    targetGroups: zOut.targetGroups,
    places: zOut.places,
    ageMin: zOut.ageMin,
    ageMax: zOut.ageMax,
    status: zOut.status,
    statusSince: zOut.statusSince,
    socialtilsynCode: z.string(),
    approvalDate: z.string().nullable(),
    isCovered: zOut.isCovered,
    protection: zOut.protection,
    description: z.string().nullable(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    operatorName: zOut.operatorName,
    municipalityName: zOut.municipalityName,
    agreementAreas: z.array(z.object({ code: z.string(), name: z.string() })).describe('Rammeaftaleområder, kommunen hører til i dag'),
    createdAt: z.string().describe('Tidspunkt (ISO 8601)'),
    updatedAt: zOut.updatedAt,
  })
  .describe('Tilbud');

/** One page of the list. */
export const ZOfferingListResponse = z
  .object({
    total: z.number().int().describe('Antal tilbud, der matcher filtrene'),
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int(),
    items: z.array(
      z.object({
        id: z.number().int(),
        name: zOut.name,
        municipalityCode: zOut.municipalityCode,
        municipalityName: zOut.municipalityName,
        operatorOrganisationId: zOut.operatorOrganisationId,
        operatorName: zOut.operatorName,
        operatorType: zOut.operatorType,
        offeringType: zOut.offeringType,
        primaryLegalBasis: zOut.primaryLegalBasis,
        extraLegalBases: zOut.extraLegalBases,
        targetGroups: zOut.targetGroups,
        places: zOut.places,
        ageMin: zOut.ageMin,
        ageMax: zOut.ageMax,
        status: zOut.status,
        statusSince: zOut.statusSince,
        isCovered: zOut.isCovered,
        protection: zOut.protection,
        updatedAt: zOut.updatedAt,
      }),
    ),
  })
  .describe('Side af tilbudslisten');

const ZImportProblem = z.object({ line: z.number().int().describe('Række i filen (overskriften er række 1)'), field: z.string(), message: z.string() });

/** A completed import. */
export const ZImportResponse = z
  .object({ created: z.number().int(), updated: z.number().int(), errors: z.array(ZImportProblem).max(0) })
  .describe('Importen er gennemført');

/** An import refused because of errors in the file: nothing was imported. */
export const ZImportRefused = z.object({ error: z.string(), rows: z.array(ZImportProblem) }).describe('Intet er importeret');
