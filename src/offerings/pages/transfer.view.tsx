/**
 * @module The import page: the upload form, and after an upload either the result or the errors per line
 * and column (nothing is saved unless every line is in order).
 */
import type { FC } from 'hono/jsx';
import { count, formatNumber } from '../../core/format.js';
import { Alert, CsrfField, ErrorSummary } from '../../core/web/components.js';
import { FIELD_LABELS } from '../offerings.schema.js';
import { headerLabel, type ImportProblem } from '../offerings.tabular.js';

export type ImportPageView = {
  csrf: string;
  problems?: ImportProblem[];
  done?: { created: number; updated: number };
  /** A refusal of the whole file (no file, unknown type, too large). */
  message?: string;
};

const Problems: FC<{ problems: ImportProblem[] }> = ({ problems }) => (
  <>
    <Alert kind="error" heading="Intet er importeret">
      <p>Filen har {count(problems.length, 'fejl', 'fejl')}. Ret dem i filen og prøv igen; importen gemmer kun, når alle rækker er i orden.</p>
    </Alert>
    <div class="ramme-table-wrap" tabindex={0}>
      <table class="table table--compact" id="importfejl">
        <caption>Fejl pr. række</caption>
        <thead>
          <tr>
            <th scope="col">Række</th>
            <th scope="col">Kolonne</th>
            <th scope="col">Fejl</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, 500).map((p) => (
            <tr>
              <td class="ramme-num">{p.line}</td>
              <td>{headerLabel(p.field.split('.')[0] ?? p.field) || FIELD_LABELS[p.field] || p.field}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </>
);

export const ImportPage: FC<{ view: ImportPageView }> = ({ view: v }) => (
  <>
    <h1>Importér tilbud fra CSV eller Excel</h1>
    {v.done && (
      <Alert kind="success" heading="Importen er gennemført">
        <p>
          {count(v.done.created, 'tilbud', 'tilbud')} oprettet og {formatNumber(v.done.updated)} opdateret.
        </p>
      </Alert>
    )}
    {v.message && <ErrorSummary message={v.message} />}
    {v.problems && v.problems.length > 0 && <Problems problems={v.problems} />}
    <p>
      Brug samme kolonner som eksporten (<a href="/tilbud/skabelon.csv">hent en tom skabelon</a>). En række uden ID opretter et nyt tilbud; en række med ID
      opdaterer tilbuddet. Koder for lovgrundlag, målgrupper, driftsform og tilbudstype står i eksporten. Lister adskilles med komma. Datoer skrives åååå-mm-dd
      eller dd-mm-åååå.
    </p>
    <form method="post" action="/tilbud/import" enctype="multipart/form-data">
      <CsrfField token={v.csrf} />
      <div class="form-group">
        <label class="form-label" for="fil">
          Fil (.csv eller .xlsx, højst 10 MB)
        </label>
        <input
          class="form-input"
          type="file"
          id="fil"
          name="fil"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
        />
      </div>
      <div class="ramme-actions">
        <button type="submit" class="button button-primary">
          Importér
        </button>
        <a href="/tilbud">Tilbage til registret</a>
      </div>
    </form>
  </>
);
