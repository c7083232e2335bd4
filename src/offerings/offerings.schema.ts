/**
 * @module The offering as the API and forms take it: one zod schema (Danish messages), used for JSON,
 * forms and import rows alike.
 */
import { z } from 'zod';
import { zDate, zOptText, zText } from '../core/validation.js';
import { OFFERING_STATUSES, PROTECTIONS } from './offerings.table.js';

const zCode = z.string().trim().min(1).max(40);

export const ZOfferingFields = z
  .object({
    name: zText(200).describe('Tilbuddets navn'),
    operatorOrganisationId: z.number().int().positive().describe('Driftsherre (organisations-id)'),
    operatorType: zCode.describe('Driftsform: kommunal, regional, selvejende, privat'),
    address: zText(200),
    postalCode: z.string().trim().regex(/^\d{4}$/, 'Skal være et postnummer med 4 cifre.'),
    city: zText(100),
    municipalityCode: z.number().int().min(100).max(999).describe('Beliggenhedskommunens kode'),
    offeringType: zCode,
    primaryLegalBasis: zCode,
    extraLegalBases: z.array(zCode).max(10).default([]),
    targetGroups: z.array(zCode).min(1, 'Vælg mindst én målgruppe.').max(15),
    places: z.number().int().min(0).max(5000).describe('Normerede pladser'),
    ageMin: z.number().int().min(0).max(120),
    ageMax: z.number().int().min(0).max(120),
    status: z.enum(OFFERING_STATUSES).default('aktiv'),
    statusSince: zDate,
    socialtilsynCode: zCode,
    approvalDate: zDate.nullish().transform((v) => v ?? null),
    isCovered: z.boolean().default(true),
    protection: z.enum(PROTECTIONS).default('ingen'),
    description: zOptText(4000),
    contactName: zOptText(200),
    contactEmail: z
      .string()
      .trim()
      .max(200)
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Skal være en gyldig e-mailadresse.')
      .nullish()
      .or(z.literal(''))
      .transform((v) => (v ? v : null)),
    contactPhone: zOptText(40),
  })
  .strict();

export const ZOfferingInput = ZOfferingFields.superRefine((v, ctx) => {
    if (v.ageMax < v.ageMin) ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'Alder til skal være større end eller lig med alder fra.' });
    if (v.extraLegalBases.includes(v.primaryLegalBasis))
      ctx.addIssue({ code: 'custom', path: ['extraLegalBases'], message: 'Det primære lovgrundlag må ikke også stå som øvrigt lovgrundlag.' });
    if (new Set(v.targetGroups).size !== v.targetGroups.length) ctx.addIssue({ code: 'custom', path: ['targetGroups'], message: 'Samme målgruppe er valgt to gange.' });
  });

export type TOfferingInput = z.infer<typeof ZOfferingInput>;

/** PATCH body: any subset of the fields. */
export const ZOfferingPatch = z.record(z.string(), z.unknown());

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

export const ZListQuery = z.object({
  area: z.string().max(40).optional().describe('Rammeaftaleområde (kode, fx sjaelland)'),
  municipality: z.coerce.number().int().min(100).max(999).optional().describe('Beliggenhedskommunens kode'),
  operatorType: z.string().max(40).optional(),
  legalBasis: z.string().max(40).optional().describe('Lovgrundlag (primært eller øvrigt)'),
  targetGroup: z.string().max(40).optional().describe('Målgruppe; en overordnet målgruppe omfatter sine undergrupper'),
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
