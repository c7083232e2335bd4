/**
 * @module Zod schemas of placements: the vacancy report, reservations and decisions (API and forms), and the
 * answers. Every free-text field refuses CPR numbers (core/cpr.ts).
 */
import { z } from 'zod';
import { CPR_MESSAGE, noCpr, zFreeText } from '../core/cpr.js';
import { asArray, zCheckbox, zDate } from '../core/validation.js';
import { ADDON_UNITS, CONTRACT_STATES, CONTRACT_STATUSES, NOTICE_PARTIES, PAYMENT_TIMINGS, RESERVATION_STATUSES } from './placements.table.js';

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
  status: z.enum(CONTRACT_STATUSES),
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

// The complete contract ------------------------------------------------------------------------------------

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const zText = (max: number) => z.preprocess(emptyToNull, zFreeText(max).nullable()).optional().default(null);
const zDigits = (n: number, label: string) =>
  z
    .preprocess(
      (v) => (typeof v === 'string' ? v.replace(/\s/g, '') || null : v),
      z
        .string()
        .regex(new RegExp(`^\\d{${n}}$`), `${label} skal være ${n} cifre.`)
        .nullable(),
    )
    .optional()
    .default(null);
const zOptionalDate = z.preprocess(emptyToNull, zDate.nullable()).optional().default(null);
const zOptionalInt = (min: number, max: number, tooBig?: string) =>
  z.preprocess(emptyToNull, z.coerce.number().int().min(min).max(max, tooBig).nullable()).optional().default(null);

/** An amount in kroner with at most two decimals, as an exact string ("1250.5" or "1250,50" → "1250.50"). */
export const zMoney = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().replace(/\s/g, '').replace(',', '.') : v),
  z
    .string()
    .regex(/^\d{1,9}(\.\d{1,2})?$/, 'Skal være et beløb i kroner med højst to decimaler, fx 1250,50.')
    .transform((v) => {
      const [whole, frac = ''] = v.split('.');
      return `${Number(whole)}.${frac.padEnd(2, '0')}`;
    }),
);

export const ZAddOn = z
  .object({
    text: zFreeText(300).pipe(z.string().min(1)).describe('Særydelsen'),
    price: zMoney.describe('Pris i kr.'),
    unit: z.enum(ADDON_UNITS).describe('Enhed'),
    periodFrom: zDate.describe('Fra dato'),
    periodTo: zOptionalDate.describe('Til dato (tom: hele kontraktperioden)'),
  })
  .strict()
  .refine((a) => a.periodTo === null || a.periodTo >= a.periodFrom, { path: ['periodTo'], message: 'Slutdatoen kan ikke ligge før startdatoen.' });
export type TAddOn = z.output<typeof ZAddOn>;

const zContact = z
  .object({
    name: zText(120).describe('Navn'),
    phone: zText(30).describe('Telefon'),
    email: z
      .preprocess(emptyToNull, z.email().max(200).refine(noCpr, { message: CPR_MESSAGE }).nullable())
      .optional()
      .default(null),
  })
  .strict();

