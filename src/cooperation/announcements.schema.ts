/**
 * @module Zod schemas of the central announcements: the inputs (API and forms) and the answers. Free text refuses
 * control characters and CPR numbers (zText/zOptText).
 */
import { z } from 'zod';
import { zCheckbox, zDate, zOptText, zText } from '../core/validation.js';
import { EXTENSION_STATUSES, REPORT_STATUSES } from './announcements.table.js';

const zPathId = z
  .string()
  .describe('Id (et positivt heltal)')
  .transform((v) => (/^\d{1,10}$/.test(v) && Number(v) > 0 && Number(v) <= 2147483647 ? Number(v) : 0));
export const ZAnnouncementParams = z.object({ id: zPathId });
export const ZAnswerParams = z.object({ id: zPathId, organisationId: zPathId });
export const ZAreaParams = z.object({ id: zPathId, area: z.string().max(40).describe('Rammeaftaleområdets kode (fx sjaelland)') });

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const zVersion = z.preprocess(
  blankToUndefined,
  z.coerce.number().int().min(0).max(2147483647).optional().describe('Den version, ændringen bygger på (eller If-Match)'),
);

export const ANNOUNCEMENT_STATES = ['aaben', 'afsluttet'] as const;

export const ZAnnouncementsQuery = z.object({
  q: z.preprocess(blankToUndefined, zOptText(200).optional()).describe('Fritekst: titel, målgruppe, spørgsmål, svar og afrapporteringer'),
  area: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()).describe('Rammeaftaleområde (kode, fx sjaelland); tomt: alle'),
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2000).max(2200).optional()).describe('Året, udmeldingen er udsendt'),
  status: z.preprocess(blankToUndefined, z.enum(ANNOUNCEMENT_STATES).optional()).describe('aaben: en afrapportering mangler; afsluttet: alle sendt'),
});
export type TAnnouncementsQuery = z.output<typeof ZAnnouncementsQuery>;

export const ZAnnouncementInput = z
  .object({
    title: zText(300).describe('Titel'),
    authority: zOptText(200).describe('Afsender (tomt: Social- og Boligstyrelsen)'),
    targetGroup: zText(300).describe('Målgruppe'),
    description: zOptText(8000).describe('Kort beskrivelse af udmeldingen'),
    issuedOn: zDate.describe('Udsendt dato'),
    deadline: zDate.describe('Frist for afrapportering'),
    areaCodes: z.array(z.string().trim().max(40)).min(1, 'Vælg mindst ét rammeaftaleområde.').max(10).describe('De berørte rammeaftaleområder (koder)'),
    questions: z.array(zText(4000)).min(1, 'Skriv mindst ét spørgsmål.').max(50).describe('Spørgsmålene, i rækkefølge'),
    isJoint: zCheckbox.default(false).describe('Alle sekretariater svarer samlet (nationalt fællessvar)'),
    jointAnswer: zOptText(40000).describe('Det nationale fællessvar'),
    version: zVersion,
  })
  .strict();
export type TAnnouncementInput = z.output<typeof ZAnnouncementInput>;

export const ZExtensionInput = z
  .object({
    requestedOn: zDate.describe('Anmodet den'),
    newDeadline: zDate.describe('Ny frist'),
    status: z.enum(EXTENSION_STATUSES).describe('afventer, bevilget eller afslaaet'),
    note: zOptText(2000).describe('Bemærkning'),
  })
  .strict();
export const ZExtensionDecision = z.object({ status: z.enum(['bevilget', 'afslaaet']).describe('Styrelsens afgørelse') }).strict();

export const ZAnswersInput = z
  .object({
    answers: z
      .array(z.object({ questionId: z.coerce.number().int().positive().max(2147483647), text: zOptText(20000) }))
      .max(50)
      .describe('Svar pr. spørgsmål; et tomt svar fjerner svaret'),
    version: zVersion.describe('Svarets version (0 eller tom: ingen svar endnu); eller If-Match'),
  })
  .strict();
export type TAnswersInput = z.output<typeof ZAnswersInput>;

export const ZReportInput = z.object({ text: zOptText(100000).describe('Områdets afrapportering'), version: zVersion }).strict();
export const ZSentInput = z.object({ sentOn: zDate.describe('Sendt den'), reference: zOptText(200).describe('Journalnummer eller reference') }).strict();
export const ZResponseInput = z.object({ responseOn: zDate.describe('Styrelsens svar modtaget den'), text: zText(20000).describe('Styrelsens svar') }).strict();

// Answers ------------------------------------------------------------------------------------------------

const ZArea = z.object({ code: z.string(), name: z.string() });

export const ZAnnouncementSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  authority: z.string(),
  targetGroup: z.string(),
  issuedOn: z.string(),
  deadline: z.string().describe('Fristen, som den gælder (efter bevilgede forlængelser)'),
  state: z.enum(ANNOUNCEMENT_STATES),
  isJoint: z.boolean(),
  areas: z.array(ZArea.extend({ status: z.enum(REPORT_STATUSES), sentOn: z.string().nullable() })),
});
export const ZAnnouncementList = z.object({ announcements: z.array(ZAnnouncementSummary) });

export const ZAnnouncement = ZAnnouncementSummary.extend({
  description: z.string().nullable(),
  firstDeadline: z.string(),
  jointAnswer: z.string().nullable(),
  version: z.number().int(),
  questions: z.array(z.object({ id: z.number().int(), position: z.number().int(), text: z.string() })),
  extensions: z.array(
    z.object({ id: z.number().int(), requestedOn: z.string(), newDeadline: z.string(), status: z.enum(EXTENSION_STATUSES), note: z.string().nullable() }),
  ),
});

export const ZAnswerSet = z.object({
  organisationId: z.number().int(),
  organisationName: z.string(),
  areaCode: z.string(),
  version: z.number().int().describe('0: ingen svar endnu'),
  answeredBy: z.string().nullable(),
  answers: z.array(z.object({ questionId: z.number().int(), text: z.string() })),
});

export const ZAreaReport = z.object({
  announcementId: z.number().int(),
  area: ZArea,
  status: z.enum(REPORT_STATUSES),
  reportText: z.string().nullable(),
  reportVersion: z.number().int(),
  sentOn: z.string().nullable(),
  sentBy: z.string().nullable(),
  sentReference: z.string().nullable(),
  responseOn: z.string().nullable(),
  responseText: z.string().nullable(),
  matrix: z.object({
    perQuestion: z.array(z.number().int()),
    complete: z.number().int(),
    started: z.number().int(),
    rows: z.array(z.object({ organisationId: z.number().int(), name: z.string(), answered: z.array(z.boolean()), count: z.number().int() })),
  }),
  annexes: z.array(ZAnswerSet),
});
