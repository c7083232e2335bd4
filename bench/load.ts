/**
 * Load on the main pages and the API on the national demo data, at 10 and at 50 connections, beside a bare
 * Fastify handler with a fixed body in the same run:
 *
 *   DATABASE_URL=postgres://… npm run bench:load   PostgreSQL: database BENCH_DB (default ramme_bench_platform), seeded
 *                                                 with the national scope unless BENCH_REUSE=1
 *   npm run bench:load                          PGlite (seeds .cache/bench-national once, then reuses it)
 *
 * For each target and each number of connections: autocannon for BENCH_SECONDS (default 5) after a 1 s warm-up;
 * prints requests per second, latency p50/p97.5/p99 and max, and the ratio to the bare handler at the same number
 * of connections. Every answer must be a 200 (a non-2xx, an error or a time-out fails the run).
 * The load generator runs in a worker thread. Not a test: nothing here asserts a time. Only loopback addresses;
 * every run is bounded (targets × levels × seconds).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { env, label, postgresUrl, prepareDatabase, root, run, signIn } from './national.js';

const HOST = '127.0.0.1';
const PORTS = { ramme: 3231, bare: 3232 };
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const LEVELS = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
const YEAR = Number(process.env.BENCH_YEAR ?? 2026);

const mod = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(root, file)).href)) as T;
type Database = { db: Kysely<any>; close: () => Promise<void> }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function openRamme() {
  const { readConfig } = await mod<{ readConfig: (e: NodeJS.ProcessEnv) => Record<string, unknown> }>('src/core/config.ts');
  const { openConfiguredDatabase } = await mod<{ openConfiguredDatabase: (...a: unknown[]) => Promise<Database> }>('src/core/boot.ts');
  const { buildApp } = await mod<{ buildApp: (ctx: unknown) => Promise<FastifyInstance> }>('src/core/http/app.tsx');
  const { capabilities } = await mod<{ capabilities: unknown[] }>('src/capabilities.ts');
  const { createAppContext } = await mod<{ createAppContext: (o: unknown) => unknown }>('src/core/context.ts');
  // Demo mode so the bench can sign in as a demo user; no secure cookies over http.
  const config = { ...readConfig({ ...env, NODE_ENV: 'development' }), isDemo: true, isSecureCookies: false };
  const database = await openConfiguredDatabase(config, capabilities);
  const app = await buildApp(createAppContext({ db: database.db, config, capabilities }));
  return { database, app };
}

type Target = { name: string; url: string; headers: Record<string, string> };

async function load(target: Target, port: number, connections: number) {
  const opts = { url: `http://${HOST}:${port}${target.url}`, connections, headers: target.headers, workers: 1 };
  await autocannon({ ...opts, duration: 1 });
  const r = await autocannon({ ...opts, duration: DURATION });
  const bad = r.non2xx + r.errors + r.timeouts;
  if (bad) throw new Error(`${target.url}: ${r.non2xx} non-2xx answers, ${r.errors} errors, ${r.timeouts} time-outs`);
  return { rps: r.requests.total / DURATION, p50: r.latency.p50, p975: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max, total: r.requests.total };
}

prepareDatabase();
const token = run(process.execPath, ['--import', 'tsx', 'src/cli/token.ts', 'demo-sekretariat', 'bench-load']).trim().split('\n').pop()!;
const { database, app } = await openRamme();
if (!postgresUrl) await sql`analyze`.execute(database.db);
await app.listen({ port: PORTS.ramme, host: HOST });
const cookie = await signIn(app, 'demo-sekretariat');
const page = { cookie, accept: 'text/html' };
const api = { authorization: `Bearer ${token}`, accept: 'application/json' };

const targets: Target[] = [
  { name: 'page  / (front page, signed in)', url: '/', headers: page },
  { name: 'page  /tilbud?area=sjaelland', url: '/tilbud?area=sjaelland', headers: page },
  { name: `page  /takster/oversigt/sjaelland/${YEAR}`, url: `/takster/oversigt/sjaelland/${YEAR}`, headers: { accept: 'text/html' } },
  { name: 'page  /aftaler', url: '/aftaler', headers: page },
  { name: 'page  /samarbejde/moeder', url: '/samarbejde/moeder', headers: page },
  { name: 'API   /api/offerings?area=sjaelland', url: '/api/offerings?area=sjaelland', headers: api },
  { name: `API   /api/tariffs/overview/sjaelland/${YEAR} (anon.)`, url: `/api/tariffs/overview/sjaelland/${YEAR}`, headers: { accept: 'application/json' } },
  { name: 'API   /api/agreements', url: '/api/agreements', headers: api },
  { name: 'API   /api/meetings?area=sjaelland', url: '/api/meetings?area=sjaelland', headers: api },
];

const bare = Fastify();
const fixed = { ok: true, items: [] };
bare.get('/', async () => fixed);
await bare.listen({ port: PORTS.bare, host: HOST });

try {
  for (const t of targets) {
    const res = await app.inject({ method: 'GET', url: t.url, headers: t.headers });
    if (res.statusCode !== 200) throw new Error(`${t.url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
  }
  console.log(`[${label}] ${DURATION} s per target and level, after 1 s warm-up; latency in ms`);
  for (const connections of LEVELS) {
    const b = await load({ name: 'bare', url: '/', headers: {} }, PORTS.bare, connections);
    const line = (name: string, r: typeof b, ratio: string) =>
      console.log(
        `[${label}] c=${String(connections).padStart(2)} ${name.padEnd(50)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)}  p97.5 ${String(r.p975).padStart(4)}  p99 ${String(r.p99).padStart(4)}  max ${String(r.max).padStart(5)}  ${ratio}`,
      );
    line('bare Fastify, fixed body', b, '(baseline)');
    for (const t of targets) {
      const r = await load(t, PORTS.ramme, connections);
      line(t.name, r, `Ramme / bare ${(r.rps / b.rps).toFixed(3)}`);
    }
  }
} finally {
  // Let the last in-flight requests of the load generator finish before the pool closes.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await Promise.all([app.close(), bare.close()]);
  await database.close();
}
