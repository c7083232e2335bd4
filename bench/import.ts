/**
 * Does one import keep the server answering? On PGlite (one connection for the whole process):
 *
 *   npm run bench:import          BENCH_ROWS (default 10000) offerings imported through POST /api/offerings/import
 *
 * Starts Ramme in a child process on its own data folder (the sjælland demo data, seeded once into
 * .cache/bench-import-seed and copied afresh for every run, so each run imports into the same database), signs
 * in with an API token of an operator's user, and:
 *
 * 1. baseline: GET /api/health every 50 ms for BENCH_BASELINE_SECONDS (default 5) with nothing else going on;
 * 2. during the import: the same loop, from the moment the upload starts until its answer arrives.
 *
 * Prints the import's duration and answer, and p50/p95/max of the health checks with and without the import,
 * with the ratios. Not a test: nothing here asserts a time. Only loopback; every run is bounded.
 * Written against the stable entry points (the seed and token commands, src/main.ts, the HTTP API), so the same
 * script runs on older checkouts for before/after numbers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const seedDir = path.join(root, '.cache/bench-import-seed');
const dataDir = path.join(root, '.cache/bench-import');
const HOST = '127.0.0.1';
const port = Number(process.env.BENCH_PORT ?? 3400);
const ROWS = Number(process.env.BENCH_ROWS ?? 10000);
const BASELINE_MS = Number(process.env.BENCH_BASELINE_SECONDS ?? 5) * 1000;
const EVERY_MS = 50;
const USER = 'demo-tilbudsoekonomi';
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', RAMME_QUIET_ERRORS: '1', RAMME_JOBS: '0' };

function run(args: string[], dir: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...env, RAMME_DATA_DIR: dir },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

function request(
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<{ ms: number; status: number; body: string; endedAt: number }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(
      { host: HOST, port, path: url, method, headers: body ? { ...headers, 'content-length': String(body.length) } : headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            ms: Number(process.hrtime.bigint() - t0) / 1e6,
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            endedAt: Date.now(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]! : NaN);

async function waitHealthy(): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await request('GET', '/api/health')).status === 200) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new Error('the server did not answer /api/health within 120 s');
}

/** GET /api/health every 50 ms (one at a time: the next starts 50 ms after the last was sent, or when it answers) until `isDone()`. */
async function healthLoop(isDone: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (!isDone()) {
    const started = Date.now();
    const r = await request('GET', '/api/health');
    if (r.status !== 200) throw new Error(`/api/health answered ${r.status}`);
    latencies.push(r.ms);
    await sleep(Math.max(0, EVERY_MS - (Date.now() - started)));
  }
  return latencies;
}

/** ROWS new offerings in Holbæk, run by the importing user's organisation, each name and address its own. */
function offeringsCsv(): Buffer {
  const header =
    'Navn;Driftsform;Adresse;Postnummer;By;Kommunekode;Tilbudstype;Primært lovgrundlag;Målgrupper;Normerede pladser;Alder fra;Alder til;Status siden;Socialtilsyn';
  const lines = [header];
  for (let i = 1; i <= ROWS; i++)
    lines.push(`Bench-tilbud ${i};kommunal;Benchvej ${i};4300;Holbæk;316;botilbud;SEL-108;kog-autisme,psyk-angst;${1 + (i % 40)};18;99;2026-01-01;oest`);
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

function multipart(file: Buffer, filename: string): { body: Buffer; contentType: string } {
  const boundary = '----rammebench';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="fil"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, file, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

function summary(xs: number[]) {
  return { n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), max: xs.length ? Math.max(...xs) : NaN };
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  if (process.env.BENCH_RESEED === '1' || !fs.existsSync(path.join(seedDir, 'PG_VERSION'))) {
    fs.rmSync(seedDir, { recursive: true, force: true });
    const t0 = Date.now();
    run(['src/cli/seed.ts', '--scope', 'sjaelland', '--seed', '1', '--reset'], seedDir);
    console.log(`demo data (sjælland) seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.cpSync(seedDir, dataDir, { recursive: true });
  const token = run(['src/cli/token.ts', USER, 'bench'], dataDir).trim().split('\n').pop()!;

  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...env, RAMME_DATA_DIR: dataDir, PORT: String(port), RAMME_SEED: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitHealthy();
    // Warm up the health route.
    for (let i = 0; i < 20; i++) await request('GET', '/api/health');
    const auth = { authorization: `Bearer ${token}` };

    const baseline = await (async () => {
      const until = Date.now() + BASELINE_MS;
      return healthLoop(() => Date.now() >= until);
    })();

    const file = offeringsCsv();
    const { body, contentType } = multipart(file, 'tilbud.csv');
    let isDone = false;
    const t0 = Date.now();
    const importing = request('POST', '/api/offerings/import', { ...auth, 'content-type': contentType }, body).finally(() => {
      isDone = true;
    });
    const [result, during] = await Promise.all([importing, healthLoop(() => isDone)]);
    const importMs = result.endedAt - t0;
    const answer = result.status === 200 ? result.body : `${result.body.slice(0, 300)}…`;

    const b = summary(baseline);
    const d = summary(during);
    console.log(
      `\nImport of ${ROWS} offerings (${(file.length / 1024).toFixed(0)} KB CSV) on PGlite: ${(importMs / 1000).toFixed(2)} s, HTTP ${result.status} ${answer}`,
    );
    console.log('\n/api/health every 50 ms      n     p50        p95        max');
    console.log(`  no import (baseline)  ${String(b.n).padStart(5)}  ${ms(b.p50).padStart(9)}  ${ms(b.p95).padStart(9)}  ${ms(b.max).padStart(10)}`);
    console.log(`  during the import     ${String(d.n).padStart(5)}  ${ms(d.p50).padStart(9)}  ${ms(d.p95).padStart(9)}  ${ms(d.max).padStart(10)}`);
    console.log(
      `  ratio during / baseline       ${(d.p50 / b.p50).toFixed(1).padStart(7)}x  ${(d.p95 / b.p95).toFixed(1).padStart(8)}x  ${(d.max / b.max).toFixed(1).padStart(9)}x`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
