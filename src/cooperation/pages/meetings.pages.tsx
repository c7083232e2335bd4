/**
 * @module Routes of the cooperation's meetings: the list per area and body, one meeting with its programme and
 * minutes, and the secretariat's forms (plan and change a meeting, add and move items, change the status, write the
 * minutes, publish them). A refused input shows the form again; a stale version (another user saved first) too.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, type FieldErrors } from '../../core/errors.js';
import { defaultAreaCode } from '../bodies.service.js';
import {
  addItem,
  bodyCalendar,
  personalCalendar,
  changeStatus,
  createMeeting,
  meetingForm,
  meetingPage,
  meetingsPage,
  moveItem,
  newMeetingForm,
  publishMinutes,
  saveMinutes,
  updateMeeting,
} from '../meetings.service.js';
import { readUploadedFile } from '../../core/http/upload.js';
import { ATTACHMENT_MISSING, attachmentsSection, deleteAttachment, downloadAttachment, uploadAttachment } from '../meeting-attachments.service.js';
import { MeetingForm, MeetingPage, MeetingsPage, MinutesForm } from './meetings.view.js';
import { HTML, crumbs, fields, formBody, one, pageId, queryOf, saveOrShow, type FormValues } from './http.js';

const meetingCrumbs = [...crumbs, { href: '/samarbejde/moeder', label: 'Møder' }];
const MEETING_FIELDS = ['title', 'date', 'startTime', 'endTime', 'place', 'onlineUrl'] as const;
const ITEM_FIELDS = ['time', 'title', 'presenter', 'form', 'description', 'linkKind', 'linkId', 'linkUrl', 'version'] as const;

/** A stale version on a page is shown like a conflict: the form again with the message. */
const staleAsConflict = async (save: () => Promise<string>) => {
  try {
    return await save();
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 412) throw new HttpError(409, error.message);
    throw error;
  }
};
const saveMeeting = (reply: FastifyReply, save: () => Promise<string>, show: (errors: FieldErrors, status: number) => Promise<FastifyReply>) =>
  saveOrShow(reply, () => staleAsConflict(save), show);

async function showMeeting(req: FastifyRequest, reply: FastifyReply, id: number, form?: string, values?: FormValues, errors?: FieldErrors, status?: number) {
  const [view, attachments] = await Promise.all([meetingPage(req.ctx, id), attachmentsSection(req.ctx, id)]);
  return reply.page({
    title: view.meeting.title,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...meetingCrumbs, { href: `/samarbejde/moeder?body=${view.meeting.body.id}`, label: view.meeting.body.name }, { label: view.meeting.title }],
    body: <MeetingPage {...view} attachments={attachments} csrf={req.csrf} form={form} values={values} errors={errors} saved={one(queryOf(req).gemt)} />,
  });
}

async function showForm(req: FastifyRequest, reply: FastifyReply, id: number | null, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = id ? await meetingForm(req.ctx, id) : await newMeetingForm(req.ctx, one(queryOf(req).body) || one(formBody(req).bodyId));
  const title = view.meeting ? `Ret ${view.meeting.title}` : 'Planlæg et møde';
  return reply.page({
    title,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...meetingCrumbs, { href: `/samarbejde/moeder?body=${view.body.id}`, label: view.body.name }, { label: title }],
    body: <MeetingForm body={view.body} meeting={view.meeting} csrf={req.csrf} values={values} errors={errors} />,
  });
}

async function showMinutes(req: FastifyRequest, reply: FastifyReply, id: number, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = await meetingForm(req.ctx, id);
  return reply.page({
    title: `Referat: ${view.meeting.title}`,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...meetingCrumbs, { href: `/samarbejde/moeder/${id}`, label: view.meeting.title }, { label: 'Referat' }],
    body: <MinutesForm meeting={view.meeting} csrf={req.csrf} values={values} errors={errors} />,
  });
}

/** The minutes form: minutes-<id> and decision-<id> per item. */
function toMinutes(b: FormValues) {
  const ids = Object.keys(b)
    .filter((k) => /^minutes-\d+$/.test(k))
    .map((k) => Number(k.slice('minutes-'.length)));
  return { version: one(b.version), items: ids.map((id) => ({ id, minutes: one(b[`minutes-${id}`]), decision: one(b[`decision-${id}`]) })) };
}

const done = (id: number) => `/samarbejde/moeder/${id}?gemt=1`;
const attachmentIdOf = (req: FastifyRequest) => {
  const raw = String((req.params as { attachmentId?: string }).attachmentId ?? '');
  return /^\d{1,10}$/.test(raw) && Number(raw) <= 2147483647 ? Number(raw) : 0;
};

const ics = (reply: FastifyReply, name: string, text: string) =>
  reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${name}.ics"`).send(text);

