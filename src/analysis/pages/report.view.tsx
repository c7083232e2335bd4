/**
 * @module The printable capacity analysis: one page with supply, use, trends and forecasts, and the municipalities'
 * assessments; the site's print stylesheet hides navigation, and the same content is offered as a PDF.
 */
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { formatDate, formatNumber, formatPercent } from '../../core/format.js';
import { linesSvg } from '../chart.js';
import { PLACEMENT_KINDS, PLACEMENT_LABELS } from '../capacity.js';
import type { CapacityReport } from '../report.service.js';
import { queryOf } from './shared.view.js';

export const ReportPage: FC<{ r: CapacityReport }> = ({ r }) => {
  const c = r.capacity;
  const t = c.total;
  return (
    <article class="ramme-report">
      <h1>{r.title}</h1>
      <p class="no-print">
        <a href={`/analyse/kapacitet/rapport${queryOf({ area: c.area.code, format: 'pdf' })}`}>Hent analysen som PDF</a> · Udskriv siden fra browseren for en
        papirudgave.
      </p>
      <p>
        Opgjort {formatDate(c.today)} fra Ramme: tilbud, leverandørernes indberetninger og kontrakter; befolkning og modtagere fra Danmarks Statistik (se
        kilderne på prognosesiden).
      </p>
      <h2>1. Udbud</h2>
      <p>
        {formatNumber(t.offerings)} tilbud med {formatNumber(t.places)} pladser; {formatNumber(t.occupied)} optaget ({formatPercent(t.occupancyPct, 1)}),{' '}
        {formatNumber(t.free)} ledige, {formatNumber(t.waiting)} på venteliste.
      </p>
      <table class="table table--compact">
        <caption>Pladser pr. målgruppe og tilbudstype</caption>
        <thead>
          <tr>
            <th scope="col">Målgruppe</th>
            <th scope="col">Tilbudstype</th>
            <th scope="col" class="ramme-num">
              Pladser
            </th>
            <th scope="col" class="ramme-num">
              Optaget
            </th>
            <th scope="col" class="ramme-num">
              Ledige
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
          {c.cells.map((x) => (
            <tr>
              <th scope="row">{x.targetGroupName}</th>
              <td>{x.offeringTypeName}</td>
              <td class="ramme-num">{formatNumber(x.places)}</td>
              <td class="ramme-num">{formatNumber(x.occupied)}</td>
              <td class="ramme-num">{formatNumber(x.free)}</td>
              <td class="ramme-num">{formatNumber(x.waiting)}</td>
              <td class="ramme-num">{formatPercent(x.occupancyPct, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>2. Brug</h2>
      <figure aria-labelledby="rapport-belaegning">
        <figcaption id="rapport-belaegning">Belægning med kontrakter i Ramme, den første i hver måned (tallene står i kapacitetssidens tabel)</figcaption>
        {raw(
          linesSvg({
            label: `Belægning i ${c.area.name} over ${c.occupancy.length} måneder.`,
            years: c.occupancy.map((o) => o.date.slice(0, 7)),
            lines: [{ name: 'Belægning (%)', values: c.occupancy.map((o) => (o.occupancyPct === null ? null : Number(o.occupancyPct))) }],
          }),
        )}
      </figure>
      <p>
        Områdets kommuner har {PLACEMENT_KINDS.map((k) => `${formatNumber(c.placementTotal[k])} ${PLACEMENT_LABELS[k].toLowerCase()}`).join(', ')}; borgere fra
        kommuner uden for området har {formatNumber(c.fromOutside)} pladser i områdets tilbud.
      </p>
      <h2>3. Tendenser og prognose</h2>
      <table class="table table--compact">
        <caption>Prognose pr. målgruppe for hele området, med hver metodes fejl på de seneste tre år</caption>
        <thead>
          <tr>
            <th scope="col">Målgruppe</th>
            <th scope="col">Metode</th>
            <th scope="col" class="ramme-num">
              År
            </th>
            <th scope="col" class="ramme-num">
              Prognose
            </th>
            <th scope="col" class="ramme-num">
              Fejl (MAPE)
            </th>
            <th scope="col" class="ramme-num">
              Pladser, der skal til
            </th>
          </tr>
        </thead>
        <tbody>
          {r.forecasts.flatMap((f) => {
            const rows = f.methods.map((m) => ({
              label: m.label,
              last: m.forecast[m.forecast.length - 1],
              mape: m.backtestMape,
              places: m.placesNeeded?.places ?? null,
            }));
            const s = f.stockFlow?.result;
            if (s && f.stockFlow)
              rows.push({
                label: f.stockFlow.label,
                last: s.forecast[s.forecast.length - 1],
                mape: s.backtestMape,
                places: f.stockFlow.placesNeeded?.places ?? null,
              });
            if (!rows.length)
              return [
                <tr>
                  <th scope="row">{f.group.name}</th>
                  <td colspan={5}>{f.problems.map((p) => p.message).join(' ')}</td>
                </tr>,
              ];
            return rows.map((x) => (
              <tr>
                <th scope="row">{f.group.name}</th>
                <td>{x.label}</td>
                <td class="ramme-num">{x.last?.year ?? ''}</td>
                <td class="ramme-num">{formatNumber(x.last?.value ?? null, 0)}</td>
                <td class="ramme-num">{formatPercent(x.mape, 1)}</td>
                <td class="ramme-num">{formatNumber(x.places)}</td>
              </tr>
            ));
          })}
        </tbody>
      </table>
      <p>Pladser, der skal til = prognosen ÷ målbelægningen ({formatNumber(r.forecasts[0]?.occupancyPct ?? null)} %).</p>
      <h2>4. Kommunernes vurderinger</h2>
      <table class="table table--compact">
        <caption>Redegørelser {r.assessments.year}: udbud mod behov (1 = dækker slet ikke, 5 = dækker fuldt ud)</caption>
        <thead>
          <tr>
            <th scope="col">Målgruppe</th>
            <th scope="col" class="ramme-num">
              Svar
            </th>
            <th scope="col" class="ramme-num">
              Gennemsnit
            </th>
          </tr>
        </thead>
        <tbody>
          {r.assessments.groups.map((g) => (
            <tr>
              <th scope="row">{g.name}</th>
              <td class="ramme-num">{formatNumber(g.answered)}</td>
              <td class="ramme-num">{formatNumber(g.mean, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
};
