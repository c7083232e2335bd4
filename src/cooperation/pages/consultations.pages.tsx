/**
 * @module Routes of the joint consultations under /samarbejde/droeftelser: the list, the create form, one case with
 * the answer overview and a member's answer form, and the opener's close form. A refused input, a conflict or a
 * stale version (another user saved first) shows the form again with the Danish message.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../core/errors.js';
import {
  closeConsultation,
  closeForm,
  consultationForm,
  consultationsPage,
  createConsultation,
  getConsultation,
  saveAnswer,
} from '../consultations.service.js';
import { CloseForm, ConsultationForm, ConsultationPage, ConsultationsPage } from './consultations.view.js';
import { HTML, crumbs, fields, formBody, one, pageId, queryOf, saveOrShowStale, type FormValues } from './http.js';

const base = '/samarbejde/droeftelser';
const listCrumbs = [...crumbs, { href: base, label: 'Fælles drøftelser' }];

async function showCase(req: FastifyRequest, reply: FastifyReply, id: number, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = await getConsultation(req.ctx, id);
  return reply.page({
    title: view.consultation.title,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...listCrumbs, { label: view.consultation.title }],
    body: <ConsultationPage {...view} csrf={req.csrf} values={values} errors={errors} saved={one(queryOf(req).gemt)} />,
  });
}

async function showCreate(req: FastifyRequest, reply: FastifyReply, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = await consultationForm(req.ctx);
  return reply.page({
    title: 'Opret en fælles drøftelse',
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...listCrumbs, { label: 'Opret' }],
    body: <ConsultationForm {...view} csrf={req.csrf} values={values} errors={errors} />,
  });
}

async function showClose(req: FastifyRequest, reply: FastifyReply, id: number, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = await closeForm(req.ctx, id);
  const title = `Afslut ${view.consultation.title}`;
  return reply.page({
    title,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...listCrumbs, { href: `${base}/${id}`, label: view.consultation.title }, { label: 'Afslut' }],
    body: <CloseForm {...view} csrf={req.csrf} values={values} errors={errors} />,
  });
}

export function consultationsPages(app: FastifyInstance) {
  app.get(base, HTML, async (req, reply) => {
    const q = queryOf(req);
    const view = await consultationsPage(req.ctx, {
      area: one(q.area),
      year: one(q.year),
      status: one(q.status),
      kind: one(q.kind),
      proposalType: one(q.proposalType),
    });
    return reply.page({ title: 'Fælles drøftelser', breadcrumbs: [...crumbs, { label: 'Fælles drøftelser' }], body: <ConsultationsPage {...view} /> });
  });

  app.get(`${base}/ny`, HTML, (req, reply) => showCreate(req, reply));
  app.post(`${base}/ny`, HTML, (req, reply) => {
    const b = formBody(req);
    return saveOrShowStale(
      reply,
      async () =>
        `${base}/${await createConsultation(req.ctx, fields(b, ['areaCode', 'kind', 'proposalType', 'offeringId', 'title', 'description', 'deadline']))}`,
      (errors, status) => showCreate(req, reply, b, errors, status),
    );
  });

  app.get(`${base}/:id`, HTML, (req, reply) => showCase(req, reply, pageId(req)));
  app.post(`${base}/:id/svar`, HTML, async (req, reply) => {
    const id = pageId(req);
    const b = formBody(req);
    return saveOrShowStale(
      reply,
      async () => {
        await saveAnswer(req.ctx, id, req.ctx.actor?.organisationId ?? 0, fields(b, ['answer', 'note', 'version']));
        return `${base}/${id}?gemt=svar`;
      },
      (errors, status) => showCase(req, reply, id, b, errors, status),
    );
  });

  app.get(`${base}/:id/afslut`, HTML, (req, reply) => showClose(req, reply, pageId(req)));
  app.post(`${base}/:id/afslut`, HTML, (req, reply) => {
    const id = pageId(req);
    const b = formBody(req);
    return saveOrShowStale(
      reply,
      async () => {
        await closeConsultation(req.ctx, id, fields(b, ['outcome', 'decisionText', 'decisionOn', 'result', 'resultOfferingId', 'version']));
        return `${base}/${id}?gemt=afsluttet`;
      },
      (errors, status) => showClose(req, reply, id, b, errors, status),
    );
  });
}
