/**
 * @module Routes of standard contracts: the list, one contract with its actions (each POST calls one service and
 * redirects back, or shows the page again with the Danish messages), the terms form of a draft, the PDF, and a
 * draft made from a confirmed reservation.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../core/errors.js';
import { contractPage, termsPage } from '../contract-page.service.js';
import { listContracts } from '../contract-list.service.js';
import { acceptContract, addAmendment, createContractDraft, giveNotice, recordPublicFirst, saveTerms, sendContract } from '../contract.service.js';
import { contractPdf } from '../contract.pdf.js';
import { crumbs, formBody, one, pageId, saveOrShow, type FormValues } from './http.js';
import { ContractPage, ContractsPage, TermsPage } from './contract.view.js';

const HIDE = { schema: { hide: true } };
const listCrumb = { href: '/pladser/kontrakter', label: 'Kontrakter' };

async function showContract(req: FastifyRequest, reply: FastifyReply, id: number, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = await contractPage(req.ctx, id);
  const saved = one((req.query as FormValues | undefined)?.gemt);
  return reply.page({
    title: `Kontrakt ${view.contract.case_reference}`,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...crumbs, listCrumb, { label: view.contract.case_reference }],
    body: <ContractPage {...view} csrf={req.csrf} errors={errors} saved={saved} values={values} />,
  });
}

async function showTerms(req: FastifyRequest, reply: FastifyReply, id: number, values?: FormValues, errors?: FieldErrors, status?: number) {
  const view = await termsPage(req.ctx, id);
  return reply.page({
    title: `Vilkår for kontrakt ${view.contract.case_reference}`,
    status: errors ? (status ?? 400) : undefined,
    breadcrumbs: [...crumbs, listCrumb, { href: `/pladser/kontrakter/${id}`, label: view.contract.case_reference }, { label: 'Vilkår' }],
    body: <TermsPage {...view} csrf={req.csrf} errors={errors} values={values} />,
  });
}

/** The flat form (buyerContact.name, addOns.0.text, followUpDates.0) as the service's nested input; empty rows are left out. */
function termsFromForm(b: FormValues) {
  const v = (k: string) => one(b[k]);
  const addOns = [0, 1, 2]
    .map((i) => ({
      text: v(`addOns.${i}.text`),
      price: v(`addOns.${i}.price`),
      unit: v(`addOns.${i}.unit`),
      periodFrom: v(`addOns.${i}.periodFrom`),
      periodTo: v(`addOns.${i}.periodTo`),
    }))
    .filter((a) => a.text.trim() || a.price.trim());
  return {
    version: v('version'),
    buyerDepartment: v('buyerDepartment'),
    buyerEan: v('buyerEan'),
    payingOrganisationId: v('payingOrganisationId'),
    payingDepartment: v('payingDepartment'),
    payingEan: v('payingEan'),
    providerEan: v('providerEan'),
    providerCvr: v('providerCvr'),
    buyerContact: { name: v('buyerContact.name'), phone: v('buyerContact.phone'), email: v('buyerContact.email') },
    providerContact: { name: v('providerContact.name'), phone: v('providerContact.phone'), email: v('providerContact.email') },
    tariffLevel: v('tariffLevel'),
    addOns,
    endDate: v('endDate'),
    expectedDurationMonths: v('expectedDurationMonths'),
    goals: v('goals'),
    followUpDates: [0, 1, 2, 3].map((i) => v(`followUpDates.${i}`).trim()).filter(Boolean),
    paymentTiming: v('paymentTiming'),
    paymentDays: v('paymentDays'),
  };
}

/** Messages on whole lists land on the form's first field of the list. */
function toTermsErrors(errors: FieldErrors): FieldErrors {
  const map: Record<string, string> = {
    followUpDates: 'followUpDates.0',
    buyerContactName: 'buyerContact.name',
    providerContactName: 'providerContact.name',
    addOns: 'addOns.0.text',
  };
  const out: FieldErrors = {};
  for (const [k, msgs] of Object.entries(errors)) (out[map[k] ?? k] ??= []).push(...msgs);
  return out;
}

const orNull = (v: string) => (v.trim() === '' ? null : v);

export function contractPages(app: FastifyInstance) {
  app.get('/pladser/kontrakter', HIDE, async (req, reply) =>
    reply.page({
      title: 'Kontrakter',
      breadcrumbs: [...crumbs, { label: 'Kontrakter' }],
      body: <ContractsPage list={await listContracts(req.ctx, req.query)} />,
    }),
  );

  app.get('/pladser/kontrakter/:id', HIDE, (req, reply) => showContract(req, reply, pageId(req)));
  app.get('/pladser/kontrakter/:id/vilkaar', HIDE, (req, reply) => showTerms(req, reply, pageId(req)));

  app.get('/pladser/kontrakter/:id/kontrakt.pdf', HIDE, async (req, reply) => {
    const view = await contractPage(req.ctx, pageId(req));
    const pdf = await contractPdf(view.contract);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="kontrakt-${view.contract.id}.pdf"`).send(pdf);
  });

  app.post('/pladser/kontrakter/:id/vilkaar', HIDE, (req, reply) => {
    const id = pageId(req);
    const body = formBody(req);
    return saveOrShow(
      reply,
      async () => (await saveTerms(req.ctx, id, termsFromForm(body)), `/pladser/kontrakter/${id}?gemt=1`),
      (errors, status) => showTerms(req, reply, id, body, toTermsErrors(errors), status),
    );
  });

  const action = (path: string, run: (req: FastifyRequest, id: number, body: FormValues) => Promise<unknown>) =>
    app.post(`/pladser/kontrakter/:id/${path}`, HIDE, (req, reply) => {
      const id = pageId(req);
      const body = formBody(req);
      return saveOrShow(
        reply,
        async () => (await run(req, id, body), `/pladser/kontrakter/${id}?gemt=1`),
        (errors, status) => showContract(req, reply, id, body, errors, status),
      );
    });

  action('tjek', (req, id, b) =>
    recordPublicFirst(req.ctx, id, { searchId: orNull(one(b.searchId)), reasonCode: orNull(one(b.reasonCode)), reasonText: orNull(one(b.reasonText)) }),
  );
  action('send', (req, id) => sendContract(req.ctx, id));
  action('accepter', (req, id) => acceptContract(req.ctx, id));
  action('opsig', (req, id, b) => giveNotice(req.ctx, id, { party: one(b.party), date: one(b.date) }));
  action('tillaeg', (req, id, b) =>
    addAmendment(req.ctx, id, {
      effectiveDate: one(b.effectiveDate),
      description: one(b.description),
      endDate: one(b.endDate),
      expectedDurationMonths: one(b.expectedDurationMonths),
      tariffLevel: one(b.tariffLevel),
    }),
  );

  app.post('/pladser/reservationer/:id/kontrakt', HIDE, async (req, reply) => {
    const c = await createContractDraft(req.ctx, pageId(req));
    return reply.redirect(`/pladser/kontrakter/${c.id}/vilkaar`, 303);
  });
}
