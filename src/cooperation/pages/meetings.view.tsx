/**
 * @module Pages of the cooperation's meetings: the list per area and body (filter by year), one meeting with its
 * programme and the minutes the reader may see (and the secretariat's forms: status, a new item, moving items,
 * publishing), the meeting form (new and edit) and the minutes form. No JavaScript: every action is a form.
 */
import { ATTACHMENT_LABELS, AttachmentsSection, type AttachmentsView } from './meeting-attachments.view.js';
import type { FieldErrors } from '../../core/errors.js';
import { formatDate, formatDateTime } from '../../core/format.js';
import { Alert, CsrfField, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import type { meetingPage, meetingsPage, PresentedMeeting } from '../meetings.service.js';
import { LINK_KIND_LABELS, LINK_KINDS, MEETING_STATUS_LABELS, MINUTES_VISIBILITIES, MINUTES_VISIBILITY_LABELS, type MeetingStatus } from '../meetings.table.js';
import { one, type FormValues } from './http.js';

const when = (m: PresentedMeeting) => `${formatDate(m.date)} kl. ${m.startTime.replace(':', '.')}–${m.endTime.replace(':', '.')}`;
const where = (m: PresentedMeeting) => [m.place, m.onlineUrl ? 'online' : null].filter(Boolean).join(' og ') || '–';

export const MeetingsPage = (p: Awaited<ReturnType<typeof meetingsPage>> & { saved?: string }) => {
  const scope = p.body?.name ?? p.area?.name ?? 'alle områder';
  const year = p.query.year;
  return (
    <>
      <h1>Møder{p.body ? ` i ${p.body.name}` : p.area ? ` i ${p.area.name}` : ''}</h1>
      {p.saved && <Alert kind="success" heading="Ændringen er gemt." />}
      <form method="get" action="/samarbejde/moeder" class="ramme-filters">
        <Select
          name="area"
          label="Rammeaftaleområde"
          value={p.area?.code ?? ''}
          emptyLabel="Alle områder"
          options={p.areas.map((a) => ({ value: a.code, label: a.name }))}
        />
        {p.bodies.length > 0 && (
          <Select
            name="body"
            label="Organ"
            value={p.body ? String(p.body.id) : ''}
            emptyLabel="Alle organer"
            options={p.bodies.map((b) => ({ value: String(b.id), label: b.name }))}
          />
        )}
        <Field name="year" label="År" type="number" value={year ?? ''} min={2000} max={2100} />
        <div class="form-group">
          <button class="button button-secondary" type="submit">
            Vis
          </button>
        </div>
      </form>
      <p>
        {p.body && (
          <>
            <a href={`/samarbejde/organer/${p.body.id}`}>Om {p.body.name}</a> ·{' '}
            <a href={`/samarbejde/organer/${p.body.id}/kalender.ics`}>Kalender for organet (iCalendar)</a> ·{' '}
          </>
        )}
        <a href="/samarbejde/moeder/min-kalender.ics">Min kalender (iCalendar): møder i de organer, jeg er medlem af</a>
      </p>
      {p.canPlan && p.body && (
        <p>
          <a class="button button-secondary" href={`/samarbejde/moeder/nyt?body=${p.body.id}`}>
            Planlæg et møde
          </a>
        </p>
      )}
      {p.meetings.length === 0 ? (
        <p>
          Der er ingen møder i {scope}
          {year ? ` i ${year}` : ''}.
        </p>
      ) : (
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--zebra table--compact">
            <caption>
              Møder i {scope}
              {year ? ` i ${year}` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Dato og tid</th>
                <th scope="col">Møde</th>
                <th scope="col">Organ</th>
                <th scope="col">Sted</th>
                <th scope="col">Status</th>
                <th scope="col">Referat</th>
              </tr>
            </thead>
            <tbody>
              {p.meetings.map((m) => (
                <tr>
                  <td>{when(m)}</td>
                  <td>
                    <a href={`/samarbejde/moeder/${m.id}`}>{m.title}</a>
                  </td>
                  <td>{m.body.name}</td>
                  <td>{where(m)}</td>
                  <td>{MEETING_STATUS_LABELS[m.status]}</td>
                  <td>{minutesState(m)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
};

function minutesState(m: PresentedMeeting): string {
  if (m.status !== 'afholdt') return '–';
  if (m.minutesVisibility === 'intern') return m.canReadMinutes ? 'Internt' : 'Ikke offentliggjort';
  return m.minutesVisibility === 'offentlig' ? 'Offentliggjort' : 'Offentliggjort for medlemmer';
}

const STATUS_ACTIONS: Record<MeetingStatus, string> = { afholdt: 'Markér som afholdt', aflyst: 'Aflys mødet', planlagt: 'Planlæg mødet igen' };

const ITEM_LABELS: Record<string, string> = {
  time: 'Klokkeslæt',
  title: 'Punktets titel',
  presenter: 'Oplægsholder',
  form: 'Form',
  description: 'Beskrivelse',
  linkKind: 'Henviser til',
  linkId: 'Id',
  linkUrl: 'Adresse i Ramme',
  ...ATTACHMENT_LABELS,
  status: 'Status',
  visibility: 'Hvem kan læse referatet',
};

const VersionField = ({ version }: { version: number }) => <input type="hidden" name="version" value={String(version)} />;

export const MeetingPage = (
  p: Awaited<ReturnType<typeof meetingPage>> & {
    csrf: string;
    values?: FormValues;
    errors?: FieldErrors;
    form?: string;
    saved?: string;
    attachments?: AttachmentsView;
  },
) => {
  const m = p.meeting;
  const v = (n: string, fallback = '') => (p.values && p.form === 'item' ? one(p.values[n]) : fallback);
  const errs = (form: string) => (p.form === form ? p.errors : undefined);
  const hasMinutes = m.items.some((i) => i.minutes || i.decision);
  return (
    <>
      <h1>{m.title}</h1>
      {p.saved && <Alert kind="success" heading="Ændringen er gemt." />}
      <ErrorSummary errors={p.errors} labels={ITEM_LABELS} />
      <dl class="ramme-dl">
        <dt>Organ</dt>
        <dd>
          <a href={`/samarbejde/organer/${m.body.id}`}>{m.body.name}</a>
        </dd>
        <dt>Tid</dt>
        <dd>{when(m)}</dd>
        <dt>Sted</dt>
        <dd>{m.place ?? '–'}</dd>
        {m.onlineUrl && (
          <>
            <dt>Online</dt>
            <dd>
              <a href={m.onlineUrl}>Deltag online</a>
            </dd>
          </>
        )}
        <dt>Status</dt>
        <dd>{MEETING_STATUS_LABELS[m.status]}</dd>
      </dl>
      {p.canEdit && (
        <div class="ramme-actions">
          <a class="button button-secondary" href={`/samarbejde/moeder/${m.id}/ret`}>
            Ret mødet
          </a>
          {p.next.map((s) => (
            <form method="post" action={`/samarbejde/moeder/${m.id}/status`}>
              <CsrfField token={p.csrf} />
              <VersionField version={m.version} />
              <input type="hidden" name="status" value={s} />
              <button class="button button-secondary" type="submit">
                {STATUS_ACTIONS[s]}
              </button>
            </form>
          ))}
          {m.status === 'afholdt' && (
            <a class="button button-secondary" href={`/samarbejde/moeder/${m.id}/referat`}>
              Skriv referat
            </a>
          )}
        </div>
      )}
      <h2>Program</h2>
      {m.items.length === 0 ? (
        <p>Dagsordenen har endnu ingen punkter.</p>
      ) : (
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--compact">
            <caption>Program for {m.title}</caption>
            <thead>
              <tr>
                <th scope="col" class="ramme-num">
                  Nr.
                </th>
                <th scope="col">Tid</th>
                <th scope="col">Punkt</th>
                <th scope="col">Oplæg ved</th>
                <th scope="col">Form</th>
                {p.canEdit && <th scope="col">Flyt</th>}
              </tr>
            </thead>
            <tbody>
              {m.items.map((i, n) => (
                <tr>
                  <td class="ramme-num">{i.position}</td>
                  <td>{i.time ? i.time.replace(':', '.') : '–'}</td>
                  <td>
                    <strong>{i.title}</strong>
                    {i.description && <p class="ramme-pre">{i.description}</p>}
                    {i.link && (
                      <p>
                        <a href={i.link.href}>{i.link.label}</a>
                      </p>
                    )}
                  </td>
                  <td>{i.presenter ?? '–'}</td>
                  <td>{i.form ?? '–'}</td>
                  {p.canEdit && (
                    <td>
                      {(['op', 'ned'] as const)
                        .filter((d) => (d === 'op' ? n > 0 : n < m.items.length - 1))
                        .map((d) => (
                          <form method="post" action={`/samarbejde/moeder/${m.id}/punkter/${i.id}/flyt`} class="ramme-inline">
                            <CsrfField token={p.csrf} />
                            <VersionField version={m.version} />
                            <input type="hidden" name="direction" value={d} />
                            <button class="button button-tertiary" type="submit">
                              Flyt {d}
                              <span class="sr-only">: {i.title}</span>
                            </button>
                          </form>
                        ))}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Referat</h2>
      {!m.canReadMinutes ? (
        <p>Referatet er ikke offentliggjort.</p>
      ) : !hasMinutes ? (
        <p>{m.status === 'afholdt' ? 'Referatet er ikke skrevet endnu.' : 'Mødet er ikke afholdt.'}</p>
      ) : (
        <>
          <p class="form-hint">
            {MINUTES_VISIBILITY_LABELS[m.minutesVisibility]}
            {m.minutesPublishedAt ? ` · offentliggjort ${formatDateTime(m.minutesPublishedAt)}` : ''}
          </p>
          {m.items.map((i) => (
            <section>
              <h3>
                {i.position}. {i.title}
              </h3>
              {i.minutes && <p class="ramme-pre">{i.minutes}</p>}
              {i.decision && (
                <p>
                  <strong>Beslutning:</strong> {i.decision}
                </p>
              )}
            </section>
          ))}
        </>
      )}
      {p.attachments && <AttachmentsSection view={p.attachments} meetingId={m.id} items={m.items} csrf={p.csrf} errors={errs('attachment')} />}
      {p.canEdit && m.status === 'afholdt' && (
        <>
          <h2>Offentliggør referatet</h2>
          <form method="post" action={`/samarbejde/moeder/${m.id}/offentliggoer`} novalidate>
            <CsrfField token={p.csrf} />
            <VersionField version={m.version} />
            <Select
              name="visibility"
              label="Hvem kan læse referatet"
              value={m.minutesVisibility}
              options={MINUTES_VISIBILITIES.map((x) => ({ value: x, label: MINUTES_VISIBILITY_LABELS[x] }))}
              errors={errs('publish')}
            />
            <button class="button button-primary" type="submit">
              Gem hvem der kan læse referatet
            </button>
          </form>
        </>
      )}
      {p.canEdit && (
        <>
          <h2>Tilføj punkt</h2>
          <form method="post" action={`/samarbejde/moeder/${m.id}/punkter`} novalidate>
            <CsrfField token={p.csrf} />
            <VersionField version={m.version} />
            <Field name="time" label="Klokkeslæt" hint="tt:mm, fx 09:30" value={v('time')} errors={errs('item')} maxlength={5} />
            <Field name="title" label="Punktets titel" value={v('title')} errors={errs('item')} required maxlength={300} />
            <Field name="presenter" label="Oplægsholder" value={v('presenter')} errors={errs('item')} maxlength={200} />
            <Field
              name="form"
              label="Form"
              hint="Fx bordvis drøftelse efterfulgt af opsamling i plenum"
              value={v('form')}
              errors={errs('item')}
              maxlength={300}
            />
            <TextArea name="description" label="Beskrivelse" value={v('description')} errors={errs('item')} maxlength={4000} />
            <Select
              name="linkKind"
              label="Henviser til"
              value={v('linkKind')}
              emptyLabel="Intet"
              options={LINK_KINDS.map((k) => ({ value: k, label: LINK_KIND_LABELS[k] }))}
              errors={errs('item')}
            />
            <Field name="linkId" label="Id" hint="Indberetningens eller aftaleversionens id" value={v('linkId')} errors={errs('item')} inputmode="numeric" />
            <Field
              name="linkUrl"
              label="Adresse i Ramme"
              hint="Begynder med /, fx /takster/indberetning"
              value={v('linkUrl')}
              errors={errs('item')}
              maxlength={500}
            />
            <button class="button button-primary" type="submit">
              Tilføj punkt
            </button>
          </form>
        </>
      )}
    </>
  );
};

const MEETING_LABELS: Record<string, string> = {
  bodyId: 'Organ',
  title: 'Titel',
  date: 'Dato',
  startTime: 'Start',
  endTime: 'Slut',
  place: 'Sted',
  onlineUrl: 'Link til onlinemødet',
  version: 'Version',
};

export const MeetingForm = (p: { body: { id: number; name: string }; meeting?: PresentedMeeting; csrf: string; values?: FormValues; errors?: FieldErrors }) => {
  const m = p.meeting;
  const v = (n: string, fallback: string | null | undefined = '') => (p.values ? one(p.values[n]) : (fallback ?? ''));
  return (
    <>
      <h1>{m ? `Ret ${m.title}` : `Planlæg et møde i ${p.body.name}`}</h1>
      <ErrorSummary errors={p.errors} labels={MEETING_LABELS} />
      <form method="post" action={m ? `/samarbejde/moeder/${m.id}/ret` : '/samarbejde/moeder/nyt'} novalidate>
        <CsrfField token={p.csrf} />
        {m ? <VersionField version={m.version} /> : <input type="hidden" name="bodyId" value={String(p.body.id)} />}
        <Field name="title" label="Titel" value={v('title', m?.title ?? 'Møde')} errors={p.errors} required maxlength={200} />
        <Field name="date" label="Dato" type="date" value={v('date', m?.date)} errors={p.errors} required />
        <Field
          name="startTime"
          label="Start"
          hint="tt:mm, dansk tid"
          value={v('startTime', m?.startTime ?? '09:00')}
          errors={p.errors}
          required
          maxlength={5}
        />
        <Field name="endTime" label="Slut" hint="tt:mm, dansk tid" value={v('endTime', m?.endTime ?? '12:00')} errors={p.errors} required maxlength={5} />
        <Field name="place" label="Sted" value={v('place', m?.place)} errors={p.errors} maxlength={300} />
        <Field name="onlineUrl" label="Link til onlinemødet" type="url" value={v('onlineUrl', m?.onlineUrl)} errors={p.errors} maxlength={500} />
        <button class="button button-primary" type="submit">
          {m ? 'Gem mødet' : 'Planlæg mødet'}
        </button>
      </form>
    </>
  );
};

export const MinutesForm = (p: { meeting: PresentedMeeting; csrf: string; values?: FormValues; errors?: FieldErrors }) => {
  const m = p.meeting;
  const v = (n: string, fallback: string | null) => (p.values ? one(p.values[n]) : (fallback ?? ''));
  return (
    <>
      <h1>Referat: {m.title}</h1>
      <p>
        {m.body.name} · {when(m)}
      </p>
      <ErrorSummary errors={p.errors} />
      <form method="post" action={`/samarbejde/moeder/${m.id}/referat`} novalidate>
        <CsrfField token={p.csrf} />
        <VersionField version={m.version} />
        {m.items.map((i) => (
          <fieldset>
            <legend class="h3">
              {i.position}. {i.title}
            </legend>
            <TextArea
              name={`minutes-${i.id}`}
              label={`Referat af punkt ${i.position}`}
              rows={5}
              value={v(`minutes-${i.id}`, i.minutes)}
              errors={p.errors}
              maxlength={20000}
            />
            <TextArea
              name={`decision-${i.id}`}
              label={`Beslutning, punkt ${i.position}`}
              rows={2}
              value={v(`decision-${i.id}`, i.decision)}
              errors={p.errors}
              maxlength={4000}
            />
          </fieldset>
        ))}
        <button class="button button-primary" type="submit">
          Gem referatet
        </button>
      </form>
    </>
  );
};
