/**
 * @module Pages of the national central announcements: the list with search and filters, one announcement
 * (questions, deadline and extensions, areas with their answer counts, the national joint answer), the form for
 * registering or changing one, a municipality's answer form, and an area's overview (who has answered which
 * question), report editor, sending and the authority's response, with the answers as annexes.
 */
import type { FieldErrors } from '../../core/errors.js';
import { formatDate } from '../../core/format.js';
import { Alert, Checkbox, CheckboxGroup, CsrfField, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import { STATE_LABELS } from '../announcements.logic.js';
import type { announcementForm, announcementsPage, AnnouncementView, answerForm, AreaReportView } from '../announcements.service.js';
import { EXTENSION_STATUS_LABELS, REPORT_STATUS_LABELS } from '../announcements.table.js';
import { one, type FormValues } from './http.js';

const base = '/samarbejde/udmeldinger';

const LABELS: Record<string, string> = {
  title: 'Titel',
  authority: 'Afsender',
  targetGroup: 'Målgruppe',
  description: 'Beskrivelse',
  issuedOn: 'Udsendt',
  deadline: 'Frist',
  areaCodes: 'Berørte områder',
  questions: 'Spørgsmål',
  isJoint: 'Nationalt fællessvar',
  jointAnswer: 'Fællessvar',
  version: 'Version',
  requestedOn: 'Anmodet den',
  newDeadline: 'Ny frist',
  status: 'Status',
  note: 'Bemærkning',
  answers: 'Svar',
  text: 'Tekst',
  reportText: 'Afrapportering',
  sentOn: 'Sendt den',
  reference: 'Reference',
  responseOn: 'Svar modtaget den',
};

export const AnnouncementsPage = (p: Awaited<ReturnType<typeof announcementsPage>>) => (
  <>
    <h1>Centrale udmeldinger</h1>
    <p>Udmeldinger fra Social- og Boligstyrelsen om de mest specialiserede indsatser, kommunernes svar og områdernes afrapporteringer.</p>
    {p.canCreate && (
      <p>
        <a class="button button-secondary" href={`${base}/ny`}>
          Registrér en central udmelding
        </a>
      </p>
    )}
    <form method="get" action={base} class="ramme-filters">
      <Field name="q" label="Søg" value={p.query.q ?? ''} hint="Titel, målgruppe, spørgsmål, svar og afrapporteringer" />
      <Select
        name="area"
        label="Rammeaftaleområde"
        value={p.query.area ?? ''}
        emptyLabel="Alle områder"
        options={p.areas.map((a) => ({ value: a.code, label: a.name }))}
      />
      <Field name="year" label="År" type="number" value={p.query.year ?? ''} inputmode="numeric" />
      <Select
        name="status"
        label="Status"
        value={p.query.status ?? ''}
        emptyLabel="Alle"
        options={[
          { value: 'aaben', label: 'Åben' },
          { value: 'afsluttet', label: 'Afsluttet' },
        ]}
      />
      <div class="form-group">
        <button class="button button-secondary" type="submit">
          Vis
        </button>
      </div>
    </form>
    <div class="ramme-table-wrap" tabindex={0}>
      <table class="table table--zebra table--compact">
        <caption>{p.announcements.length === 1 ? '1 udmelding' : `${p.announcements.length} udmeldinger`}</caption>
        <thead>
          <tr>
            <th scope="col">Udmelding</th>
            <th scope="col">Målgruppe</th>
            <th scope="col">Udsendt</th>
            <th scope="col">Frist</th>
            <th scope="col">Områder</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {p.announcements.map((a) => (
            <tr>
              <td>
                <a href={`${base}/${a.id}`}>{a.title}</a>
              </td>
              <td>{a.target_group}</td>
              <td>{formatDate(a.issued_on)}</td>
              <td>{formatDate(a.deadline)}</td>
              <td>{a.areas.map((x) => `${x.name}: ${REPORT_STATUS_LABELS[x.status].toLowerCase()}`).join(', ')}</td>
              <td>{STATE_LABELS[a.state]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </>
);

export const AnnouncementPage = (p: AnnouncementView & { csrf: string; saved?: string; errors?: FieldErrors; values?: FormValues }) => {
  const a = p.announcement;
  const v = (n: string, d = '') => (p.values ? one(p.values[n]) : d);
  return (
    <>
      <h1>{a.title}</h1>
      {p.saved && <Alert kind="success" heading="Ændringen er gemt." />}
      <ErrorSummary errors={p.errors} labels={LABELS} />
      <dl class="ramme-dl">
        <dt>Afsender</dt>
        <dd>{a.authority}</dd>
        <dt>Målgruppe</dt>
        <dd>{a.target_group}</dd>
        <dt>Udsendt</dt>
        <dd>{formatDate(a.issued_on)}</dd>
        <dt>Frist</dt>
        <dd>
          {formatDate(a.deadline)}
          {a.deadline !== a.first_deadline ? ` (forlænget fra ${formatDate(a.first_deadline)})` : ''}
        </dd>
        <dt>Status</dt>
        <dd>{STATE_LABELS[a.state]}</dd>
      </dl>
      {a.description && <p class="ramme-pre">{a.description}</p>}
      {p.canEdit && (
        <p>
          <a href={`${base}/${a.id}/rediger`}>Ret udmeldingen</a>
        </p>
      )}
      {p.ownMunicipality && (
        <Alert kind="info" heading={`${p.ownMunicipality.name} har besvaret ${p.ownMunicipality.answered} af ${p.questions.length} spørgsmål`}>
          <p>
            <a href={`${base}/${a.id}/svar`}>Besvar udmeldingen for {p.ownMunicipality.name}</a>
          </p>
        </Alert>
      )}
      <h2>Spørgsmål</h2>
      <ol>
        {p.questions.map((q) => (
          <li>{q.text}</li>
        ))}
      </ol>
      <h2>Områder</h2>
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>De berørte områder og kommunernes svar</caption>
          <thead>
            <tr>
              <th scope="col">Område</th>
              <th scope="col">Afrapportering</th>
              <th scope="col" class="ramme-num">
                Kommuner, der har svaret på alt
              </th>
              <th scope="col">Sendt</th>
            </tr>
          </thead>
          <tbody>
            {p.areas.map((x) => (
              <tr>
                <td>
                  <a href={`${base}/${a.id}/omraader/${x.code}`}>{x.name}</a>
                </td>
                <td>{REPORT_STATUS_LABELS[x.status]}</td>
                <td class="ramme-num">
                  {x.matrix.complete} af {x.matrix.rows.length}
                </td>
                <td>{x.sent_on ? `${formatDate(x.sent_on)}${x.sent_reference ? `, ${x.sent_reference}` : ''}` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {a.is_joint && (
        <>
          <h2>Nationalt fællessvar</h2>
          <p class="ramme-pre">{a.joint_answer ?? 'Sekretariaterne svarer samlet; fællessvaret er ikke skrevet endnu.'}</p>
        </>
      )}
      <h2>Fristforlængelser</h2>
      {p.extensions.length ? (
        <ul>
          {p.extensions.map((e) => (
            <li>
              Anmodet {formatDate(e.requested_on)} om frist {formatDate(e.new_deadline)}: {EXTENSION_STATUS_LABELS[e.status]}
              {e.note ? ` – ${e.note}` : ''}
              {p.canEdit && e.status === 'afventer' && (
                <form method="post" action={`${base}/frister/${e.id}`} class="ramme-inline">
                  <CsrfField token={p.csrf} />
                  <button class="button button-tertiary" type="submit" name="status" value="bevilget">
                    Bevilget
                  </button>
                  <button class="button button-tertiary" type="submit" name="status" value="afslaaet">
                    Afslået
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>Ingen.</p>
      )}
      {p.canEdit && (
        <form method="post" action={`${base}/${a.id}/frister`} novalidate>
          <h3>Registrér en anmodning om fristforlængelse</h3>
          <CsrfField token={p.csrf} />
          <Field name="requestedOn" label="Anmodet den" type="date" value={v('requestedOn')} errors={p.errors} required />
          <Field name="newDeadline" label="Ny frist" type="date" value={v('newDeadline')} errors={p.errors} required />
          <Select
            name="status"
            label="Styrelsens svar"
            value={v('status', 'afventer')}
            options={Object.entries(EXTENSION_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            errors={p.errors}
          />
          <Field name="note" label="Bemærkning" value={v('note')} errors={p.errors} maxlength={2000} />
          <button class="button button-secondary" type="submit">
            Registrér
          </button>
        </form>
      )}
    </>
  );
};

export const AnnouncementFormPage = (p: Awaited<ReturnType<typeof announcementForm>> & { csrf: string; values?: FormValues; errors?: FieldErrors }) => {
  const values = p.values as FormValues;
  const v = (n: string) => one(values[n]);
  const arr = (n: string) => {
    const x = values[n];
    return Array.isArray(x) ? x : x ? [x] : [];
  };
  const action = p.id === null ? `${base}/ny` : `${base}/${p.id}/rediger`;
  return (
    <>
      <h1>{p.id === null ? 'Registrér en central udmelding' : 'Ret den centrale udmelding'}</h1>
      <ErrorSummary errors={p.errors} labels={LABELS} />
      <form method="post" action={action} novalidate>
        <CsrfField token={p.csrf} />
        {p.id !== null && <input type="hidden" name="version" value={v('version')} />}
        <Field name="title" label="Titel" value={v('title')} errors={p.errors} required maxlength={300} />
        <Field name="authority" label="Afsender" value={v('authority') || 'Social- og Boligstyrelsen'} errors={p.errors} maxlength={200} />
        <Field name="targetGroup" label="Målgruppe" value={v('targetGroup')} errors={p.errors} required maxlength={300} />
        <TextArea name="description" label="Beskrivelse" value={v('description')} errors={p.errors} maxlength={8000} />
        <Field name="issuedOn" label="Udsendt" type="date" value={v('issuedOn')} errors={p.errors} required />
        <Field
          name="deadline"
          label="Frist"
          type="date"
          value={v('deadline')}
          errors={p.errors}
          required
          hint="Den oprindelige frist; forlængelser registreres på udmeldingens side"
        />
        <CheckboxGroup
          name="areaCodes"
          legend="Berørte rammeaftaleområder"
          options={p.areas.map((a) => ({ value: a.code, label: a.name }))}
          values={arr('areaCodes')}
          errors={p.errors}
        />
        <TextArea name="questions" label="Spørgsmål" hint="Ét spørgsmål pr. linje, i rækkefølge" value={v('questions')} errors={p.errors} rows={6} />
        <Checkbox name="isJoint" label="Alle sekretariater svarer samlet (nationalt fællessvar)" checked={v('isJoint') === 'on'} errors={p.errors} />
        <TextArea name="jointAnswer" label="Nationalt fællessvar" value={v('jointAnswer')} errors={p.errors} rows={6} />
        <button class="button button-primary" type="submit">
          Gem
        </button>
      </form>
    </>
  );
};

export const AnswerPage = (p: Awaited<ReturnType<typeof answerForm>> & { csrf: string; values?: FormValues; errors?: FieldErrors; saved?: string }) => {
  const current = new Map(p.answers.answers.map((x) => [x.questionId, x.text]));
  const v = (n: string, d: string) => (p.values ? one(p.values[n]) : d);
  return (
    <>
      <h1>Svar fra {p.answers.organisationName}</h1>
      <p>
        <a href={`${base}/${p.announcement.id}`}>{p.announcement.title}</a> · frist {formatDate(p.announcement.deadline)}
      </p>
      {p.saved && <Alert kind="success" heading="Svarene er gemt." />}
      {p.isLocked && <Alert kind="info" heading="Områdets afrapportering er sendt; svarene kan ikke længere ændres." />}
      <ErrorSummary errors={p.errors} labels={LABELS} />
      <form method="post" action={`${base}/${p.announcement.id}/svar`} novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="version" value={v('version', String(p.answers.version))} />
        {p.questions.map((q) => (
          <TextArea
            name={`answer-${q.id}`}
            label={`${q.position}. ${q.text}`}
            value={v(`answer-${q.id}`, current.get(q.id) ?? '')}
            errors={p.errors}
            rows={4}
          />
        ))}
        {!p.isLocked && (
          <button class="button button-primary" type="submit">
            Gem svarene
          </button>
        )}
      </form>
    </>
  );
};

export const AreaReportPage = (
  p: AreaReportView & { csrf: string; values?: FormValues; errors?: FieldErrors; form?: string; saved?: string; today: string },
) => {
  const a = p.announcement;
  const x = p.area;
  const v = (form: string, n: string, d = '') => (p.values && p.form === form ? one(p.values[n]) : d);
  const errs = (form: string) => (p.form === form ? p.errors : undefined);
  const q = p.questions;
  return (
    <>
      <h1>
        {x.name}: {a.title}
      </h1>
      <p>
        <a href={`${base}/${a.id}`}>Til udmeldingen</a> · frist {formatDate(a.deadline)} · {REPORT_STATUS_LABELS[x.status]}
      </p>
      {p.saved && <Alert kind="success" heading="Ændringen er gemt." />}
      <ErrorSummary errors={p.errors} labels={LABELS} />
      <h2>Hvem har svaret</h2>
      <p>
        {p.matrix.complete} af {p.matrix.rows.length} kommuner har svaret på alle spørgsmål; {p.matrix.started} er i gang eller færdige.
      </p>
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>Kommunernes svar pr. spørgsmål</caption>
          <thead>
            <tr>
              <th scope="col">Kommune</th>
              {q.map((qq) => (
                <th scope="col">Spm. {qq.position}</th>
              ))}
              <th scope="col" class="ramme-num">
                Besvaret
              </th>
            </tr>
          </thead>
          <tbody>
            {p.matrix.rows.map((r) => (
              <tr>
                <th scope="row">{r.name}</th>
                {r.answered.map((b) => (
                  <td>{b ? 'Svaret' : '–'}</td>
                ))}
                <td class="ramme-num">
                  {r.count} af {q.length}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Antal svar</th>
              {p.matrix.perQuestion.map((n) => (
                <td>{n}</td>
              ))}
              <td class="ramme-num">{p.matrix.complete} færdige</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h2>Områdets afrapportering</h2>
      {p.canReport && x.status === 'kladde' ? (
        <form method="post" action={`${base}/${a.id}/omraader/${x.code}/rapport`} novalidate>
          <CsrfField token={p.csrf} />
          <input type="hidden" name="version" value={v('report', 'version', String(x.report_version))} />
          <TextArea name="text" label="Afrapportering" value={v('report', 'text', x.report_text ?? '')} errors={errs('report')} rows={12} />
          <button class="button button-primary" type="submit">
            Gem afrapporteringen
          </button>
        </form>
      ) : (
        <p class="ramme-pre">{x.report_text ?? 'Afrapporteringen er ikke skrevet endnu.'}</p>
      )}
      <h2>Sendt til styrelsen</h2>
      {x.sent_on ? (
        <p>
          Sendt {formatDate(x.sent_on)} af {x.sent_by}
          {x.sent_reference ? `, reference ${x.sent_reference}` : ''}.
        </p>
      ) : p.canReport ? (
        <form method="post" action={`${base}/${a.id}/omraader/${x.code}/sendt`} novalidate>
          <CsrfField token={p.csrf} />
          <Field name="sentOn" label="Sendt den" type="date" value={v('sent', 'sentOn', p.today)} errors={errs('sent')} required />
          <Field name="reference" label="Reference" hint="Journalnummer eller lignende" value={v('sent', 'reference')} errors={errs('sent')} maxlength={200} />
          <button class="button button-secondary" type="submit">
            Registrér som sendt
          </button>
        </form>
      ) : (
        <p>Ikke sendt endnu.</p>
      )}
      {x.sent_on && (
        <>
          <h2>Styrelsens svar</h2>
          {x.response_on ? (
            <p class="ramme-pre">
              Modtaget {formatDate(x.response_on)}: {x.response_text}
            </p>
          ) : p.canReport ? (
            <form method="post" action={`${base}/${a.id}/omraader/${x.code}/styrelsens-svar`} novalidate>
              <CsrfField token={p.csrf} />
              <Field name="responseOn" label="Svar modtaget den" type="date" value={v('response', 'responseOn', p.today)} errors={errs('response')} required />
              <TextArea name="text" label="Styrelsens svar" value={v('response', 'text')} errors={errs('response')} rows={4} />
              <button class="button button-secondary" type="submit">
                Registrér svaret
              </button>
            </form>
          ) : (
            <p>Intet svar endnu.</p>
          )}
        </>
      )}
      <h2>Bilag: kommunernes svar</h2>
      {p.responses.length === 0 && <p>Ingen kommuner har svaret endnu.</p>}
      {p.responses.map((r, i) => (
        <section>
          <h3>
            Bilag {i + 1}: {r.organisation_name}
          </h3>
          <dl class="ramme-dl">
            {q.map((qq) => (
              <>
                <dt>
                  {qq.position}. {qq.text}
                </dt>
                <dd>{r.answers.find((y) => y.question_id === qq.id)?.text ?? '–'}</dd>
              </>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
};
