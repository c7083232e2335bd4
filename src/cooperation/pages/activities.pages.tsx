/**
 * @module Routes of the cooperation's activities: the list per area and year, one activity, and the secretariat's
 * form (record and change). A refused input or a stale version (another user saved first) shows the form again.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../core/errors.js';
import { activitiesPage, activityForm, activityPage, createActivity, newActivityForm, updateActivity } from '../activities.service.js';
import { defaultAreaCode } from '../bodies.service.js';
import { ActivitiesPage, ActivityForm, ActivityPage } from './activities.view.js';
import { HTML, crumbs, fields, formBody, one, pageId, queryOf, saveOrShowStale, type FormValues } from './http.js';

const activityCrumbs = [...crumbs, { href: '/samarbejde/aktiviteter', label: 'Aktiviteter' }];
const FIELDS = [
  'kind',
  'title',
  'audience',
  'date',
  'endDate',
  'organisers',
  'place',
  'registrations',
  'participants',
  'evaluation',
  'focusAreaId',
  'projectId',
] as const;

async function showForm(req: FastifyRequest, reply: FastifyReply, id: number | null, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = id ? await activityForm(req.ctx, id) : await newActivityForm(req.ctx, one(queryOf(req).area) || one(formBody(req).areaCode));
  const title = view.activity ? `Ret ${view.activity.title}` : 'Registrér en aktivitet';
  return reply.page({
    title,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...activityCrumbs, { label: title }],
    body: <ActivityForm {...view} csrf={req.csrf} values={values} errors={errors} />,
  });
}

const done = (id: number) => `/samarbejde/aktiviteter/${id}?gemt=1`;

export function activitiesPages(app: FastifyInstance) {
  app.get('/samarbejde/aktiviteter', HTML, async (req, reply) => {
    const q = queryOf(req);
    const area = await defaultAreaCode(req.ctx, one(q.area));
    const view = await activitiesPage(req.ctx, { area: area || undefined, year: one(q.year) || undefined });
    return reply.page({ title: 'Aktiviteter', breadcrumbs: [...crumbs, { label: 'Aktiviteter' }], body: <ActivitiesPage {...view} saved={one(q.gemt)} /> });
  });

  app.get('/samarbejde/aktiviteter/ny', HTML, (req, reply) => showForm(req, reply, null));
  app.post('/samarbejde/aktiviteter/ny', HTML, (req, reply) => {
    const b = formBody(req);
    return saveOrShowStale(
      reply,
      async () => done(await createActivity(req.ctx, { ...fields(b, FIELDS), areaCode: one(b.areaCode) })),
      (errors, status) => showForm(req, reply, null, b, errors, status),
    );
  });

  app.get('/samarbejde/aktiviteter/:id', HTML, async (req, reply) => {
    const view = await activityPage(req.ctx, pageId(req));
    return reply.page({
      title: view.activity.title,
      breadcrumbs: [...activityCrumbs, { label: view.activity.title }],
      body: <ActivityPage {...view} saved={one(queryOf(req).gemt)} />,
    });
  });
  app.get('/samarbejde/aktiviteter/:id/ret', HTML, (req, reply) => showForm(req, reply, pageId(req)));
  app.post('/samarbejde/aktiviteter/:id/ret', HTML, (req, reply) => {
    const id = pageId(req);
    const b = formBody(req);
    return saveOrShowStale(
      reply,
      async () => (await updateActivity(req.ctx, id, fields(b, [...FIELDS, 'version'])), done(id)),
      (errors, status) => showForm(req, reply, id, b, errors, status),
    );
  });
}
