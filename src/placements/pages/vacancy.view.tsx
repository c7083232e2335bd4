/**
 * @module Pages of free places: the placements front page (the operator's offerings with their reports), the
 * operator's report form for one offering with "no change" in one click, and the secretariat's stale list.
 */
import type { FieldErrors } from '../../core/errors.js';
import { count, formatDateTime } from '../../core/format.js';
import { Alert, CsrfField, ErrorSummary, Field, TextArea } from '../../core/web/components.js';
import type { CatalogueRow } from '../../offerings/offerings.public.js';
import { ageLabel } from '../logic.js';
import type { VacancyFigures, operatorOverview, staleReports } from '../vacancy.service.js';
import type { FormValues } from './http.js';
import { one } from './http.js';

export const Age = ({ days, isStale }: { days: number | null; isStale: boolean }) =>
  days === null ? (
    <span class="ramme-stale">ingen melding</span>
  ) : (
    <span class={isStale ? 'ramme-stale' : undefined}>
      {ageLabel(days)}
      {isStale ? ' (forældet)' : ''}
    </span>
  );

export const FrontPage = (p: { offerings: Awaited<ReturnType<typeof operatorOverview>>; canSearch: boolean; canSeeStale: boolean; saved?: boolean }) => (
  <>
    <h1>Pladser</h1>
    <p>Ledige pladser meldes af tilbuddets driftsherre. Myndighedsrådgivere søger og reserverer pladser; driftsherren bekræfter eller afviser.</p>
    <ul>
      {p.canSearch && (
        <li>
          <a href="/pladser/soeg">Søg en plads til en borger</a>
        </li>
      )}
      <li>
        <a href="/pladser/reservationer">Reservationer</a>
      </li>
      <li>
        <a href="/pladser/kontrakter">Kontrakter</a>
      </li>
      {p.canSeeStale && (
        <li>
          <a href="/pladser/foraeldede">Forældede pladsmeldinger pr. driftsherre</a>
        </li>
      )}
    </ul>
    {p.offerings.length > 0 && (
      <>
        <h2>Jeres tilbud</h2>
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--zebra table--compact">
            <caption>Pladsmeldinger for de tilbud, jeres organisation driver</caption>
            <thead>
              <tr>
                <th scope="col">Tilbud</th>
                <th scope="col" class="ramme-num">
                  Ledige nu
                </th>
                <th scope="col">Melding</th>
                <th scope="col">Handling</th>
              </tr>
            </thead>
            <tbody>
              {p.offerings.map((o) => (
                <tr>
                  <td>{o.offering_name}</td>
                  <td class="ramme-num">{o.free_now ?? '–'}</td>
                  <td>
                    <Age days={o.ageDays} isStale={o.isStale} />
                  </td>
                  <td>
                    <a href={`/pladser/tilbud/${o.offering_id}`}>
                      Meld pladser<span class="sr-only"> for {o.offering_name}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    )}
  </>
);

const FIELD_LABELS: Record<string, string> = {
  freeNow: 'Ledige pladser nu',
  waitingCount: 'Venteliste',
  takenOutside: 'Optaget uden for Ramme',
  note: 'Bemærkning',
  expected: 'Forventet ledige',
  expectedDate: 'Forventet ledig fra',
  expectedPlaces: 'Antal forventet ledige',
};

export const ReportPage = (p: { offering: CatalogueRow; figures: VacancyFigures; csrf: string; values?: FormValues; errors?: FieldErrors; saved?: string }) => {
  const f = p.figures;
  const r = f.report;
  const first = f.expected[0];
  const v = (name: string, fallback: string | number | null | undefined) => (p.values ? one(p.values[name]) : (fallback ?? ''));
  return (
    <>
      <h1>Ledige pladser: {p.offering.offering_name}</h1>
      {p.saved === 'meldt' && <Alert kind="success" heading="Pladsmeldingen er gemt." />}
      {p.saved === 'bekraeftet' && <Alert kind="success" heading="Pladsmeldingen er bekræftet uden ændringer." />}
      <ErrorSummary errors={p.errors} labels={FIELD_LABELS} />
      {!f.isOpenForIntake && <Alert kind="info" heading="Tilbuddet er lukket for indskrivning, så der kan ikke reserveres pladser." />}
      <dl class="ramme-figures">
        <dt>Kan reserveres nu</dt>
        <dd>
          {count(f.reservable, 'plads', 'pladser')}
          {r && ` (meldt ledige ${r.free_now} − reservationer siden meldingen ${f.reservedSince} − kontrakter siden meldingen ${f.contractedSince})`}
        </dd>
        <dt>Rammes eget tal</dt>
        <dd>
          {count(f.ownFigure, 'plads', 'pladser')} (normering {p.offering.places} − kontrakter {f.contractsNow} − reservationer {f.heldNow} − optaget uden for
          Ramme {r?.taken_outside ?? 0})
        </dd>
        <dt>Melding</dt>
        <dd>
          <Age days={f.ageDays} isStale={f.isStale} />
          {r && ` – senest bekræftet ${formatDateTime(r.confirmed_at)} af ${r.confirmed_by}`}
        </dd>
      </dl>
      {f.isDifferent && (
        <Alert kind="warning" heading="Tallene stemmer ikke overens">
          <p>
            Jeres melding giver {count(f.reservable, 'ledig plads', 'ledige pladser')}, men Rammes egne tal giver {count(f.ownFigure, 'plads', 'pladser')}. Tjek
            meldingen.
          </p>
        </Alert>
      )}
      {r && (
        <form method="post" action={`/pladser/tilbud/${p.offering.offering_id}/bekraeft`}>
          <CsrfField token={p.csrf} />
          <button type="submit" class="button button-secondary">
            Ingen ændringer – bekræft meldingen
          </button>
        </form>
      )}
      <h2>Ny melding</h2>
      <form method="post" action={`/pladser/tilbud/${p.offering.offering_id}`} novalidate>
        <CsrfField token={p.csrf} />
        <Field
          name="freeNow"
          label={FIELD_LABELS.freeNow!}
          type="number"
          min={0}
          required
          value={v('freeNow', r?.free_now)}
          errors={p.errors}
          inputmode="numeric"
        />
        <Field
          name="waitingCount"
          label={FIELD_LABELS.waitingCount!}
          type="number"
          min={0}
          value={v('waitingCount', r?.waiting_count ?? 0)}
          errors={p.errors}
          inputmode="numeric"
        />
        <Field
          name="takenOutside"
          label={FIELD_LABELS.takenOutside!}
          hint="Pladser optaget af borgere, hvis kontrakter ikke er i Ramme."
          type="number"
          min={0}
          value={v('takenOutside', r?.taken_outside ?? 0)}
          errors={p.errors}
          inputmode="numeric"
        />
        <Field
          name="expectedDate"
          label={FIELD_LABELS.expectedDate!}
          type="date"
          value={v('expectedDate', first?.date)}
          errors={p.errors}
          hint="Tom, hvis ingen pladser forventes ledige."
        />
        <Field
          name="expectedPlaces"
          label={FIELD_LABELS.expectedPlaces!}
          type="number"
          min={1}
          value={v('expectedPlaces', first?.places)}
          errors={p.errors}
          inputmode="numeric"
        />
        <TextArea name="note" label={FIELD_LABELS.note!} hint="Skriv aldrig CPR-numre." maxlength={500} value={v('note', r?.note)} errors={p.errors} />
        <button type="submit" class="button button-primary">
          Gem melding
        </button>
      </form>
    </>
  );
};

export const StalePage = (p: Awaited<ReturnType<typeof staleReports>>) => (
  <>
    <h1>Forældede pladsmeldinger</h1>
    <p>
      {count(p.staleCount, 'melding', 'meldinger')} af {count(p.reportCount, 'melding', 'meldinger')} i jeres rammeaftaleområde er ældre, end reglen tillader.
    </p>
    {p.operators.map((g) => (
      <section>
        <h2>{g.operatorName}</h2>
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--compact">
            <caption>Forældede meldinger hos {g.operatorName}</caption>
            <thead>
              <tr>
                <th scope="col">Tilbud</th>
                <th scope="col" class="ramme-num">
                  Ledige ifølge meldingen
                </th>
                <th scope="col">Alder</th>
                <th scope="col">Senest bekræftet</th>
              </tr>
            </thead>
            <tbody>
              {g.rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/tilbud/${r.offering_id}`}>{r.offering_name}</a>
                  </td>
                  <td class="ramme-num">{r.free_now}</td>
                  <td>
                    <Age days={r.ageDays} isStale={true} /> (grænse {count(r.staleAfterDays ?? 0, 'dag', 'dage')})
                  </td>
                  <td>{formatDateTime(r.confirmed_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    ))}
  </>
);
