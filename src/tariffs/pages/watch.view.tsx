/**
 * @module The increase watch pages: the half-yearly report of flagged increases to the socialtilsyn (per
 * supervisory authority and municipality, with each offering's explanation) and the steering group's review list
 * with the figures per operating organisation, each with its view model.
 */
import type { PageOptions } from '../../core/http/app.js';
import type { FieldErrors } from '../../core/errors.js';
import { Alert, CsrfField, ErrorSummary, Field, Select, formatDate, formatDateTime } from '../../core/web/components.js';
import { count } from '../../core/format.js';
import { Dec } from '../calculation.js';
import { formatChange } from '../tariffs.format.js';
import { halfYear, type IncreaseReportData, type SteeringReviewData } from '../watch.service.js';

type FlaggedRow = IncreaseReportData['rows'][number];
type OrgFigures = SteeringReviewData['figures'][number];
import { dkKr, dkPct, unitLabel } from './parts.view.js';

function groupBy<T>(rows: T[], key: (r: T) => string): Array<[string, T[]]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return [...m.entries()];
}

const FlaggedTable = ({ rows, caption }: { rows: FlaggedRow[]; caption: string }) => (
  <div class="ramme-table-wrap" tabindex={0}>
    <table class="table table--compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Tilbud</th>
          <th scope="col">Takstår</th>
          <th scope="col" class="ramme-num">
            Sidste års takst
          </th>
          <th scope="col" class="ramme-num">
            Ny takst
          </th>
          <th scope="col" class="ramme-num">
            Nominel
          </th>
          <th scope="col" class="ramme-num">
            Real
          </th>
          <th scope="col">Driftsherrens forklaring</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              {r.isOpenable ? <a href={`/takster/${r.version_id}`}>{r.offering_name}</a> : r.offering_name}
              <br />
              <small>
                {r.offering_type_name}, {r.operator_name}
                {r.version > 1 ? `, version ${r.version}` : ''}
              </small>
            </td>
            <td>{r.year}</td>
            <td class="ramme-num">{dkKr(r.previous_average)}</td>
            <td class="ramme-num">
              {dkKr(r.average_tariff)} <small>pr. {unitLabel(r.unit)}</small>
            </td>
            <td class="ramme-num">{formatChange(r.nominal_change_pct)}</td>
            <td class="ramme-num">{formatChange(r.real_change_pct)}</td>
            <td>{r.explanation ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const FiguresTable = ({ rows, year }: { rows: OrgFigures[]; year: number }) => (
  <div class="ramme-table-wrap" tabindex={0}>
    <table class="table table--zebra table--compact">
      <caption>Takster {year} pr. driftsherre: indsendt til tiden og stigninger over grænsen</caption>
      <thead>
        <tr>
          <th scope="col">Driftsherre</th>
          <th scope="col" class="ramme-num">
            Tilbud
          </th>
          <th scope="col" class="ramme-num">
            Indsendt
          </th>
          <th scope="col" class="ramme-num">
            Til tiden
          </th>
          <th scope="col" class="ramme-num">
            Stigninger over grænsen
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row" style="font-weight:normal">
              {r.name}
            </th>
            <td class="ramme-num">{r.offerings}</td>
            <td class="ramme-num">{r.submitted}</td>
            <td class="ramme-num">
              {r.on_time} ({r.offerings ? dkPct(new Dec(r.on_time).times(100).div(r.offerings).toFixed(0)) : '–'})
            </td>
            <td class="ramme-num">{r.flagged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const crumbs = (label: string) => [{ href: '/', label: 'Forside' }, { href: '/takster', label: 'Takster' }, { label }];

const ReportFilters = ({ d }: { d: IncreaseReportData }) => (
  <form method="get" action="/takster/indberetning" aria-label="Vælg område og periode">
    <div class="ramme-filters">
      <Select name="area" label="Rammeaftale" value={d.area.code} options={d.areas.map((a) => ({ value: a.code, label: a.name }))} />
      <Select name="periode" label="Halvår" value={d.periode} options={d.periods.map((x) => ({ value: x, label: halfYear(x).label }))} />
    </div>
    <div class="ramme-actions">
      <button type="submit" class="button button-secondary">
        Vis indberetning
      </button>
      <a href={`/takster/indberetning/eksport.csv?area=${d.area.code}&periode=${d.periode}`}>Hent som CSV</a>
    </div>
  </form>
);

type ReportRecord = NonNullable<IncreaseReportData['record']>;

const sentText = (r: ReportRecord) =>
  `Sendt til socialtilsynet ${formatDate(r.sent_on)} af ${r.sent_by}${r.reference ? `, reference ${r.reference}` : ''}. ` +
  `${count(r.version_ids.length, 'stigning', 'stigninger')} indberettet. Registreret af ${r.recorded_by} ${formatDateTime(r.recorded_at)}.`;

export type ReportView = IncreaseReportData & { csrf: string; isJustSent?: boolean; form?: Record<string, unknown>; errors?: FieldErrors; message?: string };

const REPORT_LABELS = { sentOn: 'Sendt den', sentBy: 'Sendt af', reference: 'Reference (fx journalnummer)' };

/** The report's status, and for the area's secretariat the form that records it as sent. */
const ReportStatus = ({ d }: { d: ReportView }) => {
  const v = (k: string) => (typeof d.form?.[k] === 'string' ? (d.form[k] as string) : undefined);
  return (
    <section aria-labelledby="status">
      <h2 id="status">Status for indberetningen</h2>
      {d.record ? (
        <p>
          <strong class="ramme-status-ok">Sendt.</strong> {sentText(d.record)}
        </p>
      ) : (
        <p>
          <strong class="ramme-status-warn">Ikke sendt.</strong> Indberetningen for {d.period.label} er ikke registreret som sendt til socialtilsynet.
        </p>
      )}
      {d.canRecord && (
        <form method="post" action="/takster/indberetning/sendt" aria-label="Registrér indberetningen som sendt" novalidate>
          <CsrfField token={d.csrf} />
          <input type="hidden" name="area" value={d.area.code} />
          <input type="hidden" name="periode" value={d.periode} />
          <Field name="sentOn" label={REPORT_LABELS.sentOn} type="date" value={v('sentOn') ?? d.today} errors={d.errors} required max={d.today} />
          <Field
            name="sentBy"
            label={REPORT_LABELS.sentBy}
            value={v('sentBy')}
            errors={d.errors}
            required
            maxlength={200}
            hint="Navn på den, der sendte indberetningen"
          />
          <Field name="reference" label={REPORT_LABELS.reference} value={v('reference')} errors={d.errors} maxlength={200} />
          <div class="ramme-actions">
            <button type="submit" class="button button-primary">
              Registrér som sendt
            </button>
          </div>
        </form>
      )}
    </section>
  );
};

export const increaseReportPage = (d: ReportView): PageOptions => ({
  title: `Indberetning af takststigninger, ${d.period.label}`,
  breadcrumbs: crumbs('Indberetning til socialtilsynet'),
  body: (
    <>
      {d.isJustSent && <Alert kind="success">Indberetningen er registreret som sendt.</Alert>}
      <ErrorSummary errors={d.errors} labels={REPORT_LABELS} message={d.message} />
      <h1>Indberetning af takststigninger, {d.period.label}</h1>
      <p>
        {d.area.name}: døgn- og botilbud, hvis takst er steget mere end {dkPct(d.rule.increase_threshold_pct)} (
        {d.rule.increase_basis === 'real' ? 'realt, ud over P/L' : 'nominelt'}), godkendt af sekretariatet i perioden {formatDate(d.period.start)} til{' '}
        {formatDate(d.period.to)}. Grupperet pr. socialtilsyn og kommune med driftsherrens forklaring.
      </p>
      <ReportFilters d={d} />
      <ReportStatus d={d} />
      {d.rows.length === 0 && <Alert kind="info">Ingen stigninger over grænsen er godkendt i perioden.</Alert>}
      {groupBy(d.rows, (r) => r.socialtilsyn_name).map(([tilsyn, list]) => (
        <section aria-labelledby={`tilsyn-${list[0]!.socialtilsyn_code}`}>
          <h2 id={`tilsyn-${list[0]!.socialtilsyn_code}`}>
            Til {tilsyn} ({list.length})
          </h2>
          {groupBy(list, (r) => r.municipality_name).map(([municipality, items]) => (
            <>
              <h3>{municipality}</h3>
              <FlaggedTable rows={items} caption={`Stigninger over grænsen i ${municipality}`} />
            </>
          ))}
        </section>
      ))}
    </>
  ),
});

/** What was reported to the socialtilsyn when: the steering group's twice-yearly review follows up on it. */
const ReportsTable = ({ d }: { d: SteeringReviewData }) => (
  <section aria-labelledby="indberetninger">
    <h2 id="indberetninger">Indberetninger til socialtilsynet</h2>
    {d.reports.length === 0 ? (
      <p>Ingen indberetninger er registreret som sendt for {d.area.name}.</p>
    ) : (
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption>Indberetninger af takststigninger til socialtilsynet, {d.area.name}</caption>
          <thead>
            <tr>
              <th scope="col">Halvår</th>
              <th scope="col">Status</th>
              <th scope="col">Sendt den</th>
              <th scope="col">Sendt af</th>
              <th scope="col">Reference</th>
              <th scope="col" class="ramme-num">
                Stigninger
              </th>
            </tr>
          </thead>
          <tbody>
            {d.reports.map((r) => (
              <tr>
                <th scope="row" style="font-weight:normal">
                  <a href={`/takster/indberetning?area=${d.area.code}&periode=${r.period}`}>{halfYear(r.period).label}</a>
                </th>
                <td>Sendt</td>
                <td>{formatDate(r.sent_on)}</td>
                <td>{r.sent_by}</td>
                <td>{r.reference ?? '–'}</td>
                <td class="ramme-num">{r.version_ids.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </section>
);

export const steeringReviewPage = (d: SteeringReviewData): PageOptions => ({
  title: `Styregruppens gennemgang ${formatDate(d.date)}`,
  breadcrumbs: crumbs('Styregruppens gennemgang'),
  body: (
    <>
      <h1>Styregruppens gennemgang af takststigninger, {formatDate(d.date)}</h1>
      <p>
        {d.area.name}. Stigninger over {dkPct(d.rule.increase_threshold_pct)} i døgn- og botilbud, godkendt efter forrige gennemgang ({formatDate(d.previous)})
        og til og med {formatDate(d.date)}. Styregruppen drøfter indberetningerne to gange om året.
      </p>
      <form method="get" action="/takster/styregruppe" aria-label="Vælg område og møde">
        <div class="ramme-filters">
          <Select name="area" label="Rammeaftale" value={d.area.code} options={d.areas.map((a) => ({ value: a.code, label: a.name }))} />
          <Select name="dato" label="Møde" value={d.date} options={[...d.dates].reverse().map((x) => ({ value: x, label: formatDate(x) }))} />
        </div>
        <div class="ramme-actions">
          <button type="submit" class="button button-secondary">
            Vis gennemgang
          </button>
        </div>
      </form>
      <h2>Stigninger til drøftelse ({d.rows.length})</h2>
      {d.rows.length === 0 ? (
        <p>Ingen stigninger over grænsen i perioden.</p>
      ) : (
        <FlaggedTable rows={d.rows} caption="Stigninger over grænsen til styregruppens drøftelse" />
      )}
      <ReportsTable d={d} />
      <h2>Kommunernes takster {d.tariffYear}</h2>
      <p>
        Antal tilbud, takster indsendt, indsendt inden fristen og stigninger over grænsen pr. driftsherre. Tallene bruges også som indikatorer i rammeaftalen.
      </p>
      <FiguresTable rows={d.figures} year={d.tariffYear} />
    </>
  ),
});
