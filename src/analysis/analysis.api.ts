/**
 * @module JSON API of analysis (tag "Analyse"): the split of a change in spending (LMDI) and the forecast of
 * a series with its backtest, both open to anyone and saving nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import {
  ZBenchmarkQuery,
  ZBenchmarkResponse,
  ZDecomposeInput,
  ZDecomposition,
  ZForecastInput,
  ZForecastResponse,
  ZImportRefused,
  ZImportResponse,
  ZSeriesList,
  ZSourcesQuery,
  ZSourcesResponse,
} from './analysis.schema.js';
import { benchmarks, figureSources } from './benchmark.service.js';
import { computeDecomposition, computeForecast } from './compute.service.js';
import { authorizeImport, importStatbank, seriesList } from './import.service.js';
import { readImportUpload } from './upload.js';

const tags = ['Analyse'];
const errors = { 400: ZErrorResponse };
const accessErrors = { 401: ZErrorResponse, 403: ZErrorResponse };

type SeriesRow = Awaited<ReturnType<typeof seriesList>>[number];
export const presentSeries = (s: SeriesRow) => ({
  id: s.id,
  tableId: s.table_id,
  kind: s.kind,
  unit: s.unit,
  source: s.source,
  downloadedOn: s.downloaded_on,
  importedAt: s.imported_at.toISOString(),
  importedBy: s.username,
  rowCount: s.row_count,
  isCurrent: s.superseded_at === null,
  isDemo: s.is_demo,
});

export function analysisApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/analysis/decompose',
    {
      config: { csrf: false },
      schema: {
        summary: 'Hvorfor vokser udgiften? Del en ændring i demografi, brugerandel og enhedsudgift (offentlig, gemmer intet)',
        description:
          'Udgift S = befolkning P × brugerandel R/P × enhedsudgift S/R. Med det logaritmiske gennemsnit L(a,b) = (a−b)/(ln a − ln b) er hver effekt L(S1,S0) × ln(x1/x0). ' +
          'Beløb i kroner med to decimaler; afrundingsresten lægges på enhedsudgiftseffekten, så de tre effekter giver den samlede ændring på øret. Alle tal skal være større end 0.',
        tags,
        security: [],
        body: ZDecomposeInput,
        response: { 200: ZDecomposition, ...errors },
      },
    },
    async (req) => computeDecomposition(req.ctx, req.body),
  );

  app.post(
    '/api/analysis/forecast',
    {
      config: { csrf: false },
      schema: {
        summary: 'Prognose af en tidsserie med to metoder og deres fejl på tidligere år (offentlig, gemmer intet)',
        description:
          '`trend`: mindste kvadraters linje af værdi på år. `rate`: gennemsnittet af værdi ÷ befolkning over de sidste tre år × den fremskrevne befolkning. ' +
          'Backtest: de sidste tre historiske år holdes ude, metoden tilpasses på årene før, og fejlen er MAPE i %. Mindst fem år historik uden huller; befolkningen skal dække horisonten.',
        tags,
        security: [],
        body: ZForecastInput,
        response: { 200: ZForecastResponse, ...errors },
      },
    },
    async (req) => computeForecast(req.ctx, req.body),
  );

  app.post(
    '/api/analysis/imports',
    {
      preValidation: async (req) => authorizeImport(req.ctx),
      schema: {
        summary: 'Indlæs en CSV-fil fra Statistikbanken (sekretariatet; multipart med tableId, downloadedOn og fil); alt eller intet',
        description:
          'Tabeller: FOLK1A/FOLK1AM (befolkning), FRKM1åå (befolkningsfremskrivning), HAND-tabeller (modtagere), REGK31 (regnskaber, funktion 5.28.xx og 5.38.xx). ' +
          'Semikolonsepareret, overskrift med tabellens variable (fx OMRÅDE;KØN;ALDER;TID;INDHOLD), ".." for udeladt. En ny indlæsning af samme tabel erstatter den forrige.',
        tags,
        consumes: ['multipart/form-data'],
        response: { 200: ZImportResponse, 400: ZImportRefused.or(ZErrorResponse), ...accessErrors, 413: ZErrorResponse },
      },
    },
    async (req, reply) => {
      const result = await importStatbank(req.ctx, await readImportUpload(req));
      if (!result.ok) return reply.status(400).send({ error: `Intet er indlæst: filen har ${result.problems.length} fejl.`, rows: result.problems });
      const { ok: _ok, ...body } = result;
      return body;
    },
  );

  app.get(
    '/api/analysis/series',
    { schema: { summary: 'Indlæste dataserier: tabel, hentedato, enhed og kilde', tags, response: { 200: ZSeriesList, ...accessErrors } } },
    async (req) => (await seriesList(req.ctx)).map(presentSeries),
  );

  app.get(
    '/api/analysis/benchmarks',
    {
      schema: {
        summary: 'Benchmark af en målgruppe: pr. kommune i et område for et år mod området, landet og en sammenligningsgruppe',
        tags,
        querystring: ZBenchmarkQuery.omit({ format: true }),
        response: { 200: ZBenchmarkResponse, ...errors, ...accessErrors, 404: ZErrorResponse },
      },
    },
    async (req) => {
      const v = await benchmarks(req.ctx, req.query);
      return {
        group: { code: v.group.code, name: v.group.name, ageBand: v.group.ageBand },
        area: v.area,
        year: v.year,
        municipalities: v.municipalities.map((m) => ({ code: m.code!, name: m.name, figures: m.figures })),
        areaFigures: v.areaFigures,
        countryFigures: v.countryFigures,
        peers: v.peers,
        isPeersChosen: v.isPeersChosen,
        peerFigures: v.peerFigures,
        sources: v.series.map((s) => ({ tableId: s.table_id, kind: s.kind, unit: s.unit, source: s.source, downloadedOn: s.downloaded_on, isDemo: s.is_demo })),
      };
    },
  );

  app.get(
    '/api/analysis/sources',
    {
      schema: {
        summary: 'De indlæste rækker bag en kommunes tal for en målgruppe og et år, med tabel, hentedato og enhed',
        tags,
        querystring: ZSourcesQuery,
        response: { 200: ZSourcesResponse, ...errors, ...accessErrors, 404: ZErrorResponse },
      },
    },
    async (req) => {
      const v = await figureSources(req.ctx, req.query);
      return {
        group: v.group,
        municipality: v.municipality,
        year: v.year,
        rows: v.rows.map((r) => ({
          kind: r.kind,
          tableId: r.table_id,
          downloadedOn: r.downloaded_on,
          unit: r.unit,
          source: r.source,
          isDemo: r.is_demo,
          category: r.category,
          label: r.label,
          value: r.value,
          lines: r.lines,
        })),
      };
    },
  );
}
