/**
 * @module Pages of the dialogue cases of protected offerings: the list with filters (area, status), and one case
 * with its ordered steps (who recorded each and when), the parties' answers, the secretariat's next-step and closing
 * forms and a party's answer form. No JavaScript: every action is a form.
 */
import type { FieldErrors } from '../../core/errors.js';
import { formatDate, formatDateTime } from '../../core/format.js';
import { Alert, CsrfField, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import type { CaseView, listCases } from '../dialogue.service.js';
import { DIALOGUE_ANSWER_LABELS, DIALOGUE_ANSWERS, DIALOGUE_STATUS_LABELS, DIALOGUE_STATUSES, TRIGGER_KIND_LABELS } from '../protection.table.js';
import { one, type FormValues } from './http.js';

export const casesBase = '/samarbejde/dialogsager';
type FormProps = { csrf: string; values?: FormValues; errors?: FieldErrors };
const fieldValue = (p: FormProps, n: string, fallback = '') => (p.values ? one(p.values[n]) : fallback);
const LABELS: Record<string, string> = {
  sort: 'Trin',
  doneOn: 'Udført den',
  note: 'Bemærkning',
  answer: 'Svar',
  outcome: 'Resultat',
  closedOn: 'Afsluttet den',
  version: 'Version',
};

export const CasesPage = (p: Awaited<ReturnType<typeof listCases>>) => (
  <>
    <h1>Dialogsager om beskyttede tilbud{p.area ? ` i ${p.area.name}` : ''}</h1>
    <p>
      En dialogsag åbnes, når en udløser er opfyldt for et beskyttet tilbud. Områdets kommuner svarer inden fristen, og sagen følger områdets forløb (i
      Hovedstaden nødbremsen) trin for trin.
    </p>
    <form method="get" action={casesBase} class="ramme-filters">
      <Select
        name="area"
        label="Rammeaftaleområde"
        value={p.area?.code ?? ''}
        emptyLabel="Alle områder"
        options={p.areas.map((a) => ({ value: a.code, label: a.name }))}
      />
      <Select
        name="status"
        label="Status"
        value={p.query.status ?? ''}
        emptyLabel="Alle"
        options={DIALOGUE_STATUSES.map((s) => ({ value: s, label: DIALOGUE_STATUS_LABELS[s] }))}
      />
      <div class="form-group">
        <button class="button button-secondary" type="submit">
          Vis
        </button>
      </div>
    </form>
    <p>
      <a href={`/samarbejde/beskyttede-tilbud${p.area ? `?area=${p.area.code}` : ''}`}>Beskyttede tilbud</a>
    </p>
    {p.cases.length === 0 ? (
      <p>Der er ingen dialogsager, der passer til filtrene.</p>
    ) : (
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>Dialogsager</caption>
          <thead>
            <tr>
              <th scope="col">Tilbud</th>
              <th scope="col">Forløb</th>
              <th scope="col">Udløser</th>
              <th scope="col">Svarfrist</th>
              <th scope="col">Status</th>
              <th scope="col" class="ramme-num">
                Trin
              </th>
              <th scope="col" class="ramme-num">
                Svar
              </th>
            </tr>
          </thead>
          <tbody>
            {p.cases.map((c) => (
              <tr>
                <td>
                  <a href={`${casesBase}/${c.id}`}>{c.offering_name}</a>
                  <br />
                  <span class="form-hint">
                    {c.area_name} · åbnet {formatDate(c.created_on)}
                  </span>
                </td>
                <td>{c.procedure_name}</td>
                <td>{TRIGGER_KIND_LABELS[c.trigger_kind]}</td>
                <td>{formatDate(c.deadline)}</td>
                <td>{DIALOGUE_STATUS_LABELS[c.status]}</td>
                <td class="ramme-num">
                  {c.steps_done} af {c.steps}
                </td>
                <td class="ramme-num">{c.answered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </>
);

const SAVED: Record<string, string> = {
  trin: 'Trinnet er registreret.',
  svar: 'Svaret er gemt.',
  afsluttet: 'Dialogsagen er afsluttet.',
  aabnet: 'Dialogsagen er åbnet.',
};

/** Whether the form the errors belong to is on the page (else they are shown at the top). */
const isShown = (p: CaseView & { form?: string }) =>
  (p.form === 'trin' && p.canEdit && !!p.nextStep) || (p.form === 'svar' && !!p.ownAnswer) || (p.form === 'afslut' && p.canClose);

export const CasePage = (p: CaseView & FormProps & { saved?: string; form?: 'trin' | 'svar' | 'afslut' }) => {
  const c = p.dialogue;
  const errorsOf = (form: string) => (p.form === form ? p.errors : undefined);
  const valuesOf = (form: string): FormProps => ({ csrf: p.csrf, values: p.form === form ? p.values : undefined, errors: errorsOf(form) });
  return (
    <>
      <h1>
        {c.procedure_name}: {c.offering_name}
      </h1>
      {p.saved && SAVED[p.saved] && <Alert kind="success" heading={SAVED[p.saved]} />}
      {p.errors && !isShown(p) && <ErrorSummary errors={p.errors} labels={LABELS} />}
      <dl class="ramme-dl">
        <dt>Tilbud</dt>
        <dd>
          <a href={`/samarbejde/beskyttede-tilbud/${c.offering_id}`}>{c.offering_name}</a>
        </dd>
        <dt>Område</dt>
        <dd>{c.area_name}</dd>
        <dt>Udløser</dt>
        <dd>{TRIGGER_KIND_LABELS[c.trigger_kind]}</dd>
        <dt>Begrundelse</dt>
        <dd>{c.reason}</dd>
        <dt>Åbnet</dt>
        <dd>{formatDate(c.created_on)}</dd>
        <dt>Svarfrist for kommunerne</dt>
        <dd>{formatDate(c.deadline)}</dd>
        <dt>Status</dt>
        <dd>{DIALOGUE_STATUS_LABELS[c.status]}</dd>
      </dl>
      <h2>Forløbets trin</h2>
      <ol class="ramme-steps">
        {p.steps.map((s) => (
          <li>
            <strong>{s.label}</strong>:{' '}
            {s.done_on ? (
              <span>
                udført {formatDate(s.done_on)}, registreret af {s.done_by} {s.done_at ? formatDateTime(s.done_at) : ''}
                {s.note ? `. ${s.note}` : ''}
              </span>
            ) : (
              'ikke udført endnu'
            )}
          </li>
        ))}
      </ol>
      {p.canEdit && p.nextStep && (
        <section>
          <h3>Registrér næste trin: {p.nextStep.label}</h3>
          <ErrorSummary errors={errorsOf('trin')} labels={LABELS} />
          <form method="post" action={`${casesBase}/${c.id}/trin`} novalidate>
            <CsrfField token={p.csrf} />
            <input type="hidden" name="sort" value={String(p.nextStep.sort)} />
            <Field name="doneOn" label="Udført den" type="date" value={fieldValue(valuesOf('trin'), 'doneOn', p.today)} errors={errorsOf('trin')} required />
            <TextArea name="note" label="Bemærkning" rows={2} value={fieldValue(valuesOf('trin'), 'note')} errors={errorsOf('trin')} maxlength={4000} />
            <button class="button button-primary" type="submit">
              Registrér trinnet
            </button>
          </form>
        </section>
      )}
      {c.status === 'afsluttet' && (
        <>
          <h2>Resultat</h2>
          <p>
            {c.outcome} ({formatDate(c.closed_on)})
          </p>
        </>
      )}
      <h2>Kommunernes svar</h2>
      <p>
        {c.answered} af {c.members} kommuner har svaret.
      </p>
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>Hvem har svaret hvad</caption>
          <thead>
            <tr>
              <th scope="col">Kommune</th>
              <th scope="col">Svar</th>
              <th scope="col">Bemærkning</th>
            </tr>
          </thead>
          <tbody>
            {p.answers.map((a) => (
              <tr>
                <td>{a.organisationName}</td>
                <td>{a.answer ? DIALOGUE_ANSWER_LABELS[a.answer] : 'Ikke svaret'}</td>
                <td>{a.note ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.ownAnswer && (
        <section>
          <h2>Svar for {p.ownAnswer.organisationName}</h2>
          <ErrorSummary errors={errorsOf('svar')} labels={LABELS} />
          <form method="post" action={`${casesBase}/${c.id}/svar`} novalidate>
            <CsrfField token={p.csrf} />
            <input type="hidden" name="version" value={fieldValue(valuesOf('svar'), 'version', String(p.ownAnswer.version))} />
            <Select
              name="answer"
              label="Svar"
              value={fieldValue(valuesOf('svar'), 'answer', p.ownAnswer.answer ?? '')}
              errors={errorsOf('svar')}
              required
              options={DIALOGUE_ANSWERS.map((a) => ({ value: a, label: DIALOGUE_ANSWER_LABELS[a] }))}
            />
            <TextArea
              name="note"
              label="Bemærkning"
              rows={3}
              value={fieldValue(valuesOf('svar'), 'note', p.ownAnswer.note ?? '')}
              errors={errorsOf('svar')}
              maxlength={4000}
            />
            <button class="button button-primary" type="submit">
              Gem svaret
            </button>
          </form>
        </section>
      )}
      {p.canClose && (
        <section>
          <h2>Afslut dialogsagen</h2>
          <ErrorSummary errors={errorsOf('afslut')} labels={LABELS} />
          <form method="post" action={`${casesBase}/${c.id}/afslut`} novalidate>
            <CsrfField token={p.csrf} />
            <input type="hidden" name="version" value={fieldValue(valuesOf('afslut'), 'version', String(c.version))} />
            <TextArea
              name="outcome"
              label="Resultat"
              rows={4}
              value={fieldValue(valuesOf('afslut'), 'outcome')}
              errors={errorsOf('afslut')}
              required
              maxlength={8000}
            />
            <Field
              name="closedOn"
              label="Afsluttet den"
              type="date"
              value={fieldValue(valuesOf('afslut'), 'closedOn', p.today)}
              errors={errorsOf('afslut')}
              required
            />
            <button class="button button-primary" type="submit">
              Afslut dialogsagen
            </button>
          </form>
        </section>
      )}
    </>
  );
};
