/**
 * @module Routes of the content editor: the content page and the forms that add and change free sections, focus
 * areas with objectives, principles with commitments (secretariat only). Rendering is in content.view.tsx.
 */
import type { FastifyInstance } from 'fastify';
import {
  commitmentForm,
  contentView,
  focusAreaForm,
  principleForm,
  saveCommitment,
  saveFocusArea,
  saveObjective,
  savePrinciple,
  saveSection,
  sectionForm,
} from '../content.service.js';
import { commitmentPage, contentPage, focusAreaPage, newFocusAreaPage, newPrinciplePage, principlePage, sectionPage } from './content.view.js';
import { formVersion } from '../../core/version.js';
import { HTML, agreementUrl, body, idParam, prefixed, refusedForm, submit } from './shared.js';

export function contentPages(app: FastifyInstance) {
  app.get('/aftaler/:id/indhold', HTML, async (req, reply) => reply.page(contentPage(await contentView(req.ctx, idParam(req)))));

  // Free sections -------------------------------------------------------------------------------------------
  const sectionRoute = (path: string, isNew: boolean) => {
    const sectionId = (params: Parameters<typeof idParam>[0]) => (isNew ? null : idParam(params, 'sid'));
    app.get(path, HTML, async (req, reply) => {
      const { agreement, section } = await sectionForm(req.ctx, idParam(req), sectionId(req));
      return reply.page(sectionPage(agreement, req.csrf, req.url, isNew, { values: section ?? {} }));
    });
    app.post(path, HTML, async (req, reply) => {
      const [id, sid] = [idParam(req), sectionId(req)];
      return submit(
        reply,
        async () => (await saveSection(req.ctx, id, sid, body(req), isNew ? undefined : formVersion(body(req).version)), agreementUrl(id, '/indhold')),
        async (errors, _message, stale) => {
          const vm = await sectionForm(req.ctx, id, sid);
          return reply.page(sectionPage(vm.agreement, req.csrf, req.url, isNew, refusedForm(body(req), errors, stale, vm.section ?? undefined)));
        },
      );
    });
  };
  sectionRoute('/aftaler/:id/afsnit/ny', true);
  sectionRoute('/aftaler/:id/afsnit/:sid', false);

  // Focus areas and their objectives ------------------------------------------------------------------------
  app.get('/aftaler/:id/fokusomraader/ny', HTML, async (req, reply) =>
    reply.page(newFocusAreaPage(await focusAreaForm(req.ctx, idParam(req), null), req.csrf, req.url)),
  );
  app.post('/aftaler/:id/fokusomraader/ny', HTML, async (req, reply) => {
    const id = idParam(req);
    return submit(
      reply,
      async () => agreementUrl(id, `/fokusomraader/${(await saveFocusArea(req.ctx, id, null, body(req))).id}`),
      async (errors) => reply.page(newFocusAreaPage(await focusAreaForm(req.ctx, id, null), req.csrf, req.url, { values: body(req), errors })),
    );
  });
  app.get('/aftaler/:id/fokusomraader/:fid', HTML, async (req, reply) =>
    reply.page(focusAreaPage(await focusAreaForm(req.ctx, idParam(req), idParam(req, 'fid')), req.csrf)),
  );
  app.post('/aftaler/:id/fokusomraader/:fid', HTML, async (req, reply) => {
    const [id, fid] = [idParam(req), idParam(req, 'fid')];
    return submit(
      reply,
      async () => (await saveFocusArea(req.ctx, id, fid, body(req), formVersion(body(req).version)), agreementUrl(id, '/indhold')),
      async (errors, _message, stale) => {
        const vm = await focusAreaForm(req.ctx, id, fid);
        return reply.page(focusAreaPage(vm, req.csrf, refusedForm(body(req), errors, stale, vm.focusArea ?? undefined)));
      },
    );
  });
  app.post('/aftaler/:id/fokusomraader/:fid/maalsaetninger', HTML, async (req, reply) => {
    const [id, fid] = [idParam(req), idParam(req, 'fid')];
    const input = prefixed(body(req), 'obj.');
    return submit(
      reply,
      async () => (await saveObjective(req.ctx, id, fid, null, input), agreementUrl(id, `/fokusomraader/${fid}`)),
      async (errors) => reply.page(focusAreaPage(await focusAreaForm(req.ctx, id, fid), req.csrf, undefined, { values: input, errors })),
    );
  });

  // Principles and commitments ------------------------------------------------------------------------------
  app.get('/aftaler/:id/principper/ny', HTML, async (req, reply) =>
    reply.page(newPrinciplePage((await principleForm(req.ctx, idParam(req), null)).agreement, req.csrf, req.url)),
  );
  app.post('/aftaler/:id/principper/ny', HTML, async (req, reply) => {
    const id = idParam(req);
    return submit(
      reply,
      async () => agreementUrl(id, `/principper/${(await savePrinciple(req.ctx, id, null, body(req))).id}/rediger`),
      async (errors) => reply.page(newPrinciplePage((await principleForm(req.ctx, id, null)).agreement, req.csrf, req.url, { values: body(req), errors })),
    );
  });
  app.get('/aftaler/:id/principper/:pid/rediger', HTML, async (req, reply) =>
    reply.page(principlePage(await principleForm(req.ctx, idParam(req), idParam(req, 'pid')), req.csrf)),
  );
  app.post('/aftaler/:id/principper/:pid/rediger', HTML, async (req, reply) => {
    const [id, pid] = [idParam(req), idParam(req, 'pid')];
    return submit(
      reply,
      async () => (await savePrinciple(req.ctx, id, pid, body(req), formVersion(body(req).version)), agreementUrl(id, '/indhold')),
      async (errors, _message, stale) => {
        const vm = await principleForm(req.ctx, id, pid);
        return reply.page(principlePage(vm, req.csrf, refusedForm(body(req), errors, stale, vm.principle ?? undefined)));
      },
    );
  });
  app.post('/aftaler/:id/principper/:pid/tilsagn', HTML, async (req, reply) => {
    const [id, pid] = [idParam(req), idParam(req, 'pid')];
    const input = prefixed(body(req), 'c.');
    return submit(
      reply,
      async () => (await saveCommitment(req.ctx, id, pid, null, input), agreementUrl(id, `/principper/${pid}/rediger`)),
      async (errors) => reply.page(principlePage(await principleForm(req.ctx, id, pid), req.csrf, undefined, { values: input, errors })),
    );
  });
  app.get('/aftaler/:id/tilsagn/:cid', HTML, async (req, reply) =>
    reply.page(commitmentPage(await commitmentForm(req.ctx, idParam(req), idParam(req, 'cid')), req.csrf, req.url)),
  );
  app.post('/aftaler/:id/tilsagn/:cid', HTML, async (req, reply) => {
    const [id, cid] = [idParam(req), idParam(req, 'cid')];
    const vm = await commitmentForm(req.ctx, id, cid);
    const pid = vm.commitment.principle_id;
    return submit(
      reply,
      async () => (await saveCommitment(req.ctx, id, pid, cid, body(req), formVersion(body(req).version)), agreementUrl(id, `/principper/${pid}/rediger`)),
      async (errors, _message, stale) => {
        const fresh = stale ? await commitmentForm(req.ctx, id, cid) : vm;
        return reply.page(commitmentPage(fresh, req.csrf, req.url, refusedForm(body(req), errors, stale, fresh.commitment)));
      },
    );
  });
}
