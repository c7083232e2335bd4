/**
 * @module Routes of free places: the placements front page, the operator's report form for one offering
 * (report, or confirm "no change" in one click), and the secretariat's stale reports per operator.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../core/errors.js';
import { confirmVacancy, placementsFront, reportVacancy, staleReports, vacancyForm } from '../vacancy.service.js';
import { crumbs, formBody, one, pageId, saveOrShow, type FormValues } from './http.js';
import { FrontPage, ReportPage, StalePage } from './vacancy.view.js';

const orUndefined = (v: string) => (v.trim() === '' ? undefined : v);

/** The form's fields as the service's input (one expected date on the form). */
function toInput(b: FormValues) {
  const date = one(b.expectedDate).trim();
  return {
    freeNow: orUndefined(one(b.freeNow)),
    waitingCount: orUndefined(one(b.waitingCount)),
    takenOutside: orUndefined(one(b.takenOutside)),
    note: one(b.note),
    expected: date || one(b.expectedPlaces).trim() ? [{ date, places: orUndefined(one(b.expectedPlaces)) }] : [],
  };
}

/** Field messages of the expected list land on the form's two fields. */
function toFormErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, msgs] of Object.entries(errors)) {
    const key = k === 'expected' || k === 'expected.0.date' ? 'expectedDate' : k === 'expected.0.places' ? 'expectedPlaces' : k;
    (out[key] ??= []).push(...msgs);
  }
  return out;
}

async function showReport(req: FastifyRequest, reply: FastifyReply, id: number, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = await vacancyForm(req.ctx, id);
  const saved = one((req.query as FormValues | undefined)?.gemt);
  return reply.page({
    title: `Ledige pladser: ${view.offering.offering_name}`,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...crumbs, { label: view.offering.offering_name }],
    body: <ReportPage offering={view.offering} figures={view.figures} csrf={req.csrf} values={values} errors={errors} saved={saved} />,
  });
}

export function vacancyPages(app: FastifyInstance) {
  app.get('/pladser', { schema: { hide: true } }, async (req, reply) => {
    const view = await placementsFront(req.ctx);
    return reply.page({ title: 'Pladser', breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Pladser' }], body: <FrontPage {...view} /> });
  });

  app.get('/pladser/tilbud/:id', { schema: { hide: true } }, (req, reply) => showReport(req, reply, pageId(req)));

  app.post('/pladser/tilbud/:id', { schema: { hide: true } }, (req, reply) => {
    const id = pageId(req);
    const body = formBody(req);
    return saveOrShow(
      reply,
      async () => (await reportVacancy(req.ctx, id, toInput(body)), `/pladser/tilbud/${id}?gemt=meldt`),
      (errors, status) => showReport(req, reply, id, body, toFormErrors(errors), status),
    );
  });

  app.post('/pladser/tilbud/:id/bekraeft', { schema: { hide: true } }, async (req, reply) => {
    const id = pageId(req);
    return saveOrShow(
      reply,
      async () => (await confirmVacancy(req.ctx, id), `/pladser/tilbud/${id}?gemt=bekraeftet`),
      (errors, status) => showReport(req, reply, id, undefined, errors, status),
    );
  });

  app.get('/pladser/foraeldede', { schema: { hide: true } }, async (req, reply) =>
    reply.page({
      title: 'Forældede pladsmeldinger',
      breadcrumbs: [...crumbs, { label: 'Forældede meldinger' }],
      body: <StalePage {...(await staleReports(req.ctx))} />,
    }),
  );
}
