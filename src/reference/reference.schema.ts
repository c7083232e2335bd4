/**
 * @module The reference data's API contract: the date query and the answer, as zod (validated and
 * serialised by Fastify, documented in the OpenAPI document from the same schemas).
 */
import { z } from 'zod';
import { zDate } from '../core/validation.js';

export const ZReferenceQuery = z.object({ date: zDate.optional().describe('Den dato, grunddata skal gælde for (åååå-mm-dd); standard er i dag') });
export type TReferenceQuery = z.infer<typeof ZReferenceQuery>;

const zIsoDate = z.string().describe('Dato (åååå-mm-dd)');
const zOptDate = zIsoDate.nullable();

export const ZReference = z
  .object({
    date: zIsoDate.describe('Den dato, grunddata gælder for'),
    regions: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        isoCode: z.string().nullable(),
        validFrom: zIsoDate,
        validTo: zOptDate,
        successorId: z.string().nullable(),
        municipalityCount: z.number().int().describe('Antal kommuner i regionen på datoen'),
      }),
    ),
    endedRegions: z
      .array(z.object({ id: z.string(), name: z.string(), validFrom: zIsoDate, validTo: zOptDate, successorId: z.string().nullable() }))
      .describe('Regioner, der ikke gælder på datoen'),
    areas: z.array(
      z.object({
        id: z.number().int(),
        code: z.string(),
        name: z.string(),
        validFrom: zIsoDate,
        validTo: zOptDate,
        members: z.array(
          z.object({
            organisationId: z.number().int(),
            name: z.string(),
            kind: z.enum(['municipality', 'region', 'provider', 'secretariat']),
            municipalityCode: z.number().int().nullable(),
            validFrom: zIsoDate,
            validTo: zOptDate,
          }),
        ),
      }),
    ),
    legalBases: z.array(
      z.object({
        code: z.string(),
        law: z.string(),
        paragraph: z.string(),
        title: z.string(),
        audience: z.string(),
        isResidential: z.boolean(),
        validFrom: zIsoDate,
        validTo: zOptDate,
        isValid: z.boolean().describe('Gælder lovgrundlaget på datoen'),
      }),
    ),
    targetGroups: z.array(z.object({ code: z.string(), parentCode: z.string().nullable(), name: z.string() })),
    operatorTypes: z.array(z.object({ code: z.string(), name: z.string() })),
    offeringTypes: z.array(z.object({ code: z.string(), name: z.string(), isResidential: z.boolean(), isShortStay: z.boolean() })),
    socialtilsyn: z.array(z.object({ code: z.string(), name: z.string(), hostMunicipalityCode: z.number().int() })),
  })
  .describe('Grunddata på en dato');
export type TReference = z.infer<typeof ZReference>;
