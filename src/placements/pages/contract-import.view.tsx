/**
 * @module The contract import page: the columns of the file, the upload form, and after an upload either the
 * result or the problems per row and column (nothing is saved unless every row is in order).
 */
import type { FC } from 'hono/jsx';
import { count } from '../../core/format.js';
import { Alert, CsrfField, ErrorSummary } from '../../core/web/components.js';
import type { ImportProblem } from '../contract-import.js';
import type { IMPORT_COLUMNS } from '../contract-import.js';

export type ContractImportView = {
  csrf: string;
  columns: typeof IMPORT_COLUMNS;
  problems?: ImportProblem[];
  done?: { created: number; standard: number; ownTemplate: number };
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
              <td>{p.field === '_' ? '–' : p.field}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </>
);

export const ContractImportPage: FC<{ view: ContractImportView }> = ({ view: v }) => (
  <>
    <h1>Importér eksisterende kontrakter</h1>
    {v.done && (
      <Alert kind="success" heading="Importen er gennemført">
        <p>
          {count(v.done.created, 'kontrakt', 'kontrakter')} importeret: {v.done.standard} på standardkontrakten og {v.done.ownTemplate} på kommunens egen
          skabelon.
        </p>
      </Alert>
    )}
    {v.message && <ErrorSummary message={v.message} />}
    {v.problems && v.problems.length > 0 && <Problems problems={v.problems} />}
    <p>
      Importér kommunens kontrakter, som er indgået uden for Ramme. Kontrakterne bliver registreret som accepterede og mærket som importerede; en kontrakt, der
      ikke er en standardkontrakt, mærkes som lavet på kommunens egen skabelon. Filen er CSV (semikolon) eller Excel med disse kolonner i første række:
    </p>
    <div class="ramme-table-wrap" tabindex={0}>
      <table class="table table--compact">
        <caption>Kolonner i filen</caption>
        <thead>
          <tr>
            <th scope="col">Kolonne</th>
            <th scope="col">Skal udfyldes</th>
            <th scope="col">Indhold</th>
          </tr>
        </thead>
        <tbody>
          {v.columns.map((c) => (
            <tr>
              <td>
                <code>{c.header}</code>
              </td>
              <td>{c.isRequired ? 'Ja' : 'Nej'}</td>
              <td>{c.help}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <p>Skriv aldrig borgerens CPR-nummer i filen: en række med noget, der ligner et CPR-nummer, afvises, og intet bliver gemt.</p>
    <form method="post" action="/pladser/kontrakter/import" enctype="multipart/form-data">
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
        <a href="/pladser/kontrakter">Tilbage til kontrakterne</a>
      </div>
    </form>
  </>
);
