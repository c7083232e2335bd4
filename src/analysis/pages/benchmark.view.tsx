/**
 * @module The benchmark page: one target group's figures per municipality of an area for a year — net spending
 * per inhabitant of the named age band, recipients per 1,000 and unit cost — against the area, the country and a
 * peer group; each municipality's figures open to their source rows.
 */
import type { FC } from 'hono/jsx';
import { formatMoney, formatNumber } from '../../core/format.js';
import type { Figures } from '../benchmark.js';
import type { BenchmarkView } from '../benchmark.service.js';
import { AnalysisNav, queryOf, ScopeFields, SeriesSources, YearSelect } from './shared.view.js';

const Cells: FC<{ f: Figures }> = ({ f }) => (
  <>
    <td class="ramme-num">{formatNumber(f.population)}</td>
    <td class="ramme-num">{formatNumber(f.recipients, 0)}</td>
    <td class="ramme-num">{formatMoney(f.spending, 0)}</td>
    <td class="ramme-num">{formatMoney(f.spendingPerCapita)}</td>
    <td class="ramme-num">{formatNumber(f.userSharePer1000, 2)}</td>
    <td class="ramme-num">{formatMoney(f.unitCost, 0)}</td>
  </>
);

export const BenchmarkPage: FC<{ v: BenchmarkView; query: Record<string, string | number | (string | number)[] | undefined> }> = ({ v, query }) => {
  const band = v.group.ageBandLabel;
  const source = (code: number) => `/analyse/kilder${queryOf({ group: v.group.code, municipality: code, year: v.year })}`;
  return (
    <>
      <h1>Benchmark: {v.group.name}</h1>
      <AnalysisNav current="/analyse/benchmark" />
      <p class="font-lead">
        Nettoudgift pr. {band}, modtagere pr. 1.000 {band.replace('årig', 'årige')} (brugerandel) og udgift pr. modtager (enhedsudgift)
        {v.year !== null ? ` i ${v.year}` : ''}. Området, landet og sammenligningsgruppen regnes af summerne, ikke som gennemsnit af kommunernes tal.
      </p>
      <form method="get" action="/analyse/benchmark">
        <ScopeFields
          groups={v.groups}
          group={v.group.code}
          areas={v.areas}
          area={v.area.code}
          municipalities={v.areaMunicipalities}
          municipality={v.focus}
          municipalityLabel="Kommune, der sammenlignes"
        />
        <YearSelect name="year" label="År" years={v.observedYears} value={v.year} />
        <div class="form-group">
          <label class="form-label" for="f-peers">
            Sammenligningsgruppe
          </label>
          <span class="form-hint" id="f-peers-hint">
            Vælg kommuner, eller vælg ingen for de fem nærmeste i størrelse (indbyggere {band.replace('årig', 'årige')}).
          </span>
          <select class="form-select" id="f-peers" name="peers" multiple size={6} aria-describedby="f-peers-hint">
            {v.allMunicipalities.map((m) => (
              <option value={String(m.code)} selected={v.isPeersChosen && v.peers.some((p) => p.code === m.code)}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-secondary">
          Vis
        </button>
      </form>
      {v.year === null ? (
        <p>Der er ingen tal for målgruppen endnu.</p>
      ) : (
        <>
          <div class="ramme-table-wrap" tabindex={0}>
            <table class="table table--compact" id="benchmark">
              <caption>
                {v.group.name}, {v.area.name}, {v.year}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Kommune</th>
                  <th scope="col" class="ramme-num">
                    Indbyggere {v.group.ageBand} år
                  </th>
                  <th scope="col" class="ramme-num">
                    Modtagere
                  </th>
                  <th scope="col" class="ramme-num">
                    Nettoudgift
                  </th>
                  <th scope="col" class="ramme-num">
                    Udgift pr. {band}
                  </th>
                  <th scope="col" class="ramme-num">
                    Modtagere pr. 1.000
                  </th>
                  <th scope="col" class="ramme-num">
                    Udgift pr. modtager
                  </th>
                  <th scope="col">Kilde</th>
                </tr>
              </thead>
              <tbody>
                {v.municipalities.map((m) => (
                  <tr>
                    <th scope="row">{m.name}</th>
                    <Cells f={m.figures} />
                    <td>
                      <a href={source(m.code!)}>Kilderækker</a>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{v.area.name} (samlet)</th>
                  <Cells f={v.areaFigures} />
                  <td>Summen af kommunerne ovenfor</td>
                </tr>
                <tr>
                  <th scope="row">Hele landet</th>
                  <Cells f={v.countryFigures} />
                  <td>Summen af {formatNumber(v.countryFigures.municipalityCount)} kommuner med tal</td>
                </tr>
                <tr>
                  <th scope="row">Sammenligningsgruppe</th>
                  <Cells f={v.peerFigures} />
                  <td>
                    {v.isPeersChosen ? 'Valgt: ' : 'Nærmeste i størrelse: '}
                    {v.peers.map((p) => p.name).join(', ') || '–'}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p>
            <a href={`/analyse/benchmark${queryOf({ ...query, format: 'xlsx' })}`}>Hent tabellen som Excel</a>
          </p>
        </>
      )}
      <SeriesSources series={v.series} kinds={['population', 'recipients', 'spending']} />
    </>
  );
};
