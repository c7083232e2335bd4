/**
 * @module Routes of the create, edit and close forms. Each GET calls one service for what the form needs;
 * each POST calls one service to save and redirects, or shows the form again with the user's input and a
 * Danish message per field when the service refuses the input (400).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/auth/actor.js';
import { HttpError, type FieldErrors } from '../../core/errors.js';
import { formVersion, isStale } from '../../core/version.js';
import { closeOffering, closeOfferingForm, createOffering, editOfferingForm, newOfferingForm, patchOffering } from '../offerings.service.js';
import { formToInput, inputToForm, one, type FormValues } from './edit.form.js';
import { ClosePage, FormPage } from './edit.view.js';
import { crumbs, pageId } from './offering.pages.js';

/** What a new offering's form starts with: the actor's own organisation as operator, today as status date. */
function newDefaults(actor: Actor, today: string): FormValues {
  const operatorType = { municipality: 'kommunal', region: 'regional', provider: 'privat', secretariat: '' }[actor.organisationKind];
  return {
    operatorOrganisationId: String(actor.organisationId),
    operatorType,
    status: 'aktiv',
    statusSince: today,
    isCovered: 'on',
    protection: 'ingen',
    ageMin: '18',
    ageMax: '99',
  };
}

/** Shown above a form whose offering another user saved after the form was opened (412). */
export const CHANGED_MEANWHILE =
  'En anden har ændret tilbuddet, mens du redigerede det. Dine ændringer er ikke gemt, men står stadig i formularen. Se tilbuddets side for den andens ændringer, og gem igen, hvis dine stadig skal gælde.';

type Show = (errors: FieldErrors, stale?: boolean) => Promise<FastifyReply>;

/**
 * Saves and redirects to the page `save` names; a refused input (400) shows the form again instead, and so does a
 * stale version (412): with what the user typed, the message that someone else changed the offering, and the
 * current version (so saving again is a conscious choice).
 */
async function saveOrShow(reply: FastifyReply, save: () => Promise<string>, show: Show) {
  try {
    return reply.redirect(await save(), 303);
  } catch (error) {
    if (isStale(error)) return show({ _: [CHANGED_MEANWHILE] }, true);
    if (error instanceof HttpError && error.statusCode === 400) return show(Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] });
    throw error;
  }
}

/** The user's values without the version they were typed on (a form shown after a stale save carries the current one). */
const withoutVersion = ({ version: _v, ...rest }: FormValues): FormValues => rest;

async function showCreate(req: FastifyRequest, reply: FastifyReply, values?: FormValues, errors?: FieldErrors) {
  const form = await newOfferingForm(req.ctx);
  const view = { title: 'Opret tilbud', values: values ?? newDefaults(form.actor, form.today), errors, refs: form.refs, operators: form.operators };
  return reply.page({
    title: view.title,
    status: errors ? 400 : undefined,
    breadcrumbs: [...crumbs, { label: 'Opret' }],
    body: <FormPage view={view} csrf={req.csrf} />,
  });
}

async function showEdit(req: FastifyRequest, reply: FastifyReply, id: number, values?: FormValues, errors?: FieldErrors, isStale = false) {
  const form = await editOfferingForm(req.ctx, id);
  const shown = values ?? inputToForm(form.values);
  const view = {
    id,
    title: `Redigér ${values ? one(values.name) : form.name}`,
    values: shown,
    errors: isStale ? undefined : errors,
    message: isStale ? CHANGED_MEANWHILE : undefined,
    version: one(shown.version) || String(form.version),
    refs: form.refs,
    operators: form.operators,
  };
  return reply.page({
    title: view.title,
    status: isStale ? 409 : errors ? 400 : undefined,
    breadcrumbs: [...crumbs, { href: `/tilbud/${id}`, label: one(shown.name) || 'Tilbud' }, { label: 'Redigér' }],
    body: <FormPage view={view} csrf={req.csrf} />,
  });
}

async function showClose(req: FastifyRequest, reply: FastifyReply, id: number, values: FormValues = {}, errors?: FieldErrors, isStale = false) {
  const form = await closeOfferingForm(req.ctx, id);
  const view = {
    ...form,
    version: one(values.version) || String(form.version),
    values,
    errors: isStale ? undefined : errors,
    message: isStale ? CHANGED_MEANWHILE : undefined,
  };
  return reply.page({
    title: `Luk ${form.name}`,
    status: isStale ? 409 : errors ? 400 : 200,
    breadcrumbs: [...crumbs, { href: `/tilbud/${id}`, label: form.name }, { label: 'Luk' }],
    body: <ClosePage view={view} csrf={req.csrf} />,
  });
}

const formBody = (req: FastifyRequest) => (req.body ?? {}) as FormValues;

export function editPages(app: FastifyInstance) {
  app.get('/tilbud/ny', { schema: { hide: true } }, (req, reply) => showCreate(req, reply));
  app.post('/tilbud/ny', { schema: { hide: true } }, (req, reply) =>
    saveOrShow(
      reply,
      async () => `/tilbud/${(await createOffering(req.ctx, formToInput(formBody(req)))).offering_id}?oprettet=1`,
      (errors) => showCreate(req, reply, formBody(req), errors),
    ),
  );

  app.get('/tilbud/:id/rediger', { schema: { hide: true } }, (req, reply) => showEdit(req, reply, pageId(req.params)));
  app.post('/tilbud/:id/rediger', { schema: { hide: true } }, (req, reply) => {
    const id = pageId(req.params);
    return saveOrShow(
      reply,
      async () => (await patchOffering(req.ctx, id, formToInput(formBody(req)), formVersion(formBody(req).version)), `/tilbud/${id}?gemt=1`),
      (errors, stale) => showEdit(req, reply, id, stale ? withoutVersion(formBody(req)) : formBody(req), errors, stale),
    );
  });

  app.get('/tilbud/:id/luk', { schema: { hide: true } }, (req, reply) => showClose(req, reply, pageId(req.params)));
  app.post('/tilbud/:id/luk', { schema: { hide: true } }, (req, reply) => {
    const id = pageId(req.params);
    const body = formBody(req);
    return saveOrShow(
      reply,
      async () => (
        await closeOffering(req.ctx, id, { status: one(body.status), statusSince: one(body.statusSince), reason: one(body.reason) }, formVersion(body.version)),
        `/tilbud/${id}?gemt=1`
      ),
      (errors, stale) => showClose(req, reply, id, stale ? withoutVersion(body) : body, errors, stale),
    );
  });
}
