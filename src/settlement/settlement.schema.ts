/**
 * @module zod schemas of the statements API and forms: filters, the generate/dispute/answer inputs, and the
 * answers (camelCase, amounts as exact decimal strings).
 */
import { z } from 'zod';
import { zFreeText } from '../core/cpr.js';
import { SDec } from './calculation.js';
import { zMonth } from './calculation.schema.js';
import { zDate, zOptText, zText } from '../core/validation.js';
import { ANSWERS, DECISIONS, LINE_KINDS, STATEMENT_STATUSES } from './settlement.table.js';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const ZStatementQuery = z.object({
  month: z.preprocess(emptyToUndefined, zMonth.optional()).describe('Kun denne måned (åååå-mm)'),
  side: z.preprocess(emptyToUndefined, z.enum(['salg', 'koeb']).optional()).describe('salg: dem, vi sælger; koeb: dem, vi køber'),
  status: z.preprocess(emptyToUndefined, z.enum(STATEMENT_STATUSES).optional()),
});
export type TStatementQuery = z.infer<typeof ZStatementQuery>;

export const ZGenerateInput = z.strictObject({ month: zMonth.describe('Måneden, der skal dannes kladder for (åååå-mm)') });

export const ZDisputeInput = z.strictObject({
  reason: zFreeText(1000).pipe(z.string().min(1, 'Skriv en begrundelse.')).describe('Hvorfor linjen bestrides'),
});

const DECIMAL = /^\d{1,12}(\.\d{1,2})?$/;
/** "12.500,50" and "12500.50" both become "12500.50". */
const danishDecimal = (v: string): string => {
  const s = v.trim().replace(/\s/g, '');
  return s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s;
};
export const ZAnswerInput = z
  .strictObject({
    answer: z.enum(ANSWERS, { error: 'Vælg korrigeret eller fastholdt.' }).describe('korrigeret: linjen rettes næste måned; fastholdt: beløbet står ved magt'),
    text: zFreeText(1000).pipe(z.string().min(1, 'Skriv et svar.')),
    correctedAmount: z
      .preprocess(
        (v) => (v === '' || v === null ? undefined : typeof v === 'number' ? String(v) : typeof v === 'string' ? danishDecimal(v) : v),
        z.string({ error: 'Skal være et beløb i kroner, fx 12500,00.' }).optional(),
      )
      .describe('Det rigtige beløb for linjen (ved korrigeret)'),
  })
  .superRefine((v, ctx) => {
    if (v.answer === 'korrigeret' && v.correctedAmount === undefined)
      ctx.addIssue({ code: 'custom', path: ['correctedAmount'], message: 'Angiv det rigtige beløb for linjen.' });
    if (v.correctedAmount !== undefined) {
      if (!DECIMAL.test(v.correctedAmount))
        ctx.addIssue({ code: 'custom', path: ['correctedAmount'], message: 'Skal være et beløb i kroner med højst 2 decimaler, fx 12500,00.' });
      else if (new SDec(v.correctedAmount).gt('100000000')) ctx.addIssue({ code: 'custom', path: ['correctedAmount'], message: 'Må højst være 100.000.000.' });
      if (v.answer === 'fastholdt') ctx.addIssue({ code: 'custom', path: ['correctedAmount'], message: 'Et beløb angives kun, når linjen rettes.' });
    }
  });
export type TAnswerInput = z.infer<typeof ZAnswerInput>;

const ZParty = z.object({ id: z.number().int(), name: z.string() });

export const ZStatementSummary = z.object({
  id: z.number().int(),
  month: z.string().describe('åååå-mm'),
  seller: ZParty,
  buyer: ZParty,
  status: z.enum(STATEMENT_STATUSES),
  statusLabel: z.string(),
  total: z.string(),
  lineCount: z.number().int(),
  problemCount: z.number().int(),
  sentAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  acceptedAt: z.string().nullable(),
});

export const ZStatementLine = z.object({
  id: z.number().int(),
  sort: z.number().int(),
  kind: z.enum(LINE_KINDS),
  contractId: z.number().int().nullable(),
  offeringId: z.number().int().nullable(),
  offeringName: z.string().nullable(),
  caseReference: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  days: z.number().int().nullable(),
  unit: z.string().nullable(),
  unitPrice: z.string().nullable(),
  amount: z.string().nullable().describe('null på en problemlinje (ingen offentliggjort pris)'),
  tariffLevel: z.string().nullable(),
  problem: z.string().nullable(),
  text: z.string().nullable(),
  correctsLineId: z.number().int().nullable(),
  isOldClaim: z.boolean().describe('Kravet er ældre end forældelsesgrænsen, da afregningen blev sendt'),
  dispute: z.object({ reason: z.string(), at: z.string(), by: z.string() }).nullable(),
  answer: z.object({ answer: z.enum(ANSWERS), text: z.string(), correctedAmount: z.string().nullable(), at: z.string(), by: z.string() }).nullable(),
});

