/**
 * @module Routes of the agreement itself: list, creation, overview, editing, the status change and publication.
 * Each handler validates its address, calls one service and renders (agreements.view.tsx).
 */
import type { FastifyInstance } from 'fastify';
import {
  agreementForEditing,
  agreementListPage,
  agreementOverview,
  changeStatus,
  createAgreement,
  publicationView,
  requireCreate,
  setPublished,
  updateAgreement,
} from '../agreements.service.js';
import { agreementValues, editPage, listPage, newPage, overviewPage, publicationPage } from './agreements.view.js';
import { formVersion } from '../../core/version.js';
import { HTML, agreementUrl, body, idParam, refusedForm, submit } from './shared.js';

export function agreementPages(app: FastifyInstance) {
  app.get('/aftaler', HTML, async (req, reply) => reply.page(listPage(await agreementListPage(req.ctx))));

  app.get('/aftaler/ny', HTML, async (req, reply) => {
    requireCreate(req.ctx);
    return reply.page(newPage(req.csrf));
  });
  app.post('/aftaler/ny', HTML, async (req, reply) =>
    submit(
      reply,
      async () => agreementUrl(await createAgreement(req.ctx, body(req))),
      async (errors) => reply.page(newPage(req.csrf, { values: body(req), errors })),
    ),
  );

  app.get('/aftaler/:id', HTML, async (req, reply) => {
    const notice = (req.query as { besked?: string }).besked;
    const vm = await agreementOverview(req.ctx, idParam(req));
    return reply.page(overviewPage(vm, req.csrf, undefined, notice === 'offentliggjort' || notice === 'ikke-offentlig' ? notice : null));
  });

  app.post('/aftaler/:id/status', HTML, async (req, reply) => {
    const id = idParam(req);
    return submit(
      reply,
      async () => (await changeStatus(req.ctx, id, body(req)), agreementUrl(id)),
      async (errors) => reply.page(overviewPage(await agreementOverview(req.ctx, id), req.csrf, { values: body(req), errors })),
    );
  });
  app.get('/aftaler/:id/offentliggoerelse', HTML, async (req, reply) => reply.page(publicationPage(await publicationView(req.ctx, idParam(req)), req.csrf)));
  app.post('/aftaler/:id/offentliggoerelse', HTML, async (req, reply) => {
    const id = idParam(req);
    return submit(
      reply,
      async () => `${agreementUrl(id)}?besked=${(await setPublished(req.ctx, id, body(req))).isPublic ? 'offentliggjort' : 'ikke-offentlig'}`,
      async (errors) => reply.page(publicationPage(await publicationView(req.ctx, id), req.csrf, { values: body(req), errors })),
    );
  });

  app.get('/aftaler/:id/rediger', HTML, async (req, reply) => {
    const a = await agreementForEditing(req.ctx, idParam(req));
    return reply.page(editPage(a, req.csrf, { values: agreementValues(a) }));
  });
  app.post('/aftaler/:id/rediger', HTML, async (req, reply) => {
    const id = idParam(req);
    return submit(
      reply,
      async () => (await updateAgreement(req.ctx, id, body(req), formVersion(body(req).version)), agreementUrl(id)),
      async (errors, _message, stale) => {
        const a = await agreementForEditing(req.ctx, id);
        return reply.page(editPage(a, req.csrf, refusedForm(body(req), errors, stale, a)));
      },
    );
  });
}
