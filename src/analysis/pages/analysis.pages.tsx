/**
 * @module Routes of the analysis pages: the overview (`/analyse`), benchmarks, "why does spending grow?", the
 * forecast and the rows behind a figure. GET forms only; every table also as Excel (`format=xlsx`).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fieldErrorsFrom } from '../../core/validation.js';
import { toXlsx, type SheetSpec } from '../../core/tabular/xlsx.js';
import { ZBenchmarkQuery, ZForecastPageQuery, ZGrowthQuery, ZSourcesQuery } from '../analysis.schema.js';
import { benchmarks, figureSources, growth } from '../benchmark.service.js';
import { benchmarkSheet, forecastSheet, growthSheet } from '../exports.js';
import { forecastPage } from '../forecast.service.js';
import { BenchmarkPage } from './benchmark.view.js';
import { ForecastPage } from './forecast.view.js';
import { GrowthPage } from './growth.view.js';
import { OverviewPage } from './overview.view.js';
import { SourcesPage } from './sources.view.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const crumbs = (label: string) => [{ href: '/', label: 'Forside' }, { href: '/analyse', label: 'Analyse' }, { label }];
const sendXlsx = async (reply: FastifyReply, name: string, sheet: SheetSpec) =>
  reply
    .type(XLSX)
    .header('content-disposition', `attachment; filename="${name}.xlsx"`)
    .send(await toXlsx([sheet]));
type Query = Record<string, string | number | (string | number)[] | undefined>;

export function analysisPages(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/analyse', { schema: { hide: true } }, async (req, reply) => {
    const v = await benchmarks(req.ctx, {});
    return reply.page({ title: 'Analyse', breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Analyse' }], body: <OverviewPage v={v} /> });
  });

  app.get('/analyse/benchmark', { schema: { hide: true, querystring: ZBenchmarkQuery } }, async (req, reply) => {
    const v = await benchmarks(req.ctx, req.query);
    if (req.query.format === 'xlsx') return sendXlsx(reply, `benchmark-${v.group.code}-${v.area.code}-${v.year ?? ''}`, benchmarkSheet(v));
    return reply.page({ title: `Benchmark: ${v.group.name}`, breadcrumbs: crumbs('Benchmark'), body: <BenchmarkPage v={v} query={req.query as Query} /> });
  });

  app.get('/analyse/vaekst', { schema: { hide: true, querystring: ZGrowthQuery } }, async (req, reply) => {
    const v = await growth(req.ctx, req.query);
    if (req.query.format === 'xlsx') return sendXlsx(reply, `udgiftsvaekst-${v.group.code}-${v.area.code}-${v.from ?? ''}-${v.to ?? ''}`, growthSheet(v));
    return reply.page({
      title: 'Hvorfor vokser udgiften?',
      breadcrumbs: crumbs('Hvorfor vokser udgiften?'),
      body: <GrowthPage v={v} query={req.query as Query} />,
    });
  });

  app.get('/analyse/prognose', { schema: { hide: true } }, async (req, reply) => {
    const parsed = ZForecastPageQuery.safeParse(req.query ?? {});
    const query = parsed.success ? parsed.data : {};
    const v = await forecastPage(req.ctx, query);
    if (parsed.success && parsed.data.format === 'xlsx')
      return sendXlsx(reply, `prognose-${v.group.code}-${v.municipality?.code ?? v.area.code}`, forecastSheet(v));
    const errors = parsed.success ? undefined : fieldErrorsFrom(parsed.error);
    return reply.page({
      title: `Prognose: ${v.group.name}`,
      status: errors ? 400 : undefined,
      breadcrumbs: crumbs('Prognose'),
      body: <ForecastPage v={v} query={(errors ? (req.query as Query) : query) as Query} errors={errors} />,
    });
  });

  app.get('/analyse/kilder', { schema: { hide: true, querystring: ZSourcesQuery } }, async (req, reply) => {
    const v = await figureSources(req.ctx, req.query);
    return reply.page({ title: `Kilderækker: ${v.municipality.name} ${v.year}`, breadcrumbs: crumbs('Kilderækker'), body: <SourcesPage v={v} /> });
  });
}
