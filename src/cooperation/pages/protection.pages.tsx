/**
 * @module Routes of the protected offerings' watch under /samarbejde/beskyttede-tilbud and of their dialogue cases
 * under /samarbejde/dialogsager. A refused input, a conflict or a stale version shows the page again with the
 * Danish message.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../core/errors.js';
import { closeCase, getCase, listCases, openCase, recordStep, saveAnswer } from '../dialogue.service.js';
import { authorizeTriggerChange, createTrigger, listProtected, recordNotice, rulesPage, triggerForm, updateTrigger, watchPage } from '../protection.service.js';
import { CasePage, CasesPage, casesBase } from './dialogue.view.js';
import { HTML, crumbs, fields, formBody, one, pageId, queryOf, saveOrShowStale, type FormValues } from './http.js';
import { base, ProtectedListPage, RuleEditPage, RulesPage, WatchPage } from './protection.view.js';

const listCrumbs = [...crumbs, { href: base, label: 'Beskyttede tilbud' }];
const caseCrumbs = [...crumbs, { href: casesBase, label: 'Dialogsager' }];
const RULE_FIELDS = ['kind', 'sharePct', 'months', 'amount', 'deadlineDays', 'note', 'validFrom', 'validTo'] as const;

async function showWatch(req: FastifyRequest, reply: FastifyReply, id: number, values?: FormValues, errors?: FieldErrors, status?: number) {
  const q = queryOf(req);
  const v = await watchPage(req.ctx, id, one(q.maaned) || undefined);
  return reply.page({
    title: v.offering.name,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...listCrumbs, { label: v.offering.name }],
    body: <WatchPage v={v} csrf={req.csrf} values={values} errors={errors} saved={one(q.gemt)} />,
  });
}

async function showRules(req: FastifyRequest, reply: FastifyReply, area: string, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = await rulesPage(req.ctx, { area });
  return reply.page({
    title: `Udløsere og forløb i ${view.area.name}`,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...listCrumbs, { label: 'Udløsere og forløb' }],
    body: <RulesPage {...view} csrf={req.csrf} values={values} errors={errors} saved={one(queryOf(req).gemt)} />,
  });
}

async function showRule(req: FastifyRequest, reply: FastifyReply, id: number, values?: FormValues, errors?: FieldErrors, status?: number) {
  const { rule, area } = await triggerForm(req.ctx, id);
  return reply.page({
    title: `Ret udløser i ${area.name}`,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...listCrumbs, { href: `${base}/regler?area=${area.code}`, label: 'Udløsere og forløb' }, { label: 'Ret udløser' }],
    body: <RuleEditPage rule={rule} areaName={area.name} csrf={req.csrf} values={values} errors={errors} />,
  });
}

async function showCase(
  req: FastifyRequest,
  reply: FastifyReply,
  id: number,
  form?: 'trin' | 'svar' | 'afslut',
  values?: FormValues,
  errors?: FieldErrors,
  status?: number,
) {
  const view = await getCase(req.ctx, id);
  const title = `${view.dialogue.procedure_name}: ${view.dialogue.offering_name}`;
  return reply.page({
    title,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...caseCrumbs, { label: title }],
    body: <CasePage {...view} csrf={req.csrf} form={form} values={values} errors={errors} saved={one(queryOf(req).gemt)} />,
  });
}

export function protectionPages(app: FastifyInstance) {
  app.get(base, HTML, async (req, reply) => {
    const view = await listProtected(req.ctx, { area: one(queryOf(req).area) });
    return reply.page({ title: 'Beskyttede tilbud', breadcrumbs: [...crumbs, { label: 'Beskyttede tilbud' }], body: <ProtectedListPage {...view} /> });
  });

  app.get(`${base}/regler`, HTML, (req, reply) => showRules(req, reply, one(queryOf(req).area)));
  app.post(`${base}/regler`, HTML, (req, reply) => {
    const b = formBody(req);
    return saveOrShowStale(
      reply,
      async () => {
        await createTrigger(req.ctx, fields(b, ['areaCode', ...RULE_FIELDS]));
        return `${base}/regler?area=${encodeURIComponent(one(b.areaCode))}&gemt=1`;
      },
      (errors, status) => showRules(req, reply, one(b.areaCode), b, errors, status),
    );
  });
  app.get(`${base}/regler/:id`, HTML, (req, reply) => showRule(req, reply, pageId(req)));
  app.post(`${base}/regler/:id`, HTML, async (req, reply) => {
    const id = pageId(req);
    await authorizeTriggerChange(req.ctx, id);
    const b = formBody(req);
    return saveOrShowStale(
      reply,
      async () => {
        await updateTrigger(req.ctx, id, fields(b, [...RULE_FIELDS, 'version']));
        const { area } = await triggerForm(req.ctx, id);
        return `${base}/regler?area=${area.code}&gemt=1`;
      },
      (errors, status) => showRule(req, reply, id, b, errors, status),
    );
  });

  app.get(`${base}/:id`, HTML, (req, reply) => showWatch(req, reply, pageId(req)));
  app.post(`${base}/:id/varsel`, HTML, (req, reply) => {
    const id = pageId(req);
    const b = formBody(req);
    return saveOrShowStale(
      reply,
      async () => {
        await recordNotice(req.ctx, id, fields(b, ['kind', 'placesAfter', 'givenOn', 'effectiveOn', 'text']));
        return `${base}/${id}?gemt=varsel`;
      },
      (errors, status) => showWatch(req, reply, id, b, errors, status),
    );
  });
  app.post(`${base}/:id/dialogsag`, HTML, (req, reply) => {
    const id = pageId(req);
    const b = formBody(req);
    return saveOrShowStale(
      reply,
      async () => `${casesBase}/${await openCase(req.ctx, id, fields(b, ['triggerId']))}?gemt=aabnet`,
      (errors, status) => showWatch(req, reply, id, undefined, errors, status),
    );
  });

  app.get(casesBase, HTML, async (req, reply) => {
    const q = queryOf(req);
    const view = await listCases(req.ctx, { area: one(q.area), status: one(q.status) });
    return reply.page({ title: 'Dialogsager om beskyttede tilbud', breadcrumbs: [...crumbs, { label: 'Dialogsager' }], body: <CasesPage {...view} /> });
  });
  app.get(`${casesBase}/:id`, HTML, (req, reply) => showCase(req, reply, pageId(req)));
  const casePost = (
    path: string,
    form: 'trin' | 'svar' | 'afslut',
    names: string[],
    save: (req: FastifyRequest, id: number, data: Record<string, string>) => Promise<unknown>,
  ) =>
    app.post(`${casesBase}/:id/${path}`, HTML, (req, reply) => {
      const id = pageId(req);
      const b = formBody(req);
      return saveOrShowStale(
        reply,
        async () => {
          await save(req, id, fields(b, names));
          return `${casesBase}/${id}?gemt=${form === 'afslut' ? 'afsluttet' : form}`;
        },
        (errors, status) => showCase(req, reply, id, form, b, errors, status),
      );
    });
  casePost('trin', 'trin', ['sort', 'doneOn', 'note'], (req, id, d) => recordStep(req.ctx, id, d));
  casePost('svar', 'svar', ['answer', 'note', 'version'], (req, id, d) => saveAnswer(req.ctx, id, req.ctx.actor?.organisationId ?? 0, d));
  casePost('afslut', 'afslut', ['outcome', 'closedOn', 'version'], (req, id, d) => closeCase(req.ctx, id, d));
}
