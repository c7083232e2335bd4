/**
 * The read path on the national demo data (about 6,000 offerings), in ONE process and ONE run:
 *
 *   npm run bench:read                          PGlite (seeds .cache/bench-national once, then reuses it)
 *   DATABASE_URL=postgres://… npm run bench:read   PostgreSQL: a fresh database (BENCH_DB, default ramme_bench_platform)
 *                                                 seeded anew unless BENCH_REUSE=1
 *
 * 1. Throughput at 10 connections for 10 s each (autocannon), over loopback:
 *    (a) Ramme's `GET /api/offerings?area=sjaelland` with a bearer token;
 *    (b) a minimal Fastify handler on a `pg.Pool` replaying exactly the offering statements (count + page)
 *        Ramme ran for that request (captured from Kysely's query log);
 *    (c) a bare Fastify handler with a fixed body.
 *    Prints req/s of each and the ratio Ramme / bare SQL (target ≥ 0.9).
 * 2. Statements Ramme runs per request (warm caches) for the API and the page.
 * 3. Single client, 200 sequential requests: p50/p95 of the API and of the page `/tilbud?area=sjaelland` (session cookie).
 * 4. Page weight of `/tilbud`: HTML + CSS + JS bytes on the wire with `accept-encoding: br, gzip` and without.
 *
 * The load generator runs in a worker thread (BENCH_WORKERS=0: on the main thread, competing with the servers).
 * Not a test: nothing here asserts a time. Only loopback addresses; every run is bounded.
 * Written against the stable entry points (config, boot, http/app, the CLI commands) so the same script also
 * runs on older checkouts for before/after numbers.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { env, label, postgresUrl, prepareDatabase, root, run, signIn } from './national.js';

const HOST = '127.0.0.1';
const PORTS = { ramme: 3221, sql: 3222, bare: 3223, sqlPrepared: 3224 };
const API = '/api/offerings?area=sjaelland';
const PAGE = '/tilbud?area=sjaelland';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 200);
/** The load generator runs in a worker thread of this process, so it does not take the servers' event loop. */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);

// --- the database -----------------------------------------------------------------------------------

// --- Ramme in this process ----------------------------------------------------------------------------

const mod = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(root, file)).href)) as T;
const exists = (file: string) => fs.existsSync(path.join(root, file));

type AnyApp = FastifyInstance;
type Database = { db: Kysely<any>; pool: pg.Pool; close: () => Promise<void> }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function openRamme() {
  const { readConfig } = await mod<{ readConfig: (e: NodeJS.ProcessEnv) => Record<string, unknown> }>('src/core/config.ts');
  const { openConfiguredDatabase } = await mod<{ openConfiguredDatabase: (...a: unknown[]) => Promise<Database> }>('src/core/boot.ts');
  const { buildApp } = await mod<{ buildApp: (ctx: unknown) => Promise<AnyApp> }>('src/core/http/app.tsx');
  const capabilities = exists('src/capabilities.ts') ? (await mod<{ capabilities: unknown[] }>('src/capabilities.ts')).capabilities : undefined;
  const context = exists('src/core/context.ts') ? await mod<{ createAppContext: (o: unknown) => unknown }>('src/core/context.ts') : undefined;
  // Demo mode so the bench can sign in as a demo user for the page; quiet, no secure cookies over http.
  const config = { ...readConfig({ ...env, NODE_ENV: 'development' }), isDemo: true, isSecureCookies: false };
  const database = await openConfiguredDatabase(config, capabilities);
  const build = (db: Kysely<any>) => (context ? buildApp(context.createAppContext({ db, config, capabilities })) : buildApp({ db, config })); // eslint-disable-line @typescript-eslint/no-explicit-any
  return { database, build };
}

/** A Kysely over the same pool that records what it runs (never destroyed: the pool is Ramme's). */
function recordingDb(pool: pg.Pool) {
  const statements: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  const db = new Kysely<any>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => void statements.push({ sql: e.query.sql, parameters: e.query.parameters }),
  }); // eslint-disable-line @typescript-eslint/no-explicit-any
  return { db, statements };
}

// --- measuring --------------------------------------------------------------------------------------

function get(port: number, url: string, headers: Record<string, string>): Promise<{ ms: number; status: number; bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    http
      .get({ host: HOST, port, path: url, headers, agent: keepAlive }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, status: res.statusCode ?? 0, bytes: body.length, body: body.toString('utf8') });
        });
      })
      .on('error', reject);
  });
}
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

