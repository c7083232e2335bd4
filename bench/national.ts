/**
 * What the benches on the national demo data share: where the data lives (PGlite in .cache/bench-national, or the
 * PostgreSQL database BENCH_DB beside DATABASE_URL's), seeding it once (PostgreSQL: anew unless BENCH_REUSE=1),
 * running a CLI step against it, and signing in as a demo user.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const postgresUrl = process.env.DATABASE_URL;
export const benchDb = process.env.BENCH_DB ?? 'ramme_bench_platform';
const dataDir = path.join(root, '.cache/bench-national');

/** The environment Ramme runs with in the bench: no demo seeding on start, quiet errors, the bench's database. */
export const env: NodeJS.ProcessEnv = { ...process.env, RAMME_SEED: '0', RAMME_QUIET_ERRORS: '1' };
if (postgresUrl) {
  const url = new URL(postgresUrl);
  url.pathname = `/${benchDb}`;
  env.DATABASE_URL = url.toString();
} else {
  env.DATABASE_URL = '';
  env.RAMME_DATA_DIR = dataDir;
}
export const label = postgresUrl ? `PostgreSQL (${benchDb})` : 'PGlite';

export function run(command: string, args: string[], extra: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(command, args, { cwd: root, env: { ...env, ...extra }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Seeds the national demo data once (PGlite: when the folder is new; PostgreSQL: unless BENCH_REUSE=1). */
export function prepareDatabase() {
  const fresh = postgresUrl ? process.env.BENCH_REUSE !== '1' : !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!fresh) return;
  if (postgresUrl)
    run('psql', [postgresUrl, '-q', '-v', 'ON_ERROR_STOP=1', '-c', `drop database if exists ${benchDb} with (force)`, '-c', `create database ${benchDb}`]);
  const t0 = Date.now();
  run(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts', '--scope', 'national', '--seed', '1', '--reset']);
  console.log(`[${label}] national demo data seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** A session cookie for a demo user (demo sign-in through the login form). */
export async function signIn(app: FastifyInstance, username: string): Promise<string> {
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
