/**
 * @module The tariffs front page (the published overviews; an operator's own offerings and their round; the
 * secretariat's queue) and an offering's tariff history, each with its view model.
 */
import type { PageOptions } from '../../core/http/app.js';
import { Alert, formatDate, formatDateTime } from '../../core/web/components.js';
import type { OfferingTariffsData, TariffsHomeData } from '../home.service.js';
import type { TariffStatus } from '../tariffs.table.js';
import { ChangeText, dkKr, dkPct, StatusTag, unitLabel } from './parts.view.js';

export type TariffsHomeView = TariffsHomeData & { isDeleted: boolean };

const Overviews = ({ areas }: { areas: TariffsHomeData['areas'] }) =>
  areas.length === 0 ? (
    <p>Ingen takstoversigter er offentliggjort endnu.</p>
  ) : (
    <ul>
      {areas.map((a) => (
        <li>
          {a.name}:{' '}
          {a.years.map((y, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a href={`/takster/oversigt/${a.code}/${y}`}>{y}</a>
            </>
          ))}
        </li>
      ))}
    </ul>
  );

const OwnOfferings = ({ m }: { m: TariffsHomeView }) => (
  <section aria-labelledby="egne">
    <h2 id="egne">Jeres tilbuds takster</h2>
    {m.deadline && (
      <p>
        Frist for takster {m.year}: {formatDate(m.deadline)}.
      </p>
    )}
    <div class="ramme-table-wrap" tabindex={0}>
      <table class="table table--zebra table--compact">
        <caption class="sr-only">Takster for de tilbud, {m.organisationName} driver</caption>
        <thead>
          <tr>
            <th scope="col">Tilbud</th>
            <th scope="col">Takst {m.year - 1}</th>
            <th scope="col">Takst {m.year}</th>
          </tr>
        </thead>
        <tbody>
          {m.own.map((e) => (
            <tr>
              <td>
                <a href={`/takster/tilbud/${e.id}`}>{e.name}</a>
              </td>
              {[m.year - 1, m.year].map((y) => {
                const c = e.cells.get(y);
                return (
                  <td>
                    {c ? (
                      <a href={`/takster/${c.version_id}`}>
                        {dkKr(c.average_tariff)} <StatusTag status={c.status as TariffStatus} />
                      </a>
                    ) : (
                      <a href={`/takster/tilbud/${e.id}/${y}/ny`}>
                        Beregn
                        <span class="sr-only">
                          {' '}
                          takst {y} for {e.name}
                        </span>
                      </a>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </section>
);

const Queue = ({ m }: { m: TariffsHomeView }) => (
  <section aria-labelledby="behandling">
    <h2 id="behandling">Til behandling ({m.queue.length})</h2>
    <div class="ramme-actions">
      {m.areaCode && <a href={`/takster/oversigt/${m.areaCode}/${m.year}?forhaandsvisning=1`}>Takstrunden {m.year}</a>}
      <a href="/takster/indberetning">Indberetning til socialtilsynet</a>
      <a href="/takster/styregruppe">Styregruppens gennemgang</a>
    </div>
    {m.queue.length === 0 ? (
      <p>Ingen indsendte takster venter.</p>
    ) : (
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--zebra table--compact">
          <caption class="sr-only">Indsendte takster, der venter på godkendelse</caption>
          <thead>
            <tr>
              <th scope="col">Tilbud</th>
              <th scope="col">År</th>
              <th scope="col">Indsendt</th>
              <th scope="col" class="ramme-num">
                Gennemsnitstakst
              </th>
              <th scope="col" class="ramme-num">
                Nominel ændring
              </th>
            </tr>
          </thead>
          <tbody>
            {m.queue.map((q) => (
              <tr>
                <td>
                  <a href={`/takster/${q.id}`}>{q.name}</a>
                  {q.version > 1 ? ` (version ${q.version})` : ''}
                </td>
                <td>{q.year}</td>
                <td>
                  {formatDateTime(q.submitted_at)}
                  {q.is_on_time === false ? ' (efter fristen)' : ''}
                </td>
                <td class="ramme-num">{dkKr(q.average_tariff)}</td>
                <td class="ramme-num">
                  <ChangeText pct={q.nominal_change_pct} flagged={q.is_flagged} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </section>
);

export const tariffsHomePage = (m: TariffsHomeView): PageOptions => ({
  title: 'Takster',
  breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Takster' }],
  body: (
    <>
      {m.isDeleted && <Alert kind="success">Kladden er slettet.</Alert>}
      <h1>Takster</h1>
      <p>
        Kommunerne afregner alene ud fra en takstoversigt, der bygger på et åbent og gennemsigtigt beregningsgrundlag. Hver takst kan åbnes og viser beregningen
        trin for trin. Stigninger over aftalens grænse i døgn- og botilbud indberettes til socialtilsynet og drøftes i styregruppen to gange om året.
      </p>
      <h2>Takstoversigter</h2>
      <Overviews areas={m.areas} />
      {m.isOperator && <OwnOfferings m={m} />}
      {m.isSecretariat && <Queue m={m} />}
      <h2>Regler og beregning</h2>
      <ul>
        <li>
          <a href="/takster/regler">Takstregler pr. rammeaftale og P/L-fremskrivning</a>
        </li>
        <li>
          <a href="/api/docs">Beregn selv en takst via det åbne API</a> (POST /api/tariffs/calculate, uden login)
        </li>
      </ul>
    </>
  ),
});

type VersionRow = OfferingTariffsData['versions'][number];

const LevelsCell = ({ v }: { v: VersionRow }) => {
  const levels = (v.level_summary ?? '').split('|');
  if (levels.length <= 1) return <>{dkKr(v.average_tariff)}</>;
  return (
    <>
      {levels.map((l) => (
        <>
          {l.replace(/: (\S+)$/, (_m, t: string) => `: ${dkKr(t)}`)}
          <br />
        </>
      ))}
    </>
  );
};

const VersionsTable = ({ versions }: { versions: VersionRow[] }) => (
  <div class="ramme-table-wrap" tabindex={0}>
    <table class="table table--zebra table--compact">
      <caption>Alle takster og versioner</caption>
      <thead>
        <tr>
          <th scope="col">År</th>
          <th scope="col">Version</th>
          <th scope="col">Status</th>
          <th scope="col">Enhed</th>
          <th scope="col" class="ramme-num">
            Takst
          </th>
          <th scope="col" class="ramme-num">
            Belægning
          </th>
          <th scope="col" class="ramme-num">
            Nominel ændring
          </th>
          <th scope="col" class="ramme-num">
            Real ændring
          </th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr>
            <td>
              <a href={`/takster/${v.id}`}>{v.year}</a>
            </td>
            <td>
              {v.version}
              {v.correction_reason ? <small> (rettelse)</small> : ''}
            </td>
            <td>
              <StatusTag status={v.status} superseded={!!v.superseded_at} />
            </td>
            <td>{unitLabel(v.unit)}</td>
            <td class="ramme-num">
              <LevelsCell v={v} />
            </td>
            <td class="ramme-num">{dkPct(v.occupancy_pct_used)}</td>
            <td class="ramme-num">
              <ChangeText pct={v.nominal_change_pct} flagged={v.is_flagged} />
            </td>
            <td class="ramme-num">
              <ChangeText pct={v.real_change_pct} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

export const offeringTariffsPage = ({ offering: o, versions, startYears }: OfferingTariffsData): PageOptions => ({
  title: `Takster for ${o.name}`,
  breadcrumbs: [{ href: '/', label: 'Forside' }, { href: '/takster', label: 'Takster' }, { label: o.name }],
  body: (
    <>
      <h1>Takster for {o.name}</h1>
      <p>
        {o.offering_type_name} · {o.legal_basis_law} {o.legal_basis_paragraph} · {o.operator_name} · {o.municipality_name}
      </p>
      {startYears.length > 0 && (
        <div class="ramme-actions">
          {startYears.map((y) => (
            <a class="button button-primary" href={`/takster/tilbud/${o.id}/${y}/ny`}>
              Beregn takst {y}
            </a>
          ))}
        </div>
      )}
      {versions.length === 0 ? <p>Ingen takster at vise.</p> : <VersionsTable versions={versions} />}
    </>
  ),
});
