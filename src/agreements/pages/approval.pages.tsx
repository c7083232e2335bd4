/**
 * @module Routes of the approval: every member's council decision, and the form where the member itself (or the
 * secretariat on its behalf) records one. Rendering is in approval.view.tsx.
 */
import type { FastifyInstance } from 'fastify';
import { approvalForm, approvalView, setApproval } from '../process.service.js';
import { approvalPage, decisionPage, decisionValues } from './approval.view.js';
import { HTML, agreementUrl, body, idParam, submit } from './shared.js';

export function approvalPages(app: FastifyInstance) {
  app.get('/aftaler/:id/godkendelse', HTML, async (req, reply) => reply.page(approvalPage(await approvalView(req.ctx, idParam(req)))));

  app.get('/aftaler/:id/godkendelse/:orgId', HTML, async (req, reply) => {
    const vm = await approvalForm(req.ctx, idParam(req), idParam(req, 'orgId'));
    return reply.page(decisionPage(vm, req.csrf, { values: decisionValues(vm.current) }));
  });
  app.post('/aftaler/:id/godkendelse/:orgId', HTML, async (req, reply) => {
    const [id, orgId] = [idParam(req), idParam(req, 'orgId')];
    return submit(
      reply,
      async () => (await setApproval(req.ctx, id, orgId, body(req)), agreementUrl(id, '/godkendelse')),
      async (errors) => reply.page(decisionPage(await approvalForm(req.ctx, id, orgId), req.csrf, { values: body(req), errors })),
    );
  });
}