/** The terms of a draft, replaced as a whole (PUT). Empty fields are allowed while drafting; sending checks completeness. */
export const ZContractTerms = z
  .object({
    version: z.coerce.number().int().min(1).optional().describe('Den version, ændringen bygger på (eller If-Match)'),
    buyerDepartment: zText(200).describe('Handlekommunens afdeling'),
    buyerEan: zDigits(13, 'EAN-nummeret').describe('Handlekommunens EAN-nummer'),
    payingOrganisationId: zOptionalInt(1, 2147483647).describe('Betalingskommunen (organisation), når den er en anden end handlekommunen'),
    payingDepartment: zText(200).describe('Betalingskommunens afdeling'),
    payingEan: zDigits(13, 'EAN-nummeret').describe('Betalingskommunens EAN-nummer'),
    providerEan: zDigits(13, 'EAN-nummeret').describe('Leverandørens EAN-nummer (offentlige tilbud)'),
    providerCvr: zDigits(8, 'CVR-nummeret').describe('Leverandørens CVR-nummer (private tilbud)'),
    buyerContact: zContact.optional().default({ name: null, phone: null, email: null }).describe('Kontaktperson hos handlekommunen'),
    providerContact: zContact.optional().default({ name: null, phone: null, email: null }).describe('Kontaktperson hos leverandøren'),
    tariffLevel: zText(120).describe('Takstniveau (et af de offentliggjorte niveauer; prisen følger taksten)'),
    addOns: z.array(ZAddOn).max(20).optional().default([]).describe('Særydelser'),
    endDate: zOptionalDate.describe('Slutdato (tidsbegrænset kontrakt)'),
    expectedDurationMonths: zOptionalInt(1, 240).describe('Forventet varighed i måneder'),
    goals: zText(4000).describe('Mål for indsatsen: selvhjulpenhed og mindst indgribende indsats'),
    followUpDates: z.array(zDate).max(24).optional().default([]).describe('Opfølgningsdatoer (den første inden reglens antal måneder)'),
    paymentTiming: z.preprocess(emptyToNull, z.enum(PAYMENT_TIMINGS).nullable()).optional().default(null).describe('Betaling forud eller bagud'),
    paymentDays: zOptionalInt(1, 30, 'Betalingsfristen må højst være 30 dage efter modtaget faktura.').describe(
      'Betalingsfrist i dage efter modtaget faktura (højst 30)',
    ),
  })
  .strict();
export type TContractTerms = z.output<typeof ZContractTerms>;

export const ZNoticeInput = z
  .object({
    party: z.enum(NOTICE_PARTIES).describe('Den part, der opsiger: koeber eller leverandoer'),
    date: zDate.describe('Datoen, opsigelsen gives (åååå-mm-dd)'),
  })
  .strict();

export const ZAmendmentInput = z
  .object({
    effectiveDate: zDate.describe('Tillæggets ikrafttrædelsesdato'),
    description: zFreeText(2000).pipe(z.string().min(1)).describe('Hvad tillægget ændrer'),
    endDate: zOptionalDate.describe('Ny slutdato (tom: uændret)'),
    expectedDurationMonths: zOptionalInt(1, 240).describe('Ny forventet varighed (tom: uændret)'),
    tariffLevel: zText(120).describe('Nyt takstniveau (tom: uændret)'),
    goals: zText(4000).describe('Nye mål (tom: uændrede)'),
    followUpDates: z.array(zDate).max(24).optional().describe('Nye opfølgningsdatoer (udeladt: uændrede)'),
    addOns: z.array(ZAddOn).max(20).optional().describe('Særydelser fra ikrafttrædelsen (udeladt: uændrede)'),
  })
  .strict();
export type TAmendmentInput = z.output<typeof ZAmendmentInput>;

export const ZContractListQuery = z.object({
  state: z.preprocess(emptyToNull, z.enum(CONTRACT_STATES).nullable()).optional().describe('Status'),
  kind: z
    .preprocess(emptyToNull, z.enum(['offentlig', 'privat']).nullable())
    .optional()
    .describe('Offentligt eller privat tilbud'),
  isStandard: z
    .preprocess(emptyToNull, z.enum(['ja', 'nej']).nullable())
    .optional()
    .describe('På standardkontrakt'),
  q: z.preprocess(emptyToNull, z.string().trim().max(60).nullable()).optional().describe('Sagsnummer eller tilbud (søgetekst)'),
  page: z.coerce.number().int().min(1).max(10000).optional().default(1),
});
export type TContractListQuery = z.output<typeof ZContractListQuery>;

const zContactOut = z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() });
const zAddOnOut = z.object({ text: z.string(), price: z.string(), unit: z.enum(ADDON_UNITS), periodFrom: z.string(), periodTo: z.string().nullable() });

