/**
 * @module Routes of the joint principles matrix: the matrix page, its Excel export, and the form where a member
 * reports its own status per commitment. Rendering is in matrix.view.tsx.
 */
import type { FastifyInstance } from 'fastify';
import { badRequest } from '../../core/errors.js';
import { matrixView, setCommitmentStatuses, statusForm } from '../matrix.service.js';
import { matrixPage, matrixWorkbook, statusPage } from './matrix.view.js';
import { HTML, agreementUrl, body, idParam, str, submit } from './shared.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The status form's fields `status_<id>`, `date_<id>`, `evidence_<id>` as items; dates not shaped like dates are named per field. */
function statusItems(b: Record<string, unknown>) {
  const items = Object.keys(b)
    .filter((k) => /^status_\d+$/.test(k))
    .map((k) => {
      const id = Number(k.slice(7));
      return { commitmentId: id, status: str(b[k]).trim(), statusDate: str(b[`date_${id}`]).trim() || null, evidence: str(b[`evidence_${id}`]).trim() || null };
    });
  const bad = items.filter((i) => i.statusDate && !/^\d{4}-\d{2}-\d{2}$/.test(i.statusDate));
  if (bad.length)
    throw badRequest('Oplysningerne er ikke gyldige.', Object.fromEntries(bad.map((i) => [`date_${i.commitmentId}`, ['Skal være en dato (åååå-mm-dd).']])));
  return items;
}

export function matrixPages(app: FastifyInstance) {
  app.get('/aftaler/:id/principper', HTML, async (req, reply) => reply.page(matrixPage(await matrixView(req.ctx, idParam(req)))));

  app.get('/aftaler/:id/principper/matrix.xlsx', HTML, async (req, reply) => {
    const vm = await matrixView(req.ctx, idParam(req));
    const file = await matrixWorkbook(vm);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="principper-${vm.agreement.id}-${vm.today}.xlsx"`).send(file);
  });

  app.get('/aftaler/:id/principper/status', HTML, async (req, reply) => reply.page(statusPage(await statusForm(req.ctx, idParam(req)), req.csrf)));
  app.post('/aftaler/:id/principper/status', HTML, async (req, reply) => {
    const id = idParam(req);
    return submit(
      reply,
      async () => (
        await setCommitmentStatuses(req.ctx, id, req.actor?.organisationId ?? -1, { items: statusItems(body(req)) }), agreementUrl(id, '/principper')
      ),
      async (errors) => reply.page(statusPage(await statusForm(req.ctx, id), req.csrf, { values: body(req), errors })),
    );
  });
}
