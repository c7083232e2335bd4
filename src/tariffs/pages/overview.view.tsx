/**
 * @module The tariff overview (takstoversigt) of an area and year grouped by municipality, the round's status for
 * the secretariat, the offerings behind one count, and the confirmation before publishing, each with its view model.
 */
import type { PageOptions } from '../../core/http/app.js';
import { count } from '../../core/format.js';
import { Alert, CsrfField, DescriptionList, Field, formatDate, formatDateTime, Select } from '../../core/web/components.js';
import { OVERVIEW_SORTS } from '../overview.filter.js';
import { parseLevels, ROUND_STATES, type OverviewRow, type RoundState } from '../overview.model.js';
import type { OverviewPageData, RoundStateData } from '../overview.service.js';
import type { PublishConfirmation } from '../publish.service.js';
import { STATUS_LABELS, type TariffStatus } from '../tariffs.table.js';
import { ChangeText, dkKr, dkPct, unitLabel } from './parts.view.js';

function groupByMunicipality(rows: OverviewRow[]): Array<[string, OverviewRow[]]> {
  const groups = new Map<string, OverviewRow[]>();
  for (const r of rows) groups.set(r.municipality_name, [...(groups.get(r.municipality_name) ?? []), r]);
  return [...groups.entries()];
}

export const stateLabel = (k: RoundState) => (k === 'mangler' ? 'Ikke påbegyndt' : STATUS_LABELS[k as TariffStatus]);

const flagsOf = (r: OverviewRow) =>
  [
    r.is_flagged ? 'Stigning over grænsen' : null,
    r.version > 1 ? `Rettet (version ${r.version})` : null,
    r.warning_count ? count(r.warning_count, 'advarsel', 'advarsler') : null,
    r.status === 'godkendt' ? 'Godkendt, ikke offentliggjort' : null,
  ].filter(Boolean);
const hasFlags = (r: OverviewRow) => flagsOf(r).length > 0;

const Flags = ({ r }: { r: OverviewRow }) => {
  const flags = flagsOf(r);
  return flags.length ? flags.join('; ') : <span class="sr-only">Ingen</span>;
};

