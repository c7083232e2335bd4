/**
 * @module The data page: the imported series (table, download date, unit, source), and for the secretariat the
 * import form with, after an upload, the result or the problems per line (nothing is saved unless every line is
 * in order).
 */
import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../core/errors.js';
import { count, formatDate, formatDateTime, formatNumber } from '../../core/format.js';
import { Alert, CsrfField, ErrorSummary, Field } from '../../core/web/components.js';
import type { DataPageView, ImportResult } from '../import.service.js';
import type { StatProblem } from '../statbank.js';

export const KIND_LABELS: Record<string, string> = {
  population: 'Befolkning',
  projection: 'Befolkningsfremskrivning',
  recipients: 'Modtagere',
  spending: 'Nettoudgifter',
};

export type DataPageModel = DataPageView & {
  csrf: string;
  values?: { tableId?: string; downloadedOn?: string };
  errors?: FieldErrors;
  problems?: StatProblem[];
  done?: Extract<ImportResult, { ok: true }>;
  message?: string;
};

const LABELS = { tableId: 'Tabel', downloadedOn: 'Hentet den', file: 'Fil' };

const Problems: FC<{ problems: StatProblem[] }> = ({ problems }) => (
  <>
    <Alert kind="error" heading="Intet er indlæst">
      <p>Filen har {count(problems.length, 'fejl', 'fejl')}. Ret dem og prøv igen; indlæsningen gemmer kun, når alle rækker er i orden.</p>
    </Alert>
    <div class="ramme-table-wrap" tabindex={0}>
      <table class="table table--compact" id="importfejl">
        <caption>Fejl pr. linje i filen</caption>
        <thead>
          <tr>
            <th scope="col">Linje</th>
            <th scope="col">Fejl</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p) => (
            <tr>
              <td class="ramme-num">{p.line || '–'}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </>
);

const ImportForm: FC<{ m: DataPageModel }> = ({ m }) => {
  const fileErrors = m.errors?.file;
  return (
    <>
      <h2>Indlæs fra Statistikbanken</h2>
      <p>
        Hent tabellen i Statistikbanken som CSV (semikolonsepareret) med kommunerne som område. Tabeller: FOLK1A eller FOLK1AM (befolkning efter alder), FRKM1åå
        (kommunernes befolkningsfremskrivning, fx FRKM125), en HAND-tabel (modtagere efter ydelse, fx HAND07) og REGK31 (regnskaber efter funktion, 5.28.xx og
        5.38.xx). Områder kan stå som kode, kode og navn ("101 København") eller navn; tider som 2024, 2024K1 eller 2024M01; ".." betyder udeladt. Andre
        variable (fx KØN) skal have én værdi eller "I alt". En ny indlæsning af samme tabel erstatter den forrige.
      </p>
      <form method="post" action="/analyse/data" enctype="multipart/form-data" novalidate>
        <CsrfField token={m.csrf} />
        <Field
          name="tableId"
          label={LABELS.tableId}
          hint="Tabellens navn i Statistikbanken, fx FOLK1A."
          value={m.values?.tableId ?? ''}
          maxlength={12}
          errors={m.errors}
          required
        />
        <Field
          name="downloadedOn"
          type="date"
          label={LABELS.downloadedOn}
          hint="Datoen, filen blev hentet (åååå-mm-dd)."
          value={m.values?.downloadedOn ?? m.today}
          errors={m.errors}
          required
        />
        <div class={`form-group${fileErrors?.length ? ' form-error' : ''}`}>
          <label class="form-label" for="f-file">
            {LABELS.file} (.csv, højst 10 MB)
          </label>
          {fileErrors?.length ? (
            <span class="form-error-message" id="file-fejl">
              <span class="sr-only">Fejl: </span>
              {fileErrors.join(' ')}
            </span>
          ) : null}
          <input
            class="form-input"
            type="file"
            id="f-file"
            name="fil"
            accept=".csv,text/csv"
            aria-invalid={fileErrors?.length ? 'true' : undefined}
            aria-describedby={fileErrors?.length ? 'file-fejl' : undefined}
          />
        </div>
        <button type="submit" class="button button-primary">
          Indlæs
        </button>
      </form>
    </>
  );
};

export const DataPage: FC<{ m: DataPageModel }> = ({ m }) => (
  <>
    <h1>Data fra Danmarks Statistik</h1>
    <p class="font-lead">
      Befolkning, fremskrivninger, modtagere og udgifter pr. kommune, som benchmarks og prognoser bygger på. Hver serie viser tabel, hentedato og enhed.
    </p>
    {m.done && (
      <Alert kind="success" heading={`${m.done.tableId} er indlæst`}>
        <p>
          {count(m.done.rowCount, 'tal', 'tal')} pr. kommune, år og kategori er gemt ({m.done.unit}).
          {m.done.replaced > 0 && ` Den forrige indlæsning af ${m.done.tableId} er erstattet.`}
          {m.done.aggregatesLeftOut > 0 && ` ${count(m.done.aggregatesLeftOut, 'række', 'rækker')} for hele landet, regioner eller landsdele er udeladt.`}
          {m.done.otherCategoriesLeftOut > 0 &&
            ` ${count(m.done.otherCategoriesLeftOut, 'række', 'rækker')} uden for analysens funktioner og ydelser er udeladt.`}
        </p>
      </Alert>
    )}
    {(m.message || m.errors) && <ErrorSummary message={m.message} errors={m.errors} labels={LABELS} />}
    {m.problems && m.problems.length > 0 && <Problems problems={m.problems} />}
    {m.canImport && <ImportForm m={m} />}
    <h2>Indlæste serier</h2>
    {m.series.length === 0 ? (
      <p>Der er ikke indlæst data endnu.</p>
    ) : (
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--compact" id="serier">
          <caption>Serier, nyeste først</caption>
          <thead>
            <tr>
              <th scope="col">Tabel</th>
              <th scope="col">Indhold</th>
              <th scope="col">Enhed</th>
              <th scope="col">Kilde</th>
              <th scope="col">Hentet</th>
              <th scope="col">Indlæst</th>
              <th scope="col" class="ramme-num">
                Tal
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {m.series.map((s) => (
              <tr>
                <td>{s.table_id}</td>
                <td>{KIND_LABELS[s.kind] ?? s.kind}</td>
                <td>{s.unit}</td>
                <td>{s.is_demo ? `${s.source} (demodata)` : s.source}</td>
                <td>{formatDate(s.downloaded_on)}</td>
                <td>
                  {formatDateTime(s.imported_at)}
                  {s.username ? ` af ${s.username}` : ''}
                </td>
                <td class="ramme-num">{formatNumber(s.row_count)}</td>
                <td>{s.superseded_at ? 'Erstattet' : 'Gældende'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </>
);
