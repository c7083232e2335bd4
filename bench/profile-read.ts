/**
 * Where Ramme's thread spends its time on the list API: N sequential in-process requests
 * (`GET /api/offerings?area=sjaelland`, bearer token) under the V8 CPU profiler, then the functions with the
 * most self time and the files with the most total self time. Use on the bench database that
 * `npm run bench:read` seeded:  DATABASE_URL=postgres://…/ramme_bench_platform npx tsx bench/profile-read.ts
 */
import { spawnSync } from 'node:child_process';
import inspector from 'node:inspector/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const N = Number(process.env.PROFILE_REQUESTS ?? 2000);
const URL_ = process.env.PROFILE_URL ?? '/api/offerings?area=sjaelland';
const mod = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(root, file)).href)) as T;
const env: NodeJS.ProcessEnv = { ...process.env, RAMME_SEED: '0', RAMME_QUIET_ERRORS: '1' };
if (!env.DATABASE_URL) env.RAMME_DATA_DIR = path.join(root, '.cache/bench-national');
const token = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/token.ts', 'demo-sekretariat', 'profile'], { cwd: root, env, encoding: 'utf8' })
  .stdout.trim()
  .split('\n')
  .pop() as string;

const { readConfig } = await mod<{ readConfig: (e: NodeJS.ProcessEnv) => Record<string, unknown> }>('src/core/config.ts');
const { openConfiguredDatabase } = await mod<{ openConfiguredDatabase: (...a: unknown[]) => Promise<{ db: unknown; close: () => Promise<void> }> }>(
  'src/core/boot.ts',
);
const { buildApp } = await mod<{ buildApp: (ctx: unknown) => Promise<import('fastify').FastifyInstance> }>('src/core/http/app.tsx');
const { capabilities } = await mod<{ capabilities: unknown[] }>('src/capabilities.ts');
const { createAppContext } = await mod<{ createAppContext: (o: unknown) => unknown }>('src/core/context.ts');
const config = { ...readConfig(env), isDemo: true, isSecureCookies: false };
const database = await openConfiguredDatabase(config, capabilities);
const app = await buildApp(createAppContext({ db: database.db, config, capabilities }));
await app.ready();
const headers = { authorization: `Bearer ${token}` };
for (let i = 0; i < 200; i++) await app.inject({ method: 'GET', url: URL_, headers });

const session = new inspector.Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const r = await app.inject({ method: 'GET', url: URL_, headers });
  if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body.slice(0, 200)}`);
}
const wall = performance.now() - t0;
const { profile } = await session.post('Profiler.stop');
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number };
const nodes = profile.nodes as Node[];
const dt = (profile.endTime - profile.startTime) / 1000 / (profile.samples?.length ?? 1);
const byFn = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
for (const n of nodes) {
  const ms = n.hitCount * dt;
  total += ms;
  const file = n.callFrame.url
    .replace(/^file:\/\//, '')
    .replace(root, '')
    .replace(/.*node_modules\//, 'nm/');
  const key = `${n.callFrame.functionName || '(anon)'} ${file}:${n.callFrame.lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + ms);
  const pkg = file.startsWith('nm/')
    ? file
        .split('/')
        .slice(0, file.startsWith('nm/@') ? 3 : 2)
        .join('/')
    : file || n.callFrame.functionName;
  byFile.set(pkg, (byFile.get(pkg) ?? 0) + ms);
}
const top = (m: Map<string, number>, k: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, ms]) => `  ${((ms / N) * 1000).toFixed(0).padStart(6)} µs/req  ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n');
console.log(`${N} requests in ${wall.toFixed(0)} ms: ${(wall / N).toFixed(2)} ms/request wall, profiled ${(total / N).toFixed(2)} ms/request`);
console.log(`by package/file:\n${top(byFile, 25)}`);
console.log(`by function:\n${top(byFn, 40)}`);
await app.close();
await database.close();
