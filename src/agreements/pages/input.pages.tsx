/**
 * @module Routes of the input rounds: the list and creation, a round's page, groups with their answers and votes,
 * one question's answers side by side, and the Excel export. Rendering is in input.view.tsx.
 */
import type { FastifyInstance } from 'fastify';
import { pickPrefixed } from '../agreements.schema.js';
import {
  createGroup,
  createRound,
  groupForm,
  questionView,
  roundExport,
  roundView,
  roundsView,
  saveAnswers,
  saveVotes,
  setRoundOpen,
} from '../input.service.js';
import { groupPage, questionPage, roundPage, roundUrl, roundWorkbook, roundsPage } from './input.view.js';
import { HTML, body, idParam, str, submit } from './shared.js';

export function inputPages(app: FastifyInstance) {
  app.get('/aftaler/:id/input', HTML, async (req, reply) => reply.page(roundsPage(await roundsView(req.ctx, idParam(req)), req.csrf)));
  app.post('/aftaler/:id/input', HTML, async (req, reply) => {
    const id = idParam(req);
    return submit(
      reply,
      async () => roundUrl(id, await createRound(req.ctx, id, body(req))),
      async (errors) => reply.page(roundsPage(await roundsView(req.ctx, id), req.csrf, { values: body(req), errors })),
    );
  });

  app.get('/aftaler/:id/input/:rid', HTML, async (req, reply) => reply.page(roundPage(await roundView(req.ctx, idParam(req), idParam(req, 'rid')), req.csrf)));
  app.post('/aftaler/:id/input/:rid/aaben', HTML, async (req, reply) => {
    const [id, rid] = [idParam(req), idParam(req, 'rid')];
    await setRoundOpen(req.ctx, id, rid, str(body(req).isOpen) === 'true');
    return reply.redirect(roundUrl(id, rid), 303);
  });
  app.post('/aftaler/:id/input/:rid/grupper', HTML, async (req, reply) => {
    const [id, rid] = [idParam(req), idParam(req, 'rid')];
    return submit(
      reply,
      async () => roundUrl(id, rid, `/grupper/${await createGroup(req.ctx, id, rid, body(req))}`),
      async (errors) => reply.page(roundPage(await roundView(req.ctx, id, rid), req.csrf, { values: body(req), errors })),
    );
  });

  app.get('/aftaler/:id/input/:rid/grupper/:gid', HTML, async (req, reply) =>
    reply.page(groupPage(await groupForm(req.ctx, idParam(req), idParam(req, 'rid'), idParam(req, 'gid')), req.csrf)),
  );
  app.post('/aftaler/:id/input/:rid/grupper/:gid/svar', HTML, async (req, reply) => {
    const [id, rid, gid] = [idParam(req), idParam(req, 'rid'), idParam(req, 'gid')];
    return submit(
      reply,
      async () => (await saveAnswers(req.ctx, id, rid, gid, { answers: pickPrefixed(body(req), 'answer_') }), roundUrl(id, rid)),
      async (errors) => reply.page(groupPage(await groupForm(req.ctx, id, rid, gid), req.csrf, { values: body(req), errors })),
    );
  });
  app.post('/aftaler/:id/input/:rid/grupper/:gid/stemmer', HTML, async (req, reply) => {
    const [id, rid, gid] = [idParam(req), idParam(req, 'rid'), idParam(req, 'gid')];
    const votes = Object.fromEntries(Object.entries(pickPrefixed(body(req), 'vote_')).map(([k, v]) => [k, str(v).trim() === '' ? 0 : v]));
    return submit(
      reply,
      async () => (await saveVotes(req.ctx, id, rid, gid, { votes }), roundUrl(id, rid)),
      async (errors) => {
        // Every vote problem is shown once, above the votes.
        const flat = Object.entries(errors)
          .filter(([k]) => k.startsWith('votes'))
          .flatMap(([, v]) => v);
        return reply.page(groupPage(await groupForm(req.ctx, id, rid, gid), req.csrf, { values: body(req), errors: flat.length ? { votes: flat } : errors }));
      },
    );
  });

  app.get('/aftaler/:id/input/:rid/spoergsmaal/:qid', HTML, async (req, reply) =>
    reply.page(questionPage(await questionView(req.ctx, idParam(req), idParam(req, 'rid'), idParam(req, 'qid')))),
  );
  app.get('/aftaler/:id/input/:rid/svar.xlsx', HTML, async (req, reply) => {
    const data = await roundExport(req.ctx, idParam(req), idParam(req, 'rid'));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="inputrunde-${data.round.id}.xlsx"`)
      .send(await roundWorkbook(data));
  });
}
