/**
 * @module Approval pages: every member's council decision with date and reference, "N af M har godkendt", and
 * the form where the member itself (or the secretariat on its behalf) records a decision. View models come
 * from process.service.ts.
 */
import type { PageOptions } from '../../core/http/app.js';
import { formatDate } from '../../core/format.js';
import { CsrfField, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import type { ApprovalForm, ApprovalView } from '../process.service.js';
import { SubNav, Styles, Tag, agreementUrl, crumbs, str, type FormState } from './shared.js';

const LABELS: Record<string, string> = { decision: 'Beslutning', decidedOn: 'Dato', reference: 'Reference', note: 'Bemærkning' };

export function approvalPage(vm: ApprovalView): PageOptions {
  const { agreement: a, summary: s } = vm;
  /** The last column is there only when the actor may register a decision for someone, and its header says what it holds. */
  const hasActions = vm.rows.some((r) => r.mayRegister);
  return {
    title: `Godkendelse – ${a.title}`,
    breadcrumbs: crumbs(a, 'Godkendelse'),
    body: (
      <>
        <Styles />
        <h1>Godkendelse</h1>
        <SubNav agreement={a} current="/godkendelse" />
        <p class="font-lead">
          <strong>{`${s.approved} af ${s.total} har godkendt`}</strong>
          {s.rejected ? `, ${s.rejected} har ikke godkendt` : ''}
          {s.pending ? `, ${s.pending} afventer` : ''}.
        </p>
        <p>Aftalen skal godkendes i alle byråd og kommunalbestyrelser og i regionsrådet. Den bliver godkendt, når alle har godkendt.</p>
        {!vm.isOpen && <p>Aftalen er ikke sendt til godkendelse endnu.</p>}
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--compact">
            <caption>Beslutninger i byråd, kommunalbestyrelser og regionsråd</caption>
            <thead>
              <tr>
                <th scope="col">Medlem</th>
                <th scope="col">Beslutning</th>
                <th scope="col">Dato</th>
                <th scope="col">Reference</th>
                <th scope="col">Bemærkning</th>
                {hasActions && <th scope="col">Registrér beslutning</th>}
              </tr>
            </thead>
            <tbody>
              {vm.rows.map((r) => (
                <tr>
                  <th scope="row">{r.member.name}</th>
                  <td>
                    <Tag tone={r.tone}>{r.label}</Tag>
                  </td>
                  <td>{r.decidedOn ? formatDate(r.decidedOn) : '–'}</td>
                  <td>{r.reference ?? ''}</td>
                  <td>{r.note ?? ''}</td>
                  {hasActions && (
                    <td>
                      {r.mayRegister && (
                        <a href={agreementUrl(a.id, `/godkendelse/${r.member.id}`)}>
                          Registrér<span class="sr-only"> beslutning for {r.member.name}</span>
                        </a>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    ),
  };
}

/** The form's values from a registered decision. */
export const decisionValues = (d: ApprovalForm['current']) =>
  d ? { decision: d.decision, decidedOn: d.decided_on, reference: d.reference, note: d.note } : {};

export function decisionPage(vm: ApprovalForm, csrf: string, form: FormState): PageOptions {
  const { agreement: a, member: m } = vm;
  const { values: v, errors } = form;
  return {
    title: `Beslutning for ${m.name}`,
    status: errors ? 400 : undefined,
    breadcrumbs: crumbs(a, m.name, { href: agreementUrl(a.id, '/godkendelse'), label: 'Godkendelse' }),
    body: (
      <>
        <h1>
          Beslutning i {m.kind === 'region' ? 'regionsrådet' : 'byrådet'}: {m.name}
        </h1>
        <ErrorSummary errors={errors} labels={LABELS} />
        <form method="post" action={agreementUrl(a.id, `/godkendelse/${m.id}`)} class="col-12 col-lg-8" style="padding:0">
          <CsrfField token={csrf} />
          <Select name="decision" label="Beslutning" value={str(v.decision) || 'godkendt'} options={vm.decisionOptions} errors={errors} />
          <Field
            name="decidedOn"
            label="Dato"
            type="date"
            value={str(v.decidedOn)}
            errors={errors}
            hint="Mødedatoen. Skal udfyldes, medmindre beslutningen afventer."
          />
          <Field name="reference" label="Reference" value={str(v.reference)} errors={errors} maxlength={300} hint="Fx Byrådets møde 20.11.2026, punkt 4" />
          <TextArea name="note" label="Bemærkning" value={str(v.note)} errors={errors} maxlength={2000} />
          <button type="submit" class="button button-primary">
            Gem beslutning
          </button>
        </form>
      </>
    ),
  };
}
