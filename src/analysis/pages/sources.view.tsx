/**
 * @module The rows behind one municipality's figures of a target group in a year: each imported value with its
 * table, download date, unit and source, and the lines of the file it came from.
 */
import type { FC } from 'hono/jsx';
import { formatDate, formatNumber } from '../../core/format.js';
import type { SourcesView } from '../benchmark.service.js';
import { AnalysisNav, queryOf } from './shared.view.js';

const KIND: Record<string, string> = { population: 'Befolkning', projection: 'Befolkningsfremskrivning', recipients: 'Modtagere', spending: 'Nettoudgift' };

export const SourcesPage: FC<{ v: SourcesView }> = ({ v }) => (
  <>
    <h1>
      Kilderækker: {v.municipality.name}, {v.year}
    </h1>
    <AnalysisNav current="" />
    <p class="font-lead">
      Tallene bag {v.group.name} for {v.municipality.name} i {v.year}. Udgifter står i tabellens enhed (REGK31: 1.000 kr.).
    </p>
    {v.rows.length === 0 ? (
      <p>Der er ingen indlæste tal for kommunen og året.</p>
    ) : (
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--compact" id="kilder">
          <caption>Indlæste rækker</caption>
          <thead>
            <tr>
              <th scope="col">Indhold</th>
              <th scope="col">Kategori</th>
              <th scope="col" class="ramme-num">
                Værdi
              </th>
              <th scope="col">Enhed</th>
              <th scope="col">Tabel</th>
              <th scope="col">Hentet</th>
              <th scope="col">Kilde</th>
              <th scope="col">Linjer i filen</th>
            </tr>
          </thead>
          <tbody>
            {v.rows.map((r) => (
              <tr>
                <td>{KIND[r.kind] ?? r.kind}</td>
                <td>{r.label}</td>
                <td class="ramme-num">{r.value === null ? 'udeladt (..)' : formatNumber(r.value, 0)}</td>
                <td>{r.unit}</td>
                <td>{r.table_id}</td>
                <td>{formatDate(r.downloaded_on)}</td>
                <td>{r.is_demo ? `${r.source} (demodata)` : r.source}</td>
                <td>{r.lines.length ? r.lines.join(', ') : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    <p>
      <a href={`/analyse/benchmark${queryOf({ group: v.group.code, municipality: v.municipality.code, year: v.year })}`}>Tilbage til benchmark</a>
    </p>
  </>
);
