/**
 * @module Pages of the cooperation's activities: the list per area (filter by year) as one table per year (tema,
 * målgruppe, dato, afholdt af, deltagere, as in an area's yearly report), one activity with its evaluation, and the
 * secretariat's form (new and edit). No JavaScript: every action is a form.
 */
import type { FieldErrors } from '../../core/errors.js';
import { formatDate, formatDayMonth, formatNumber } from '../../core/format.js';
import { Alert, CsrfField, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import type { activitiesPage, activityForm, activityPage, PresentedActivity } from '../activities.service.js';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS } from '../activities.table.js';
import { SurveyResult } from './evaluations.view.js';
import { one, type FormValues } from './http.js';

/** "16. juni 2022", or "9.–10. marts 2023" style spans ("9. marts – 10. marts 2023"). */
export const activityDate = (a: { date: string; endDate: string | null }) =>
  a.endDate && a.endDate !== a.date
    ? a.date.slice(0, 4) === a.endDate.slice(0, 4)
      ? `${formatDayMonth(a.date)} – ${formatDate(a.endDate)}`
      : `${formatDate(a.date)} – ${formatDate(a.endDate)}`
    : formatDate(a.date);

const count = (n: number | null) => (n === null ? '–' : formatNumber(n));

const byYear = (list: readonly PresentedActivity[]) => {
  const years = new Map<string, PresentedActivity[]>();
  for (const a of list) years.set(a.date.slice(0, 4), [...(years.get(a.date.slice(0, 4)) ?? []), a]);
  return [...years.entries()];
};

