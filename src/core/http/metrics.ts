/**
 * @module Prometheus metrics at `/metrics` (prom-client): the process's default metrics and a histogram of
 * request durations by method, route pattern and status. Only with `RAMME_METRICS_TOKEN` set, and only for a
 * scraper that sends it as `Authorization: Bearer <token>` (404 without a configured token, 401 with a wrong one).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppContext } from '../capability.js';
import { HttpError, notFound } from '../errors.js';

export const METRICS_PATH = '/metrics';

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function registerMetrics(app: FastifyInstance, ctx: AppContext): void {
  const register = new Registry();
  collectDefaultMetrics({ register, prefix: 'ramme_' });
  const duration = new Histogram({
    name: 'ramme_http_request_duration_seconds',
    help: 'Svartid pr. forespørgsel (metode, rute, status)',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [register],
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'ukendt';
    if (route === METRICS_PATH) return;
    duration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get(METRICS_PATH, { schema: { hide: true } }, async (req, reply) => {
    const token = ctx.config.metricsToken;
    if (!token) throw notFound('Ingen side eller endpoint på GET /metrics.');
    const sent = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (!sameSecret(sent, token)) throw new HttpError(401, 'Metrikkerne kræver den konfigurerede nøgle (RAMME_METRICS_TOKEN).');
    return reply.type(register.contentType).send(await register.metrics());
  });
}
