/**
 * @module The area's yearly report as a page and as a Word-readable document (the same sections; the page links
 * every number to the rows behind it, the document has absolute links): the agreement with its themes and focus
 * areas, the activities as a table (tema, målgruppe, dato, afholdt af, deltagere, evaluering), the projects with
 * purpose, status and results, the central announcements answered, and the meetings per body.
 */
import type { Child } from 'hono/jsx';
import { count, formatDate, formatDecimal, formatNumber } from '../../core/format.js';
import { Field, Select } from '../../core/web/components.js';
import type { ActivityKind } from '../activities.table.js';
import { REPORT_STATUS_LABELS } from '../announcements.table.js';
import { PROJECT_STATUS_LABELS } from '../projects.table.js';
import type { TYearlyReport } from '../yearly-report.schema.js';
import type { YearlyReportPage as PageData } from '../yearly-report.service.js';
import { activityDate } from './activities.view.js';

export const PART_LABELS: Record<string, string> = { udvikling: 'Udviklingsdelen', styring: 'Styringsdelen' };
const KIND_PLURALS: Record<ActivityKind, [string, string]> = {
  temadag: ['temadag', 'temadage'],
  konference: ['konference', 'konferencer'],
  netvaerksmoede: ['netværksmøde', 'netværksmøder'],
  informationsmoede: ['informationsmøde', 'informationsmøder'],
  politisk_moede: ['politisk møde', 'politiske møder'],
  andet: ['anden aktivitet', 'andre aktiviteter'],
};

