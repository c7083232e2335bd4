/**
 * @module Approval: every member's council decision with date and reference, "N af M har godkendt", and the form
 * where the member itself (or the secretariat on its behalf) records a decision.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/capability.js';
import type { PageOptions } from '../../core/http/app.js';
import type { FieldErrors } from '../../core/errors.js';
import { notFound } from '../../core/errors.js';
import { CsrfField, ErrorSummary, Field, Select, TextArea, formatDate } from '../../core/web/components.js';
import { canActForOrganisation, isSecretariatFor, requireMemberOrSecretariat, requireRead } from '../access.js';
import { agreementMembers, allVocabulary, approvals, getAgreement, type AgreementRow } from '../agreements.repo.js';
import { approvalSummary } from '../logic.js';
import { setApproval } from '../process.service.js';
import { SubNav, Styles, Tag, agreementUrl, body, crumbs, idParam, str, submit } from './shared.js';

const LABELS: Record<string, string> = { decision: 'Beslutning', decided_on: 'Dato', reference: 'Reference', note: 'Bemærkning' };

export function approvalPages(app: FastifyInstance, { db }: AppContext) {
  app.get('/aftaler/:id/godkendelse', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireRead(req.actor, a);
    const [vocab, members, decisions] = await Promise.all([allVocabulary(db), agreementMembers(db, a), approvals(db, a.id)]);
    const kinds = vocab.list('beslutning');
    const s = approvalSummary(members.map((m) => m.id), decisions, kinds.filter((k) => k.counts_as_approval).map((k) => k.code), kinds.filter((k) => k.counts_as_rejection).map((k) => k.code));
    const isSecretariat = isSecretariatFor(req.actor, a);
    const open = a.status === 'til_godkendelse' || a.status === 'godkendt';
    const may = (orgId: number) => open && (isSecretariat || (canActForOrganisation(req.actor) && req.actor.organisationId === orgId));
    return reply.page({
      title: `Godkendelse – ${a.title}`,
      breadcrumbs: crumbs(a, 'Godkendelse'),
      body: (
        <>
          <Styles />
          <h1>Godkendelse</h1>
          <SubNav agreement={a} current="/godkendelse" />
          <p class="font-lead"><strong>{`${s.approved} af ${s.total} har godkendt`}</strong>{s.rejected ? `, ${s.rejected} har ikke godkendt` : ''}{s.pending ? `, ${s.pending} afventer` : ''}.</p>
          <p>Aftalen skal godkendes i alle byråd og kommunalbestyrelser og i regionsrådet. Den bliver godkendt, når alle har godkendt.</p>
          {!open && <p>Aftalen er ikke sendt til godkendelse endnu.</p>}
          <div class="ramme-table-wrap" tabindex={0}>
            <table class="table table--compact">
              <caption>Beslutninger i byråd, kommunalbestyrelser og regionsråd</caption>
              <thead><tr><th scope="col">Medlem</th><th scope="col">Beslutning</th><th scope="col">Dato</th><th scope="col">Reference</th><th scope="col">Bemærkning</th><th scope="col"><span class="sr-only">Handling</span></th></tr></thead>
              <tbody>
                {members.map((m) => {
                  const d = decisions.find((x) => x.organisation_id === m.id);
                  const code = d?.decision ?? 'afventer';
                  return (
                    <tr>
                      <th scope="row">{m.name}</th>
                      <td><Tag tone={vocab.tone('beslutning', code)}>{vocab.label('beslutning', code)}</Tag></td>
                      <td>{d?.decided_on ? formatDate(d.decided_on) : '–'}</td>
                      <td>{d?.reference ?? ''}</td>
                      <td>{d?.note ?? ''}</td>
                      <td>{may(m.id) && <a href={agreementUrl(a.id, `/godkendelse/${m.id}`)}>Registrér<span class="sr-only"> beslutning for {m.name}</span></a>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ),
    });
  });

  const formPage = async (req: FastifyRequest, a: AgreementRow, orgId: number, values?: Record<string, unknown>, errors?: FieldErrors): Promise<PageOptions> => {
    const members = await agreementMembers(db, a);
    const m = members.find((x) => x.id === orgId);
    if (!m) throw notFound('Organisationen er ikke medlem af aftalen.');
    requireMemberOrSecretariat(req.actor, a, members, orgId, 'registrere godkendelse');
    const [vocab, decisions] = await Promise.all([allVocabulary(db), approvals(db, a.id)]);
    const cur = decisions.find((x) => x.organisation_id === orgId);
    const v = values ?? cur ?? {};
    return {
      title: `Beslutning for ${m.name}`,
      status: errors ? 400 : undefined,
      breadcrumbs: crumbs(a, m.name, { href: agreementUrl(a.id, '/godkendelse'), label: 'Godkendelse' }),
      body: (
        <>
          <h1>Beslutning i {m.kind === 'region' ? 'regionsrådet' : 'byrådet'}: {m.name}</h1>
          <ErrorSummary errors={errors} labels={LABELS} />
          <form method="post" action={agreementUrl(a.id, `/godkendelse/${orgId}`)} class="col-12 col-lg-8" style="padding:0">
            <CsrfField token={req.csrf} />
            <Select name="decision" label="Beslutning" value={str((v as Record<string, unknown>).decision) || 'godkendt'} options={vocab.list('beslutning').map((k) => ({ value: k.code, label: k.label }))} errors={errors} />
            <Field name="decided_on" label="Dato" type="date" value={str((v as Record<string, unknown>).decided_on)} errors={errors} hint="Mødedatoen. Skal udfyldes, medmindre beslutningen afventer." />
            <Field name="reference" label="Reference" value={str((v as Record<string, unknown>).reference)} errors={errors} maxlength={300} hint="Fx Byrådets møde 20.11.2026, punkt 4" />
            <TextArea name="note" label="Bemærkning" value={str((v as Record<string, unknown>).note)} errors={errors} maxlength={2000} />
            <button type="submit" class="button button-primary">Gem beslutning</button>
          </form>
        </>
      ),
    };
  };
  app.get('/aftaler/:id/godkendelse/:orgId', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    requireRead(req.actor, a);
    return reply.page(await formPage(req, a, idParam(req, 'orgId')));
  });
  app.post('/aftaler/:id/godkendelse/:orgId', { schema: { hide: true } }, async (req, reply) => {
    const a = await getAgreement(db, idParam(req));
    const orgId = idParam(req, 'orgId');
    return submit(reply, async () => (await setApproval(db, req.actor, a.id, orgId, body(req)), agreementUrl(a.id, '/godkendelse')), async (errors) => reply.page(await formPage(req, a, orgId, body(req), errors)));
  });
}