export const ZContractDetail = z.object({
  id: z.number().int(),
  reservationId: z.number().int().nullable(),
  offeringId: z.number().int(),
  offeringName: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  state: z.enum(CONTRACT_STATES).describe('Status i dag: aktiv fra startdatoen og ophørt efter slutdatoen beregnes'),
  version: z.number().int(),
  templateCode: z.string().nullable(),
  templateVersion: z.number().int().nullable(),
  isStandard: z.boolean(),
  caseReference: z.string(),
  buyer: z.object({ organisationId: z.number().int(), name: z.string(), department: z.string().nullable(), ean: z.string().nullable(), contact: zContactOut }),
  payer: z.object({ organisationId: z.number().int(), name: z.string(), department: z.string().nullable(), ean: z.string().nullable() }).nullable(),
  provider: z.object({ organisationId: z.number().int(), name: z.string(), ean: z.string().nullable(), cvr: z.string().nullable(), contact: zContactOut }),
  legalBasis: z.string(),
  tariffLevel: z.string().nullable(),
  tariffPrice: z.string().nullable(),
  tariffUnit: z.string().nullable(),
  addOns: z.array(zAddOnOut),
  indexation: z.enum(['naeste_takst', 'pl']).nullable(),
  startDate: z.string(),
  endDate: z.string().nullable().describe('Den aftalte slutdato (oprindelig)'),
  currentEndDate: z.string().nullable().describe('Slutdatoen efter seneste tillæg'),
  effectiveEndDate: z.string().nullable().describe('Sidste dag: slutdatoen eller opsigelsens slutdato, hvis den kommer først'),
  expectedDurationMonths: z.number().int().nullable(),
  isTimeLimited: z.boolean(),
  noticePeriods: z.object({ buyerDays: z.number().int().nullable(), providerDays: z.number().int().nullable(), isPlaceholder: z.boolean() }),
  goals: z.string().nullable(),
  followUpDates: z.array(z.string()),
  payment: z.object({ timing: z.enum(PAYMENT_TIMINGS).nullable(), days: z.number().int().nullable() }),
  searchId: z.number().int().nullable(),
  publicFirstReason: z.string().nullable(),
  sentAt: z.string().nullable(),
  sentBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  notice: z.object({ party: z.enum(NOTICE_PARTIES), givenOn: z.string(), givenBy: z.string().nullable(), endDate: z.string() }).nullable(),
  amendments: z.array(z.object({ number: z.number().int(), effectiveDate: z.string(), description: z.string(), createdAt: z.string(), createdBy: z.string() })),
  missing: z.record(z.string(), z.array(z.string())).describe('Hvad der mangler, før kladden kan sendes (tom, når den er komplet)'),
});

export const ZContractListItem = z.object({
  id: z.number().int(),
  caseReference: z.string(),
  offeringId: z.number().int(),
  offeringName: z.string(),
  buyerName: z.string(),
  providerName: z.string(),
  isPublic: z.boolean(),
  isStandard: z.boolean(),
  state: z.enum(CONTRACT_STATES),
  startDate: z.string(),
  effectiveEndDate: z.string().nullable(),
  tariffPrice: z.string().nullable(),
});

export const ZContractList = z.object({
  total: z.number().int(),
  byState: z.record(z.enum(CONTRACT_STATES), z.number().int()),
  isCountsOnly: z.boolean().describe('Læsere ser kun antal, ikke kontrakter og sagsnumre'),
  page: z.number().int(),
  pageCount: z.number().int(),
  items: z.array(ZContractListItem),
});

const ZContractImportProblem = z.object({
  line: z.number().int().describe('Række i filen (overskriften er række 1)'),
  field: z.string().describe('Kolonnen'),
  message: z.string(),
});

/** A completed contract import. */
export const ZContractImportResponse = z
  .object({
    created: z.number().int(),
    standard: z.number().int().describe('Heraf på standardkontrakten'),
    ownTemplate: z.number().int().describe('Heraf på kommunens egen skabelon'),
    errors: z.array(ZContractImportProblem).max(0),
  })
  .describe('Importen er gennemført');

/** A contract import refused because of errors in the file: nothing was imported. */
export const ZContractImportRefused = z.object({ error: z.string(), rows: z.array(ZContractImportProblem) }).describe('Intet er importeret');
