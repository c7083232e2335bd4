/**
 * @module The place search page (form and results) and the reservation form of one offering.
 */
import type { FieldErrors } from '../../core/errors.js';
import { count, formatDate, formatMoney } from '../../core/format.js';
import { Alert, CheckboxGroup, Checkbox, CsrfField, ErrorSummary, Field, Select } from '../../core/web/components.js';
import { PROTECTION_LABELS, type CatalogueRow } from '../../offerings/offerings.public.js';
import { OutcomeSummary } from '../../settlement/settlement.public.js';
import type { SearchView } from '../search.service.js';
import { Age } from './vacancy.view.js';
import { one, type FormValues } from './http.js';

const UNIT: Record<string, string> = { day: 'pr. dag', month: 'pr. måned', hour: 'pr. time' };

const Results = ({ result, startDate }: { result: NonNullable<SearchView['result']>; startDate: string }) => (
  <section aria-labelledby="resultater">
    <h2 id="resultater">{count(result.rows.length, 'tilbud', 'tilbud')} fundet</h2>
    {result.isPublicFirst ? (
      <p>
        Rammeaftalen forpligter kommunerne til at afstemme ledige pladser i kommunale og regionale tilbud før køb hos private.{' '}
        <strong>{count(result.putFirstCount, 'egnet offentligt tilbud', 'egnede offentlige tilbud')} med ledig plads</strong> står først og er markeret. Alle
        andre tilbud står derefter.
      </p>
    ) : (
      <p>Offentlige og private tilbud står i én liste efter ledige pladser.</p>
    )}
    <p class="form-hint">Søgningen er gemt (nr. {result.searchId}), så et senere køb kan henvise til den.</p>
    <div class="ramme-table-wrap" tabindex={0}>
      <table class="table table--zebra table--compact">
        <caption>Tilbud, der matcher søgningen</caption>
        <thead>
          <tr>
            <th scope="col">Tilbud</th>
            <th scope="col">Driftsform og kommune</th>
            <th scope="col">Lovgrundlag og målgrupper</th>
            <th scope="col" class="ramme-num">
              Ledige pladser
            </th>
            <th scope="col">Takst {startDate.slice(0, 4)}</th>
            <th scope="col">Resultater</th>
            <th scope="col">Handling</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr>
              <td>
                <a href={`/tilbud/${r.offering_id}`}>{r.offering_name}</a>
                {r.isPutFirst && (
                  <>
                    <br />
                    <strong class="ramme-tag">Offentligt tilbud med ledig plads</strong>
                  </>
                )}
                {r.protection !== 'ingen' && (
                  <>
                    <br />
                    <small>{PROTECTION_LABELS[r.protection]}</small>
                  </>
                )}
                <br />
                <small>{r.offering_type_name}</small>
              </td>
              <td>
                {r.operator_type_name}, {r.operator_name}
                <br />
                <small>{r.municipality_name}</small>
              </td>
              <td>
                {r.legal_basis_label}
                <br />
                <small>{r.target_group_names ?? '–'}</small>
              </td>
              <td class="ramme-num">
                {r.freeNow} nu
                {r.expectedByStart > 0 && (
                  <>
                    <br />+{r.expectedByStart} senest {formatDate(startDate)}
                  </>
                )}
                <br />
                <small>
                  <Age days={r.ageDays} isStale={r.isStale} />
                </small>
              </td>
              <td>
                {r.tariff ? (
                  r.tariff.levels.length ? (
                    <ul class="nobullet-list">
                      {r.tariff.levels.map((l) => (
                        <li>
                          {l.name}: {formatMoney(l.tariff)} {UNIT[r.tariff!.unit] ?? ''}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    `${formatMoney(r.tariff.averageTariff)} ${UNIT[r.tariff.unit] ?? ''}`
                  )
                ) : (
                  'Ingen offentliggjort takst'
                )}
              </td>
              <td>
                <small>
                  <OutcomeSummary outcome={r.outcome} />
                </small>
              </td>
              <td>
                {r.freeNow > 0 ? (
                  <a href={`/pladser/tilbud/${r.offering_id}/reserver?soegning=${result.searchId}&start=${startDate}`}>
                    Reservér<span class="sr-only"> plads i {r.offering_name}</span>
                  </a>
                ) : (
                  '–'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </section>
);

export const SearchPage = ({ view, errors }: { view: SearchView; errors?: FieldErrors }) => {
  const c = view.criteria;
  const area = view.choices.areas.find((a) => a.value === c.area);
  return (
    <>
      <h1>Søg en plads</h1>
      <p>Søg på borgerens behov. Hver søgning gemmes med de viste tilbud og deres ledige pladser.</p>
      <ErrorSummary errors={errors} />
      <form method="get" action="/pladser/soeg">
        <input type="hidden" name="soeg" value="1" />
        <details open={!view.result}>
          <summary>Lovgrundlag, målgrupper og tilbudstyper</summary>
          <CheckboxGroup name="legalBasis" legend="Lovgrundlag" options={view.choices.legalBases} values={c.legalBasis} hint="Vælg flere, fx § 107 og § 108." />
          <CheckboxGroup name="targetGroup" legend="Målgrupper" options={view.choices.targetGroups} values={c.targetGroup} />
          <CheckboxGroup name="offeringType" legend="Tilbudstyper" options={view.choices.offeringTypes} values={c.offeringType} />
        </details>
        <Field name="age" label="Borgerens alder" type="number" min={0} max={120} value={c.age ?? ''} errors={errors} inputmode="numeric" />
        <Select name="area" label="Rammeaftaleområde" options={view.choices.areas} value={c.area ?? ''} errors={errors} />
        <CheckboxGroup
          name="municipality"
          legend="Kommuner"
          hint="Ingen valgt: hele rammeaftaleområdet."
          options={view.choices.municipalities.filter((m) => !area || m.areaId === area.id)}
          values={c.municipality.map(String)}
        />
        <Field name="startDate" label="Ønsket startdato" type="date" value={c.startDate} errors={errors} />
        <Checkbox name="onlyFree" label="Kun tilbud med en ledig plads nu eller senest på startdatoen" checked={c.onlyFree} />
        <button type="submit" class="button button-primary">
          Søg
        </button>
      </form>
      {view.result && <Results result={view.result} startDate={c.startDate} />}
    </>
  );
};

export const ReservePage = (p: { offering: CatalogueRow; reservable: number; csrf: string; values: FormValues; errors?: FieldErrors }) => (
  <>
    <h1>Reservér en plads: {p.offering.offering_name}</h1>
    <ErrorSummary errors={p.errors} labels={{ caseReference: 'Sagsnummer', startDate: 'Startdato' }} />
    {p.reservable > 0 ? (
      <p>{count(p.reservable, 'plads kan', 'pladser kan')} reserveres nu. Reservationen gælder i et begrænset tidsrum; tilbuddet bekræfter eller afviser.</p>
    ) : (
      <Alert kind="warning" heading="Der er ingen ledig plads at reservere lige nu." />
    )}
    <form method="post" action={`/pladser/tilbud/${p.offering.offering_id}/reserver`} novalidate>
      <CsrfField token={p.csrf} />
      <input type="hidden" name="searchId" value={one(p.values.searchId)} />
      <Field
        name="caseReference"
        label="Sagsnummer"
        hint="Kommunens eget sagsnummer. Skriv aldrig borgerens CPR-nummer."
        required
        maxlength={60}
        value={one(p.values.caseReference)}
        errors={p.errors}
      />
      <Field name="startDate" label="Startdato" type="date" required value={one(p.values.startDate)} errors={p.errors} />
      <button type="submit" class="button button-primary">
        Reservér plads
      </button>
    </form>
  </>
);