export const ZStatement = ZStatementSummary.extend({
  legalReferences: z.string().nullable(),
  lines: z.array(ZStatementLine),
  canSend: z.boolean(),
  canAccept: z.boolean(),
  canDispute: z.boolean(),
  canAnswer: z.boolean(),
});

export const ZStatementList = z.object({ statements: z.array(ZStatementSummary) });
export const ZGenerateResult = z.object({
  month: z.string(),
  statements: z.number().int(),
  lines: z.number().int(),
  problems: z.number().int(),
  total: z.string(),
});

// Follow-up -----------------------------------------------------------------------------------------------------------

export const ZFollowUpInput = z
  .strictObject({
    dueDate: zDate.describe('Den planlagte opfølgningsdato, opfølgningen hører til'),
    heldOn: zDate.describe('Dagen, opfølgningen blev holdt'),
    statusReport: zText(4000).describe('Leverandørens statusrapport'),
    level: z.coerce
      .number({ error: 'Vælg borgerens funktionsniveau.' })
      .int({ error: 'Vælg borgerens funktionsniveau.' })
      .min(1, 'Vælg borgerens funktionsniveau.')
      .max(20, 'Vælg borgerens funktionsniveau.')
      .describe('Niveau på progressionsskalaen'),
    note: zOptText(2000).describe('Sagsbehandlerens note'),
    decision: z.enum(DECISIONS, { error: 'Vælg en beslutning.' }),
    newLevel: zOptText(120).optional().describe('Det nye takstniveau (kun ved beslutningen "niveau")'),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'niveau' && !v.newLevel) ctx.addIssue({ code: 'custom', path: ['newLevel'], message: 'Vælg det nye niveau.' });
    if (v.decision !== 'niveau' && v.newLevel)
      ctx.addIssue({ code: 'custom', path: ['newLevel'], message: 'Et nyt niveau angives kun, når niveauet skiftes.' });
  });
export type TFollowUpInput = z.infer<typeof ZFollowUpInput>;

// The trade between municipalities ------------------------------------------------------------------------------------

const blank = (v: unknown) => (v === '' ? undefined : v);
const zIntOf = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${what} skal være et helt tal.` })
    .int(`${what} skal være et helt tal.`)
    .min(min, `${what} skal være mindst ${min}.`)
    .max(max, `${what} må højst være ${max}.`);
const zOptIntOf = (what: string, min: number, max: number) => z.preprocess(blank, zIntOf(what, min, max).optional());

/** The trade page: area and year (both optional: the actor's area, the latest year with statements). */
export const ZTradePageQuery = z.object({
  omraade: zOptIntOf('Rammeaftaleområdet', 1, 2147483647).describe('Rammeaftaleområdets id'),
  aar: zOptIntOf('Året', 2000, 2200).describe('År'),
  format: z.enum(['xlsx']).optional().describe('xlsx: hent matricen som Excel'),
});
export const ZTradeCellQuery = z.object({
  omraade: zIntOf('Rammeaftaleområdet', 1, 2147483647),
  aar: zIntOf('Året', 2000, 2200),
  koeber: zIntOf('Køberen', 1, 2147483647),
  saelger: zIntOf('Sælgeren', 1, 2147483647),
});
export const ZTradeApiQuery = z.object({
  area: zOptIntOf('Rammeaftaleområdet', 1, 2147483647).describe('Rammeaftaleområdets id (standard: ens eget)'),
  year: zOptIntOf('Året', 2000, 2200).describe('År (standard: det seneste med sendte afregninger)'),
});

const ZFigures = z.object({
  amount: z.string().nullable().describe('Beløb i kroner (null: året har ingen afregninger; tallene er fra kontrakterne)'),
  contracts: z.number().int(),
  placeDays: z.number().int().describe('Pladsdage'),
});
const ZShare = z.string().nullable().describe('Andel i procent med én decimal (null: intet at dele)');
const ZTradeParty = z.object({ id: z.number().int(), name: z.string(), kind: z.enum(['municipality', 'region', 'provider']) });
const ZSplit = z.object(Object.fromEntries(['own', 'otherMunicipalities', 'region', 'private'].map((k) => [k, ZFigures.extend({ share: ZShare })])));
export const ZTradeMatrix = z.object({
  area: z.object({ id: z.number().int(), name: z.string() }),
  year: z.number().int(),
  source: z.enum(['statements', 'contracts']).describe('statements: sendte afregninger; contracts: godkendte kontrakter (året har ingen afregninger)'),
  measure: z.enum(['amount', 'placeDays']).describe('Hvad andelene er beregnet af'),
  sellers: z.array(ZTradeParty),
  rows: z.array(
    z.object({
      buyer: ZTradeParty,
      cells: z.array(ZFigures.extend({ sellerOrgId: z.number().int(), shareOfRow: ZShare }).nullable()),
      total: ZFigures,
      shareOfTotal: ZShare,
      split: ZSplit,
    }),
  ),
  columnTotals: z.array(ZFigures.extend({ share: ZShare })),
  total: ZFigures,
  split: ZSplit,
  trend: z.array(z.object({ year: z.number().int(), source: z.enum(['statements', 'contracts']), ownShare: ZShare })),
});
