/**
 * @module Routes of the cooperation's projects: the list per area (year, status), one project, and the
 * secretariat's form (record and change). A refused input or a stale version shows the form again.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../core/errors.js';
import { defaultAreaCode } from '../bodies.service.js';
import { createProject, newProjectForm, projectForm, projectPage, projectsPage, updateProject } from '../projects.service.js';
import { HTML, crumbs, fields, formBody, one, pageId, queryOf, saveOrShowStale, type FormValues } from './http.js';
import { ProjectForm, ProjectPage, ProjectsPage } from './projects.view.js';

const projectCrumbs = [...crumbs, { href: '/samarbejde/projekter', label: 'Projekter' }];
const FIELDS = ['title', 'purpose', 'owner', 'startDate', 'endDate', 'status', 'results', 'evaluation', 'focusAreaId'] as const;

async function showForm(req: FastifyRequest, reply: FastifyReply, id: number | null, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = id ? await projectForm(req.ctx, id) : await newProjectForm(req.ctx, one(queryOf(req).area) || one(formBody(req).areaCode));
  const title = view.project ? `Ret ${view.project.title}` : 'Registrér et projekt';
  return reply.page({
    title,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...projectCrumbs, { label: title }],
    body: <ProjectForm {...view} csrf={req.csrf} values={values} errors={errors} />,
  });
}

const done = (id: number) => `/samarbejde/projekter/${id}?gemt=1`;

export function projectsPages(app: FastifyInstance) {
  app.get('/samarbejde/projekter', HTML, async (req, reply) => {
    const q = queryOf(req);
    const area = await defaultAreaCode(req.ctx, one(q.area));
    const view = await projectsPage(req.ctx, { area: area || undefined, year: one(q.year) || undefined, status: one(q.status) || undefined });
    return reply.page({ title: 'Projekter', breadcrumbs: [...crumbs, { label: 'Projekter' }], body: <ProjectsPage {...view} saved={one(q.gemt)} /> });
  });

  app.get('/samarbejde/projekter/nyt', HTML, (req, reply) => showForm(req, reply, null));
  app.post('/samarbejde/projekter/nyt', HTML, (req, reply) => {
    const b = formBody(req);
    return saveOrShowStale(
      reply,
      async () => done(await createProject(req.ctx, { ...fields(b, FIELDS), areaCode: one(b.areaCode) })),
      (errors, status) => showForm(req, reply, null, b, errors, status),
    );
  });

  app.get('/samarbejde/projekter/:id', HTML, async (req, reply) => {
    const view = await projectPage(req.ctx, pageId(req));
    return reply.page({
      title: view.project.title,
      breadcrumbs: [...projectCrumbs, { label: view.project.title }],
      body: <ProjectPage {...view} saved={one(queryOf(req).gemt)} />,
    });
  });
  app.get('/samarbejde/projekter/:id/ret', HTML, (req, reply) => showForm(req, reply, pageId(req)));
  app.post('/samarbejde/projekter/:id/ret', HTML, (req, reply) => {
    const id = pageId(req);
    const b = formBody(req);
    return saveOrShowStale(
      reply,
      async () => (await updateProject(req.ctx, id, fields(b, [...FIELDS, 'version'])), done(id)),
      (errors, status) => showForm(req, reply, id, b, errors, status),
    );
  });
}
