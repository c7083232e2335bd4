/**
 * @module The forecast page: history and every method's forecast of recipients for a target group in a municipality
 * or the whole area, each method with its backtest error (never one number without its uncertainty), a what-if
 * on the rate, a chart rendered on the server and the numbers in a table beside it.
 */
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { FieldErrors } from '../../core/errors.js';
import { formatDate, formatNumber, formatPercent } from '../../core/format.js';
import { ErrorSummary, Field, Select } from '../../core/web/components.js';
import { linesSvg } from '../chart.js';
import type { ForecastView } from '../forecast.service.js';
import { Dec } from '../decimal.js';
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
      <ErrorSummary
        errors={errors}
        labels={{ ratePct: 'Ændring af andelen', stayPct: 'Ændring af opholdstiden', horizon: 'Antal år frem', occupancyPct: 'Målbelægning' }}
      />
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
          name="stayPct"
          label="Hvad nu hvis: opholdstiden ændres med (%)"
          hint="Ændrer den gennemsnitlige opholdstid i lager-og-strøm-metoden, fx 20 eller -10. 0 er som hidtil."
          value={String(query.stayPct ?? v.stayPct)}
          inputmode="decimal"
          errors={errors}
        />
        <Field
          name="occupancyPct"
          type="number"
          label="Målbelægning (%)"
          hint={`Pladser, der skal til = modtagere ÷ målbelægningen. 50-100.${v.occupancyRule ? ` Standard ${formatNumber(v.occupancyPct)} % fra ${formatDate(v.occupancyRule.validFrom)}: ${v.occupancyRule.source}` : ''}`}
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
      <StockFlowSection v={v} place={place} />
      <SeriesSources series={v.series} kinds={['population', 'projection', 'recipients']} />
    </>
  );
};

const StockFlowSection: FC<{ v: ForecastView; place: string }> = ({ v, place }) => {
  const s = v.stockFlow;
  return (
    <>
      <h2>Lager og strøm fra kontrakterne i Ramme</h2>
      {!s ? (
        <p>Der er ingen kontrakter i Ramme for målgruppen i {place}; metoden kan ikke bruges.</p>
      ) : (
        <>
          <p>
            Borgere med en løbende kontrakt ved årets udgang fremskrives som sidste års antal × (1 − afgangsandelen) + tilgangen pr. indbygger × fremskrevet
            befolkning. Afgangsandel og tilgang er gennemsnit af de seneste tre år. Kontrakterne i Ramme går tilbage til {formatDate(s.earliest)} (
            {formatNumber(s.contractCount)} kontrakter), så kun hele år fra året efter tæller; niveauet er borgere med kontrakt i Ramme, ikke alle modtagere i
            Danmarks Statistik.
          </p>
          {s.problems.length > 0 || !s.result ? (
            <div class="alert alert-warning" role="status">
              <div class="alert-body">
                <p class="alert-heading">Kontrakterne rækker ikke til en prognose</p>
                <ul class="alert-text">
                  {s.problems.map((p) => (
                    <li>{p.message}</li>
                  ))}
                </ul>
              </div>
            </div>
          ) : (
            <>
              <p>
                <strong>{s.label}</strong>: fejl på de seneste tre år{' '}
                {s.result.backtestMape === null ? 'kan ikke beregnes (0 kontrakter)' : formatPercent(s.result.backtestMape, 1)}; gennemsnitlig opholdstid{' '}
                {s.result.meanStayYears === null ? 'ukendt (ingen er stoppet)' : `${formatNumber(s.result.meanStayYears, 1)} år`}
                {Number(v.stayPct) !== 0 ? ` (ændret med ${formatNumber(v.stayPct, 1)} %)` : ''}; tilgang{' '}
                {formatNumber(new Dec(s.result.inflowRate).times(1000).toFixed(3), 2)} pr. 1.000 indbyggere om året
                {s.placesNeeded
                  ? `; ${formatNumber(s.placesNeeded.places)} pladser i ${s.placesNeeded.year} ved ${formatNumber(v.occupancyPct)} % belægning`
                  : ''}
                .
              </p>
              <div class="ramme-table-wrap" tabindex={0}>
                <table class="table table--compact" id="lager-og-stroem">
                  <caption>Kontrakter pr. år ({place}): historik og prognose</caption>
                  <thead>
                    <tr>
                      <th scope="col">År</th>
                      <th scope="col" class="ramme-num">
                        Tilgang
                      </th>
                      <th scope="col" class="ramme-num">
                        Afgang
                      </th>
                      <th scope="col" class="ramme-num">
                        Løbende ved årets udgang
                      </th>
                      <th scope="col" class="ramme-num">
                        Prognose
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.history.map((h) => (
                      <tr>
                        <th scope="row">{h.year}</th>
                        <td class="ramme-num">{formatNumber(h.inflow)}</td>
                        <td class="ramme-num">{formatNumber(h.exits)}</td>
                        <td class="ramme-num">{formatNumber(h.stock)}</td>
                        <td class="ramme-num">{formatNumber(s.result!.backtest.find((b) => b.year === h.year)?.predicted ?? null, 1)}</td>
                      </tr>
                    ))}
                    {s.result.forecast.map((f) => (
                      <tr>
                        <th scope="row">{f.year}</th>
                        <td class="ramme-num">–</td>
                        <td class="ramme-num">–</td>
                        <td class="ramme-num">–</td>
                        <td class="ramme-num">{formatNumber(f.value, 1)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p>Prognosen for de historiske år er backtestens: metoden tilpasset på årene før de seneste tre.</p>
            </>
          )}
        </>
      )}
    </>
  );
};