/** One municipality's offerings as a price list: on a narrow screen each row becomes a card (app.css `.ramme-pricelist`). */
const MunicipalityTable = ({ name, rows }: { name: string; rows: OverviewRow[] }) => (
  <section aria-labelledby={`kommune-${rows[0]!.municipality_code}`}>
    <h2 id={`kommune-${rows[0]!.municipality_code}`}>{name}</h2>
    <div class="ramme-table-wrap" tabindex={0}>
      <table class="table table--zebra table--compact ramme-pricelist">
        <caption class="sr-only">Takster for tilbud i {name}</caption>
        <thead>
          <tr>
            <th scope="col">Tilbud</th>
            <th scope="col" class="ramme-num">
              Takst
            </th>
            <th scope="col">Lovgrundlag og målgruppe</th>
            <th scope="col" class="ramme-num">
              Belægning
            </th>
            <th scope="col" class="ramme-num">
              Nominel ændring
            </th>
            <th scope="col" class="ramme-num">
              Real ændring
            </th>
            <th scope="col">Markeringer</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const levels = parseLevels(r.levels);
            return (
              <tr>
                <td class="ramme-pricelist-name">
                  <a href={`/takster/${r.version_id}`}>{r.offering_name}</a>
                  <br />
                  <small>
                    {r.offering_type_name} · {r.operator_name} ({r.operator_type.toLowerCase()})
                  </small>
                </td>
                <td class="ramme-num" data-label="Takst">
                  {levels.length === 1
                    ? dkKr(levels[0]!.tariff)
                    : levels.map((l) => (
                        <>
                          {l.name}: {dkKr(l.tariff)}
                          <br />
                        </>
                      ))}
                  {levels.length > 1 && <small>gennemsnit {dkKr(r.average_tariff)}</small>}
                  {levels.length > 1 && <br />}
                  <small> pr. {unitLabel(r.unit)}</small>
                </td>
                <td data-label="Lovgrundlag og målgruppe">
                  {r.legal_basis}
                  {r.target_groups && (
                    <>
                      <br />
                      <small>{r.target_groups}</small>
                    </>
                  )}
                </td>
                <td class="ramme-num" data-label="Belægning">
                  {dkPct(r.occupancy_pct_used)}
                </td>
                <td class="ramme-num" data-label="Nominel ændring">
                  <ChangeText pct={r.nominal_change_pct} />
                </td>
                <td class="ramme-num" data-label="Real ændring">
                  <ChangeText pct={r.real_change_pct} />
                </td>
                <td data-label="Markeringer" class={hasFlags(r) ? undefined : 'ramme-pricelist-empty'}>
                  <Flags r={r} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  </section>
);

const options = (values: string[]) => values.map((v) => ({ value: v, label: v }));

/** Search, filters and sort as a plain GET form: works without JavaScript, and the address can be shared. */
const Filters = ({ o, base }: { o: OverviewPageData; base: string }) => (
  <form method="get" action={base} aria-label="Søg og filtrér takster">
    {o.isPreview && <input type="hidden" name="forhaandsvisning" value="1" />}
    <div class="ramme-filters">
      <Field name="q" label="Søg efter tilbud" type="search" value={o.query.q} hint="Tilbuddets eller driftsherrens navn" />
      <Select name="kommune" label="Kommune" value={o.query.kommune} emptyLabel="Alle" options={options(o.choices.municipalities)} />
      <Select name="lovgrundlag" label="Lovgrundlag" value={o.query.lovgrundlag} emptyLabel="Alle" options={options(o.choices.legalBases)} />
      <Select name="maalgruppe" label="Målgruppe" value={o.query.maalgruppe} emptyLabel="Alle" options={options(o.choices.targetGroups)} />
      <Select name="tilbudstype" label="Tilbudstype" value={o.query.tilbudstype} emptyLabel="Alle" options={options(o.choices.offeringTypes)} />
      <Select
        name="sortering"
        label="Sortér inden for hver kommune"
        value={o.query.sortering ?? 'navn'}
        options={Object.entries(OVERVIEW_SORTS).map(([value, label]) => ({ value, label }))}
      />
    </div>
    <div class="ramme-actions">
      <button type="submit" class="button button-primary">
        Vis takster
      </button>
      <a href={o.isPreview ? `${base}?forhaandsvisning=1` : base}>Nulstil</a>
    </div>
  </form>
);

/** The area's open offerings the overview does not include: a published overview says so, it is the basis for payment. */
const Missing = ({ o }: { o: OverviewPageData }) =>
  o.missing.length === 0 ? (
    <p>Oversigten omfatter alle {o.offeringsInArea} tilbud i området.</p>
  ) : (
    <Alert kind="warning" heading={`Oversigten omfatter ${o.rows.length} af områdets ${o.offeringsInArea} tilbud`}>
      <p>
        {count(o.missing.length, 'tilbud har', 'tilbud har')} ingen offentliggjort takst for {o.year} og er ikke med i oversigten.
      </p>
      <details>
        <summary>Vis de {count(o.missing.length, 'tilbud', 'tilbud')}, der mangler</summary>
        <ul id="mangler">
          {o.missing.map((m) => (
            <li>
              {m.offering_name} ({m.operator_name}, {m.municipality_name})
            </li>
          ))}
        </ul>
      </details>
    </Alert>
  );

const Groups = ({ o }: { o: OverviewPageData }) => {
  const groups = groupByMunicipality(o.shown);
  if (!groups.length) return <p role="status">Ingen takster matcher søgningen.</p>;
  return (
    <>
      <nav aria-label="Kommuner i oversigten">
        <p>
          {o.isFiltered ? `${count(o.shown.length, 'tilbud', 'tilbud')} matcher. ` : ''}Gå til kommune:{' '}
          {groups.map(([name, rows], i) => (
            <>
              {i > 0 ? ' · ' : ''}
              <a href={`#kommune-${rows[0]!.municipality_code}`}>
                {name} ({rows.length})
              </a>
            </>
          ))}
        </p>
      </nav>
      {groups.map(([name, rows]) => (
        <MunicipalityTable name={name} rows={rows} />
      ))}
    </>
  );
};

const overviewCrumbs = (area: { name: string }, year: number, base: string, last?: string) => [
  { href: '/', label: 'Forside' },
  { href: '/takster', label: 'Takster' },
  ...(last
    ? [{ href: `${base}?forhaandsvisning=1`, label: `Takstoversigt ${year}, ${area.name}` }, { label: last }]
    : [{ label: `Takstoversigt ${year}, ${area.name}` }]),
];

const Published = ({ o }: { o: OverviewPageData }) =>
  o.publications.length ? (
    <p>
      Offentliggjort {formatDateTime(o.publications[o.publications.length - 1]!.published_at)}
      {o.publications.length > 1 ? `; senest opdateret ${formatDateTime(o.publications[0]!.published_at)}` : ''}. Betaling afregnes alene efter denne oversigt.
      Hver takst kan åbnes og viser hele beregningen.
    </p>
  ) : (
    <Alert kind="info">Oversigten er ikke offentliggjort endnu. Kun sekretariatet kan se den.</Alert>
  );

const Round = ({ o, base }: { o: OverviewPageData; base: string }) => {
  const status = o.status!;
  return (
    <section aria-labelledby="runde">
      <h2 id="runde">Takstrunden {o.year}</h2>
      <ul class="inline-list">
        {ROUND_STATES.map((k) => (
          <li>
            <a href={`${base}/status/${k}`}>
              {stateLabel(k)}: {status[k] ?? 0}
            </a>
          </li>
        ))}
      </ul>
      <div class="ramme-actions">
        {o.isPreview ? <a href={base}>Vis den offentliggjorte oversigt</a> : <a href={`${base}?forhaandsvisning=1`}>Forhåndsvis med godkendte takster</a>}
        {(status.godkendt ?? 0) > 0 && (
          // Leads to a confirmation page with the round's status; nothing is published from here.
          <form method="get" action={`${base}/offentliggoer`}>
            <button type="submit" class="button button-primary">
              Offentliggør {status.godkendt} godkendte takster
            </button>
          </form>
        )}
      </div>
    </section>
  );
};

export type OverviewView = OverviewPageData & { publishedCount?: string; message?: string; httpStatus?: number };

export const overviewPage = (o: OverviewView): PageOptions => {
  const base = `/takster/oversigt/${o.area.code}/${o.year}`;
  const title = `Takstoversigt ${o.year} – ${o.area.name}`;
  return {
    title,
    status: o.httpStatus,
    breadcrumbs: overviewCrumbs(o.area, o.year, base),
    body: (
      <>
        {o.publishedCount && <Alert kind="success">{`${o.publishedCount} takster er offentliggjort.`}</Alert>}
        {o.message && <Alert kind="error">{o.message}</Alert>}
        <h1>{title}</h1>
        <Published o={o} />
        {o.isPreview && (
          <Alert kind="warning">Forhåndsvisning: godkendte takster, der endnu ikke er offentliggjort, vises i stedet for de offentliggjorte.</Alert>
        )}
        <p>
          {o.rows.length} tilbud. {o.rows.filter((r) => r.is_flagged).length} med en stigning over aftalens grænse.
        </p>
        <div class="ramme-actions">
          <a href={`${base}/eksport.xlsx`}>Hent som Excel (oversigt og beregninger)</a>
          <a href={`${base}/eksport.csv`}>Hent som CSV</a>
          <a href={`/api/tariffs/overview/${o.area.code}/${o.year}`}>Se som JSON</a>
        </div>
        {o.isReviewer && o.status && <Round o={o} base={base} />}
        <Missing o={o} />
        <Filters o={o} base={base} />
        <Groups o={o} />
      </>
    ),
  };
};

export type ConfirmView = PublishConfirmation & { csrf: string; message?: string; httpStatus?: number };

export const confirmPage = (c: ConfirmView): PageOptions => {
  const base = `/takster/oversigt/${c.area.code}/${c.year}`;
  const title = `Offentliggør takstoversigten ${c.year} – ${c.area.name}`;
  const n = (k: string) => c.status[k] ?? 0;
  const outstanding = n('indsendt') + n('returneret') + n('kladde') + n('mangler');
  const deadlineText = c.deadline
    ? `${formatDate(c.deadline)} (${c.isPastDeadline ? 'fristen er overskredet' : 'fristen er ikke overskredet endnu'})`
    : 'Ingen frist fastsat';
  return {
    title,
    status: c.httpStatus,
    breadcrumbs: overviewCrumbs(c.area, c.year, base, 'Offentliggør'),
    body: (
      <>
        {c.message && <Alert kind="error">{c.message}</Alert>}
        <h1>{title}</h1>
        <p>
          Kontrollér takstrunden, før du offentliggør. Kun godkendte takster offentliggøres; de øvrige kan offentliggøres senere som en opdatering af
          oversigten.
        </p>
        <DescriptionList
          items={[
            ['Godkendt (offentliggøres nu)', String(n('godkendt'))],
            ['Indsendt, ikke behandlet', String(n('indsendt'))],
            ['Sendt retur', String(n('returneret'))],
            ['Kladde', String(n('kladde'))],
            ['Ikke påbegyndt', String(n('mangler'))],
            ['Frist for indsendelse', deadlineText],
          ]}
        />
        {(!c.isPastDeadline || outstanding > 0 || c.missing.length > 0) && (
          <Alert kind="warning" heading="Runden er ikke afsluttet">
            <p>
              {!c.isPastDeadline && c.deadline ? `Fristen for indsendelse er ${formatDate(c.deadline)}. ` : ''}
              {outstanding > 0 ? `${outstanding} tilbud har endnu ikke en godkendt takst og kommer ikke med nu.` : ''}
            </p>
            {c.missing.length > 0 && (
              <>
                <p>
                  <strong>
                    Oversigten vil omfatte {c.included} af områdets {c.offeringsInArea} tilbud. Den er grundlaget for betaling; disse{' '}
                    {count(c.missing.length, 'tilbud', 'tilbud')} står ikke i den:
                  </strong>
                </p>
                <ul id="mangler">
                  {c.missing.map((m) => (
                    <li>
                      {m.offering_name} ({m.operator_name}, {m.municipality_name})
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Alert>
        )}
        {n('godkendt') > 0 ? (
          <form method="post" action={`${base}/offentliggoer`}>
            <CsrfField token={c.csrf} />
            <input type="hidden" name="bekraeft" value="ja" />
            <div class="ramme-actions">
              <button type="submit" class="button button-primary">
                Bekræft: offentliggør {n('godkendt')} godkendte takster
              </button>
              <a href={`${base}?forhaandsvisning=1`}>Annullér</a>
            </div>
          </form>
        ) : (
          <p>
            Der er ingen godkendte takster at offentliggøre. <a href={`${base}?forhaandsvisning=1`}>Tilbage til oversigten</a>
          </p>
        )}
      </>
    ),
  };
};

const StateTable = ({ d }: { d: RoundStateData }) => (
  <div class="ramme-table-wrap" tabindex={0}>
    <table class="table table--zebra table--compact">
      <caption>
        Tilbud med status {stateLabel(d.state).toLowerCase()}, {d.year}
      </caption>
      <thead>
        <tr>
          <th scope="col">Tilbud</th>
          <th scope="col">Driftsherre</th>
          <th scope="col">Kommune</th>
          <th scope="col">Takst</th>
        </tr>
      </thead>
      <tbody>
        {d.rows.map((r) => (
          <tr>
            <td>
              <a href={`/takster/tilbud/${r.offering_id}`}>{r.offering_name}</a>
            </td>
            <td>{r.operator_name}</td>
            <td>{r.municipality_name}</td>
            <td>
              {r.version_id ? (
                <a href={`/takster/${r.version_id}`}>
                  Åbn takst {d.year}
                  <span class="sr-only"> for {r.offering_name}</span>
                </a>
              ) : (
                'Ingen'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

export const roundStatePage = (d: RoundStateData): PageOptions => {
  const base = `/takster/oversigt/${d.area.code}/${d.year}`;
  const title = `Takstrunden ${d.year}: ${stateLabel(d.state).toLowerCase()} (${d.rows.length})`;
  return {
    title,
    breadcrumbs: overviewCrumbs(d.area, d.year, base, stateLabel(d.state)),
    body: (
      <>
        <h1>{title}</h1>
        <p>
          {d.area.name}. Tilbud, hvis seneste takst for {d.year} har status »{stateLabel(d.state).toLowerCase()}«.{' '}
          {ROUND_STATES.filter((k) => k !== d.state).map((k, i) => (
            <>
              {i > 0 ? ' · ' : 'Se også: '}
              <a href={`${base}/status/${k}`}>{stateLabel(k)}</a>
            </>
          ))}
        </p>
        {d.rows.length === 0 ? <p>Ingen tilbud.</p> : <StateTable d={d} />}
      </>
    ),
  };
};
