/**
 * @module Routes of the tariff editor: a new draft for an offering and year (or a new version of a published
 * tariff), editing a draft, and the live calculation fragment. Without JavaScript the "Beregn uden at gemme"
 * button shows the same calculation by reloading the page. A refused save shows the form again (400).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError, type FieldErrors } from '../../core/errors.js';
import { formVersion, isStale } from '../../core/version.js';
import type { FormValues } from '../draft.form.js';
import { createDraftFromForm, draftEditor, newDraftEditor, previewDraft, startDraft, updateDraftFromForm, type EditorModel } from '../draft.service.js';
import { editorPage, PreviewPanel } from './editor.view.js';
import { formOf, isFragment, paramsOf, sendFragment, zPageId, zPageYear } from './http.js';

const ZOfferingYear = z.object({ offeringId: zPageId, year: zPageYear });
const ZId = z.object({ id: zPageId });

const show = (req: FastifyRequest, reply: FastifyReply, model: EditorModel, refused?: { errors: FieldErrors }) =>
  reply.page(editorPage({ ...model, csrf: req.csrf, ...(refused ? { errors: refused.errors, httpStatus: 400 } : {}) }));

const isInvalid = (error: unknown): error is HttpError => error instanceof HttpError && error.statusCode === 400;

/** Shown above the editor when another user saved the draft after the editor was opened (412). */
export const CHANGED_MEANWHILE =
  'En anden har ændret taksten, mens du redigerede den. Dine ændringer er ikke gemt, men står stadig i formularen. Se taksten for den andens ændringer, og gem igen, hvis dine stadig skal gælde.';

export function editorPages(app: FastifyInstance) {
  app.get('/takster/tilbud/:offeringId/:year/ny', { schema: { hide: true } }, async (req, reply) => {
    const { offeringId, year } = paramsOf(ZOfferingYear, req);
    const editor = await startDraft(req.ctx, offeringId, year);
    if ('openVersionId' in editor) return reply.redirect(`/takster/${editor.openVersionId}`, 303);
    return show(req, reply, editor);
  });

  app.post('/takster/tilbud/:offeringId/:year/ny', { schema: { hide: true } }, async (req, reply) => {
    const { offeringId, year } = paramsOf(ZOfferingYear, req);
    const values = formOf(req) as FormValues;
    const again = (o: { withPreview: boolean }) => newDraftEditor(req.ctx, offeringId, year, values, o);
    if (values.handling === 'beregn') return show(req, reply, await again({ withPreview: true }));
    try {
      const id = await createDraftFromForm(req.ctx, offeringId, year, values);
      return reply.redirect(`/takster/${id}?gemt=1`, 303);
    } catch (error) {
      if (!isInvalid(error)) throw error;
      return show(req, reply, await again({ withPreview: false }), {
        errors: Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] },
      });
    }
  });

  app.post('/takster/forhaandsvisning/:offeringId/:year', { schema: { hide: true } }, async (req, reply) => {
    const { offeringId, year } = paramsOf(ZOfferingYear, req);
    const { computed, errors, offering } = await previewDraft(req.ctx, offeringId, year, formOf(req) as FormValues);
    if (isFragment(req)) return sendFragment(reply, <PreviewPanel computed={computed} errors={errors} isResidential={offering.is_residential} />);
    return reply.redirect(`/takster/tilbud/${offering.id}`, 303);
  });

  app.get('/takster/:id/rediger', { schema: { hide: true } }, async (req, reply) => {
    const { id } = paramsOf(ZId, req, 'Taksten findes ikke.');
    return show(req, reply, await draftEditor(req.ctx, id, null, { withPreview: true }));
  });

  app.post('/takster/:id/rediger', { schema: { hide: true } }, async (req, reply) => {
    const { id } = paramsOf(ZId, req, 'Taksten findes ikke.');
    const values = formOf(req) as FormValues;
    if (values.handling === 'beregn') return show(req, reply, await draftEditor(req.ctx, id, values, { withPreview: true }));
    try {
      await updateDraftFromForm(req.ctx, id, values, formVersion(values.revision));
      return reply.redirect(`/takster/${id}?gemt=1`, 303);
    } catch (error) {
      if (isStale(error)) {
        // What the user typed, on the revision stored now, with the message; saving again is a conscious choice.
        const { revision: _r, ...typed } = values;
        const model = await draftEditor(req.ctx, id, typed, { withPreview: false });
        return reply.page(editorPage({ ...model, csrf: req.csrf, message: CHANGED_MEANWHILE, httpStatus: 409 }));
      }
      if (!isInvalid(error)) throw error;
      return show(req, reply, await draftEditor(req.ctx, id, values, { withPreview: false }), {
        errors: Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] },
      });
    }
  });
}