async function load(name: string, port: number, url: string, headers: Record<string, string> = {}) {
  const opts = { url: `http://${HOST}:${port}${url}`, connections: CONNECTIONS, headers, ...(WORKERS > 0 ? { workers: WORKERS } : {}) };
  await autocannon({ ...opts, duration: 1 }); // warm-up, not counted
  const elu0 = performance.eventLoopUtilization();
  const r = await autocannon({ ...opts, duration: DURATION });
  // Time the servers' thread was busy per request: less sensitive to other load on the machine than req/s.
  const busyMs = performance.eventLoopUtilization(elu0).active / r.requests.total;
  const bad = r.non2xx + r.errors + r.timeouts;
  if (bad) throw new Error(`${name}: ${r.non2xx} non-2xx answers, ${r.errors} errors, ${r.timeouts} time-outs`);
  const rps = r.requests.total / DURATION;
  console.log(
    `[${label}] ${name.padEnd(44)} ${rps.toFixed(0).padStart(7)} req/s  p50 ${r.latency.p50} ms  p97.5 ${r.latency.p97_5} ms  server thread ${busyMs.toFixed(2)} ms/request  (${r.requests.total} requests)`,
  );
  return rps;
}

async function sequential(port: number, url: string, headers: Record<string, string>) {
  for (let i = 0; i < 10; i++) await get(port, url, headers); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const r = await get(port, url, headers);
    if (r.status !== 200) throw new Error(`${url}: status ${r.status}`);
    ms.push(r.ms);
  }
  return { p50: pct(ms, 50), p95: pct(ms, 95) };
}

async function pageWeight(port: number, cookie: string) {
  const html = await get(port, '/tilbud', { cookie, accept: 'text/html' });
  const assets = [...html.body.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"|<script[^>]+src="([^"]+)"/g)]
    .map((m) => (m[1] ?? m[2])!)
    .filter((u) => u.startsWith('/'));
  const weigh = async (encoding: Record<string, string>) => {
    const page = await get(port, '/tilbud', { cookie, accept: 'text/html', ...encoding });
    let css = 0;
    let js = 0;
    for (const a of assets) {
      const r = await get(port, a, encoding);
      if (a.endsWith('.css')) css += r.bytes;
      else js += r.bytes;
    }
    return { html: page.bytes, css, js, total: page.bytes + css + js };
  };
  return { assets, compressed: await weigh({ 'accept-encoding': 'br, gzip' }), plain: await weigh({}) };
}

// --- the run ----------------------------------------------------------------------------------------

prepareDatabase();
const token = run(process.execPath, ['--import', 'tsx', 'src/cli/token.ts', 'demo-sekretariat', 'bench-read-path']).trim().split('\n').pop()!;
const auth = { authorization: `Bearer ${token}` };

const { database, build } = await openRamme();
// PGlite runs no autovacuum; the server refreshes statistics after start, so does the bench.
if (!postgresUrl) await sql`analyze`.execute(database.db);

// Ramme's statements for one warm request, from a second app on a recording Kysely over the same pool.
const recorder = recordingDb(database.pool);
const probe = await build(recorder.db);
await probe.ready();
const cookieForProbe = await signIn(probe, 'demo-sekretariat');
const statementsOf = async (url: string, headers: Record<string, string>) => {
  await probe.inject({ method: 'GET', url, headers });
  recorder.statements.splice(0);
  const res = await probe.inject({ method: 'GET', url, headers });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return [...recorder.statements];
};
const apiStatements = await statementsOf(API, auth);
const pageStatements = await statementsOf(PAGE, { cookie: cookieForProbe, accept: 'text/html' });
await probe.close();
const replay = apiStatements.filter((s) => /from "offering"/.test(s.sql) || /from offering\b/.test(s.sql));
if (!replay.length) throw new Error('found no offering statements to replay');
console.log(
  `[${label}] statements per request (warm): API ${apiStatements.length}, page ${pageStatements.length}; replaying ${replay.length} in the bare-SQL handler:`,
);
for (const s of apiStatements)
  console.log(`    ${replay.includes(s) ? '*' : ' '} ${s.sql.replace(/\s+/g, ' ').slice(0, 150)}${s.sql.length > 150 ? ' …' : ''}`);

const ramme = await build(database.db);
await ramme.listen({ port: PORTS.ramme, host: HOST });
const cookie = await signIn(ramme, 'demo-sekretariat');

// (b) the same SQL on a plain pg.Pool (PGlite: the one pool PGlite has).
const sqlPool = postgresUrl ? new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 }) : database.pool;
const bareSql = Fastify();
bareSql.get('/api/offerings', async () => {
  const results = [];
  for (const s of replay) results.push((await sqlPool.query(s.sql, s.parameters as unknown[])).rows);
  return { total: results[0]?.[0]?.n ?? null, items: results[results.length - 1] };
});
await bareSql.listen({ port: PORTS.sql, host: HOST });

