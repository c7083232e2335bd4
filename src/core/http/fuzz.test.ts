/**
 * The HTTP fuzz: more than 10,000 generated bad requests (src/testing/bad-requests.ts, a fixed seed) over every
 * operation of the OpenAPI document, anonymously, as a reader and as users who may write, by session and by
 * token. No answer is a 5xx, and a refused request (4xx) writes nothing: a trigger on every table of the test
 * database (never a migration) records each written row, and one query after each request reads and clears the
 * record. At the end every table no accepted request wrote has the checksum it had before the run.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { InjectOptions } from 'fastify';
import { fixedClock } from '../clock.js';
import { tableChecksums } from '../db/maintenance.repository.js';
import type { AccessExpectation } from '../../testing/access.js';
import { badRequestFor, seeded, WRITE_METHODS, type BadRequest, type OpenApiDocument, type Operation } from '../../testing/bad-requests.js';
import { suiteClock } from '../../testing/clock.js';
import { importSource } from '../../testing/source-module.js';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.js';

const SEED = 13;
/** Requests per operation: 133 operations make a little more than 10,000. */
const PER_OPERATION = 76;
const MIN_REQUESTS = 10_000;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Operations of the document the fuzz does not call, each with the reason. */
const SKIPPED: Record<string, string> = {};

/**
 * Tables a refused request may write, each with the reason. None so far: the writes a refused request may make
 * (login_failure and audit_log of a failed sign-in, user_session) come from the sign-in forms, which are pages,
 * not operations of the API; a token's last use (api_token) is written before the run, and the app's clock
 * stands still so it is not written again.
 */
const WRITTEN_WHEN_REFUSED: Record<string, string> = {};

type Identity = { name: string; headers: Record<string, string>; session?: Session };
type Written = { tbl: string; op: string };

let t: TestApp;
let doc: OpenApiDocument;
let identities: Identity[];
const expectations: AccessExpectation[] = [];
const EXPECTATIONS_DIR = path.resolve('src/testing/access');

const operationsOf = (d: OpenApiDocument) =>
  Object.entries(d.paths).flatMap(([p, item]) =>
    Object.entries(item)
      .filter(([m]) => METHODS.includes(m))
      .map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, method: m.toUpperCase(), path: p, op: op as Operation })),
  );

/** Path parameter values that name records of the test database: read off the access expectations' fixture URLs. */
async function realParamsOf(method: string, openApiPath: string): Promise<Array<Record<string, string>>> {
  const route = `${method} ${openApiPath.replace(/\{(\w+)\}/g, ':$1')}`;
  const template = openApiPath.split('/');
  const out: Array<Record<string, string>> = [];
  for (const e of expectations.filter((x) => x.route === route)) {
    const url = typeof e.url === 'string' ? e.url : await e.url(t.db);
    const segments = url.split('?')[0]!.split('/');
    const params: Record<string, string> = {};
    template.forEach((s, i) => {
      const m = s.match(/^\{(\w+)\}$/);
      if (m && segments[i] !== undefined) params[m[1]!] = segments[i]!;
    });
    if (Object.keys(params).length) out.push(params);
  }
  return out;
}

/** A trigger on every table of the public schema that records each written row in fuzz_probe.writes (test database only). */
async function installWriteProbe() {
  await sql`create schema fuzz_probe`.execute(t.db);
  await sql`create table fuzz_probe.writes (tbl text not null, op text not null)`.execute(t.db);
  await sql`create function fuzz_probe.record() returns trigger language plpgsql as $$
    begin insert into fuzz_probe.writes values (TG_TABLE_NAME, TG_OP); return null; end $$`.execute(t.db);
  const { rows } = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(t.db);
  for (const { name } of rows) {
    await sql`create trigger fuzz_probe_rows after insert or update or delete on ${sql.table(name)} for each row execute function fuzz_probe.record()`.execute(
      t.db,
    );
    await sql`create trigger fuzz_probe_truncate after truncate on ${sql.table(name)} for each statement execute function fuzz_probe.record()`.execute(t.db);
  }
  return rows.length;
}

