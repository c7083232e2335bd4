/**
 * @module Routes of the hearing: versions of the agreement text, comments per section, the secretariat's answers,
 * and the next version whose changelog links the comments it answers. Rendering is in hearing.view.tsx.
 */
import type { FastifyInstance } from 'fastify';
import { asArray } from '../../core/validation.js';
import { addComment, createVersion, hearingView, respondToComment, responseForm, versionView } from '../hearing.service.js';
import { commentAnchor, hearingPage, responsePage, responseValues, versionPage } from './hearing.view.js';
import { HTML, agreementUrl, body, idParam, submit } from './shared.js';

export function hearingPages(app: FastifyInstance) {
  app.get('/aftaler/:id/hoering', HTML, async (req, reply) => reply.page(hearingPage(await hearingView(req.ctx, idParam(req)), req.csrf)));
  app.post('/aftaler/:id/versioner', HTML, async (req, reply) => {
    const id = idParam(req);
    const b = body(req);
    const input = { changelog: b.changelog, addressedCommentIds: asArray(b.addressedCommentIds) };
    return submit(
      reply,
      async () => agreementUrl(id, `/versioner/${(await createVersion(req.ctx, id, input)).id}`),
      async (errors) => reply.page(hearingPage(await hearingView(req.ctx, id), req.csrf, { values: b, errors })),
    );
  });

  app.get('/aftaler/:id/versioner/:vid', HTML, async (req, reply) =>
    reply.page(versionPage(await versionView(req.ctx, idParam(req), idParam(req, 'vid')), req.csrf)),
  );
  app.post('/aftaler/:id/versioner/:vid/hoeringssvar', HTML, async (req, reply) => {
    const [id, vid] = [idParam(req), idParam(req, 'vid')];
    return submit(
      reply,
      async () => `${agreementUrl(id, '/hoering')}#${commentAnchor(await addComment(req.ctx, id, vid, body(req)))}`,
      async (errors) => reply.page(versionPage(await versionView(req.ctx, id, vid), req.csrf, { values: body(req), errors })),
    );
  });

  app.get('/aftaler/:id/hoeringssvar/:cid', HTML, async (req, reply) => {
    const vm = await responseForm(req.ctx, idParam(req), idParam(req, 'cid'));
    return reply.page(responsePage(vm, req.csrf, { values: responseValues(vm.comment) }));
  });
  app.post('/aftaler/:id/hoeringssvar/:cid', HTML, async (req, reply) => {
    const [id, cid] = [idParam(req), idParam(req, 'cid')];
    return submit(
      reply,
      async () => (await respondToComment(req.ctx, id, cid, body(req)), `${agreementUrl(id, '/hoering')}#${commentAnchor(cid)}`),
      async (errors) => reply.page(responsePage(await responseForm(req.ctx, id, cid), req.csrf, { values: body(req), errors })),
    );
  });
}
