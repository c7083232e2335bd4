/**
 * @module Pages of the joint consultations: the list with filters (area, year, status, kind), one case with the
 * answer overview (who answered what) and a member's answer form, the opener's create form and close form. No
 * JavaScript: every action is a form.
 */
import type { FieldErrors } from '../../core/errors.js';
import { formatDate } from '../../core/format.js';
import { Alert, CsrfField, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import type { CloseFormView, consultationForm, consultationsPage, ConsultationView } from '../consultations.service.js';
import {
  CONSULTATION_ANSWER_LABELS,
  CONSULTATION_KIND_LABELS,
  CONSULTATION_KINDS,
  CONSULTATION_RESULT_LABELS,
  CONSULTATION_RESULTS,
  CONSULTATION_STATUS_LABELS,
  CONSULTATION_STATUSES,
  isAboutNewOffering,
  PROPOSAL_TYPE_LABELS,
  PROPOSAL_TYPES,
} from '../consultations.table.js';
import { one, type FormValues } from './http.js';

const base = '/samarbejde/droeftelser';

export const ConsultationsPage = (p: Awaited<ReturnType<typeof consultationsPage>> & { saved?: string }) => (
  <>
    <h1>Fælles drøftelser{p.area ? ` i ${p.area.name}` : ''}</h1>
    <p>
      Drøftelser på tværs af kommunerne før lukning eller omlægning af et bo- eller døgntilbud, forespørgsler før et enkeltmandstilbud og forslag om fælles
      etablering (fx et § 60-selskab eller en underskudsgaranti). Hver medlemskommune svarer inden fristen.
    </p>
    {p.saved && <Alert kind="success" heading="Drøftelsen er oprettet." />}
    <form method="get" action={base} class="ramme-filters">
      <Select
        name="area"
        label="Rammeaftaleområde"
        value={p.area?.code ?? ''}
        emptyLabel="Alle områder"
        options={p.areas.map((a) => ({ value: a.code, label: a.name }))}
      />
      <Field name="year" label="År" type="number" value={p.query.year ? String(p.query.year) : ''} min={2000} max={2100} />
      <Select
        name="status"
        label="Status"
        value={p.query.status ?? ''}
        emptyLabel="Alle"
        options={CONSULTATION_STATUSES.map((s) => ({ value: s, label: CONSULTATION_STATUS_LABELS[s] }))}
      />
      <Select
        name="kind"
        label="Slags"
        value={p.query.kind ?? ''}
        emptyLabel="Alle"
        options={CONSULTATION_KINDS.map((k) => ({ value: k, label: CONSULTATION_KIND_LABELS[k] }))}
      />
      <Select
        name="proposalType"
        label="Forslagets form"
        value={p.query.proposalType ?? ''}
        emptyLabel="Alle"
        options={PROPOSAL_TYPES.map((k) => ({ value: k, label: PROPOSAL_TYPE_LABELS[k] }))}
      />
      <div class="form-group">
        <button class="button button-secondary" type="submit">
          Vis
        </button>
      </div>
    </form>
    {p.canCreate && (
      <p>
        <a class="button button-secondary" href={`${base}/ny`}>
          Opret en drøftelse
        </a>
      </p>
    )}
    {p.consultations.length === 0 ? (
      <p>Der er ingen drøftelser, der passer til filtrene.</p>
    ) : (
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>Fælles drøftelser</caption>
          <thead>
            <tr>
              <th scope="col">Titel</th>
              <th scope="col">Slags</th>
              <th scope="col">Oprettet af</th>
              <th scope="col">Svarfrist</th>
              <th scope="col">Status</th>
              <th scope="col" class="ramme-num">
                Svar
              </th>
            </tr>
          </thead>
          <tbody>
            {p.consultations.map((c) => (
              <tr>
                <td>
                  <a href={`${base}/${c.id}`}>{c.title}</a>
                  <br />
                  <span class="form-hint">
                    {c.area_name}
                    {c.offering_name ? ` · ${c.offering_name}` : ''}
                  </span>
                </td>
                <td>
                  {CONSULTATION_KIND_LABELS[c.kind]}
                  {c.proposal_type ? `: ${PROPOSAL_TYPE_LABELS[c.proposal_type]}` : ''}
                </td>
                <td>{c.opener_name}</td>
                <td>{formatDate(c.deadline)}</td>
                <td>{CONSULTATION_STATUS_LABELS[c.status]}</td>
                <td class="ramme-num">
                  {c.answered} af {c.members}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </>
);

const LABELS: Record<string, string> = {
  areaCode: 'Rammeaftaleområde',
  kind: 'Slags',
  proposalType: 'Forslagets form',
  offeringId: 'Tilbud',
  title: 'Titel',
  description: 'Beskrivelse',
  deadline: 'Svarfrist',
  answer: 'Svar',
  note: 'Bemærkning',
  outcome: 'Resultat',
  decisionText: 'Lokal beslutning',
  decisionOn: 'Beslutningens dato',
  result: 'Er et tilbud oprettet?',
  resultOfferingId: 'Det oprettede tilbud',
  version: 'Version',
};

type FormProps = { csrf: string; values?: FormValues; errors?: FieldErrors };
const fieldValue = (p: FormProps, n: string, fallback = '') => (p.values ? one(p.values[n]) : fallback);

export const ConsultationPage = (p: ConsultationView & FormProps & { saved?: string }) => {
  const c = p.consultation;
  return (
    <>
      <h1>{c.title}</h1>
      {p.saved && <Alert kind="success" heading={p.saved === 'afsluttet' ? 'Drøftelsen er afsluttet.' : 'Svaret er gemt.'} />}
      <dl class="ramme-dl">
        <dt>Slags</dt>
        <dd>{CONSULTATION_KIND_LABELS[c.kind]}</dd>
        {c.proposal_type && (
          <>
            <dt>Forslagets form</dt>
            <dd>{PROPOSAL_TYPE_LABELS[c.proposal_type]}</dd>
          </>
        )}
        <dt>Område</dt>
        <dd>{c.area_name}</dd>
        {c.offering_name && (
          <>
            <dt>Tilbud</dt>
            <dd>
              <a href={`/tilbud/${c.offering_id}`}>{c.offering_name}</a>
            </dd>
          </>
        )}
        <dt>Oprettet af</dt>
        <dd>
          {c.opener_name}, {formatDate(c.created_on)}
        </dd>
        <dt>Svarfrist</dt>
        <dd>{formatDate(c.deadline)}</dd>
        <dt>Status</dt>
        <dd>{CONSULTATION_STATUS_LABELS[c.status]}</dd>
      </dl>
      <h2>Beskrivelse</h2>
      <p>{c.description}</p>
      {c.status === 'afsluttet' && (
        <>
          <h2>Resultat og lokal beslutning</h2>
          <p>{c.outcome}</p>
          <p>
            {c.decision_text} ({formatDate(c.decision_on!)})
          </p>
          {c.result && (
            <p>
              {CONSULTATION_RESULT_LABELS[c.result]}
              {c.result_offering_id !== null && (
                <>
                  : <a href={`/tilbud/${c.result_offering_id}`}>{c.result_offering_name}</a>
                </>
              )}
              .
            </p>
          )}
        </>
      )}
      <h2>Medlemskommunernes svar</h2>
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
                <td>{a.answer ? CONSULTATION_ANSWER_LABELS[a.answer] : 'Ikke svaret'}</td>
                <td>{a.note ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.ownAnswer && (
        <section>
          <h2>Svar for {p.ownAnswer.organisationName}</h2>
          <ErrorSummary errors={p.errors} labels={LABELS} />
          <form method="post" action={`${base}/${c.id}/svar`} novalidate>
            <CsrfField token={p.csrf} />
            <input type="hidden" name="version" value={fieldValue(p, 'version', String(p.ownAnswer.version))} />
            <Select name="answer" label="Svar" value={fieldValue(p, 'answer', p.ownAnswer.answer ?? '')} errors={p.errors} required options={p.choices} />
            <TextArea name="note" label="Bemærkning" rows={3} value={fieldValue(p, 'note', p.ownAnswer.note ?? '')} errors={p.errors} maxlength={4000} />
            <button class="button button-primary" type="submit">
              Gem svaret
            </button>
          </form>
        </section>
      )}
      {p.canClose && (
        <p>
          <a class="button button-secondary" href={`${base}/${c.id}/afslut`}>
            Afslut drøftelsen
          </a>
        </p>
      )}
    </>
  );
};

export const ConsultationForm = (p: Awaited<ReturnType<typeof consultationForm>> & FormProps) => (
  <>
    <h1>Opret en fælles drøftelse</h1>
    <p>
      Ved et enkeltmandstilbud og et forslag om fælles etablering beskrives behovet uden personoplysninger: ingen navne eller CPR-numre. Et forslag om fælles
      etablering kan være et selskab efter § 60 i serviceloven, en underskudsgaranti eller en anden form.
    </p>
    <ErrorSummary errors={p.errors} labels={LABELS} />
    <form method="post" action={`${base}/ny`} novalidate>
      <CsrfField token={p.csrf} />
      <Select
        name="areaCode"
        label="Rammeaftaleområde"
        value={fieldValue(p, 'areaCode', p.areas[0]?.code ?? '')}
        errors={p.errors}
        required
        options={p.areas.map((a) => ({ value: a.code, label: a.name }))}
      />
      <Select
        name="kind"
        label="Slags"
        value={fieldValue(p, 'kind', 'lukning')}
        errors={p.errors}
        required
        options={CONSULTATION_KINDS.map((k) => ({ value: k, label: CONSULTATION_KIND_LABELS[k] }))}
      />
      <Select
        name="proposalType"
        label="Forslagets form"
        hint="Kun ved et forslag om fælles etablering."
        value={fieldValue(p, 'proposalType')}
        errors={p.errors}
        emptyLabel="Ikke et forslag"
        options={PROPOSAL_TYPES.map((k) => ({ value: k, label: PROPOSAL_TYPE_LABELS[k] }))}
      />
      <Select
        name="offeringId"
        label="Tilbud"
        hint="Ved lukning og omlægning: et bo- eller døgntilbud, kommunen driver. Tomt ved enkeltmandstilbud og forslag om fælles etablering."
        value={fieldValue(p, 'offeringId')}
        errors={p.errors}
        emptyLabel="Intet tilbud"
        options={p.offerings.map((o) => ({ value: String(o.id), label: o.name }))}
      />
      <Field name="title" label="Titel" value={fieldValue(p, 'title')} errors={p.errors} required maxlength={300} />
      <TextArea name="description" label="Beskrivelse" rows={6} value={fieldValue(p, 'description')} errors={p.errors} required maxlength={20000} />
      <Field name="deadline" label="Svarfrist" type="date" value={fieldValue(p, 'deadline')} errors={p.errors} required />
      <button class="button button-primary" type="submit">
        Opret drøftelsen
      </button>
    </form>
  </>
);

export const CloseForm = (p: CloseFormView & FormProps) =>
  p.consultation.status === 'afsluttet' ? (
    <>
      <h1>Afslut {p.consultation.title}</h1>
      <Alert kind="info" heading="Drøftelsen er allerede afsluttet.">
        <a href={`${base}/${p.consultation.id}`}>Se resultatet og den lokale beslutning</a>
      </Alert>
    </>
  ) : (
    <>
      <h1>Afslut {p.consultation.title}</h1>
      <ErrorSummary errors={p.errors} labels={LABELS} />
      <form method="post" action={`${base}/${p.consultation.id}/afslut`} novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="version" value={fieldValue(p, 'version', String(p.consultation.version))} />
        <TextArea name="outcome" label="Drøftelsens resultat" rows={4} value={fieldValue(p, 'outcome')} errors={p.errors} required maxlength={8000} />
        <TextArea name="decisionText" label="Lokal beslutning" rows={4} value={fieldValue(p, 'decisionText')} errors={p.errors} required maxlength={8000} />
        <Field name="decisionOn" label="Beslutningens dato" type="date" value={fieldValue(p, 'decisionOn')} errors={p.errors} required />
        {isAboutNewOffering(p.consultation.kind) && (
          <>
            <Select
              name="result"
              label="Er et tilbud oprettet?"
              value={fieldValue(p, 'result')}
              errors={p.errors}
              required
              emptyLabel="Vælg"
              options={CONSULTATION_RESULTS.map((r) => ({ value: r, label: CONSULTATION_RESULT_LABELS[r] }))}
            />
            <Select
              name="resultOfferingId"
              label="Det oprettede tilbud"
              hint="Tilbud oprettet i tilbudsregistret, siden sagen blev åbnet. Tæller med i indikatoren for enkeltmandstilbud oprettet efter forespørgsel."
              value={fieldValue(p, 'resultOfferingId')}
              errors={p.errors}
              emptyLabel="Intet tilbud valgt"
              options={p.createdOfferings.map((o) => ({ value: String(o.id), label: o.name }))}
            />
          </>
        )}
        <button class="button button-primary" type="submit">
          Afslut drøftelsen
        </button>
      </form>
    </>
  );