export const ActivitiesPage = (p: Awaited<ReturnType<typeof activitiesPage>> & { saved?: string }) => {
  const scope = p.area?.name ?? 'alle områder';
  const year = p.query.year;
  return (
    <>
      <h1>Aktiviteter{p.area ? ` i ${p.area.name}` : ''}</h1>
      <p>Temadage, konferencer, netværksmøder, informationsmøder og politiske møder i rammeaftalesamarbejdet.</p>
      {p.saved && <Alert kind="success" heading="Aktiviteten er gemt." />}
      <form method="get" action="/samarbejde/aktiviteter" class="ramme-filters">
        <Select
          name="area"
          label="Rammeaftaleområde"
          value={p.area?.code ?? ''}
          emptyLabel="Alle områder"
          options={p.areas.map((a) => ({ value: a.code, label: a.name }))}
        />
        <Field name="year" label="År" type="number" value={year ? String(year) : ''} min={2000} max={2100} />
        <div class="form-group">
          <button class="button button-secondary" type="submit">
            Vis
          </button>
        </div>
      </form>
      {p.canCreate && p.area && (
        <p>
          <a class="button button-secondary" href={`/samarbejde/aktiviteter/ny?area=${p.area.code}`}>
            Registrér en aktivitet
          </a>
        </p>
      )}
      {p.activities.length === 0 ? (
        <p>
          Der er ingen aktiviteter i {scope}
          {year ? ` i ${year}` : ''}.
        </p>
      ) : (
        byYear(p.activities).map(([y, list]) => (
          <section>
            <h2>Aktiviteter i {y}</h2>
            <div class="ramme-table-wrap" tabindex={0}>
              <table class="table table--zebra table--compact">
                <caption>
                  Aktiviteter i {scope} i {y}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Tema</th>
                    <th scope="col">Målgruppe</th>
                    <th scope="col">Dato</th>
                    <th scope="col">Afholdt af</th>
                    <th scope="col" class="ramme-num">
                      Deltagere
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((a) => (
                    <tr>
                      <td>
                        <a href={`/samarbejde/aktiviteter/${a.id}`}>{a.title}</a>
                        <br />
                        <span class="form-hint">
                          {ACTIVITY_KIND_LABELS[a.kind]}
                          {p.area ? '' : ` · ${a.areaName}`}
                        </span>
                      </td>
                      <td>{a.audience ?? '–'}</td>
                      <td>{activityDate(a)}</td>
                      <td>{a.organisers}</td>
                      <td class="ramme-num">{count(a.participants)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))
      )}
    </>
  );
};

export const ActivityPage = (p: Awaited<ReturnType<typeof activityPage>> & { saved?: string }) => {
  const a = p.activity;
  return (
    <>
      <h1>{a.title}</h1>
      {p.saved && <Alert kind="success" heading="Aktiviteten er gemt." />}
      <dl class="ramme-dl">
        <dt>Område</dt>
        <dd>
          <a href={`/samarbejde/aktiviteter?area=${a.areaCode}`}>{a.areaName}</a>
        </dd>
        <dt>Slags</dt>
        <dd>{ACTIVITY_KIND_LABELS[a.kind]}</dd>
        <dt>Målgruppe</dt>
        <dd>{a.audience ?? '–'}</dd>
        <dt>Dato</dt>
        <dd>{activityDate(a)}</dd>
        <dt>Afholdt af</dt>
        <dd>{a.organisers}</dd>
        <dt>Sted</dt>
        <dd>{a.place ?? '–'}</dd>
        <dt>Tilmeldte</dt>
        <dd>{count(a.registrations)}</dd>
        <dt>Deltagere</dt>
        <dd>{count(a.participants)}</dd>
        <dt>Fokusområde</dt>
        <dd>{a.focusArea?.title ?? '–'}</dd>
        <dt>Projekt</dt>
        <dd>{a.project ? <a href={`/samarbejde/projekter/${a.project.id}`}>{a.project.title}</a> : '–'}</dd>
      </dl>
      <h2 id="evaluering">Evaluering</h2>
      {a.evaluation && <p>{a.evaluation}</p>}
      {p.survey ? <SurveyResult survey={p.survey} /> : !a.evaluation && <p>Aktiviteten er ikke evalueret endnu.</p>}
      {p.canEdit && (
        <p>
          <a class="button button-secondary" href={`/samarbejde/aktiviteter/${a.id}/ret`}>
            Ret aktiviteten
          </a>{' '}
          <a class="button button-secondary" href={`/samarbejde/aktiviteter/${a.id}/evaluering`}>
            {p.survey ? 'Ret evalueringen' : 'Indtast evaluering'}
          </a>
        </p>
      )}
    </>
  );
};

export const ACTIVITY_LABELS: Record<string, string> = {
  areaCode: 'Rammeaftaleområde',
  kind: 'Slags',
  title: 'Tema',
  audience: 'Målgruppe',
  date: 'Dato',
  endDate: 'Sidste dag',
  organisers: 'Afholdt af',
  place: 'Sted',
  registrations: 'Tilmeldte',
  participants: 'Deltagere',
  evaluation: 'Evaluering',
  focusAreaId: 'Fokusområde',
  projectId: 'Projekt',
  version: 'Version',
};

export const ActivityForm = (
  p: Omit<Awaited<ReturnType<typeof activityForm>>, 'activity'> & { activity?: PresentedActivity; csrf: string; values?: FormValues; errors?: FieldErrors },
) => {
  const a = p.activity;
  const v = (n: string, fallback: string | number | null | undefined = '') => (p.values ? one(p.values[n]) : fallback === null ? '' : String(fallback));
  return (
    <>
      <h1>{a ? `Ret ${a.title}` : `Registrér en aktivitet i ${p.area.name}`}</h1>
      <ErrorSummary errors={p.errors} labels={ACTIVITY_LABELS} />
      <form method="post" action={a ? `/samarbejde/aktiviteter/${a.id}/ret` : '/samarbejde/aktiviteter/ny'} novalidate>
        <CsrfField token={p.csrf} />
        {a ? <input type="hidden" name="version" value={String(a.version)} /> : <input type="hidden" name="areaCode" value={p.area.code} />}
        <Select
          name="kind"
          label="Slags"
          value={v('kind', a?.kind ?? 'temadag')}
          errors={p.errors}
          required
          options={ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }))}
        />
        <Field name="title" label="Tema" value={v('title', a?.title)} errors={p.errors} required maxlength={300} />
        <Field name="audience" label="Målgruppe" value={v('audience', a?.audience)} errors={p.errors} maxlength={500} />
        <Field
          name="date"
          label="Dato"
          hint="Første dag, hvis aktiviteten varer flere dage"
          type="date"
          value={v('date', a?.date)}
          errors={p.errors}
          required
        />
        <Field name="endDate" label="Sidste dag" hint="Kun når aktiviteten varer flere dage" type="date" value={v('endDate', a?.endDate)} errors={p.errors} />
        <Field name="organisers" label="Afholdt af" value={v('organisers', a?.organisers)} errors={p.errors} required maxlength={300} />
        <Field name="place" label="Sted" value={v('place', a?.place)} errors={p.errors} maxlength={300} />
        <Field name="registrations" label="Tilmeldte" type="number" value={v('registrations', a?.registrations)} errors={p.errors} min={0} />
        <Field name="participants" label="Deltagere" type="number" value={v('participants', a?.participants)} errors={p.errors} min={0} />
        <TextArea
          name="evaluation"
          label="Evaluering"
          hint="Kort notat om deltagernes udbytte og tilbagemeldinger"
          rows={4}
          value={v('evaluation', a?.evaluation)}
          errors={p.errors}
          maxlength={4000}
        />
        {p.focusAreas.length > 0 && (
          <Select
            name="focusAreaId"
            label="Fokusområde"
            value={v('focusAreaId', a?.focusArea?.id)}
            errors={p.errors}
            emptyLabel="Intet fokusområde"
            options={p.focusAreas.map((f) => ({ value: String(f.id), label: `${f.agreement_title}: ${f.number}. ${f.title}` }))}
          />
        )}
        {p.projects.length > 0 && (
          <Select
            name="projectId"
            label="Projekt"
            value={v('projectId', a?.project?.id)}
            errors={p.errors}
            emptyLabel="Intet projekt"
            options={p.projects.map((x) => ({ value: String(x.id), label: x.title }))}
          />
        )}
        <button class="button button-primary" type="submit">
          {a ? 'Gem aktiviteten' : 'Registrér aktiviteten'}
        </button>
      </form>
    </>
  );
};
