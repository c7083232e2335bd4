/**
 * @module Routes of contract follow-up: the work list, one contract's follow-ups, and recording one (redirect back,
 * or the form again with the Danish field messages).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type FieldErrors, HttpError } from '../../core/errors.js';
import { contractFollowUps, followUpWorkList, recordFollowUp } from '../followup.service.js';
import { ContractFollowUpsPage, type FormValues, WorkListPage } from './followup.view.js';

const HIDE = { schema: { hide: true } };
const crumbs = [{ href: '/', label: 'Forside' }];
const listCrumb = { href: '/opfoelgning', label: 'Opfølgning' };
const one = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const pageId = (req: FastifyRequest) => {
  const s = one((req.params as { id?: unknown }).id);
  return /^\d{1,9}$/.test(s) ? Number(s) : 0;
};
const FIELDS = ['dueDate', 'heldOn', 'statusReport', 'level', 'note', 'decision', 'newLevel'] as const;

async function showContract(req: FastifyRequest, reply: FastifyReply, id: number, extra: { values?: FormValues; errors?: FieldErrors; status?: number } = {}) {
  const v = await contractFollowUps(req.ctx, id);
  return reply.page({
    title: `Opfølgning på kontrakt ${v.contract.caseReference}`,
    status: extra.status,
    breadcrumbs: [...crumbs, listCrumb, { label: v.contract.caseReference }],
    body: (
      <ContractFollowUpsPage
        v={v}
        csrf={req.csrf}
        values={extra.values}
        errors={extra.errors}
        saved={one((req.query as Record<string, unknown> | undefined)?.gemt) === '1'}
      />
    ),
  });
}

export function followUpPages(app: FastifyInstance) {
  app.get('/opfoelgning', HIDE, async (req, reply) =>
    reply.page({ title: 'Opfølgning', breadcrumbs: [...crumbs, { label: 'Opfølgning' }], body: <WorkListPage v={await followUpWorkList(req.ctx)} /> }),
  );

  app.get('/opfoelgning/kontrakt/:id', HIDE, (req, reply) => showContract(req, reply, pageId(req)));

  app.post('/opfoelgning/kontrakt/:id', HIDE, async (req, reply) => {
    const id = pageId(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: FormValues = Object.fromEntries(FIELDS.map((k) => [k, one(body[k])]));
    try {
      const r = await recordFollowUp(req.ctx, id, { ...values, note: values.note || null, newLevel: values.newLevel || undefined });
      return reply.redirect(r.searchHref ?? `/opfoelgning/kontrakt/${id}?gemt=1`, 303);
    } catch (error) {
      if (error instanceof HttpError && (error.statusCode === 400 || error.statusCode === 409))
        return showContract(req, reply, id, {
          values,
          errors: Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] },
          status: error.statusCode,
        });
      throw error;
    }
  });
}
