/**
 * @module Routes of the cooperation's bodies: the list with the chart, a new body, one body (members and mandates),
 * and the organisation's versions (draft a proposal, place the bodies, compare with today's).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../core/errors.js';
import {
  addMandate,
  addMember,
  bodiesPage,
  bodyPage,
  createBody,
  createProposal,
  defaultAreaCode,
  endMembership,
  newBodyForm,
  savePlacements,
  structurePage,
} from '../bodies.service.js';
import { BodiesPage, BodyPage, NewBodyPage, StructurePage } from './bodies.view.js';
import { HTML, crumbs, fields, formBody, one, pageId, queryOf, saveOrShow, type FormValues } from './http.js';

const bodyCrumbs = [...crumbs, { href: '/samarbejde/organer', label: 'Organer' }];

async function showBody(req: FastifyRequest, reply: FastifyReply, id: number, form?: string, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = await bodyPage(req.ctx, id);
  return reply.page({
    title: view.body.name,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...bodyCrumbs, { label: view.body.name }],
    body: <BodyPage {...view} csrf={req.csrf} form={form} values={values} errors={errors} saved={one(queryOf(req).gemt)} />,
  });
}

async function showStructure(req: FastifyRequest, reply: FastifyReply, id: number, errors?: FieldErrors, status?: number) {
  const view = await structurePage(req.ctx, id);
  return reply.page({
    title: view.structure.title,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...bodyCrumbs, { label: view.structure.title }],
    body: <StructurePage {...view} csrf={req.csrf} errors={errors} saved={!!one(queryOf(req).gemt)} />,
  });
}

async function showNewBody(req: FastifyRequest, reply: FastifyReply, areaCode: string, values?: FormValues, errors?: FieldErrors) {
  const view = await newBodyForm(req.ctx, areaCode);
  return reply.page({
    title: 'Opret organ',
    status: errors ? 400 : undefined,
    breadcrumbs: [...bodyCrumbs, { label: 'Opret organ' }],
    body: <NewBodyPage {...view} csrf={req.csrf} values={values} errors={errors} />,
  });
}

/** The placement form: one select per body, "" not included, "top" at the top, else the superior's id. */
function toPlacements(b: FormValues) {
  return {
    placements: Object.keys(b)
      .filter((k) => /^reportsTo-\d+$/.test(k))
      .map((k) => {
        const value = one(b[k]);
        return { bodyId: Number(k.slice('reportsTo-'.length)), isIncluded: value !== '', reportsToId: value === '' || value === 'top' ? null : Number(value) };
      }),
  };
}

export function bodiesPages(app: FastifyInstance) {
  app.get('/samarbejde/organer', HTML, async (req, reply) => {
    const q = queryOf(req);
    const area = await defaultAreaCode(req.ctx, one(q.area));
    const view = await bodiesPage(req.ctx, { area: area || undefined, date: one(q.date) || undefined });
    return reply.page({
      title: 'Organer og organisering',
      breadcrumbs: [...crumbs, { label: 'Organer' }],
      body: <BodiesPage {...view} csrf={req.csrf} saved={one(q.gemt)} />,
    });
  });

  app.get('/samarbejde/organer/ny', HTML, (req, reply) => showNewBody(req, reply, one(queryOf(req).area)));
  app.post('/samarbejde/organer/ny', HTML, (req, reply) => {
    const b = formBody(req);
    const input = fields(b, ['areaCode', 'kind', 'name', 'description', 'reportsToId']);
    return saveOrShow(
      reply,
      async () => `/samarbejde/organer/${await createBody(req.ctx, { ...input, areaCode: input.areaCode || null })}?gemt=1`,
      (errors) => showNewBody(req, reply, one(b.areaCode), b, errors),
    );
  });

  app.get('/samarbejde/organer/:id', HTML, (req, reply) => showBody(req, reply, pageId(req)));
  app.post('/samarbejde/organer/:id/medlemmer', HTML, (req, reply) => {
    const id = pageId(req);
    const b = formBody(req);
    return saveOrShow(
      reply,
      async () => (
        await addMember(req.ctx, id, fields(b, ['personName', 'organisationId', 'organisationText', 'role', 'validFrom', 'validTo'])),
        `/samarbejde/organer/${id}?gemt=1`
      ),
      (errors, status) => showBody(req, reply, id, 'member', b, errors, status),
    );
  });
  app.post('/samarbejde/organer/:id/kommissorium', HTML, (req, reply) => {
    const id = pageId(req);
    const b = formBody(req);
    return saveOrShow(
      reply,
      async () => (await addMandate(req.ctx, id, fields(b, ['text', 'approvedBy', 'validFrom', 'validTo'])), `/samarbejde/organer/${id}?gemt=1`),
      (errors, status) => showBody(req, reply, id, 'mandate', b, errors, status),
    );
  });
  app.post('/samarbejde/medlemmer/:id/afslut', HTML, async (req, reply) => {
    const bodyId = await endMembership(req.ctx, pageId(req), fields(formBody(req), ['validTo']));
    return reply.redirect(`/samarbejde/organer/${bodyId}?gemt=1`, 303);
  });

  app.post('/samarbejde/organisering/ny', HTML, async (req, reply) => {
    const id = await createProposal(req.ctx, fields(formBody(req), ['areaCode', 'title']));
    return reply.redirect(`/samarbejde/organisering/${id}`, 303);
  });
  app.get('/samarbejde/organisering/:id', HTML, (req, reply) => showStructure(req, reply, pageId(req)));
  app.post('/samarbejde/organisering/:id', HTML, (req, reply) => {
    const id = pageId(req);
    return saveOrShow(
      reply,
      async () => `/samarbejde/organisering/${await savePlacements(req.ctx, id, toPlacements(formBody(req)))}?gemt=1`,
      (errors, status) => showStructure(req, reply, id, errors, status),
    );
  });
}
