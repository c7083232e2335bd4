/**
 * @module The analysis overview: what each page answers, and the series everything is built on.
 */
import type { FC } from 'hono/jsx';
import type { BenchmarkView } from '../benchmark.service.js';
import { SeriesSources } from './shared.view.js';

export const OverviewPage: FC<{ v: BenchmarkView }> = ({ v }) => (
  <>
    <h1>Analyse: data, benchmarks og prognoser</h1>
    <p class="font-lead">Tal til styringsaftalen og udviklingsstrategien: hvordan kommunerne ligger, hvorfor udgifterne vokser, og hvad der kommer.</p>
    <ul>
      <li>
        <a href="/analyse/benchmark">Benchmark</a>: udgift pr. indbygger i aldersgruppen, brugerandel og enhedsudgift pr. kommune mod området, landet og
        sammenlignelige kommuner.
      </li>
      <li>
        <a href="/analyse/vaekst">Hvorfor vokser udgiften?</a>: ændringen mellem to år delt i demografi, brugerandel og enhedsudgift.
      </li>
      <li>
        <a href="/analyse/prognose">Prognose</a>: modtagere 1-10 år frem efter flere metoder med deres fejl og et hvad-nu-hvis.
      </li>
      <li>
        <a href="/analyse/data">Data</a>: de indlæste tabeller fra Danmarks Statistik{v.series.length ? '' : ' (ingen endnu)'}.
      </li>
    </ul>
    <SeriesSources series={v.series} />
  </>
);