const takeWrites = async () => (await sql<Written>`delete from fuzz_probe.writes returning tbl, op`.execute(t.db)).rows;

before(async () => {
  // Time stands still during the run, so a token's last use is written once (below), not again a minute later.
  t = await createTestApp({ clock: fixedClock(suiteClock().now()) });
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
  for (const file of fs.readdirSync(EXPECTATIONS_DIR).filter((f) => /\.tsx?$/.test(f))) {
    const mod = (await importSource(path.join(EXPECTATIONS_DIR, file))) as { accessExpectations?: AccessExpectation[] };
    expectations.push(...(mod.accessExpectations ?? []));
  }
  const session = async (username: string): Promise<Identity> => {
    const s = await t.login(username);
    return { name: `${username} (session)`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, session: s };
  };
  const bearer = async (username: string): Promise<Identity> => ({
    name: `${username} (token)`,
    headers: { authorization: `Bearer ${await t.token(username)}` },
  });
  const sec = await session('demo-sekretariat');
  identities = [
    { name: 'anonym', headers: {} },
    await bearer('demo-laeser'),
    await session('demo-laeser'),
    sec,
    await bearer('demo-sekretariat'),
    await session('demo-tilbudsoekonomi'),
    await bearer('demo-tilbudsoekonomi'),
    await bearer('demo-leverandoer'),
    await bearer('demo-myndighed'),
    { name: 'demo-sekretariat (session, forkert CSRF-token)', headers: { cookie: sec.session!.cookie, 'x-csrf-token': 'forkert' } },
    { name: 'ukendt token', headers: { authorization: 'Bearer ramme_ukendt0000000000000000' } },
    { name: 'ukendt session', headers: { cookie: 'ramme_session=ukendt', 'x-csrf-token': 'ukendt' } },
  ];
});
after(() => t.close());

