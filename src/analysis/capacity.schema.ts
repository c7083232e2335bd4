/**
 * @module Zod schemas of the capacity picture: its query, the rows behind a number, and the JSON answer of
 * `GET /api/analysis/capacity`. Danish messages naming the field.
 */
import { z } from 'zod';
import { PLACEMENT_KINDS } from './capacity.js';

const zCode = (what: string) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,40}$/, `Koden for ${what} er ikke gyldig.`)
      .optional(),
  );

export const ZCapacityQuery = z.object({
  area: zCode('rammeaftaleområdet').describe('Rammeaftaleområde, fx sjaelland (standard: dit eget)'),
  format: z.enum(['xlsx']).optional().describe('xlsx: hent tabellerne som Excel'),
  table: z.enum(['kapacitet', 'belaegning', 'placering']).optional().describe('Den tabel, der hentes som Excel'),
});

export const ZCapacityRowsQuery = z.object({
  area: zCode('rammeaftaleområdet'),
  kind: z.enum(['tilbud', 'kontrakter'], { error: 'Vælg tilbud eller kontrakter.' }).default('tilbud'),
  targetGroup: zCode('målgruppen'),
  offeringType: zCode('tilbudstypen'),
  buyer: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce
      .number({ error: 'Kommunekoden skal være et tal.' })
      .int('Kommunekoden skal være et helt tal.')
      .min(101, 'Kommunekoden er ikke gyldig.')
      .max(999, 'Kommunekoden er ikke gyldig.')
      .optional(),
  ),
  placement: z.preprocess((v) => (v === '' ? undefined : v), z.enum(PLACEMENT_KINDS, { error: 'Placeringen er ikke gyldig.' }).optional()),
  from: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['udenfor'], { error: 'Oprindelsen er ikke gyldig.' }).optional()),
  date: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Datoen skal skrives som åååå-mm-dd.')
      .optional(),
  ),
  format: z.enum(['xlsx']).optional(),
});

const zCell = z.object({
  targetGroup: z.string().nullable().describe('Hovedmålgruppe (kode); null: tilbuddet har ingen målgruppe'),
  targetGroupName: z.string(),
  offeringType: z.string(),
  offeringTypeName: z.string(),
  offerings: z.number().int(),
  places: z.number().int(),
  contracts: z.number().int().describe('Løbende kontrakter i Ramme'),
  takenOutside: z.number().int().describe('Pladser optaget af borgere uden kontrakt i Ramme (leverandørens indberetning)'),
  occupied: z.number().int(),
  free: z.number().int().describe('Pladser − optagne'),
  freeReported: z.number().int().describe('Ledige pladser efter leverandørens indberetning'),
  waiting: z.number().int().describe('Venteliste efter leverandørens indberetning'),
  occupancyPct: z.string().nullable().describe('Belægning i % (to decimaler)'),
});

export const ZCapacityResponse = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  date: z.string(),
  cells: z.array(zCell),
  total: zCell.omit({ targetGroupName: true, offeringTypeName: true }),
  occupancy: z.array(z.object({ date: z.string(), contracts: z.number().int(), places: z.number().int(), occupancyPct: z.string().nullable() })),
  placements: z.array(
    z.object({
      buyerMunicipalityCode: z.number().int(),
      buyerName: z.string(),
      counts: z.object({ egen: z.number().int(), omraadet: z.number().int(), udenfor: z.number().int() }),
    }),
  ),
  fromOutside: z.number().int().describe('Borgere fra kommuner uden for området i områdets tilbud'),
});
