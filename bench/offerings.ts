/**
 * Speed and memory of the offerings list on the national demo data (about 6,000 offerings).
 *
 *   npm run bench                      PGlite (seeds .cache/bench-national once, then reuses it)
 *   DATABASE_URL=postgres://… npm run bench   also PostgreSQL (a fresh database ramme_bench), and the ratio
 *
 * Prints: seeding time, start-up time with an existing data folder, resident memory of the server after
 * start and after the run, and p50/p95/max latency of filtered list requests (page and API) over loopback.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dataDir = path.join(root, '.cache/bench-national');
const port = 3210;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

const QUERIES = [
  '',
  '?area=sjaelland',
  '?targetGroup=kog&legalBasis=SEL-108',
  '?municipality=101&status=aktiv',
  '?operatorType=privat&sort=places&dir=desc',
  '?q=botilbud',
  '?q=b%C3%B8rn%20autisme&area=midtjylland',
  '?targetGroup=psyk-angst&page=3',
  '?legalBasis=SEL-104&sort=municipality',
  '?area=hovedstaden&operatorType=kommunal&targetGroup=soc',
];

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

function get(url: string, headers: Record<string, string>): Promise<{ ms: number; status: number }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    http
      .get(url, { headers }, (res) => {
        res.resume();
        res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, status: res.statusCode ?? 0 }));
      })
      .on('error', reject);
  });
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

async function waitHealthy(started: number): Promise<number> {
  for (;;) {
    try {
      const r = await get(`http://127.0.0.1:${port}/api/health`, {});
      if (r.status === 200) return Date.now() - started;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function run(label: string, env: NodeJS.ProcessEnv) {
  const seedEnv = { ...process.env, ...env };
  const needsSeed = env.DATABASE_URL ? true : !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (needsSeed) {
    const t0 = Date.now();
    // /usr/bin/time -v reports the seeding process's peak resident memory.
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', 'src/cli/seed.ts', '--scope', 'national', '--seed', '1', '--reset'], {
      cwd: root,
      env: seedEnv,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`seeding failed: ${r.stderr}`);
    const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
    console.log(
      `[${label}] national demo data seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s; seeding process peak RSS ${peak ? Math.round(Number(peak) / 1024) : '?'} MB`,
    );
  }
  const token = spawnSync('npx', ['tsx', 'src/cli/token.ts', 'demo-sekretariat', 'bench'], { cwd: root, env: seedEnv, encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .pop()!;
  const started = Date.now();
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...seedEnv, PORT: String(port), RAMME_SEED: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const startupMs = await waitHealthy(started);
    const rssStart = rssMb(server.pid!);
    const auth = { authorization: `Bearer ${token}` };
    // Warm up once per query.
    for (const q of QUERIES) await get(`http://127.0.0.1:${port}/api/offerings${q}`, auth);
    const api: number[] = [];
    const page: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      for (const q of QUERIES) {
        const a = await get(`http://127.0.0.1:${port}/api/offerings${q}`, auth);
        const p = await get(`http://127.0.0.1:${port}/tilbud${q}`, { ...auth, accept: 'text/html' });
        if (a.status !== 200 || p.status !== 200) throw new Error(`status ${a.status}/${p.status} for ${q}`);
        api.push(a.ms);
        page.push(p.ms);
      }
    }
    const rssEnd = rssMb(server.pid!);
    const f = (x: number) => x.toFixed(1);
    console.log(`[${label}] start-up with existing data: ${startupMs} ms (process spawn to healthy)`);
    console.log(`[${label}] resident memory: ${rssStart} MB after start, ${rssEnd} MB after ${api.length * 2} requests`);
    console.log(`[${label}] API  /api/offerings  n=${api.length}  p50 ${f(pct(api, 50))} ms  p95 ${f(pct(api, 95))} ms  max ${f(Math.max(...api))} ms`);
    console.log(`[${label}] page /tilbud         n=${page.length}  p50 ${f(pct(page, 50))} ms  p95 ${f(pct(page, 95))} ms  max ${f(Math.max(...page))} ms`);
    return { apiP95: pct(api, 95), pageP95: pct(page, 95) };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

const lite = await run('PGlite', { RAMME_DATA_DIR: dataDir, DATABASE_URL: '' });
if (process.env.DATABASE_URL) {
  const url = new URL(process.env.DATABASE_URL);
  const admin = spawnSync(
    'psql',
    [process.env.DATABASE_URL, '-q', '-c', 'drop database if exists ramme_bench with (force)', '-c', 'create database ramme_bench'],
    { encoding: 'utf8' },
  );
  if (admin.status !== 0) throw new Error(admin.stderr);
  url.pathname = '/ramme_bench';
  const pg = await run('PostgreSQL', { DATABASE_URL: url.toString() });
  console.log(`PGlite / PostgreSQL p95 ratio: API ${(lite.apiP95 / pg.apiP95).toFixed(2)}×, page ${(lite.pageP95 / pg.pageP95).toFixed(2)}×`);
}
