/**
 * @module JSON API for settlement (tag "Afregning"): the public calculation. Fastify validates every input and
 * serialises every answer with the zod schemas; handlers call one service.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse, zId } from '../core/http/schemas.js';
import { calculatePublic } from './calculate.service.js';
import { ZCalculateRequest, ZCalculateResponse } from './calculation.schema.js';
import {
  ZAnswerInput,
  ZDisputeInput,
  ZGenerateInput,
  ZGenerateResult,
  ZStatement,
  ZStatementList,
  ZStatementQuery,
  ZTradeApiQuery,
  ZTradeMatrix,
} from './settlement.schema.js';
import {
  acceptStatement,
  answerStatementLine,
  checkMayGenerate,
  checkStatementAccess,
  disputeStatementLine,
  generateStatements,
  getStatement,
  listStatementsFor,
  sendStatement,
  type StatementView,
} from './statement.service.js';
import { tradeView } from './trade.service.js';
import { statementCsvFile, statementInvoiceFile, statementXlsxFile, type StatementFile } from './statement-export.service.js';

export const tags = ['Afregning'];
export const ERRORS = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse } as const;

/** An id in the path; anything that is not an id names no statement or line: 404, like an unknown id. */
const idParam = (what: string) =>
  z
    .string()
    .describe(what)
    .transform((s) => (/^\d+$/.test(s) && zId.safeParse(s).success ? Number(s) : 0));
const ZIdParams = z.object({ id: idParam('Afregningens id') });
const ZLineParams = z.object({ id: idParam('Afregningens id'), lineId: idParam('Linjens id') });

/** Decides access before Fastify validates the body: a caller who may not act gets 401/403/404, never a 400. */
const accessFirst = (permission: 'settlement.send' | 'settlement.accept') => async (req: FastifyRequest) => {
  const id = Number((req.params as { id?: string }).id);
  await checkStatementAccess(req.ctx, Number.isSafeInteger(id) && id > 0 && id <= 2147483647 ? id : 0, permission);
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A file answer, for the OpenAPI document. */
const fileAnswer = (type: string, description: string) => ({
  200: { description, content: { [type]: { schema: z.string().describe(description) } } },
  ...ERRORS,
});
const sendFile = (reply: FastifyReply, type: string, file: StatementFile) =>
  reply.type(type).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);

/** The API answer: the view without the page-only fields. */
const statementJson = ({ sellerOrg: _s, buyerOrg: _b, ...rest }: StatementView) => rest;

