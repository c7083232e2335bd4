/**
 * @module Export of the filtered register (CSV, Excel) and import from CSV or Excel: all rows or none,
 * with a row-by-row error report in Danish.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireActor } from '../core/auth/actor.js';
import type { AppContext } from '../core/capability.js';
import { HttpError } from '../core/errors.js';
import { parseInput, toRouteSchema } from '../core/validation.js';
import { parseCsv, toCsv } from '../core/tabular/csv.js';
import { readXlsx, toXlsx } from '../core/tabular/xlsx.js';
import { Alert, ErrorSummary } from '../core/web/components.js';
import { listOfferings } from './offerings.repository.js';
import { FIELD_LABELS, ZListQuery } from './offerings.schema.js';
import { canCreateOfferings, importOfferings } from './offerings.service.js';
import { COLUMNS, exportHeader, exportRow, headerLabel, rowsToImport, type ImportProblem } from './offerings.tabular.js';

const stamp = () => new Date().toISOString().slice(0, 10);

export function offeringsTransfer(app: FastifyInstance, { db }: AppContext) {
  const exportRows = async (req: FastifyRequest) => {
    requireActor(req.actor);
    const f = parseInput(ZListQuery, req.query);
    return (await listOfferings(db, f, { all: true })).rows;
  };

  app.get('/tilbud/eksport.csv', { schema: { summary: 'Det filtrerede tilbudsregister som CSV (semikolonsepareret, UTF-8)', tags: ['Tilbud'], querystring: toRouteSchema(ZListQuery) } }, async (req, reply) => {
    const rows = await exportRows(req);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="tilbudsregister-${stamp()}.csv"`)
      .send(toCsv(exportHeader(), rows.map(exportRow)));
  });

  app.get('/tilbud/eksport.xlsx', { schema: { summary: 'Det filtrerede tilbudsregister som Excel', tags: ['Tilbud'], querystring: toRouteSchema(ZListQuery) } }, async (req, reply) => {
    const rows = await exportRows(req);
    const xlsx = await toXlsx([{ name: 'Tilbud', columns: COLUMNS.map((c) => ({ header: c.header })), rows: rows.map(exportRow) }]);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="tilbudsregister-${stamp()}.xlsx"`)
      .send(xlsx);
  });

  app.get('/tilbud/skabelon.csv', { schema: { hide: true } }, async (req, reply) => {
    requireActor(req.actor);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="tilbud-skabelon.csv"').send(toCsv(exportHeader(), []));
  });

  const importPage = async (req: FastifyRequest, reply: FastifyReply, opts: { problems?: ImportProblem[]; done?: { created: number; updated: number }; status?: number; message?: string }) => {
    const actor = requireActor(req.actor);
    if (!canCreateOfferings(actor)) throw new HttpError(403, 'Du kan ikke importere tilbud.');
    return reply.page({
      title: 'Importér tilbud',
      status: opts.status,
      breadcrumbs: [{ href: '/', label: 'Forside' }, { href: '/tilbud', label: 'Tilbudsregister' }, { label: 'Importér' }],
      body: (
        <>
          <h1>Importér tilbud fra CSV eller Excel</h1>
          {opts.done && (
            <Alert kind="success" heading="Importen er gennemført">
              <p>
                {opts.done.created} tilbud oprettet og {opts.done.updated} opdateret.
              </p>
            </Alert>
          )}
          {opts.message && <ErrorSummary message={opts.message} />}
          {opts.problems && opts.problems.length > 0 && (
            <>
              <Alert kind="error" heading="Intet er importeret">
                <p>
                  Filen har {opts.problems.length} fejl. Ret dem i filen og prøv igen; importen gemmer kun, når alle rækker er i orden.
                </p>
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
                    {opts.problems.slice(0, 500).map((p) => (
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
          )}
          <p>
            Brug samme kolonner som eksporten (<a href="/tilbud/skabelon.csv">hent en tom skabelon</a>). En række uden ID opretter et nyt tilbud; en række med ID opdaterer
            tilbuddet. Koder for lovgrundlag, målgrupper, driftsform og tilbudstype står i eksporten. Lister adskilles med komma. Datoer skrives åååå-mm-dd eller dd-mm-åååå.
          </p>
          <form method="post" action={`/tilbud/import?_csrf=${encodeURIComponent(req.csrf)}`} enctype="multipart/form-data">
            <div class="form-group">
              <label class="form-label" for="fil">
                Fil (.csv eller .xlsx, højst 10 MB)
              </label>
              <input class="form-input" type="file" id="fil" name="fil" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
            </div>
            <div class="ramme-actions">
              <button type="submit" class="button button-primary">
                Importér
              </button>
              <a href="/tilbud">Tilbage til registret</a>
            </div>
          </form>
        </>
      ),
    });
  };

  app.get('/tilbud/import', { schema: { hide: true } }, async (req, reply) => importPage(req, reply, {}));

  /** Shared by the page and the API: reads the uploaded file and imports it. */
  const runImport = async (req: FastifyRequest) => {
    const actor = requireActor(req.actor);
    if (!canCreateOfferings(actor)) throw new HttpError(403, 'Du kan ikke importere tilbud.');
    if (!req.isMultipart()) throw new HttpError(400, 'Vælg en fil at importere (multipart/form-data med feltet "fil").');
    const file = await req.file();
    if (!file) throw new HttpError(400, 'Vælg en fil at importere.');
    const buffer = await file.toBuffer();
    if (file.file.truncated) throw new HttpError(413, 'Filen er for stor (højst 10 MB).');
    const name = file.filename.toLowerCase();
    let table: string[][];
    try {
      if (name.endsWith('.xlsx')) table = await readXlsx(buffer);
      else if (name.endsWith('.csv') || name.endsWith('.txt')) table = parseCsv(buffer.toString('utf8'));
      else throw new Error('Filtypen kendes ikke. Brug .csv eller .xlsx.');
    } catch (error) {
      throw new HttpError(400, (error as Error).message);
    }
    const { rows, problems } = rowsToImport(table);
    if (problems.length) return { created: 0, updated: 0, errors: problems };
    return importOfferings(db, actor, rows);
  };

  app.post('/tilbud/import', { schema: { hide: true } }, async (req, reply) => {
    try {
      const result = await runImport(req);
      if (result.errors.length) return importPage(req, reply, { problems: result.errors, status: 400 });
      return importPage(req, reply, { done: result });
    } catch (error) {
      if (error instanceof HttpError && (error.statusCode === 400 || error.statusCode === 413)) return importPage(req, reply, { message: error.message, status: error.statusCode });
      throw error;
    }
  });

  app.post('/api/offerings/import', { schema: { summary: 'Importér tilbud fra CSV eller Excel (multipart, feltet "fil"); alt eller intet', tags: ['Tilbud'], consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const result = await runImport(req);
    if (result.errors.length) return reply.status(400).send({ error: `Intet er importeret: filen har ${result.errors.length} fejl.`, rows: result.errors });
    return result;
  });
}
