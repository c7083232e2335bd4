/**
 * @module The trade page: the area's buyer × seller matrix of the year (every cell opens to its rows), each buyer's
 * split into own offerings, other municipalities, the region and private providers as a chart with its table
 * beside it, and the own-offering share over the years (hjemtagelse). And the page of one cell.
 */
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { linesSvg, stackedBarsSvg } from '../../analysis/analysis.public.js';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../core/format.js';
import { type Figures, SPLIT_KEYS, SPLIT_LABELS } from '../trade.logic.js';
import type { TradeCellView, TradeView } from '../trade.service.js';

const KIND_LABELS = { municipality: 'Kommune', region: 'Region', provider: 'Privat leverandør' } as const;
const cellHref = (v: { area: { id: number }; year: number }, buyer: number, seller: number) =>
  `/samhandel/celle?omraade=${v.area.id}&aar=${v.year}&koeber=${buyer}&saelger=${seller}`;

const Value: FC<{ f: Figures; isAmount: boolean }> = ({ f, isAmount }) => <>{isAmount ? formatMoney(f.amount, 0) : formatNumber(f.placeDays)}</>;

const SourceNote: FC<{ v: TradeView }> = ({ v }) =>
  v.matrix.source === 'statements' ? (
    <p>
      Kilde: de sendte afregninger (sendt, bestridt, besvaret og godkendt) med køber i {v.area.name} for {v.year}, inklusive korrektionslinjer. Kladder tælles
      ikke med. Andelene er af beløbet.
    </p>
  ) : (
    <div class="alert alert-info" role="status">
      <div class="alert-body">
        <p class="alert-text">
          Der er ingen sendte afregninger for {v.year}. Tallene er fra de godkendte kontrakter, som var i kraft i året: antal kontrakter og pladsdage, uden
          beløb. Andelene er af pladsdagene.
        </p>
      </div>
    </div>
  );

