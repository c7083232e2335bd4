/**
 * @module Routes of the indicator pages: an indicator's values and measurements, and the secretariat's forms to
 * define an indicator and record a measurement. Rendering is in indicators.view.tsx.
 */
import type { FastifyInstance } from 'fastify';
import { addMeasurement, indicatorForm, indicatorView, saveIndicator } from '../indicator.service.js';
import { indicatorFormPage, indicatorPage, indicatorValuesOf } from './indicators.view.js';
import { formVersion } from '../../core/version.js';
import { HTML, agreementUrl, body, idParam, refusedForm, submit } from './shared.js';

export function indicatorPages(app: FastifyInstance) {
  app.get('/aftaler/:id/indikatorer/ny', HTML, async (req, reply) =>
    reply.page(indicatorFormPage(await indicatorForm(req.ctx, idParam(req), null), req.csrf, req.url, 'Tilføj indikator', { values: {} })),
  );
  app.post('/aftaler/:id/indikatorer/ny', HTML, async (req, reply) => {
    const id = idParam(req);
    return submit(
      reply,
      async () => agreementUrl(id, `/indikatorer/${(await saveIndicator(req.ctx, id, null, body(req))).id}`),
      async (errors) =>
        reply.page(indicatorFormPage(await indicatorForm(req.ctx, id, null), req.csrf, req.url, 'Tilføj indikator', { values: body(req), errors })),
    );
  });
  app.get('/aftaler/:id/indikatorer/:iid/rediger', HTML, async (req, reply) => {
    const vm = await indicatorForm(req.ctx, idParam(req), idParam(req, 'iid'));
    return reply.page(indicatorFormPage(vm, req.csrf, req.url, `Ret indikator: ${vm.indicator!.name}`, { values: indicatorValuesOf(vm.indicator!) }));
  });
  app.post('/aftaler/:id/indikatorer/:iid/rediger', HTML, async (req, reply) => {
    const [id, iid] = [idParam(req), idParam(req, 'iid')];
    return submit(
      reply,
      async () => (await saveIndicator(req.ctx, id, iid, body(req), formVersion(body(req).version)), agreementUrl(id, `/indikatorer/${iid}`)),
      async (errors, _message, stale) => {
        const vm = await indicatorForm(req.ctx, id, iid);
        return reply.page(indicatorFormPage(vm, req.csrf, req.url, 'Ret indikator', refusedForm(body(req), errors, stale, vm.indicator ?? undefined)));
      },
    );
  });

  app.get('/aftaler/:id/indikatorer/:iid', HTML, async (req, reply) =>
    reply.page(indicatorPage(await indicatorView(req.ctx, idParam(req), idParam(req, 'iid')), req.csrf)),
  );
  app.post('/aftaler/:id/indikatorer/:iid/maalinger', HTML, async (req, reply) => {
    const [id, iid] = [idParam(req), idParam(req, 'iid')];
    return submit(
      reply,
      async () => (await addMeasurement(req.ctx, id, iid, body(req)), agreementUrl(id, `/indikatorer/${iid}`)),
      async (errors) => reply.page(indicatorPage(await indicatorView(req.ctx, id, iid), req.csrf, { values: body(req), errors })),
    );
  });
}