/** "2 temadage, 1 konference og 1 politisk møde". */
export const kindsSentence = (byKind: TYearlyReport['activities']['byKind']) => {
  const parts = byKind.map((k) => count(k.count, ...KIND_PLURALS[k.kind]));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} og ${parts[parts.length - 1]}` : (parts[0] ?? '');
};

/** The evaluation of an activity in one line per question, or its note. */
export const evaluationLines = (a: TYearlyReport['activities']['rows'][number]): string[] =>
  a.survey
    ? a.survey.questions.map((q) => `${q.text} ${q.mean === null ? 'Ingen svar' : `${formatDecimal(q.mean, 1)} af 5`} (${formatNumber(q.answers)} svar)`)
    : a.evaluation
      ? [a.evaluation]
      : [];

export const period = (from: string, to: string | null) => `${formatDate(from)} – ${to ? formatDate(to) : 'ikke fastlagt'}`;

/** Where each number of the report leads. */
export const reportLinks = (r: TYearlyReport) => {
  const q = `area=${r.area.code}&year=${r.year}`;
  return {
    activities: `/samarbejde/aktiviteter?${q}`,
    activity: (id: number) => `/samarbejde/aktiviteter/${id}`,
    projects: `/samarbejde/projekter?${q}`,
    project: (id: number) => `/samarbejde/projekter/${id}`,
    announcements: `/samarbejde/udmeldinger?area=${r.area.code}`,
    announcement: (id: number) => `/samarbejde/udmeldinger/${id}`,
    meetings: `/samarbejde/moeder?${q}`,
    body: (id: number) => `/samarbejde/moeder?${q}&body=${id}`,
    agreement: (id: number) => `/aftaler/${id}`,
    self: (format?: string) => `/samarbejde/aarsrapport?${q}${format ? `&format=${format}` : ''}`,
  };
};

/** The report's sections; `base` makes the links absolute (the Word document). */
export const ReportBody = (p: { r: TYearlyReport; base?: string }) => {
  const r = p.r;
  const l = reportLinks(r);
  const A = (x: { href: string; children: Child }) => <a href={`${p.base ?? ''}${x.href}`}>{x.children}</a>;
  const acts = r.activities;
  return (
    <>
      <h2>Overblik</h2>
      <ul>
        <li>
          <A href={l.activities}>{count(acts.count, 'aktivitet', 'aktiviteter')}</A>
          {acts.count ? ` (${kindsSentence(acts.byKind)})` : ''} med i alt <A href={l.activities}>{count(acts.participants, 'deltager', 'deltagere')}</A>;{' '}
          {formatNumber(acts.evaluated)} evalueret med spørgeskema
        </li>
        <li>
          <A href={l.projects}>{count(r.projects.count, 'projekt', 'projekter')}</A>, der løb i {r.year}
        </li>
        <li>
          <A href={l.announcements}>{count(r.announcements.count, 'central udmelding', 'centrale udmeldinger')}</A> besvaret
        </li>
        <li>
          <A href={l.meetings}>{count(r.meetings.count, 'møde', 'møder')}</A> holdt i {count(r.meetings.bodies.length, 'organ', 'organer')}
        </li>
      </ul>

      <h2>Rammeaftalen</h2>
      {r.agreements.length === 0 ? (
        <p>Der er ingen rammeaftale for området i Ramme, der gælder i {r.year}.</p>
      ) : (
        r.agreements.map((g) => (
          <section>
            <h3>
              <A href={l.agreement(g.id)}>{g.title}</A>
            </h3>
            <p>Gælder {period(g.periodStart, g.periodEnd)}.</p>
            {g.focusAreas.length === 0 ? (
              <p>Aftalen har ingen temaer eller fokusområder i Ramme.</p>
            ) : (
              [...new Set(g.focusAreas.map((f) => f.part))].map((part) => (
                <>
                  <h4>Temaer og fokusområder i {(PART_LABELS[part] ?? part).toLowerCase()}</h4>
                  <ol>
                    {g.focusAreas
                      .filter((f) => f.part === part)
                      .map((f) => (
                        <li>
                          {f.title}
                          {f.goal ? `: ${f.goal}` : ''}
                        </li>
                      ))}
                  </ol>
                </>
              ))
            )}
          </section>
        ))
      )}

      <h2>Aktiviteter i {r.year}</h2>
      {acts.count === 0 ? (
        <p>
          Der er ingen aktiviteter i {r.area.name} i {r.year}.
        </p>
      ) : (
        <>
          <p>
            Der har været {kindsSentence(acts.byKind)} i {r.year} med i alt {count(acts.participants, 'deltager', 'deltagere')}.
          </p>
          <div class="ramme-table-wrap" tabindex={0}>
            <table class="table table--zebra table--compact">
              <caption>
                Aktiviteter i {r.area.name} i {r.year}
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
                  <th scope="col">Evaluering</th>
                </tr>
              </thead>
              <tbody>
                {acts.rows.map((a) => (
                  <tr>
                    <td>
                      <A href={l.activity(a.id)}>{a.title}</A>
                    </td>
                    <td>{a.audience ?? '–'}</td>
                    <td>{activityDate(a)}</td>
                    <td>{a.organisers}</td>
                    <td class="ramme-num">{a.participants === null ? '–' : formatNumber(a.participants)}</td>
                    <td>
                      {evaluationLines(a).length
                        ? evaluationLines(a).map((line, i) => (
                            <>
                              {i > 0 && <br />}
                              {line}
                            </>
                          ))
                        : '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colspan={4}>
                    I alt
                  </th>
                  <td class="ramme-num">
                    <A href={l.activities}>{formatNumber(acts.participants)}</A>
                  </td>
                  <td>{count(acts.evaluated, 'evalueret', 'evalueret')}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}

      <h2>Projekter</h2>
      {r.projects.count === 0 ? (
        <p>
          Der er ingen projekter i {r.area.name}, der løb i {r.year}.
        </p>
      ) : (
        r.projects.rows.map((x) => (
          <section>
            <h3>
              <A href={l.project(x.id)}>{x.title}</A>
            </h3>
            <dl class="ramme-dl">
              <dt>Formål</dt>
              <dd>{x.purpose}</dd>
              <dt>Projektejer</dt>
              <dd>{x.owner}</dd>
              <dt>Periode</dt>
              <dd>{period(x.startDate, x.endDate)}</dd>
              <dt>Status</dt>
              <dd>{PROJECT_STATUS_LABELS[x.status]}</dd>
              <dt>Resultater</dt>
              <dd>{x.results ?? '–'}</dd>
              <dt>Evaluering</dt>
              <dd>{x.evaluation ?? '–'}</dd>
              <dt>Fokusområde</dt>
              <dd>{x.focusArea?.title ?? '–'}</dd>
            </dl>
          </section>
        ))
      )}

      <h2 id="udmeldinger">Centrale udmeldinger</h2>
      {r.announcements.count === 0 ? (
        <p>
          {r.area.name} har ikke sendt en afrapportering på en central udmelding i {r.year}.
        </p>
      ) : (
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--zebra table--compact">
            <caption>
              Centrale udmeldinger, {r.area.name} besvarede i {r.year}
            </caption>
            <thead>
              <tr>
                <th scope="col">Udmelding</th>
                <th scope="col">Frist</th>
                <th scope="col">Sendt</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {r.announcements.rows.map((a) => (
                <tr>
                  <td>
                    <A href={l.announcement(a.id)}>{a.title}</A>
                    {a.isJoint ? ' (fælles besvarelse)' : ''}
                  </td>
                  <td>{formatDate(a.deadline)}</td>
                  <td>{formatDate(a.sentOn)}</td>
                  <td>{REPORT_STATUS_LABELS[a.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Møder i organerne</h2>
      {r.meetings.bodies.length === 0 ? (
        <p>Områdets organer har ingen holdte møder i Ramme i {r.year}.</p>
      ) : (
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--zebra table--compact">
            <caption>Holdte møder pr. organ i {r.year}</caption>
            <thead>
              <tr>
                <th scope="col">Organ</th>
                <th scope="col" class="ramme-num">
                  Møder
                </th>
              </tr>
            </thead>
            <tbody>
              {r.meetings.bodies.map((b) => (
                <tr>
                  <td>{b.name}</td>
                  <td class="ramme-num">
                    <A href={l.body(b.id)}>{formatNumber(b.held)}</A>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">I alt</th>
                <td class="ramme-num">
                  <A href={l.meetings}>{formatNumber(r.meetings.count)}</A>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
};

export const YearlyReportPage = (p: PageData & { year?: string }) => {
  const r = p.report;
  return (
    <>
      <h1>{r ? r.title : 'Årsrapport for samarbejdet'}</h1>
      <p>
        En opsamling på rammeaftalen og aktiviteterne i et år, lavet ud fra oplysningerne i Ramme: aftalens temaer, årets aktiviteter med deltagere og
        evaluering, projekter, besvarede centrale udmeldinger og organernes møder.
      </p>
      <form method="get" action="/samarbejde/aarsrapport" class="ramme-filters">
        <Select
          name="area"
          label="Rammeaftaleområde"
          value={r?.area.code ?? ''}
          emptyLabel="Vælg område"
          options={p.areas.map((a) => ({ value: a.code, label: a.name }))}
        />
        <Field name="year" label="År" type="number" value={r ? String(r.year) : (p.year ?? '')} min={2000} max={2100} />
        <div class="form-group">
          <button class="button button-secondary" type="submit">
            Vis
          </button>
        </div>
      </form>
      {r ? (
        <>
          <p>
            Hent rapporten som <a href={reportLinks(r).self('pdf')}>PDF</a> eller som <a href={reportLinks(r).self('doc')}>Word-dokument (.doc)</a>. Data findes
            også som JSON:{' '}
            <code>
              GET /api/yearly-report?area={r.area.code}&amp;year={r.year}
            </code>
            .
          </p>
          <ReportBody r={r} />
        </>
      ) : (
        <p>Vælg et rammeaftaleområde og et år.</p>
      )}
    </>
  );
};

/** The report as a Word-readable HTML document (Word opens it with its headings and tables). */
export const reportDocument = (r: TYearlyReport, base: string): string =>
  `<!DOCTYPE html>${(
    (
      <html lang="da">
        <head>
          <meta charset="utf-8" />
          <title>{r.title}</title>
          <style>{`body{font-family:Calibri,Arial,sans-serif;font-size:11pt}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:3pt 5pt;vertical-align:top;text-align:left}.ramme-num{text-align:right}caption{font-weight:bold;text-align:left;padding:4pt 0}`}</style>
        </head>
        <body>
          <h1>{r.title}</h1>
          <p>Lavet ud fra oplysningerne i Ramme. Linkene fører til rækkerne bag tallene.</p>
          <ReportBody r={r} base={base} />
        </body>
      </html>
    )
  ).toString()}`;
