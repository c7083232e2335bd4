/**
 * @module Zod schemas of placements: the vacancy report, reservations and decisions (API and forms), and the
 * answers. Every free-text field refuses CPR numbers (core/cpr.ts).
 */
import { z } from 'zod';
import { zFreeText } from '../core/cpr.js';
import { asArray, zCheckbox, zDate } from '../core/validation.js';
import { RESERVATION_STATUSES } from './placements.table.js';

/** Path id; anything that is not a positive 32-bit integer names nothing (404, like an unknown id). */
export const ZIdParams = z.object({
  id: z
    .string()
    .describe('Id (et positivt heltal)')
    .transform((v) => (/^\d{1,10}$/.test(v) && Number(v) > 0 && Number(v) <= 2147483647 ? Number(v) : 0)),
});

const zCount = (max = 10000) => z.coerce.number().int().min(0).max(max);

export const ZVacancyInput = z
  .object({
    freeNow: zCount().describe('Ledige pladser nu'),
    waitingCount: zCount().optional().default(0).describe('Antal på venteliste'),
    takenOutside: zCount().optional().default(0).describe('Pladser optaget af borgere, hvis kontrakter ikke er i Ramme'),
    note: zFreeText(500)
      .nullish()
      .transform((v) => v || null)
      .describe('Bemærkning'),
    expected: z
      .array(z.object({ date: zDate, places: z.coerce.number().int().min(1).max(10000) }))
      .max(20)
      .optional()
      .default([])
      .describe('Pladser, der forventes ledige, med dato'),
  })
  .strict();
export type TVacancyInput = z.output<typeof ZVacancyInput>;

export const ZVacancyResponse = z.object({
  offeringId: z.number().int(),
  freeNow: z.number().int().nullable().describe('Driftsherrens seneste melding (null: ingen melding)'),
  reservable: z.number().int().describe('Pladser, der kan reserveres nu'),
  ownFigure: z.number().int().describe('Rammes eget tal ud fra normering, kontrakter og reservationer'),
  isDifferent: z.boolean(),
  waitingCount: z.number().int().nullable(),
  takenOutside: z.number().int().nullable(),
  note: z.string().nullable(),
  expected: z.array(z.object({ date: z.string(), places: z.number().int() })),
  reportedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  ageDays: z.number().int().nullable(),
  isStale: z.boolean(),
  isOpenForIntake: z.boolean(),
});

export const ZReservationInput = z
  .object({
    caseReference: zFreeText(60).pipe(z.string().min(1)).describe('Kommunens eget sagsnummer (aldrig CPR-nummer)'),
    startDate: zDate.describe('Ønsket startdato (åååå-mm-dd)'),
    searchId: z.coerce.number().int().positive().max(2147483647).nullish().describe('Søgningen, pladsen blev fundet i'),
  })
  .strict();
export type TReservationInput = z.output<typeof ZReservationInput>;

export const ZDecisionInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('bekraeft') }).strict(),
  z
    .object({
      decision: z.literal('afvis'),
      reason: zFreeText(500).pipe(z.string().min(1, 'Skriv en begrundelse for afvisningen.')),
    })
    .strict(),
]);
export type TDecisionInput = z.output<typeof ZDecisionInput>;

export const ZReservationResponse = z.object({
  id: z.number().int(),
  offeringId: z.number().int(),
  offeringName: z.string(),
  caseReference: z.string(),
  startDate: z.string(),
  status: z.enum(RESERVATION_STATUSES),
  state: z.enum([...RESERVATION_STATUSES, 'udloebet']).describe('Status, hvor en afventende reservation efter udløb er "udloebet"'),
  createdAt: z.string(),
  expiresAt: z.string(),
  declineReason: z.string().nullable(),
});

const zCodes = z.preprocess(asArray, z.array(z.string().trim().max(40)).max(50));

/** The place search form (GET query). `soeg` is set when the form was submitted: only then is the search kept. */
export const ZSearchQuery = z.object({
  legalBasis: zCodes.describe('Lovgrundlag (flere mulige, fx SEL-107 og SEL-108)'),
  targetGroup: zCodes.describe('Målgrupper'),
  offeringType: zCodes.describe('Tilbudstyper'),
  age: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(120).optional()).describe('Borgerens alder'),
  area: z.string().trim().max(40).optional().describe('Rammeaftaleområde (kode)'),
  municipality: z.preprocess(asArray, z.array(z.coerce.number().int().min(100).max(999)).max(100)).describe('Kommuner (koder); tomt: hele området'),
  startDate: z.preprocess((v) => (v === '' ? undefined : v), zDate.optional()).describe('Ønsket startdato'),
  onlyFree: zCheckbox.describe('Kun tilbud med en ledig plads nu eller senest på startdatoen'),
  soeg: z.string().max(5).optional(),
});
export type TSearchQuery = z.output<typeof ZSearchQuery>;

export const ZPublicFirstInput = z
  .object({
    searchId: z.coerce.number().int().positive().max(2147483647).nullish().describe('Søgningen, købet henviser til'),
    reasonCode: z.string().trim().max(40).nullish().describe('Begrundelse for at købe privat (kode fra listen)'),
    reasonText: zFreeText(1000).nullish().describe('Uddybning'),
  })
  .strict();

export const ZContractResponse = z.object({
  id: z.number().int(),
  reservationId: z.number().int().nullable(),
  offeringId: z.number().int(),
  status: z.enum(['kladde', 'sendt', 'accepteret']),
  templateCode: z.string().nullable(),
  templateVersion: z.number().int().nullable(),
  caseReference: z.string(),
  startDate: z.string(),
  tariffLevel: z.string().nullable(),
  tariffPrice: z.string().nullable(),
  tariffUnit: z.string().nullable(),
  searchId: z.number().int().nullable(),
  publicFirstReason: z.string().nullable(),
  sentAt: z.string().nullable(),
  sentBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
});
