/**
 * @module The reference data page: regions, agreement areas with members, legal bases and target groups on a date.
 */
import type { FC } from 'hono/jsx';
import { count } from '../../core/format.js';
import { Field, formatDate } from '../../core/web/components.js';
import type { TReference } from '../reference.schema.js';

/** The view model is the API's answer: the page shows what the API gives. */
export type ReferencePageModel = { reference: TReference; dateError?: string };

export const ReferencePage: FC<ReferencePageModel> = ({ reference: r, dateError }) => (
  <>
    <h1>Grunddata</h1>
    <p>
      Regioner, rammeaftaleområder og lovgrundlag er data med gyldighedsdatoer. Vælg en dato for at se, hvad der gælder den dag, fx 1. januar 2027, hvor Region
      Østdanmark overtager.
    </p>
    <form method="get" action="/grunddata">
      <Field name="date" label="Gælder pr. dato" type="date" value={r.date} errors={dateError ? { date: [dateError] } : undefined} />
      <button class="button button-secondary" type="submit">
        Vis
      </button>
    </form>
    <h2>Regioner pr. {formatDate(r.date)}</h2>
    <div class="ramme-table-wrap" tabindex={0}>
      <table class="table table--compact">
        <caption class="sr-only">Regioner</caption>
        <thead>
          <tr>
            <th scope="col">Region</th>
            <th scope="col">Kommuner</th>
            <th scope="col">Gyldig fra</th>
            <th scope="col">Gyldig til</th>
          </tr>
        </thead>
        <tbody>
          {r.regions.map((x) => (
            <tr>
              <td>{x.name}</td>
              <td class="ramme-num">{x.municipalityCount}</td>
              <td>{formatDate(x.validFrom)}</td>
              <td>
                {x.validTo ? `${formatDate(x.validTo)} (afløses af ${r.endedRegions.find((e) => e.id === x.successorId)?.name ?? 'Region Østdanmark'})` : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    {r.endedRegions.length > 0 && (
      <p>
        Ikke gældende på datoen: {r.endedRegions.map((e) => `${e.name} (${formatDate(e.validFrom)}–${e.validTo ? formatDate(e.validTo) : ''})`).join('; ')}.
      </p>
    )}
    <h2>Rammeaftaleområder og medlemmer</h2>
    {r.areas.map((a) => (
      <details>
        <summary>
          {a.name}: {count(a.members.length, 'medlem', 'medlemmer')}
        </summary>
        <p>{a.members.map((m) => m.name).join(', ')}</p>
      </details>
    ))}
    <h2>Lovgrundlag</h2>
    <div class="ramme-table-wrap" tabindex={0}>
      <table class="table table--compact">
        <caption class="sr-only">Lovgrundlag</caption>
        <thead>
          <tr>
            <th scope="col">Kode</th>
            <th scope="col">Lov og paragraf</th>
            <th scope="col">Titel</th>
            <th scope="col">Gyldighed</th>
          </tr>
        </thead>
        <tbody>
          {r.legalBases.map((l) => (
            <tr>
              <td>
                <code>{l.code}</code>
              </td>
              <td>
                {l.law} {l.paragraph}
              </td>
              <td>{l.title}</td>
              <td>
                {formatDate(l.validFrom)} – {l.validTo ? formatDate(l.validTo) : ''}
                {l.isValid ? '' : ' (gælder ikke på datoen)'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <h2>Målgrupper</h2>
    <ul>
      {r.targetGroups
        .filter((t) => !t.parentCode)
        .map((p) => (
          <li>
            {p.name} (<code>{p.code}</code>)
            <ul>
              {r.targetGroups
                .filter((c) => c.parentCode === p.code)
                .map((c) => (
                  <li>
                    {c.name} (<code>{c.code}</code>)
                  </li>
                ))}
            </ul>
          </li>
        ))}
    </ul>
  </>
);