const SplitChart: FC<{ v: TradeView }> = ({ v }) => {
  const m = v.matrix;
  const rows = m.rows.filter((r) => r.total.contracts > 0 || (r.total.amount !== null && r.total.amount !== '0.00'));
  if (!rows.length) return <p>Ingen køb i {v.year}.</p>;
  const svg = stackedBarsSvg({
    label: `Søjlediagram: hver kommunes køb i ${v.year} fordelt på egne tilbud, andre kommuner, regionen og private leverandører, i procent. Tallene står i tabellen ved siden af.`,
    categories: rows.map((r) => r.buyer.name),
    series: SPLIT_KEYS.map((k) => ({ name: SPLIT_LABELS[k], values: rows.map((r) => (r.split[k].share === null ? null : Number(r.split[k].share))) })),
  });
  return (
    <div class="row">
      <figure class="col-12 col-lg-6" aria-labelledby="fordeling-caption">
        <figcaption id="fordeling-caption">
          <strong>Hvor køber kommunerne?</strong> Andel af {v.matrix.measure === 'amount' ? 'beløbet' : 'pladsdagene'} i {v.year}
        </figcaption>
        {raw(svg)}
      </figure>
      <section class="col-12 col-lg-6 table--responsive-scroll" tabindex={0} aria-label="Fordelingen i tal">
        <table class="table table--compact" id="fordeling">
          <caption>Fordeling af hver kommunes køb, i procent</caption>
          <thead>
            <tr>
              <th scope="col">Køber</th>
              {SPLIT_KEYS.map((k) => (
                <th scope="col" class="ramme-num">
                  {SPLIT_LABELS[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...m.rows.map((r) => ({ name: r.buyer.name, split: r.split })), { name: `${v.area.name} i alt`, split: m.split }].map((r) => (
              <tr>
                <th scope="row">{r.name}</th>
                {SPLIT_KEYS.map((k) => (
                  <td class="ramme-num">{formatPercent(r.split[k].share)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
};

const Trend: FC<{ v: TradeView }> = ({ v }) => {
  if (v.trend.length < 2) return <p>Udviklingen vises, når der er tal for mindst to år.</p>;
  const svg = linesSvg({
    label: `Kurve: andelen af områdets køb i kommunernes egne tilbud, ${v.trend[0]!.year} til ${v.trend.at(-1)!.year}. Tallene står i tabellen ved siden af.`,
    years: v.trend.map((t) => t.year),
    lines: [{ name: 'Andel i egne tilbud (%)', values: v.trend.map((t) => (t.ownShare === null ? null : Number(t.ownShare))) }],
  });
  return (
    <div class="row">
      <figure class="col-12 col-lg-7" aria-labelledby="hjemtagelse-caption">
        <figcaption id="hjemtagelse-caption">
          <strong>Hjemtagelse:</strong> andel købt i egne tilbud over årene
        </figcaption>
        {raw(svg)}
      </figure>
      <div class="col-12 col-lg-5">
        <table class="table table--compact" id="hjemtagelse">
          <caption>Andel i egne tilbud pr. år</caption>
          <thead>
            <tr>
              <th scope="col">År</th>
              <th scope="col" class="ramme-num">
                Andel
              </th>
              <th scope="col">Kilde</th>
            </tr>
          </thead>
          <tbody>
            {v.trend.map((t) => (
              <tr>
                <th scope="row">{t.year}</th>
                <td class="ramme-num">{formatPercent(t.ownShare)}</td>
                <td>{t.source === 'statements' ? 'afregninger (beløb)' : 'kontrakter (pladsdage)'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
};

const Matrix: FC<{ v: TradeView }> = ({ v }) => {
  const m = v.matrix;
  const isAmount = m.measure === 'amount';
  return (
    <section class="table--responsive-scroll" tabindex={0} aria-label="Matricen">
      <table class="table table--compact" id="matrix">
        <caption>
          Samhandel {v.year}: køber (rækker) × sælger (kolonner), {isAmount ? 'beløb i kroner' : 'pladsdage'}. Vælg et tal for at se rækkerne bag.
        </caption>
        <thead>
          <tr>
            <th scope="col">Køber</th>
            {m.sellers.map((s) => (
              <th scope="col" class="ramme-num">
                {s.name}
                <br />
                <span class="weight-normal">{KIND_LABELS[s.kind]}</span>
              </th>
            ))}
            <th scope="col" class="ramme-num">
              I alt
            </th>
            <th scope="col" class="ramme-num">
              Kontrakter
            </th>
            <th scope="col" class="ramme-num">
              Andel
            </th>
          </tr>
        </thead>
        <tbody>
          {m.rows.map((r) => (
            <tr>
              <th scope="row">{r.buyer.name}</th>
              {r.cells.map((c, i) => (
                <td class="ramme-num">
                  {c ? (
                    <a href={cellHref(v, r.buyer.id, m.sellers[i]!.id)}>
                      <Value f={c} isAmount={isAmount} />
                    </a>
                  ) : (
                    ''
                  )}
                  {c?.shareOfRow ? (
                    <>
                      <br />
                      <span class="weight-normal">{formatPercent(c.shareOfRow)}</span>
                    </>
                  ) : null}
                </td>
              ))}
              <td class="ramme-num">
                <strong>
                  <Value f={r.total} isAmount={isAmount} />
                </strong>
              </td>
              <td class="ramme-num">{formatNumber(r.total.contracts)}</td>
              <td class="ramme-num">{formatPercent(r.shareOfTotal)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">I alt</th>
            {m.columnTotals.map((c) => (
              <td class="ramme-num">
                <strong>
                  <Value f={c} isAmount={isAmount} />
                </strong>
                <br />
                <span class="weight-normal">{formatPercent(c.share)}</span>
              </td>
            ))}
            <td class="ramme-num">
              <strong>
                <Value f={m.total} isAmount={isAmount} />
              </strong>
            </td>
            <td class="ramme-num">{formatNumber(m.total.contracts)}</td>
            <td class="ramme-num">{m.total.contracts ? formatPercent(100) : '–'}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
};

export const TradePage: FC<{ v: TradeView }> = ({ v }) => (
  <>
    <h1>
      Samhandel i {v.area.name} {v.year}
    </h1>
    <p class="font-lead">Hvor meget køber kommunerne af hinanden, af regionen og af private leverandører, og hvor stor en del købes i egne tilbud?</p>
    <form method="get" action="/samhandel" class="mb-6">
      {v.areas.length > 1 ? (
        <div class="form-group">
          <label class="form-label" for="omraade">
            Rammeaftaleområde
          </label>
          <select class="form-select" id="omraade" name="omraade">
            {v.areas.map((a) => (
              <option value={String(a.id)} selected={a.id === v.area.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="omraade" value={String(v.area.id)} />
      )}
      <div class="form-group">
        <label class="form-label" for="aar">
          År
        </label>
        <input class="form-input input-width-xs" id="aar" name="aar" type="text" inputmode="numeric" value={String(v.year)} />
      </div>
      <button type="submit" class="button button-secondary">
        Vis
      </button>{' '}
      <a class="button button-tertiary" href={`/samhandel?omraade=${v.area.id}&aar=${v.year}&format=xlsx`}>
        Hent som Excel
      </a>
    </form>
    <SourceNote v={v} />
    <h2>Matricen</h2>
    <p>
      {v.matrix.source === 'statements' ? `${formatMoney(v.matrix.total.amount)} i alt, ` : ''}
      {formatNumber(v.matrix.total.contracts)} kontrakter, {formatNumber(v.matrix.total.placeDays)} pladsdage.
    </p>
    {v.matrix.sellers.length ? <Matrix v={v} /> : <p>Ingen køb i {v.year}.</p>}
    <h2>Fordelingen</h2>
    <SplitChart v={v} />
    <h2>Udviklingen</h2>
    <Trend v={v} />
  </>
);

export const TradeCellPage: FC<{ v: TradeCellView }> = ({ v }) => (
  <>
    <h1>
      {v.buyer?.name ?? 'Ukendt køber'} køber af {v.seller?.name ?? 'ukendt sælger'}, {v.year}
    </h1>
    <p>
      <a href={`/samhandel?omraade=${v.area.id}&aar=${v.year}`}>Tilbage til samhandlen i {v.area.name}</a>
    </p>
    {!v.isParty ? <p>Sagsnumre og links til afregningerne vises kun for køber og sælger.</p> : null}
    {v.source === 'statements' ? (
      <section class="table--responsive-scroll" tabindex={0} aria-label="Linjerne">
        <table class="table table--compact" id="linjer">
          <caption>Linjerne på de sendte afregninger ({formatNumber(v.lines.length)})</caption>
          <thead>
            <tr>
              <th scope="col">Måned</th>
              <th scope="col">Status</th>
              <th scope="col">Tilbud</th>
              <th scope="col">Sag</th>
              <th scope="col">Periode</th>
              <th scope="col" class="ramme-num">
                Dage
              </th>
              <th scope="col" class="ramme-num">
                Beløb
              </th>
            </tr>
          </thead>
          <tbody>
            {v.lines.map((l) => (
              <tr>
                <td>{l.statementId ? <a href={`/afregning/${l.statementId}`}>{l.month}</a> : l.month}</td>
                <td>{l.statusLabel}</td>
                <td>
                  {l.offeringName ?? ''}
                  {l.kind === 'adjustment' ? ' (korrektion)' : ''}
                </td>
                <td>{l.caseReference ?? '–'}</td>
                <td>{l.periodFrom ? `${formatDate(l.periodFrom)}–${formatDate(l.periodTo)}` : ''}</td>
                <td class="ramme-num">{l.days === null ? '' : formatNumber(l.days)}</td>
                <td class="ramme-num">{l.amount === null ? (l.problem ?? 'Problem') : formatMoney(l.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    ) : (
      <section class="table--responsive-scroll" tabindex={0} aria-label="Kontrakterne">
        <table class="table table--compact" id="kontrakter">
          <caption>
            Godkendte kontrakter i kraft i {v.year} (ingen sendte afregninger) ({formatNumber(v.contracts.length)})
          </caption>
          <thead>
            <tr>
              <th scope="col">Tilbud</th>
              <th scope="col">Sag</th>
              <th scope="col">Fra</th>
              <th scope="col">Til</th>
              <th scope="col">Niveau</th>
              <th scope="col" class="ramme-num">
                Pladsdage i året
              </th>
            </tr>
          </thead>
          <tbody>
            {v.contracts.map((c) => (
              <tr>
                <td>{c.offeringName}</td>
                <td>{c.caseReference ?? '–'}</td>
                <td>{formatDate(c.from)}</td>
                <td>{c.to ? formatDate(c.to) : 'Åben'}</td>
                <td>{c.level ?? ''}</td>
                <td class="ramme-num">{formatNumber(c.placeDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    )}
  </>
);