export function meetingsPages(app: FastifyInstance) {
  app.get('/samarbejde/organer/:id/kalender.ics', HTML, async (req, reply) => ics(reply, `organ-${pageId(req)}`, await bodyCalendar(req.ctx, pageId(req))));
  app.get('/samarbejde/moeder/min-kalender.ics', HTML, async (req, reply) => ics(reply, 'mine-moeder', await personalCalendar(req.ctx)));

  app.get('/samarbejde/moeder', HTML, async (req, reply) => {
    const q = queryOf(req);
    const body = one(q.body);
    const area = body ? one(q.area) : await defaultAreaCode(req.ctx, one(q.area));
    const view = await meetingsPage(req.ctx, { area: area || undefined, body: body || undefined, year: one(q.year) || undefined });
    return reply.page({ title: 'Møder', breadcrumbs: [...crumbs, { label: 'Møder' }], body: <MeetingsPage {...view} saved={one(q.gemt)} /> });
  });

  app.get('/samarbejde/moeder/nyt', HTML, (req, reply) => showForm(req, reply, null));
  app.post('/samarbejde/moeder/nyt', HTML, (req, reply) => {
    const b = formBody(req);
    return saveMeeting(
      reply,
      async () => done(await createMeeting(req.ctx, { ...fields(b, MEETING_FIELDS), bodyId: one(b.bodyId) })),
      (errors, status) => showForm(req, reply, null, b, errors, status),
    );
  });

  app.get('/samarbejde/moeder/:id', HTML, (req, reply) => showMeeting(req, reply, pageId(req)));
  app.get('/samarbejde/moeder/:id/ret', HTML, (req, reply) => showForm(req, reply, pageId(req)));
  app.post('/samarbejde/moeder/:id/ret', HTML, (req, reply) => {
    const id = pageId(req);
    const b = formBody(req);
    return saveMeeting(
      reply,
      async () => (await updateMeeting(req.ctx, id, fields(b, [...MEETING_FIELDS, 'version'])), done(id)),
      (errors, status) => showForm(req, reply, id, b, errors, status),
    );
  });

  app.post('/samarbejde/moeder/:id/status', HTML, (req, reply) => {
    const id = pageId(req);
    return saveMeeting(
      reply,
      async () => (await changeStatus(req.ctx, id, fields(formBody(req), ['status', 'version'])), done(id)),
      (errors, status) => showMeeting(req, reply, id, 'status', undefined, errors, status),
    );
  });

  app.post('/samarbejde/moeder/:id/punkter', HTML, (req, reply) => {
    const id = pageId(req);
    const b = formBody(req);
    return saveMeeting(
      reply,
      async () => (await addItem(req.ctx, id, fields(b, ITEM_FIELDS)), done(id)),
      (errors, status) => showMeeting(req, reply, id, 'item', b, errors, status),
    );
  });

  app.post('/samarbejde/moeder/:id/punkter/:itemId/flyt', HTML, (req, reply) => {
    const id = pageId(req);
    const itemId = Number((req.params as { itemId?: string }).itemId) || 0;
    const b = formBody(req);
    return saveMeeting(
      reply,
      async () => (await moveItem(req.ctx, id, itemId, one(b.direction), undefined, one(b.version)), done(id)),
      (errors, status) => showMeeting(req, reply, id, 'move', undefined, errors, status),
    );
  });

  app.get('/samarbejde/moeder/:id/referat', HTML, (req, reply) => showMinutes(req, reply, pageId(req)));
  app.post('/samarbejde/moeder/:id/referat', HTML, (req, reply) => {
    const id = pageId(req);
    const b = formBody(req);
    const input = toMinutes(b);
    return saveMeeting(
      reply,
      async () => (await saveMinutes(req.ctx, id, input), done(id)),
      (errors, status) => showMinutes(req, reply, id, b, minutesErrors(errors, input.items), status),
    );
  });

  app.post('/samarbejde/moeder/:id/bilag', { ...HTML, config: { upload: true } }, async (req, reply) => {
    const id = pageId(req);
    try {
      await uploadAttachment(req.ctx, id, () => readUploadedFile(req, ATTACHMENT_MISSING));
      return reply.redirect(`/samarbejde/moeder/${id}?gemt=1#bilag`, 303);
    } catch (error) {
      if (error instanceof HttpError && (error.statusCode === 400 || error.statusCode === 413)) {
        const errors = Object.keys(error.fieldErrors).length ? error.fieldErrors : { fil: [error.message] };
        return showMeeting(req, reply, id, 'attachment', undefined, errors, error.statusCode);
      }
      throw error;
    }
  });
  app.get('/samarbejde/moeder/:id/bilag/:attachmentId', HTML, async (req, reply) => {
    const file = await downloadAttachment(req.ctx, pageId(req), attachmentIdOf(req));
    return reply.type(file.contentType).header('content-disposition', file.disposition).header('x-content-type-options', 'nosniff').send(file.body);
  });
  app.post('/samarbejde/moeder/:id/bilag/:attachmentId/slet', HTML, async (req, reply) => {
    const id = pageId(req);
    await deleteAttachment(req.ctx, id, attachmentIdOf(req));
    return reply.redirect(`/samarbejde/moeder/${id}?gemt=1#bilag`, 303);
  });

  app.post('/samarbejde/moeder/:id/offentliggoer', HTML, (req, reply) => {
    const id = pageId(req);
    return saveMeeting(
      reply,
      async () => (await publishMinutes(req.ctx, id, fields(formBody(req), ['visibility', 'version'])), done(id)),
      (errors, status) => showMeeting(req, reply, id, 'publish', undefined, errors, status),
    );
  });
}

/** The service names the minutes' fields items.N.minutes; the form names them minutes-<id>. */
function minutesErrors(errors: FieldErrors, items: ReadonlyArray<{ id: number }>): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([k, v]) => {
      const m = k.match(/^items\.(\d+)\.(minutes|decision)$/);
      return [m && items[Number(m[1])] ? `${m[2]}-${items[Number(m[1])]!.id}` : k, v];
    }),
  );
}
