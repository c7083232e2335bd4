/**
 * @module Pages of the cooperation's projects: the list per area (filters year and status) with owner, period,
 * status and results, one project, and the secretariat's form (new and edit). No JavaScript: every action is a form.
 */
import type { FieldErrors } from '../../core/errors.js';
import { formatDate } from '../../core/format.js';
import { Alert, CsrfField, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import type { PresentedProject, projectForm, projectPage, projectsPage } from '../projects.service.js';
import { PROJECT_STATUS_LABELS, PROJECT_STATUSES } from '../projects.table.js';
import { activityDate } from './activities.view.js';
import { one, type FormValues } from './http.js';

const period = (p: PresentedProject) => `${formatDate(p.startDate)} – ${p.endDate ? formatDate(p.endDate) : 'ikke fastlagt'}`;

export const ProjectsPage = (p: Awaited<ReturnType<typeof projectsPage>> & { saved?: string }) => {
  const scope = p.area?.name ?? 'alle områder';
  const year = p.query.year;
  return (
    <>
      <h1>Projekter{p.area ? ` i ${p.area.name}` : ''}</h1>
      <p>Samarbejdets projekter og analyser med formål, ejer, periode, status og resultater.</p>
      {p.saved && <Alert kind="success" heading="Projektet er gemt." />}
      <form method="get" action="/samarbejde/projekter" class="ramme-filters">
        <Select
          name="area"
          label="Rammeaftaleområde"
          value={p.area?.code ?? ''}
          emptyLabel="Alle områder"
          options={p.areas.map((a) => ({ value: a.code, label: a.name }))}
        />
        <Field name="year" label="År" type="number" value={year ? String(year) : ''} min={2000} max={2100} />
        <Select
          name="status"
          label="Status"
          value={p.query.status ?? ''}
          emptyLabel="Alle"
          options={PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))}
        />
        <div class="form-group">
          <button class="button button-secondary" type="submit">
            Vis
          </button>
        </div>
      </form>
      {p.canCreate && p.area && (
        <p>
          <a class="button button-secondary" href={`/samarbejde/projekter/nyt?area=${p.area.code}`}>
            Registrér et projekt
          </a>
        </p>
      )}
      {p.projects.length === 0 ? (
        <p>
          Der er ingen projekter i {scope}
          {year ? ` i ${year}` : ''}.
        </p>
      ) : (
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--zebra table--compact">
            <caption>
              Projekter i {scope}
              {year ? ` i ${year}` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Projekt</th>
                <th scope="col">Projektejer</th>
                <th scope="col">Periode</th>
                <th scope="col">Status</th>
                <th scope="col">Resultater</th>
              </tr>
            </thead>
            <tbody>
              {p.projects.map((x) => (
                <tr>
                  <td>
                    <a href={`/samarbejde/projekter/${x.id}`}>{x.title}</a>
                    {p.area ? '' : <span class="form-hint"> · {x.areaName}</span>}
                  </td>
                  <td>{x.owner}</td>
                  <td>{period(x)}</td>
                  <td>{PROJECT_STATUS_LABELS[x.status]}</td>
                  <td>{x.results ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
};

export const ProjectPage = (p: Awaited<ReturnType<typeof projectPage>> & { saved?: string }) => {
  const x = p.project;
  return (
    <>
      <h1>{x.title}</h1>
      {p.saved && <Alert kind="success" heading="Projektet er gemt." />}
      <dl class="ramme-dl">
        <dt>Område</dt>
        <dd>
          <a href={`/samarbejde/projekter?area=${x.areaCode}`}>{x.areaName}</a>
        </dd>
        <dt>Projektejer</dt>
        <dd>{x.owner}</dd>
        <dt>Periode</dt>
        <dd>{period(x)}</dd>
        <dt>Status</dt>
        <dd>{PROJECT_STATUS_LABELS[x.status]}</dd>
        <dt>Fokusområde</dt>
        <dd>{x.focusArea?.title ?? '–'}</dd>
      </dl>
      <h2>Formål</h2>
      <p>{x.purpose}</p>
      <h2>Resultater</h2>
      <p>{x.results ?? 'Der er ikke registreret resultater endnu.'}</p>
      <h2>Evaluering</h2>
      <p>{x.evaluation ?? 'Projektet er ikke evalueret endnu.'}</p>
      <h2>Aktiviteter</h2>
      {p.activities.length === 0 ? (
        <p>Ingen aktiviteter er knyttet til projektet.</p>
      ) : (
        <ul>
          {p.activities.map((a) => (
            <li>
              <a href={`/samarbejde/aktiviteter/${a.id}`}>{a.title}</a>, {activityDate(a)}
            </li>
          ))}
        </ul>
      )}
      {p.canEdit && (
        <p>
          <a class="button button-secondary" href={`/samarbejde/projekter/${x.id}/ret`}>
            Ret projektet
          </a>
        </p>
      )}
    </>
  );
};

export const PROJECT_LABELS: Record<string, string> = {
  areaCode: 'Rammeaftaleområde',
  title: 'Titel',
  purpose: 'Formål',
  owner: 'Projektejer',
  startDate: 'Start',
  endDate: 'Slut',
  status: 'Status',
  results: 'Resultater',
  evaluation: 'Evaluering',
  focusAreaId: 'Fokusområde',
  version: 'Version',
};

export const ProjectForm = (p: Awaited<ReturnType<typeof projectForm>> & { csrf: string; values?: FormValues; errors?: FieldErrors }) => {
  const x = p.project;
  const v = (n: string, fallback: string | number | null | undefined = '') => (p.values ? one(p.values[n]) : fallback === null ? '' : String(fallback));
  return (
    <>
      <h1>{x ? `Ret ${x.title}` : `Registrér et projekt i ${p.area.name}`}</h1>
      <ErrorSummary errors={p.errors} labels={PROJECT_LABELS} />
      <form method="post" action={x ? `/samarbejde/projekter/${x.id}/ret` : '/samarbejde/projekter/nyt'} novalidate>
        <CsrfField token={p.csrf} />
        {x ? <input type="hidden" name="version" value={String(x.version)} /> : <input type="hidden" name="areaCode" value={p.area.code} />}
        <Field name="title" label="Titel" value={v('title', x?.title)} errors={p.errors} required maxlength={300} />
        <TextArea name="purpose" label="Formål" rows={3} value={v('purpose', x?.purpose)} errors={p.errors} required maxlength={4000} />
        <Field name="owner" label="Projektejer" value={v('owner', x?.owner)} errors={p.errors} required maxlength={300} />
        <Field name="startDate" label="Start" type="date" value={v('startDate', x?.startDate)} errors={p.errors} required />
        <Field name="endDate" label="Slut" hint="Tomt, hvis slutdatoen ikke er fastlagt" type="date" value={v('endDate', x?.endDate)} errors={p.errors} />
        <Select
          name="status"
          label="Status"
          value={v('status', x?.status ?? 'planlagt')}
          errors={p.errors}
          required
          options={PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))}
        />
        <TextArea name="results" label="Resultater" rows={3} value={v('results', x?.results)} errors={p.errors} maxlength={4000} />
        <TextArea name="evaluation" label="Evaluering" rows={3} value={v('evaluation', x?.evaluation)} errors={p.errors} maxlength={4000} />
        {p.focusAreas.length > 0 && (
          <Select
            name="focusAreaId"
            label="Fokusområde"
            value={v('focusAreaId', x?.focusArea?.id)}
            errors={p.errors}
            emptyLabel="Intet fokusområde"
            options={p.focusAreas.map((f) => ({ value: String(f.id), label: `${f.agreement_title}: ${f.number}. ${f.title}` }))}
          />
        )}
        <button class="button button-primary" type="submit">
          {x ? 'Gem projektet' : 'Registrér projektet'}
        </button>
      </form>
    </>
  );
};
