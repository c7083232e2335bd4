/**
 * @module Routes of the national central announcements under /samarbejde/udmeldinger: the list, registering and
 * changing an announcement, extensions, a municipality's answer form, and an area's overview with the report, its
 * sending and the authority's response. No JavaScript: plain forms that redirect, or show the form again with the
 * Danish messages (400, 409, 412).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type FieldErrors, HttpError } from '../../core/errors.js';
import {
  addExtension,
  announcementForm,
  announcementsPage,
  answerForm,
  areaReport,
  createAnnouncement,
  decideExtension,
  getAnnouncement,
  markSent,
  recordResponse,
  saveAnswers,
  saveReport,
  updateAnnouncement,
} from '../announcements.service.js';
import { AnnouncementFormPage, AnnouncementPage, AnnouncementsPage, AnswerPage, AreaReportPage } from './announcements.view.js';
import { HTML, crumbs, fields, formBody, one, pageId, queryOf, type FormValues } from './http.js';

const base = '/samarbejde/udmeldinger';
const listCrumbs = [...crumbs, { href: base, label: 'Centrale udmeldinger' }];
const areaParam = (req: FastifyRequest) => String((req.params as Record<string, string>).area ?? '');

/** Saves and redirects; a refused input (400), a conflict (409) or a stale version (412) shows the form again. */
async function saveOrShow(reply: FastifyReply, save: () => Promise<string>, show: (errors: FieldErrors, status: number) => Promise<FastifyReply>) {
  try {
    return reply.redirect(await save(), 303);
  } catch (error) {
    if (error instanceof HttpError && [400, 409, 412].includes(error.statusCode))
      return show(Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] }, error.statusCode);
    throw error;
  }
}

/** The announcement form's fields as the service takes them: area codes as a list, one question per line. */
function announcementInput(b: FormValues, isEdit: boolean) {
  const codes = b.areaCodes;
  return {
    ...fields(b, ['title', 'authority', 'targetGroup', 'description', 'issuedOn', 'deadline', 'jointAnswer', ...(isEdit ? ['version'] : [])]),
    areaCodes: Array.isArray(codes) ? codes : codes ? [codes] : [],
    questions: one(b.questions)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    isJoint: one(b.isJoint) === 'on',
  };
}

async function showForm(req: FastifyRequest, reply: FastifyReply, id: number | null, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = await announcementForm(req.ctx, id);
  const title = id === null ? 'Registrér en central udmelding' : 'Ret den centrale udmelding';
  return reply.page({
    title,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...listCrumbs, { label: title }],
    body: <AnnouncementFormPage {...view} values={values ?? view.values} csrf={req.csrf} errors={errors} />,
  });
}

async function showAnnouncement(req: FastifyRequest, reply: FastifyReply, id: number, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = await getAnnouncement(req.ctx, id);
  return reply.page({
    title: view.announcement.title,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...listCrumbs, { label: view.announcement.title }],
    body: <AnnouncementPage {...view} csrf={req.csrf} values={values} errors={errors} saved={one(queryOf(req).gemt)} />,
  });
}

async function showAnswers(req: FastifyRequest, reply: FastifyReply, id: number, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = await answerForm(req.ctx, id);
  return reply.page({
    title: `Svar fra ${view.answers.organisationName}`,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...listCrumbs, { href: `${base}/${id}`, label: view.announcement.title }, { label: 'Svar' }],
    body: <AnswerPage {...view} csrf={req.csrf} values={values} errors={errors} saved={one(queryOf(req).gemt)} />,
  });
}

async function showArea(req: FastifyRequest, reply: FastifyReply, form?: string, values?: FormValues, errors?: FieldErrors, status?: number) {
  const id = pageId(req);
  const view = await areaReport(req.ctx, id, areaParam(req));
  return reply.page({
    title: `${view.area.name}: ${view.announcement.title}`,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...listCrumbs, { href: `${base}/${id}`, label: view.announcement.title }, { label: view.area.name }],
    body: <AreaReportPage {...view} csrf={req.csrf} form={form} values={values} errors={errors} saved={one(queryOf(req).gemt)} today={req.ctx.clock.today()} />,
  });
}

