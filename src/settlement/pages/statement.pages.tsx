/**
 * @module Routes of the statement pages: the list (and the form that makes a month's drafts), one statement, and
 * sending it. Each POST calls one service and redirects back, or shows the page again with the Danish message.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../core/access/access.js';
import { HttpError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import { addMonths } from '../calculation.js';
import { ZGenerateInput, ZStatementQuery } from '../settlement.schema.js';
import {
  acceptStatement,
  answerStatementLine,
  checkMayGenerate,
  disputeStatementLine,
  generateStatements,
  getStatement,
  listStatementsFor,
  sendStatement,
} from '../statement.service.js';
import { StatementPage, StatementsPage } from './statement.view.js';

const HIDE = { schema: { hide: true } };
const crumbs = [{ href: '/', label: 'Forside' }];
const one = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const pageId = (req: FastifyRequest) => {
  const s = one((req.params as { id?: unknown }).id);
  return /^\d{1,9}$/.test(s) ? Number(s) : 0;
};
const queryField = (req: FastifyRequest, name: string) => one((req.query as Record<string, unknown> | undefined)?.[name]);
const isShown = (e: unknown): e is HttpError => e instanceof HttpError && (e.statusCode === 400 || e.statusCode === 409);
const messageOf = (e: HttpError) => [e.message, ...Object.values(e.fieldErrors).flat()].join(' ');

async function showList(req: FastifyRequest, reply: FastifyReply, extra: { message?: string; status?: number } = {}) {
  const parsed = ZStatementQuery.safeParse(req.query ?? {});
  const query = parsed.success ? parsed.data : {};
  const list = await listStatementsFor(req.ctx, query);
  const generated = queryField(req, 'dannet');
  return reply.page({
    title: 'Afregning',
    status: extra.status,
    breadcrumbs: [...crumbs, { label: 'Afregning' }],
    body: (
      <StatementsPage
        {...list}
        query={query}
        canGenerate={can(req.ctx, 'settlement.generate', { sellerOrgId: list.organisationId })}
        defaultMonth={addMonths(req.ctx.clock.today().slice(0, 7), -1)}
        csrf={req.csrf}
        message={extra.message}
        generated={/^\d{4}-\d{2}$/.test(generated) ? generated : undefined}
      />
    ),
  });
}

async function showStatement(req: FastifyRequest, reply: FastifyReply, id: number, extra: { message?: string; status?: number } = {}) {
  const s = await getStatement(req.ctx, id);
  return reply.page({
    title: `Afregning ${s.month}`,
    status: extra.status,
    breadcrumbs: [...crumbs, { href: '/afregning', label: 'Afregning' }, { label: `${s.month}, ${s.buyer.name}` }],
    body: (
      <StatementPage
        s={s}
        csrf={req.csrf}
        message={extra.message}
        done={['sendt', 'godkendt', 'bestridt', 'besvaret'].find((k) => queryField(req, k) === '1')}
      />
    ),
  });
}

export function statementPages(app: FastifyInstance) {
  app.get('/afregning', HIDE, (req, reply) => showList(req, reply));

  app.post('/afregning/dan', HIDE, async (req, reply) => {
    checkMayGenerate(req.ctx);
    try {
      const { month } = parseInput(ZGenerateInput, { month: one((req.body as Record<string, unknown> | undefined)?.maaned).trim() });
      await generateStatements(req.ctx, month, req.ctx.actor?.organisationId ?? -1);
      return reply.redirect(`/afregning?side=salg&month=${month}&dannet=${month}`, 303);
    } catch (error) {
      if (isShown(error)) return showList(req, reply, { message: messageOf(error), status: error.statusCode });
      throw error;
    }
  });

  app.get('/afregning/:id', HIDE, (req, reply) => showStatement(req, reply, pageId(req)));

  /** One action on a statement: call the service, redirect back with what was done, or show the page with the message. */
  const action = (path: string, done: string, run: (req: FastifyRequest, id: number, body: Record<string, unknown>) => Promise<unknown>) =>
    app.post(`/afregning/:id/${path}`, HIDE, async (req, reply) => {
      const id = pageId(req);
      try {
        await run(req, id, (req.body ?? {}) as Record<string, unknown>);
        return reply.redirect(`/afregning/${id}?${done}=1`, 303);
      } catch (error) {
        if (isShown(error)) return showStatement(req, reply, id, { message: messageOf(error), status: error.statusCode });
        throw error;
      }
    });
  const lineOf = (b: Record<string, unknown>) => (/^\d{1,9}$/.test(one(b.linje)) ? Number(one(b.linje)) : 0);

  action('send', 'sendt', (req, id) => sendStatement(req.ctx, id));
  action('godkend', 'godkendt', (req, id) => acceptStatement(req.ctx, id));
  action('bestrid', 'bestridt', (req, id, b) => disputeStatementLine(req.ctx, id, lineOf(b), { reason: one(b.reason) }));
  action('besvar', 'besvaret', (req, id, b) =>
    answerStatementLine(req.ctx, id, lineOf(b), { answer: one(b.answer), text: one(b.text), correctedAmount: one(b.correctedAmount) }),
  );
}
