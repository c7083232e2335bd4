/**
 * @module The capacity picture page and the rows behind its numbers: places, occupied and free places per target
 * group and offering type, occupancy over time (chart on the server, table beside it), where citizens are placed,
 * waiting counts. Every number links to its rows; every table exports to Excel.
 */
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../core/format.js';
import { Select } from '../../core/web/components.js';
import { linesSvg } from '../chart.js';
import { PLACEMENT_KINDS, PLACEMENT_LABELS } from '../capacity.js';
import type { CapacityRowsView, CapacityView } from '../capacity.service.js';
import { AnalysisNav, queryOf } from './shared.view.js';

/** Rows shown on the page; the Excel file has them all. */
const MAX_ROWS = 500;
type Q = Record<string, string | number | undefined>;
const rowsHref = (q: Q) => `/analyse/kapacitet/raekker${queryOf(q)}`;
const N: FC<{ n: number; q: Q; label: string }> = ({ n, q, label }) => (
  <a href={rowsHref(q)} aria-label={`${formatNumber(n)} ${label}: vis rækkerne`}>
    {formatNumber(n)}
  </a>
);
const monthLabel = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('da-DK', { month: 'short', year: 'numeric', timeZone: 'UTC' });

export const CapacityPage: FC<{ v: CapacityView }> = ({ v }) => {
  const area = v.area.code;
  const svg = linesSvg({
    label: `Belægning i ${v.area.name} den første i hver måned, ${monthLabel(v.occupancy[0]!.date)} til ${monthLabel(v.occupancy[v.occupancy.length - 1]!.date)}.`,
    years: v.occupancy.map((o) => o.date.slice(0, 7)),
    lines: [{ name: 'Belægning (%)', values: v.occupancy.map((o) => (o.occupancyPct === null ? null : Number(o.occupancyPct))) }],
  });
  const t = v.total;
  return (
    <>
      <h1>Kapacitet: {v.area.name}</h1>
      <AnalysisNav current="/analyse/kapacitet" />
      <p class="font-lead">
        Pladser, optagne og ledige pladser pr. målgruppe og tilbudstype i områdets tilbud den {formatDate(v.today)}. Optaget = løbende kontrakter i Ramme +
        pladser, leverandøren har indberettet som optaget af borgere uden kontrakt i Ramme. Ledige og venteliste er også vist efter leverandørens indberetning.
      </p>
      <p>
        <a href={`/analyse/kapacitet/rapport${queryOf({ area })}`}>Den samlede kapacitetsanalyse til udskrift og som PDF</a>
      </p>
      <form method="get" action="/analyse/kapacitet">
        <Select name="area" label="Rammeaftaleområde" options={v.areas.map((a) => ({ value: a.code, label: a.name }))} value={area} />
        <button type="submit" class="button button-secondary">
          Vis
        </button>
      </form>
      {v.staleReports > 0 && (
        <p>
          {formatNumber(v.staleReports)} tilbud har ikke bekræftet deres ledige pladser inden for 30 dage; deres indberettede tal kan være forældede.
          {v.reportsConfirmedSince ? ` Ældste bekræftelse: ${formatDateTime(v.reportsConfirmedSince)}.` : ''}
        </p>
      )}
      <h2>Pladser pr. målgruppe og tilbudstype</h2>
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--compact table--zebra" id="kapacitet">
          <caption>Kapacitet i {v.area.name} (tal er links til rækkerne bag)</caption>
          <thead>
            <tr>
              <th scope="col">Målgruppe</th>
              <th scope="col">Tilbudstype</th>
              <th scope="col" class="ramme-num">
                Tilbud
              </th>
              <th scope="col" class="ramme-num">
                Pladser
              </th>
              <th scope="col" class="ramme-num">
                Kontrakter i Ramme
              </th>
              <th scope="col" class="ramme-num">
                Optaget uden for Ramme
              </th>
              <th scope="col" class="ramme-num">
                Ledige (beregnet)
              </th>
              <th scope="col" class="ramme-num">
                Ledige (indberettet)
              </th>
              <th scope="col" class="ramme-num">
                Venteliste
              </th>
              <th scope="col" class="ramme-num">
                Belægning
              </th>
            </tr>
          </thead>
          <tbody>
            {v.cells.map((c) => {
              const q = { area, targetGroup: c.targetGroup ?? 'ingen', offeringType: c.offeringType };
              return (
                <tr>
                  <th scope="row">{c.targetGroupName}</th>
                  <td>{c.offeringTypeName}</td>
                  <td class="ramme-num">
                    <N n={c.offerings} q={q} label="tilbud" />
                  </td>
                  <td class="ramme-num">
                    <N n={c.places} q={q} label="pladser" />
                  </td>
                  <td class="ramme-num">
                    <N n={c.contracts} q={{ ...q, kind: 'kontrakter' }} label="kontrakter" />
                  </td>
                  <td class="ramme-num">
                    <N n={c.takenOutside} q={q} label="pladser optaget uden for Ramme" />
                  </td>
                  <td class="ramme-num">{formatNumber(c.free)}</td>
                  <td class="ramme-num">
                    <N n={c.freeReported} q={q} label="indberettede ledige pladser" />
                  </td>
                  <td class="ramme-num">
                    <N n={c.waiting} q={q} label="på venteliste" />
                  </td>
                  <td class="ramme-num">{formatPercent(c.occupancyPct, 1)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan={2}>
                I alt
              </th>
              <td class="ramme-num">
                <N n={t.offerings} q={{ area }} label="tilbud" />
              </td>
              <td class="ramme-num">{formatNumber(t.places)}</td>
              <td class="ramme-num">
                <N n={t.contracts} q={{ area, kind: 'kontrakter' }} label="kontrakter" />
              </td>
              <td class="ramme-num">{formatNumber(t.takenOutside)}</td>
              <td class="ramme-num">{formatNumber(t.free)}</td>
              <td class="ramme-num">{formatNumber(t.freeReported)}</td>
              <td class="ramme-num">{formatNumber(t.waiting)}</td>
              <td class="ramme-num">{formatPercent(t.occupancyPct, 1)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p>
        <a href={`/analyse/kapacitet${queryOf({ area, format: 'xlsx', table: 'kapacitet' })}`}>Hent kapacitetstabellen som Excel</a>
      </p>

      <h2>Belægning over tid</h2>
      <div class="row">
        <figure class="col-12 col-lg-7" aria-labelledby="belaegning-caption">
          <figcaption id="belaegning-caption">Løbende kontrakter i Ramme i % af dagens pladser, den første i hver måned</figcaption>
          {raw(svg)}
        </figure>
        <div class="col-12 col-lg-5 ramme-table-wrap" tabindex={0}>
          <table class="table table--compact" id="belaegning">
            <caption>Belægning pr. måned</caption>
            <thead>
              <tr>
                <th scope="col">Dato</th>
                <th scope="col" class="ramme-num">
                  Kontrakter
                </th>
                <th scope="col" class="ramme-num">
                  Pladser
                </th>
                <th scope="col" class="ramme-num">
                  Belægning
                </th>
              </tr>
            </thead>
            <tbody>
              {v.occupancy.map((o) => (
                <tr>
                  <th scope="row">{formatDate(o.date)}</th>
                  <td class="ramme-num">
                    <N n={o.contracts} q={{ area, kind: 'kontrakter', date: o.date }} label={`kontrakter ${formatDate(o.date)}`} />
                  </td>
                  <td class="ramme-num">{formatNumber(o.places)}</td>
                  <td class="ramme-num">{formatPercent(o.occupancyPct, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <p>
        <a href={`/analyse/kapacitet${queryOf({ area, format: 'xlsx', table: 'belaegning' })}`}>Hent belægningstabellen som Excel</a>
      </p>

      <h2>Hvor borgerne er placeret</h2>
      <p>
        Løbende kontrakter købt af områdets kommuner, efter hvor tilbuddet ligger. Desuden har borgere fra kommuner uden for området{' '}
        <N n={v.fromOutside} q={{ area, kind: 'kontrakter', from: 'udenfor' }} label="kontrakter fra kommuner uden for området" /> pladser i områdets tilbud.
      </p>
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--compact table--zebra" id="placering">
          <caption>Placeringer pr. købende kommune</caption>
          <thead>
            <tr>
              <th scope="col">Købende kommune</th>
              {PLACEMENT_KINDS.map((k) => (
                <th scope="col" class="ramme-num">
                  {PLACEMENT_LABELS[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {v.placements.map((b) => (
              <tr>
                <th scope="row">{b.buyerName}</th>
                {PLACEMENT_KINDS.map((k) => (
                  <td class="ramme-num">
                    <N
                      n={b.counts[k]}
                      q={{ area, kind: 'kontrakter', buyer: b.buyerMunicipalityCode, placement: k }}
                      label={`${b.buyerName}, ${PLACEMENT_LABELS[k].toLowerCase()}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">I alt</th>
              {PLACEMENT_KINDS.map((k) => (
                <td class="ramme-num">
                  <N n={v.placementTotal[k]} q={{ area, kind: 'kontrakter', placement: k }} label={PLACEMENT_LABELS[k].toLowerCase()} />
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <p>
        <a href={`/analyse/kapacitet${queryOf({ area, format: 'xlsx', table: 'placering' })}`}>Hent placeringstabellen som Excel</a>
      </p>
      <p>
        Som JSON: <a href={`/api/analysis/capacity${queryOf({ area })}`}>/api/analysis/capacity</a>.
      </p>
    </>
  );
};

export const CapacityRowsPage: FC<{ v: CapacityRowsView }> = ({ v }) => {
  const q = { ...v.query, format: 'xlsx' } as Q;
  return (
    <>
      <h1>Rækkerne bag tallet</h1>
      <p>
        <a href={`/analyse/kapacitet${queryOf({ area: v.area.code })}`}>Tilbage til kapaciteten i {v.area.name}</a>
      </p>
      <p>
        {v.kind === 'tilbud' ? 'Tilbud' : `Kontrakter, der løber den ${formatDate(v.date)}`} i {v.area.name}
        {v.filters.length ? ` — ${v.filters.join('; ')}` : ''}.
      </p>
      {v.kind === 'tilbud' ? (
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--compact table--zebra" id="raekker">
            <caption>{formatNumber(v.offerings.length)} tilbud</caption>
            <thead>
              <tr>
                <th scope="col">Tilbud</th>
                <th scope="col">Leverandør</th>
                <th scope="col">Kommune</th>
                <th scope="col">Målgruppe</th>
                <th scope="col">Tilbudstype</th>
                <th scope="col" class="ramme-num">
                  Pladser
                </th>
                <th scope="col" class="ramme-num">
                  Ledige (indberettet)
                </th>
                <th scope="col" class="ramme-num">
                  Optaget uden for Ramme
                </th>
                <th scope="col" class="ramme-num">
                  Venteliste
                </th>
                <th scope="col">Bekræftet</th>
              </tr>
            </thead>
            <tbody>
              {v.offerings.map((o) => (
                <tr>
                  <th scope="row">
                    <a href={`/tilbud/${o.offeringId}`}>{o.name}</a>
                  </th>
                  <td>{o.operatorName}</td>
                  <td>{o.municipalityName}</td>
                  <td>{o.targetGroupName}</td>
                  <td>{o.offeringTypeName}</td>
                  <td class="ramme-num">{formatNumber(o.places)}</td>
                  <td class="ramme-num">{formatNumber(o.freeReported)}</td>
                  <td class="ramme-num">{formatNumber(o.takenOutside)}</td>
                  <td class="ramme-num">{formatNumber(o.waitingCount)}</td>
                  <td>{o.reportConfirmedAt ? formatDateTime(o.reportConfirmedAt) : 'Ingen indberetning'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--compact table--zebra" id="raekker">
            <caption>
              {formatNumber(v.contracts.length)} kontrakter (uden sagsnumre)
              {v.contracts.length > MAX_ROWS ? `; de første ${formatNumber(MAX_ROWS)} vises, alle står i Excel-filen` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Kontrakt</th>
                <th scope="col">Tilbud</th>
                <th scope="col">Købende kommune</th>
                <th scope="col">Placering</th>
                <th scope="col">Målgruppe</th>
                <th scope="col">Tilbudstype</th>
                <th scope="col">Start</th>
                <th scope="col">Slut</th>
              </tr>
            </thead>
            <tbody>
              {v.contracts.slice(0, MAX_ROWS).map((c) => (
                <tr>
                  <th scope="row">{c.contractId}</th>
                  <td>{c.offeringName}</td>
                  <td>{c.buyerName}</td>
                  <td>{c.placement}</td>
                  <td>{c.targetGroupName}</td>
                  <td>{c.offeringTypeName}</td>
                  <td>{formatDate(c.startDate)}</td>
                  <td>{c.endDate ? formatDate(c.endDate) : 'Uden slutdato'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={rowsHref(q)}>Hent rækkerne som Excel</a>
      </p>
    </>
  );
};