export function announcementsPages(app: FastifyInstance) {
  app.get(base, HTML, async (req, reply) => {
    const q = queryOf(req);
    const view = await announcementsPage(req.ctx, { q: one(q.q), area: one(q.area), year: one(q.year), status: one(q.status) });
    return reply.page({ title: 'Centrale udmeldinger', breadcrumbs: [...crumbs, { label: 'Centrale udmeldinger' }], body: <AnnouncementsPage {...view} /> });
  });

  app.get(`${base}/ny`, HTML, (req, reply) => showForm(req, reply, null));
  app.post(`${base}/ny`, HTML, (req, reply) => {
    const b = formBody(req);
    return saveOrShow(
      reply,
      async () => `${base}/${await createAnnouncement(req.ctx, announcementInput(b, false))}?gemt=1`,
      (errors, status) => showForm(req, reply, null, b, errors, status),
    );
  });

  app.get(`${base}/:id`, HTML, (req, reply) => showAnnouncement(req, reply, pageId(req)));
  app.get(`${base}/:id/rediger`, HTML, (req, reply) => showForm(req, reply, pageId(req)));
  app.post(`${base}/:id/rediger`, HTML, (req, reply) => {
    const id = pageId(req);
    const b = formBody(req);
    return saveOrShow(
      reply,
      async () => (await updateAnnouncement(req.ctx, id, announcementInput(b, true)), `${base}/${id}?gemt=1`),
      (errors, status) => showForm(req, reply, id, b, errors, status),
    );
  });

  app.post(`${base}/:id/frister`, HTML, (req, reply) => {
    const id = pageId(req);
    const b = formBody(req);
    return saveOrShow(
      reply,
      async () => (await addExtension(req.ctx, id, fields(b, ['requestedOn', 'newDeadline', 'status', 'note'])), `${base}/${id}?gemt=1`),
      (errors, status) => showAnnouncement(req, reply, id, b, errors, status),
    );
  });
  app.post(`${base}/frister/:id`, HTML, async (req, reply) => {
    const announcementId = await decideExtension(req.ctx, pageId(req), fields(formBody(req), ['status']));
    return reply.redirect(`${base}/${announcementId}?gemt=1`, 303);
  });

  app.get(`${base}/:id/svar`, HTML, (req, reply) => showAnswers(req, reply, pageId(req)));
  app.post(`${base}/:id/svar`, HTML, (req, reply) => {
    const id = pageId(req);
    const b = formBody(req);
    const answers = Object.keys(b)
      .filter((k) => /^answer-\d{1,10}$/.test(k))
      .map((k) => ({ questionId: Number(k.slice('answer-'.length)), text: one(b[k]) }));
    const organisationId = req.ctx.actor?.organisationId ?? 0;
    return saveOrShow(
      reply,
      async () => (await saveAnswers(req.ctx, id, organisationId, { answers, version: one(b.version) }), `${base}/${id}/svar?gemt=1`),
      (errors, status) => showAnswers(req, reply, id, b, errors, status),
    );
  });

  app.get(`${base}/:id/omraader/:area`, HTML, (req, reply) => showArea(req, reply));
  const areaPost = (path: string, form: string, names: string[], save: typeof saveReport | typeof markSent | typeof recordResponse) =>
    app.post(`${base}/:id/omraader/:area/${path}`, HTML, (req, reply) => {
      const id = pageId(req);
      const b = formBody(req);
      return saveOrShow(
        reply,
        async () => (await save(req.ctx, id, areaParam(req), fields(b, names)), `${base}/${id}/omraader/${areaParam(req)}?gemt=1`),
        (errors, status) => showArea(req, reply, form, b, errors, status),
      );
    });
  areaPost('rapport', 'report', ['text', 'version'], saveReport);
  areaPost('sendt', 'sent', ['sentOn', 'reference'], markSent);
  areaPost('styrelsens-svar', 'response', ['responseOn', 'text'], recordResponse);
}
