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
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const HOST = '127.0.0.1';
const PORTS = { ramme: 3231, bare: 3232 };
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const LEVELS = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
const YEAR = Number(process.env.BENCH_YEAR ?? 2026);

const postgresUrl = process.env.DATABASE_URL;
const benchDb = process.env.BENCH_DB ?? 'ramme_bench_platform';
const dataDir = path.join(root, '.cache/bench-national');
const env: NodeJS.ProcessEnv = { ...process.env, RAMME_SEED: '0', RAMME_QUIET_ERRORS: '1' };
if (postgresUrl) {
  const url = new URL(postgresUrl);
  url.pathname = `/${benchDb}`;
  env.DATABASE_URL = url.toString();
} else {
  env.DATABASE_URL = '';
  env.RAMME_DATA_DIR = dataDir;
}
const label = postgresUrl ? `PostgreSQL (${benchDb})` : 'PGlite';

function run(command: string, args: string[]) {
  const r = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

function prepareDatabase() {
  const fresh = postgresUrl ? process.env.BENCH_REUSE !== '1' : !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!fresh) return;
  if (postgresUrl)
    run('psql', [postgresUrl, '-q', '-v', 'ON_ERROR_STOP=1', '-c', `drop database if exists ${benchDb} with (force)`, '-c', `create database ${benchDb}`]);
  const t0 = Date.now();
  run(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts', '--scope', 'national', '--seed', '1', '--reset']);
  console.log(`[${label}] national demo data seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

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

async function signIn(app: FastifyInstance, username: string): Promise<string> {
  const page = await app.inject({ method: 'GET', url: '/login', headers: { accept: 'text/html' } });
  const csrf = page.cookies.find((c) => c.name === 'ramme_csrf')!.value;
  const res = await app.inject({
    method: 'POST',
    url: '/login/demo',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `ramme_csrf=${csrf}` },
    payload: new URLSearchParams({ username, _csrf: csrf }).toString(),
  });
  const session = res.cookies.find((c) => c.name === 'ramme_session');
  if (!session) throw new Error(`demo sign-in failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return `ramme_session=${session.value}`;
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
  await Promise.all([app.close(), bare.close()]);
  await database.close();
}
