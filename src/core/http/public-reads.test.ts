/**
 * What anyone may read without signing in is one list (ARCHITECTURE.md, "What is public"): the published
 * tariff overview and published tariffs, published agreements with their process, and the platform's own
 * pages. Every other read — the offerings register, an offering's tariffs, the rows behind an indicator, the
 * audit log, placements — needs sign-in. This test calls every GET route (each route's fixture URL from the
 * access expectations, so every route of the OpenAPI document and every page) as an anonymous visitor and
 * asserts that exactly the public list answers 200.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AccessExpectation } from '../../testing/access.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { importSource } from '../../testing/source-module.js';

/** The public reads. Adding a route here is a decision about what Ramme publishes: update ARCHITECTURE.md with it. */
const PUBLIC_READS = new Set([
  // The platform.
  'GET /',
  'GET /om',
  'GET /login',
  'GET /api/health',
  'GET /api/ready',
  'GET /api/openapi.json',
  'GET /api/docs',
  'GET /favicon.svg',
  'GET /favicon.ico',
  'GET /static/*',
  'GET /static/dkfds/*',
  'GET /static/agreements/aftaler.css',
  // The published tariff overview and published tariffs, and the rules they are calculated by.
  'GET /takster',
  'GET /takster/regler',
  'GET /takster/oversigt/:area/:year',
  'GET /takster/oversigt/:area/:year/eksport.csv',
  'GET /takster/oversigt/:area/:year/eksport.xlsx',
  'GET /takster/:id',
  'GET /api/tariffs',
  'GET /api/tariffs/rules',
  'GET /api/tariffs/overview/:area/:year',
  'GET /api/tariffs/:id',
  // Published agreements: content, principles, process, input rounds, hearing, approvals, the document.
  'GET /aftaler',
  'GET /aftaler/:id',
  'GET /aftaler/:id/indhold',
  'GET /aftaler/:id/principper',
  'GET /aftaler/:id/principper/matrix.xlsx',
  'GET /aftaler/:id/tidslinje',
  'GET /aftaler/:id/input',
  'GET /aftaler/:id/input/:rid',
  'GET /aftaler/:id/input/:rid/spoergsmaal/:qid',
  'GET /aftaler/:id/input/:rid/svar.xlsx',
  'GET /aftaler/:id/hoering',
  'GET /aftaler/:id/versioner/:vid',
  'GET /aftaler/:id/godkendelse',
  'GET /aftaler/:id/dokument',
  'GET /aftaler/:id/aftale.pdf',
  'GET /api/agreements',
  'GET /api/agreements/:id',
  'GET /api/agreements/:id/comments',
]);

/**
 * Open to anyone because signing in goes through them; they redirect (or answer 404 when no broker is configured),
 * never show data — the invitation page shows its own user's name only to whoever holds the link.
 */
const SIGN_IN_STEPS = new Set(['GET /login/oidc', 'GET /login/oidc/callback', 'GET /invitation/:token']);

const EXPECTATIONS_DIR = path.resolve('src/testing/access');

let t: TestApp;
const expectations: AccessExpectation[] = [];

before(async () => {
  t = await createTestApp();
  for (const file of fs.readdirSync(EXPECTATIONS_DIR).filter((f) => /\.tsx?$/.test(f))) {
    const mod = (await importSource(path.join(EXPECTATIONS_DIR, file))) as { accessExpectations?: AccessExpectation[] };
    expectations.push(...(mod.accessExpectations ?? []));
  }
});
after(() => t.close());

describe('what is public', () => {
  it('answers 200 to an anonymous visitor on exactly the public reads', async () => {
    const gets = t.app.rammeRoutes.filter((r) => r.startsWith('GET '));
    const failures: string[] = [];
    for (const route of gets) {
      const entries = expectations.filter((e) => e.route === route);
      if (!entries.length) failures.push(`${route}: no fixture URL in src/testing/access`);
      for (const e of entries) {
        const url = typeof e.url === 'string' ? e.url : await e.url(t.db);
        const res = await t.app.inject({ method: 'GET', url, headers: { accept: url.startsWith('/api/') ? 'application/json' : 'text/html' } });
        const answered = res.statusCode >= 200 && res.statusCode < 300;
        if (!PUBLIC_READS.has(route) && answered) failures.push(`${route} (${url}) answered ${res.statusCode} without sign-in`);
        if (PUBLIC_READS.has(route) && e.allowed.includes('anonym') && !answered) failures.push(`${route} (${url}) is public but answered ${res.statusCode}`);
        if (!PUBLIC_READS.has(route) && !SIGN_IN_STEPS.has(route) && e.allowed.includes('anonym'))
          failures.push(`${route}: its access entry lets anonymous visitors in, but it is not public`);
      }
    }
    const stale = [...PUBLIC_READS].filter((r) => !gets.includes(r));
    assert.deepEqual(failures, []);
    assert.deepEqual(stale, [], 'public reads that are no route');
  });
});

/** POST computations anyone may call without sign-in (they take no ambient credentials and save nothing). */
const PUBLIC_COMPUTATIONS = new Set([
  'POST /api/tariffs/calculate',
  'POST /api/settlement/calculate',
  'POST /api/analysis/decompose',
  'POST /api/analysis/forecast',
]);

describe('the API description', () => {
  it('marks exactly the public reads and computations as needing no credentials', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const marked: string[] = [];
    const unmarked: string[] = [];
    for (const [p, ops] of Object.entries(doc.paths)) {
      const route = p.replace(/\{(\w+)\}/g, ':$1');
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method.toUpperCase()} ${route}`;
        const open = Array.isArray(op.security) && op.security.length === 0;
        const isPublic = PUBLIC_READS.has(key) || PUBLIC_COMPUTATIONS.has(key);
        if (open && !isPublic) marked.push(key);
        if (!open && isPublic) unmarked.push(key);
      }
    }
    assert.deepEqual(marked, [], 'marked as open in the API description, but sign-in is needed');
    assert.deepEqual(unmarked, [], 'public, but the API description asks for credentials');
  });
});
