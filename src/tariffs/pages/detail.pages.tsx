/**
 * @module Routes of one tariff version: its page, what-if (a plain form, or a live fragment with JavaScript), and
 * the actions of the round. A refused action (400, 409) is shown on the page with the form's input kept.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { approveVersion, deleteDraft, returnVersion, submitVersion, tariffPage, whatIfOnTariff } from '../tariffs.service.js';
import type { WhatIfValues } from '../whatif.js';
import { NOTICES, tariffPage as tariffPageView, type TariffPageView } from './detail.view.js';
import { fieldOf, formOf, isFormError, isFragment, paramsOf, queryOf, sendFragment, zPageId } from './http.js';
import { WhatIfResult } from './whatif.view.js';

const ZId = z.object({ id: zPageId });
const idOf = (req: FastifyRequest) => paramsOf(ZId, req, 'Taksten findes ikke.').id;

type Extra = Partial<Pick<TariffPageView, 'errors' | 'httpStatus' | 'returnComment' | 'explanation'>> & { whatIf?: WhatIfValues };

async function render(req: FastifyRequest, reply: FastifyReply, extra: Extra = {}) {
  const { whatIf, ...rest } = extra;
  const data = await tariffPage(req.ctx, idOf(req), { whatIf });
  const notice = Object.keys(NOTICES).find((k) => queryOf(req)[k] === '1');
  return reply.page(tariffPageView({ ...data, csrf: req.csrf, notice, ...rest }));
}

/** A round action: run it and go back to the tariff (or the front page after a deletion); a refusal is shown on the page. */
function action(app: FastifyInstance, path: string, run: (req: FastifyRequest, id: number) => Promise<void>, done: (id: number) => string, errorField: string) {
  app.post(`/takster/:id/${path}`, { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    try {
      await run(req, id);
      return reply.redirect(done(id), 303);
    } catch (error) {
      if (!isFormError(error)) throw error;
      const errors = Object.keys(error.fieldErrors).length ? error.fieldErrors : { [errorField]: [error.message] };
      return render(req, reply, { errors, httpStatus: error.statusCode, returnComment: fieldOf(req, 'comment'), explanation: fieldOf(req, 'explanation') });
    }
  });
}

export function detailPages(app: FastifyInstance) {
  app.get('/takster/:id', { schema: { hide: true } }, async (req, reply) => render(req, reply));

  app.post('/takster/:id/hvis', { schema: { hide: true } }, async (req, reply) => {
    const values = formOf(req) as WhatIfValues;
    if (!isFragment(req)) return render(req, reply, { whatIf: values });
    const { outcome, current } = await whatIfOnTariff(req.ctx, idOf(req), values);
    return sendFragment(reply, <WhatIfResult outcome={outcome} current={current} />);
  });

  action(
    app,
    'indsend',
    (req, id) => submitVersion(req.ctx, id, { explanation: fieldOf(req, 'explanation') }),
    (id) => `/takster/${id}?indsendt=1`,
    '_',
  );
  action(
    app,
    'godkend',
    (req, id) => approveVersion(req.ctx, id),
    (id) => `/takster/${id}?godkendt=1`,
    '_',
  );
  action(
    app,
    'returner',
    (req, id) => returnVersion(req.ctx, id, { comment: fieldOf(req, 'comment') ?? '' }),
    (id) => `/takster/${id}?returneret=1`,
    'comment',
  );
  action(
    app,
    'slet',
    (req, id) => deleteDraft(req.ctx, id),
    () => '/takster?slettet=1',
    '_',
  );
}