describe('the HTTP fuzz', () => {
  it('covers every operation of the OpenAPI document, with records to name for every path parameter', async () => {
    const ops = operationsOf(doc);
    assert.ok(ops.length > 50, `only ${ops.length} operations`);
    const missingFixture: string[] = [];
    for (const { key, method, path: p } of ops) if (p.includes('{') && !SKIPPED[key] && !(await realParamsOf(method, p)).length) missingFixture.push(key);
    assert.deepEqual(missingFixture, [], 'operations with path parameters but no fixture URL in src/testing/access');
    assert.deepEqual(
      Object.keys(SKIPPED).filter((k) => !ops.some((o) => o.key === k)),
      [],
      'skipped operations that are not in the document',
    );
  });

  it('answers more than 10,000 bad requests without a 5xx, and a refused request writes no table', async (ctx) => {
    const r = seeded(SEED);
    const ops = operationsOf(doc).filter((o) => !SKIPPED[o.key]);
    const plan: BadRequest[] = [];
    for (const o of ops) {
      const real = o.path.includes('{') ? await realParamsOf(o.method, o.path) : [];
      for (let i = 0; i < PER_OPERATION; i++) plan.push(badRequestFor(r, o.method, o.path, o.op, real, identities.length));
    }
    const tables = await installWriteProbe();
    for (const id of identities) await t.app.inject({ method: 'GET', url: '/api/offerings?pageSize=1', headers: id.headers });
    await takeWrites();
    // The probe sees a write the API accepts (so the test can fail): a description saved on an offering.
    const [offeringUrl] = await realParamsOf('PATCH', '/api/offerings/{id}');
    const saved = await t.app.inject({
      method: 'PATCH',
      url: `/api/offerings/${offeringUrl!.id}`,
      headers: { ...identities.find((i) => i.name === 'demo-sekretariat (token)')!.headers, 'content-type': 'application/json' },
      payload: { description: 'Før fuzzen' },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const probed = new Set((await takeWrites()).map((w) => w.tbl));
    assert.ok(probed.has('offering') && probed.has('audit_log'), [...probed].join(', '));
    const before = await tableChecksums(t.db);

    const failures: string[] = [];
    const acceptedWrites = new Set<string>();
    const statuses = new Map<number, number>();
    const describeFailure = (q: BadRequest, detail: string) =>
      `${q.method} ${q.url.slice(0, 200)} as ${identities[q.who]!.name} ${JSON.stringify(q.headers)} body ${JSON.stringify((q.payload ?? '').slice(0, 200))}: ${detail}`;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const statusesOf = new Map<string, Set<number>>();
    const timeOf = new Map<string, number>();
    for (const q of plan) {
      const t0 = performance.now();
      const options: InjectOptions = { method: q.method as 'GET', url: q.url, headers: { ...q.headers, ...identities[q.who]!.headers }, payload: q.payload };
      let status: number;
      let body: string;
      try {
        const res = await t.app.inject(options);
        status = res.statusCode;
        body = res.body;
      } catch (e) {
        failures.push(describeFailure(q, `inject threw ${(e as Error).message}`));
        await takeWrites();
        continue;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      statusesOf.set(q.operation, (statusesOf.get(q.operation) ?? new Set()).add(status));
      const writes = await takeWrites();
      timeOf.set(q.operation, (timeOf.get(q.operation) ?? 0) + performance.now() - t0);
      if (status >= 500) failures.push(describeFailure(q, `${status} ${body.slice(0, 300)}`));
      const kept = writes.filter((w) => !WRITTEN_WHEN_REFUSED[w.tbl]);
      if (status >= 400 && kept.length)
        failures.push(
          describeFailure(q, `refused with ${status} but wrote ${[...new Set(kept.map((w) => `${w.tbl} (${w.op})`))].join(', ')}: ${body.slice(0, 200)}`),
        );
      if (status < 400 && !WRITE_METHODS.has(q.method) && kept.length)
        failures.push(describeFailure(q, `a read answered ${status} and wrote ${[...new Set(kept.map((w) => w.tbl))].join(', ')}`));
      if (status < 400) for (const w of writes) acceptedWrites.add(w.tbl);
    }
    const seconds = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    ctx.diagnostic(
      `${plan.length} forespørgsler over ${ops.length} operationer på ${seconds.toFixed(1)} s (${(plan.length / seconds).toFixed(0)}/s; ${((user + system) / 1e6).toFixed(1)} s CPU i testprocessen), ${tables} tabeller overvåget (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
    );
    const neverValidated = [...statusesOf].filter(([, codes]) => ![400, 409, 412, 413, 415].some((c) => codes.has(c))).map(([k]) => k);
    ctx.diagnostic(`operationer uden et eneste 400/409/412/413/415-svar: ${neverValidated.join(', ') || 'ingen'}`);
    ctx.diagnostic(
      `svar: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
    );
    const slowest = [...timeOf].sort((a, b) => b[1] - a[1]).slice(0, 3);
    ctx.diagnostic(`langsomst: ${slowest.map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    ctx.diagnostic(`tabeller skrevet af godkendte forespørgsler: ${[...acceptedWrites].sort().join(', ') || 'ingen'}`);
    assert.ok(plan.length >= MIN_REQUESTS, `only ${plan.length} requests`);
    assert.deepEqual(neverValidated, [], 'operations whose every request was stopped before validation (sign-in, access, lookup)');
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures (the first 20 above)`);

    const afterRun = await tableChecksums(t.db);
    const changed = Object.keys(before).filter(
      (name) => !acceptedWrites.has(name) && !WRITTEN_WHEN_REFUSED[name] && JSON.stringify(before[name]) !== JSON.stringify(afterRun[name]),
    );
    assert.deepEqual(changed, [], 'tables no accepted request wrote, whose rows changed all the same');
    assert.ok(Object.keys(before).length - acceptedWrites.size > tables / 2, 'the checksum compares most tables');
  });
});
