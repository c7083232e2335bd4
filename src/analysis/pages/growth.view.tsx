/**
 * @module "Why does spending grow?": between two years, the change in net spending split into a demographic, a
 * user-share and a unit-cost effect (LMDI; they add up to the change to the øre), as a waterfall for the area and
 * the chosen municipality, with every municipality's numbers in the table.
 */
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { formatMoney } from '../../core/format.js';
import type { GrowthLine, GrowthView } from '../benchmark.service.js';
import { waterfallSvg } from '../chart.js';
import { AnalysisNav, queryOf, ScopeFields, SeriesSources, YearSelect } from './shared.view.js';

const EFFECTS = [
  ['demographic', 'Demografi'],
  ['userShare', 'Brugerandel'],
  ['unitCost', 'Enhedsudgift'],
] as const;

const Waterfall: FC<{ line: GrowthLine; from: number; to: number; id: string }> = ({ line, from, to, id }) => {
  if (!line.split || !line.from.spending) return <p>{line.name}: der mangler tal for et af årene.</p>;
  const split = line.split;
  const svg = waterfallSvg({
    label: `Vandfaldsdiagram for ${line.name}: udgiften ${from} ${formatMoney(line.from.spending, 0)}, demografi ${formatMoney(split.demographic, 0)}, brugerandel ${formatMoney(split.userShare, 0)}, enhedsudgift ${formatMoney(split.unitCost, 0)}, udgiften ${to} ${formatMoney(line.to.spending, 0)}.`,
    fromLabel: `Udgift ${from}`,
    toLabel: `Udgift ${to}`,
    start: Number(line.from.spending),
    effects: EFFECTS.map(([k, name]) => ({ name, value: Number(split[k]) })),
  });
  return (
    <div class="row">
      <figure class="col-12 col-lg-7" aria-labelledby={`${id}-caption`}>
        <figcaption id={`${id}-caption`}>
          <strong>{line.name}</strong>: udgiften {from} til {to}
        </figcaption>
        {raw(svg)}
      </figure>
      <div class="col-12 col-lg-5">
        <table class="table table--compact" id={`${id}-tal`}>
          <caption>{line.name}: ændringen delt i tre effekter</caption>
          <tbody>
            <tr>
              <th scope="row">Udgift {from}</th>
              <td class="ramme-num">{formatMoney(line.from.spending)}</td>
            </tr>
            {EFFECTS.map(([k, name]) => (
              <tr>
                <th scope="row">{name}</th>
                <td class="ramme-num">{formatMoney(split[k])}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Udgift {to}</th>
              <td class="ramme-num">{formatMoney(line.to.spending)}</td>
            </tr>
            <tr>
              <th scope="row">Samlet ændring</th>
              <td class="ramme-num">{formatMoney(split.totalChange)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
};

export const GrowthPage: FC<{ v: GrowthView; query: Record<string, string | number | (string | number)[] | undefined> }> = ({ v, query }) => (
  <>
    <h1>Hvorfor vokser udgiften? {v.group.name}</h1>
    <AnalysisNav current="/analyse/vaekst" />
    <p class="font-lead">
      Udgiften = befolkning ({v.group.ageBand} år) × brugerandel (modtagere pr. indbygger) × enhedsudgift (udgift pr. modtager). Ændringen mellem to år deles i
      tre effekter med den logaritmiske gennemsnitsmetode (LMDI); de tre lægges sammen til hele ændringen, på øret.
    </p>
    <form method="get" action="/analyse/vaekst">
      <ScopeFields groups={v.groups} group={v.group.code} areas={v.areas} area={v.area.code} municipalities={v.areaMunicipalities} municipality={v.focus} />
      <YearSelect name="from" label="Fra år" years={v.observedYears} value={v.from} />
      <YearSelect name="to" label="Til år" years={v.observedYears} value={v.to} />
      <button type="submit" class="button button-secondary">
        Vis
      </button>
    </form>
    {v.from === null || v.to === null || v.from >= v.to ? (
      <p>Der skal være tal for mindst to år.</p>
    ) : (
      <>
        <h2>{v.area.name}</h2>
        <Waterfall line={v.areaLine} from={v.from} to={v.to} id="omraade" />
        {v.focusLine && (
          <>
            <h2>{v.focusLine.name}</h2>
            <Waterfall line={v.focusLine} from={v.from} to={v.to} id="kommune" />
          </>
        )}
        <h2>Alle kommuner i området</h2>
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--compact" id="vaekst">
            <caption>
              Ændringen i nettoudgiften {v.from}-{v.to} delt i tre effekter (kr.)
            </caption>
            <thead>
              <tr>
                <th scope="col">Kommune</th>
                <th scope="col" class="ramme-num">
                  Udgift {v.from}
                </th>
                <th scope="col" class="ramme-num">
                  Udgift {v.to}
                </th>
                <th scope="col" class="ramme-num">
                  Ændring
                </th>
                {EFFECTS.map(([, name]) => (
                  <th scope="col" class="ramme-num">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...v.lines, v.areaLine].map((l) => (
                <tr>
                  <th scope="row">{l.code === null ? `${l.name} (samlet)` : l.name}</th>
                  <td class="ramme-num">{formatMoney(l.from.spending, 0)}</td>
                  <td class="ramme-num">{formatMoney(l.to.spending, 0)}</td>
                  <td class="ramme-num">{formatMoney(l.split?.totalChange, 0)}</td>
                  {EFFECTS.map(([k]) => (
                    <td class="ramme-num">{formatMoney(l.split?.[k], 0)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <a href={`/analyse/vaekst${queryOf({ ...query, format: 'xlsx' })}`}>Hent tabellen som Excel</a>
        </p>
      </>
    )}
    <SeriesSources series={v.series} kinds={['population', 'recipients', 'spending']} />
  </>
);
