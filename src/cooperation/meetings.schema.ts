/**
 * @module Zod schemas of the cooperation's meetings: the list query (area, body, year), the inputs (API and forms:
 * a meeting, an agenda item, the order, the minutes, a status change, publishing) and the answers. Every write on a
 * meeting carries the version it builds on (If-Match or `version`). Free text refuses CPR numbers.
 */
import { z } from 'zod';
import { zOptText, zText } from '../core/validation.js';
import { zDate } from '../core/validation.js';
import { LINK_KINDS, MEETING_STATUSES, MINUTES_VISIBILITIES } from './meetings.table.js';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const zPositive = z.coerce.number().int().positive().max(2147483647);
const zOptId = z.preprocess(blankToUndefined, zPositive.optional());
const zTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Skal være et klokkeslæt (tt:mm).');
const zOptTime = z.preprocess(blankToUndefined, zTime.optional()).transform((v) => v ?? null);
const zVersion = z.preprocess(blankToUndefined, zPositive.optional()).describe('Den version, ændringen bygger på (eller If-Match)');
/** An address inside Ramme: begins with one slash (no scheme, no other host). */
const zRammePath = z
  .string()
  .trim()
  .max(500)
  .regex(/^\/(?!\/)[^\s\\]*$/, 'Skal være en adresse i Ramme, der begynder med /, fx /takster/indberetning.');
/** An online meeting link: http(s). */
const zOnlineUrl = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/[^\s]+$/, 'Skal være et link, der begynder med https://.')
    .optional(),
);

export const ZMeetingsQuery = z.object({
  area: z.string().trim().max(40).optional().describe('Rammeaftaleområde (kode, fx sjaelland)'),
  body: z.preprocess(blankToUndefined, zPositive.optional()).describe('Organets id'),
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2000).max(2100).optional()).describe('År (fx 2026); tomt: alle'),
});
export type TMeetingsQuery = z.output<typeof ZMeetingsQuery>;

export const ZMeetingFields = z.object({
  title: zText(200).describe('Mødets titel, fx Styregruppemøde'),
  date: zDate.describe('Dato (åååå-mm-dd, dansk tid)'),
  startTime: zTime.describe('Starttidspunkt (tt:mm, dansk tid)'),
  endTime: zTime.describe('Sluttidspunkt (tt:mm, dansk tid)'),
  place: zOptText(300).describe('Sted, fx Holbæk Rådhus, mødelokale 2'),
  onlineUrl: zOnlineUrl.transform((v) => v ?? null).describe('Link til onlinemødet'),
});

export const ZAgendaItemInput = z
  .object({
    time: zOptTime.describe('Klokkeslæt (tt:mm)'),
    title: zText(300).describe('Punktets titel'),
    presenter: zOptText(200).describe('Oplægsholder'),
    form: zOptText(300).describe('Form, fx bordvis drøftelse efterfulgt af opsamling i plenum'),
    description: zOptText(4000).describe('Beskrivelse'),
    linkKind: z.preprocess(blankToUndefined, z.enum(LINK_KINDS).optional()).describe('Hvad punktet henviser til i Ramme'),
    linkId: zOptId.describe('Id på indberetningen eller aftaleversionen'),
    linkUrl: z.preprocess(blankToUndefined, zRammePath.optional()).describe('Adresse i Ramme (når linkKind er url)'),
  })
  .strict();
export type TAgendaItemInput = z.output<typeof ZAgendaItemInput>;

export const ZMeetingInput = ZMeetingFields.extend({
  bodyId: zPositive.describe('Organet, mødet holdes i'),
  items: z.array(ZAgendaItemInput).max(40).default([]).describe('Dagsordenens punkter i rækkefølge'),
}).strict();
export type TMeetingInput = z.output<typeof ZMeetingInput>;

export const ZMeetingUpdate = ZMeetingFields.extend({ version: zVersion }).strict();
export type TMeetingUpdate = z.output<typeof ZMeetingUpdate>;

export const ZItemAdd = ZAgendaItemInput.extend({ version: zVersion }).strict();
export const ZItemOrder = z
  .object({ itemIds: z.array(zPositive).min(1).max(40).describe('Alle punkternes id i den nye rækkefølge'), version: zVersion })
  .strict();
export const ZMinutesInput = z
  .object({
    items: z
      .array(z.object({ id: zPositive, minutes: zOptText(20000), decision: zOptText(4000) }).strict())
      .max(40)
      .describe('Referat og beslutning pr. punkt'),
    version: zVersion,
  })
  .strict();
export type TMinutesInput = z.output<typeof ZMinutesInput>;
export const ZStatusInput = z.object({ status: z.enum(MEETING_STATUSES).describe('Ny status'), version: zVersion }).strict();
export const ZPublishInput = z.object({ visibility: z.enum(MINUTES_VISIBILITIES).describe('Hvem der kan læse referatet'), version: zVersion }).strict();

export const ZMeetingParams = z.object({
  id: z
    .string()
    .transform((v) => (/^\d{1,10}$/.test(v) && Number(v) > 0 && Number(v) <= 2147483647 ? Number(v) : 0))
    .describe('Mødets id'),
});

const ZAgendaItem = z.object({
  id: z.number().int(),
  position: z.number().int(),
  time: z.string().nullable(),
  title: z.string(),
  presenter: z.string().nullable(),
  form: z.string().nullable(),
  description: z.string().nullable(),
  link: z.object({ kind: z.enum(LINK_KINDS), label: z.string(), href: z.string() }).nullable(),
  minutes: z.string().nullable().describe('Null, når referatet ikke er skrevet, eller du ikke kan læse det'),
  decision: z.string().nullable(),
});

export const ZMeeting = z.object({
  id: z.number().int(),
  version: z.number().int(),
  body: z.object({ id: z.number().int(), name: z.string() }),
  areaCode: z.string().nullable(),
  title: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  minutesVisibility: z.enum(MINUTES_VISIBILITIES),
  minutesPublishedAt: z.string().nullable(),
  canReadMinutes: z.boolean().describe('Om du kan læse referatet'),
  items: z.array(ZAgendaItem),
});
export const ZMeetingList = z.object({ meetings: z.array(ZMeeting) });
