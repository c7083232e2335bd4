/**
 * @module Routes of the process plan: the timeline, and the secretariat's forms for phases and milestones.
 * Rendering is in timeline.view.tsx.
 */
import type { FastifyInstance } from 'fastify';
import { completeMilestone, saveMilestone, savePhase, timelineView } from '../process.service.js';
import { HTML, agreementUrl, body, idParam, prefixed, submit } from './shared.js';
import { timelinePage } from './timeline.view.js';

export function timelinePages(app: FastifyInstance) {
  app.get('/aftaler/:id/tidslinje', HTML, async (req, reply) => reply.page(timelinePage(await timelineView(req.ctx, idParam(req)), req.csrf)));

  app.post('/aftaler/:id/faser', HTML, async (req, reply) => {
    const id = idParam(req);
    const values = prefixed(body(req), 'p.');
    return submit(
      reply,
      async () => (await savePhase(req.ctx, id, null, values), agreementUrl(id, '/tidslinje')),
      async (errors) => reply.page(timelinePage(await timelineView(req.ctx, id), req.csrf, { which: 'p', values, errors })),
    );
  });
  app.post('/aftaler/:id/milepaele', HTML, async (req, reply) => {
    const id = idParam(req);
    const values = prefixed(body(req), 'm.');
    return submit(
      reply,
      async () => (await saveMilestone(req.ctx, id, null, values), agreementUrl(id, '/tidslinje')),
      async (errors) => reply.page(timelinePage(await timelineView(req.ctx, id), req.csrf, { which: 'm', values, errors })),
    );
  });
  app.post('/aftaler/:id/milepaele/:mid/gennemfoert', HTML, async (req, reply) => {
    const id = idParam(req);
    await completeMilestone(req.ctx, id, idParam(req, 'mid'));
    return reply.redirect(agreementUrl(id, '/tidslinje'), 303);
  });
}
