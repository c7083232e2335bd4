/**
 * @module The forecast page: history and every method's forecast of recipients for a target group in a municipality
 * or the whole area, each method with its backtest error (never one number without its uncertainty), a what-if
 * on the rate, a chart rendered on the server and the numbers in a table beside it.
 */
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { FieldErrors } from '../../core/errors.js';
import { formatNumber, formatPercent } from '../../core/format.js';
import { ErrorSummary, Field, Select } from '../../core/web/components.js';
import { linesSvg } from '../chart.js';
import type { ForecastView } from '../forecast.service.js';
import { AnalysisNav, queryOf, SeriesSources } from './shared.view.js';

export const ForecastPage: FC<{ v: ForecastView; query: Record<string, string | number | (string | number)[] | undefined>; errors?: FieldErrors }> = ({
  v,
  query,
  errors,
}) => {
  const place = v.municipality?.name ?? `${v.area.name} (alle kommuner)`;
  const svg =
    v.methods.length > 0
      ? linesSvg({
          label: `Modtagere i ${place}: historik og prognose efter ${v.methods.length} metoder til ${v.table[v.table.length - 1]?.year ?? ''}.`,
          years: v.table.map((r) => r.year),
          lines: [
            { name: 'Historik', values: v.table.map((r) => (r.history === null ? null : Number(r.history))) },
            ...v.methods.map((m, i) => ({
              name: m.label,
              isDashed: true,
              values: v.table.map((r) => (r.forecasts[i] === null ? (r.year === v.lastYear ? Number(r.history) : null) : Number(r.forecasts[i]))),
            })),
          ],
        })
      : null;
  return (
    <>
      <h1>Prognose: {v.group.name}</h1>
      <AnalysisNav current="/analyse/prognose" />
      <p class="font-lead">
        Modtagere 1-10 år frem efter hver metode, med metodens fejl på de seneste tre år (backtest: metoden tilpasses på årene før og rammer de tre år med den
        viste gennemsnitlige procentfejl, MAPE).
      </p>
      <ErrorSummary errors={errors} labels={{ ratePct: 'Ændring af andelen', horizon: 'Antal år frem', occupancyPct: 'Målbelægning' }} />
      <form method="get" action="/analyse/prognose">
        <Select name="group" label="Målgruppe" options={v.groups.map((g) => ({ value: g.code, label: g.name }))} value={v.group.code} />
        <Select name="area" label="Rammeaftaleområde" options={v.areas.map((a) => ({ value: a.code, label: a.name }))} value={v.area.code} />
        <Select
          name="municipality"
          label="Kommune"
          emptyLabel="Hele området"
          options={v.areaMunicipalities.map((m) => ({ value: String(m.code), label: m.name }))}
          value={v.municipality ? String(v.municipality.code) : ''}
        />
        <Field
          name="horizon"
          type="number"
          label="Antal år frem"
          hint="1-10."
          value={String(query.horizon ?? v.horizon)}
          min="1"
          max="10"
          inputmode="numeric"
          errors={errors}
        />
        <Field
          name="ratePct"
          label="Hvad nu hvis: andelen ændres med (%)"
          hint="Ændrer andelen af befolkningen, der modtager ydelsen, i rate-metoden, fx 10 eller -5. 0 er som hidtil."
          value={String(query.ratePct ?? v.ratePct)}
          inputmode="decimal"
          errors={errors}
        />
        <Field
          name="occupancyPct"
          type="number"
          label="Målbelægning (%)"
          hint="Pladser, der skal til = modtagere ÷ målbelægningen. 50-100."
          value={String(query.occupancyPct ?? v.occupancyPct)}
          min="50"
          max="100"
          inputmode="numeric"
          errors={errors}
        />
        <button type="submit" class="button button-secondary">
          Beregn
        </button>
      </form>
      {v.problems.length > 0 ? (
        <div class="alert alert-warning" role="status">
          <div class="alert-body">
            <p class="alert-heading">Der kan ikke laves en prognose for {place}</p>
            <ul class="alert-text">
              {v.problems.map((p) => (
                <li>{p.message}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        <>
          <h2>Metoder og deres fejl</h2>
          <ul>
            {v.methods.map((m) => (
              <li>
                <strong>{m.label}</strong>: fejl på de seneste tre år{' '}
                {m.backtestMape === null ? 'kan ikke beregnes (modtagere 0)' : formatPercent(m.backtestMape, 1)}
                {m.method === 'rate' && Number(v.ratePct) !== 0 ? ` — andelen ændret med ${formatNumber(v.ratePct, 1)} %` : ''}
                {m.placesNeeded
                  ? `; ${formatNumber(m.placesNeeded.places)} pladser i ${m.placesNeeded.year} ved ${formatNumber(v.occupancyPct)} % belægning`
                  : ''}
              </li>
            ))}
          </ul>
          <div class="row">
            <figure class="col-12 col-lg-7" aria-labelledby="prognose-caption">
              <figcaption id="prognose-caption">
                <strong>{place}</strong>: modtagere, historik og prognose
              </figcaption>
              {svg && raw(svg)}
            </figure>
            <div class="col-12 col-lg-5 ramme-table-wrap" tabindex={0}>
              <table class="table table--compact" id="prognose">
                <caption>Modtagere pr. år ({place})</caption>
                <thead>
                  <tr>
                    <th scope="col">År</th>
                    <th scope="col" class="ramme-num">
                      Historik
                    </th>
                    {v.methods.map((m) => (
                      <th scope="col" class="ramme-num">
                        {m.label}
                      </th>
                    ))}
                    <th scope="col" class="ramme-num">
                      Indbyggere {v.group.ageBand} år
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {v.table.map((r) => (
                    <tr>
                      <th scope="row">{r.year}</th>
                      <td class="ramme-num">{formatNumber(r.history, 0)}</td>
                      {r.forecasts.map((f) => (
                        <td class="ramme-num">{formatNumber(f, 1)}</td>
                      ))}
                      <td class="ramme-num">
                        {formatNumber(r.population)}
                        {r.isProjectedPopulation ? ' (fremskrevet)' : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <p>
            <a href={`/analyse/prognose${queryOf({ ...query, format: 'xlsx' })}`}>Hent tabellen som Excel</a>
          </p>
        </>
      )}
      <SeriesSources series={v.series} kinds={['population', 'projection', 'recipients']} />
    </>
  );
};