// (b') the same, with the statements Ramme prepares (named, generic plan) prepared the same way here: the
// stricter baseline, where only Ramme's own work in Node differs.
const preparedPool = postgresUrl
  ? new pg.Pool({ connectionString: env.DATABASE_URL, max: 10, options: '-c plan_cache_mode=force_generic_plan' })
  : database.pool;
const statementName = (text: string) => `bench_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
const bareSqlPrepared = Fastify();
bareSqlPrepared.get('/api/offerings', async () => {
  const results = [];
  for (const s of replay) {
    const marked = s.sql.endsWith('/*ramme:prepared*/');
    const query = marked ? { name: statementName(s.sql), text: s.sql, values: s.parameters as unknown[] } : { text: s.sql, values: s.parameters as unknown[] };
    results.push((await preparedPool.query(query)).rows);
  }
  return { total: results[0]?.[0]?.n ?? null, items: results[results.length - 1] };
});
await bareSqlPrepared.listen({ port: PORTS.sqlPrepared, host: HOST });

// (c) a fixed body.
const bare = Fastify();
const fixed = { ok: true, items: [] };
bare.get('/api/offerings', async () => fixed);
await bare.listen({ port: PORTS.bare, host: HOST });

try {
  const check = await get(PORTS.ramme, API, auth);
  if (check.status !== 200) throw new Error(`Ramme answered ${check.status}: ${check.body.slice(0, 200)}`);
  const rRamme = await load(`(a) Ramme GET ${API}`, PORTS.ramme, API, auth);
  const rSql = await load('(b) Fastify + pg, same SQL', PORTS.sql, API);
  const rSqlPrepared = replay.some((s) => s.sql.endsWith('/*ramme:prepared*/'))
    ? await load("(b') Fastify + pg, same SQL, same prepared", PORTS.sqlPrepared, API)
    : null;
  const rBare = await load('(c) Fastify, fixed body', PORTS.bare, API);
  console.log(`[${label}] ratio Ramme / bare SQL: ${(rRamme / rSql).toFixed(2)} (target ≥ 0.9); Ramme / fixed body: ${(rRamme / rBare).toFixed(3)}`);
  if (rSqlPrepared)
    console.log(`[${label}] ratio Ramme / bare SQL with the same prepared statements (only Node work differs): ${(rRamme / rSqlPrepared).toFixed(2)}`);

  const api = await sequential(PORTS.ramme, API, auth);
  const page = await sequential(PORTS.ramme, PAGE, { cookie, accept: 'text/html' });
  console.log(
    `[${label}] single client, ${SEQUENTIAL} sequential: API p50 ${api.p50.toFixed(1)} ms  p95 ${api.p95.toFixed(1)} ms;  page ${PAGE} p50 ${page.p50.toFixed(1)} ms  p95 ${page.p95.toFixed(1)} ms`,
  );

  const w = await pageWeight(PORTS.ramme, cookie);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`[${label}] page weight /tilbud (${w.assets.length} assets: ${w.assets.join(', ')}):`);
  console.log(`    br/gzip on the wire: HTML ${kb(w.compressed.html)} + CSS ${kb(w.compressed.css)} + JS ${kb(w.compressed.js)} = ${kb(w.compressed.total)}`);
  console.log(`    uncompressed:        HTML ${kb(w.plain.html)} + CSS ${kb(w.plain.css)} + JS ${kb(w.plain.js)} = ${kb(w.plain.total)}`);
} finally {
  keepAlive.destroy();
  await Promise.all([ramme.close(), bareSql.close(), bareSqlPrepared.close(), bare.close()]);
  if (sqlPool !== database.pool) await sqlPool.end();
  if (preparedPool !== database.pool) await preparedPool.end();
  await database.close();
}