export function settlementApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/settlement/calculate',
    {
      config: { csrf: false },
      schema: {
        summary: 'Beregn en måneds afregning (offentlig, gemmer intet)',
        description:
          'Dage = kalenderdagene i måneden inden for [from, to], begge dage med (to: null = åben). Dagspris × dage; månedspris × dage ÷ dage i måneden; timepris × timer. Hver linje afrundes halvt op til øre; total = summen af de afrundede linjer. Beløb er decimaltal som tekst.',
        tags,
        security: [],
        body: ZCalculateRequest,
        response: { 200: ZCalculateResponse, 400: ZErrorResponse },
      },
    },
    async (req) => calculatePublic(req.ctx, req.body),
  );

  app.get(
    '/api/settlement/statements',
    {
      schema: {
        summary: 'Afregninger, som ens organisation sælger eller køber',
        tags,
        querystring: ZStatementQuery,
        response: { 200: ZStatementList, ...ERRORS },
      },
    },
    async (req) => ({ statements: (await listStatementsFor(req.ctx, req.query)).statements }),
  );

  app.post(
    '/api/settlement/generate',
    {
      preValidation: async (req) => checkMayGenerate(req.ctx),
      schema: {
        summary: 'Dan (eller gendan) kladder for en måned for ens egen organisation som sælger',
        description: 'Idempotent: kladder erstattes, sendte afregninger ændres aldrig. Rettelser fra besvarede indsigelser kommer med som korrektionslinjer.',
        tags,
        body: ZGenerateInput,
        response: { 200: ZGenerateResult, ...ERRORS },
      },
    },
    async (req) => generateStatements(req.ctx, req.body.month, req.ctx.actor?.organisationId ?? -1),
  );

  app.get(
    '/api/settlement/statements/:id',
    { schema: { summary: 'Én afregning med linjer (kun sælger og køber)', tags, params: ZIdParams, response: { 200: ZStatement, ...ERRORS } } },
    async (req) => statementJson(await getStatement(req.ctx, req.params.id)),
  );

  app.post(
    '/api/settlement/statements/:id/send',
    {
      preValidation: accessFirst('settlement.send'),
      schema: { summary: 'Sælgeren sender kladden (derefter ændres den aldrig)', tags, params: ZIdParams, response: { 200: ZStatement, ...ERRORS } },
    },
    async (req) => statementJson(await sendStatement(req.ctx, req.params.id)),
  );

  app.post(
    '/api/settlement/statements/:id/accept',
    {
      preValidation: accessFirst('settlement.accept'),
      schema: { summary: 'Køberen godkender afregningen', tags, params: ZIdParams, response: { 200: ZStatement, ...ERRORS } },
    },
    async (req) => statementJson(await acceptStatement(req.ctx, req.params.id)),
  );

  app.post(
    '/api/settlement/statements/:id/lines/:lineId/dispute',
    {
      preValidation: accessFirst('settlement.accept'),
      schema: {
        summary: 'Køberen bestrider en linje med en begrundelse',
        tags,
        params: ZLineParams,
        body: ZDisputeInput,
        response: { 200: ZStatement, ...ERRORS },
      },
    },
    async (req) => statementJson(await disputeStatementLine(req.ctx, req.params.id, req.params.lineId, req.body)),
  );

  app.post(
    '/api/settlement/statements/:id/lines/:lineId/answer',
    {
      preValidation: accessFirst('settlement.send'),
      schema: {
        summary: 'Sælgeren besvarer en bestridt linje: korrigeret (med det rigtige beløb) eller fastholdt',
        tags,
        params: ZLineParams,
        body: ZAnswerInput,
        response: { 200: ZStatement, ...ERRORS },
      },
    },
    async (req) => statementJson(await answerStatementLine(req.ctx, req.params.id, req.params.lineId, req.body)),
  );

  app.get(
    '/api/settlement/statements/:id/eksport.csv',
    { schema: { summary: 'Afregningen som CSV (semikolon, UTF-8, decimalkomma)', tags, params: ZIdParams, response: fileAnswer('text/csv', 'CSV') } },
    async (req, reply) => sendFile(reply, 'text/csv; charset=utf-8', await statementCsvFile(req.ctx, req.params.id)),
  );

  app.get(
    '/api/settlement/statements/:id/eksport.xlsx',
    { schema: { summary: 'Afregningen som Excel', tags, params: ZIdParams, response: fileAnswer(XLSX, 'Excel-projektmappe') } },
    async (req, reply) => sendFile(reply, XLSX, await statementXlsxFile(req.ctx, req.params.id)),
  );

  app.get(
    '/api/settlement/statements/:id/faktura.xml',
    {
      schema: {
        summary: 'Den sendte afregning som elektronisk faktura (UBL 2.1, Peppol BIS Billing 3 / OIOUBL 3) med køberens EAN som modtager',
        description: 'Kun for en sendt afregning. 409, når køberen ikke har et EAN-nummer. Problemlinjer uden pris er ikke med.',
        tags,
        params: ZIdParams,
        response: fileAnswer('application/xml', 'UBL 2.1 Invoice'),
      },
    },
    async (req, reply) => sendFile(reply, 'application/xml; charset=utf-8', await statementInvoiceFile(req.ctx, req.params.id)),
  );

  app.get(
    '/api/settlement/trade',
    {
      schema: {
        summary: 'Samhandlen i et rammeaftaleområde og år: køber × sælger med beløb, kontrakter og pladsdage',
        description:
          'Fra de sendte afregninger (alle statusser undtagen kladde, med korrektionslinjer); et år uden afregninger bygges af de godkendte kontrakter uden beløb (source: contracts, andele af pladsdage). Andele i procent med én decimal, afrundet halvt op. For områdets medlemmer og sekretariat.',
        tags,
        querystring: ZTradeApiQuery,
        response: { 200: ZTradeMatrix, ...ERRORS },
      },
    },
    async (req) => {
      const v = await tradeView(req.ctx, { areaId: req.query.area, year: req.query.year });
      return { area: v.area, year: v.year, ...v.matrix, trend: v.trend };
    },
  );
}
