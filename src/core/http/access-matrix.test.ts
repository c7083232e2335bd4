/**
 * Walks every route for every role (anonymous, sekretariat, myndighed, tilbudsoekonomi, leverandoer, laeser)
 * and asserts who gets through, from the expectation files in test support (`src/testing/access/*.ts`) and,
 * while capabilities move theirs there, the legacy `*.access.ts` files beside them. A registered route
 * without an entry fails the test, so no route can be added without deciding who may use it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WHO, USER_FOR, type AccessExpectation, type Who } from '../../testing/access.js';
import { createTestApp, form, type Session, type TestApp } from '../../testing/test-app.js';
import { importSource } from '../../testing/source-module.js';

const EXPECTATIONS_DIR = path.resolve('src/testing/access');

/** Every expectation file: each module in src/testing/access/, and any legacy `*.access.ts` elsewhere in src/. */
function findAccessFiles(dir = path.resolve('src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return findAccessFiles(p);
    if (dir === EXPECTATIONS_DIR) return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
    return e.name.endsWith('.access.ts') ? [p] : [];
  });
}

let t: TestApp;
const expectations: AccessExpectation[] = [];

before(async () => {
  t = await createTestApp();
  for (const file of findAccessFiles()) {
    const mod = (await importSource(file)) as { accessExpectations?: AccessExpectation[] };
    if (!mod.accessExpectations) throw new Error(`${path.relative('.', file)} exports no accessExpectations`);
    expectations.push(...mod.accessExpectations);
  }
});
after(() => t.close());

const isDenied = (status: number, location: string | undefined) =>
  status === 401 || status === 403 || (status >= 300 && status < 400 && !!location?.startsWith('/login'));

describe('access matrix', () => {
  it('reads the expectation files in test support and the legacy ones beside the capabilities', () => {
    const files = findAccessFiles().map((f) => path.relative('src', f));
    assert.ok(files.includes(path.join('testing', 'access', 'platform.ts')), files.join(', '));
    assert.ok(files.includes(path.join('testing', 'access', 'audit.ts')), files.join(', '));
  });

  it('has an entry for every registered route', () => {
    const covered = new Set(expectations.map((e) => e.route));
    const missing = t.app.rammeRoutes.filter((r) => !covered.has(r));
    assert.deepEqual(missing, [], 'routes without an access entry');
    const stale = [...covered].filter((r) => !t.app.rammeRoutes.includes(r));
    assert.deepEqual(stale, [], 'access entries for routes that do not exist');
  });

  it('lets exactly the expected roles through on every route', async () => {
    const failures: string[] = [];
    // One sign-in per role, made again after a route that may end the session (signing out or in).
    const sessions = new Map<string, Session>();
    const sessionOf = async (username: string) => {
      let s = sessions.get(username);
      if (!s) sessions.set(username, (s = await t.login(username)));
      return s;
    };
    for (const e of expectations) {
      const url = typeof e.url === 'string' ? e.url : await e.url(t.db);
      const method = e.route.split(' ')[0]!;
      for (const who of WHO) {
        // A fresh session per call: some routes (logout) end the session they are called with.
        const username = USER_FOR[who];
        const session: Session | null = username ? await sessionOf(username) : null;
        const isWrite = method !== 'GET';
        let headers: Record<string, string> = { accept: url.startsWith('/api/') ? 'application/json' : 'text/html' };
        let payload: string | undefined;
        if (isWrite && e.isForm) {
          const page = session ? null : await t.app.inject({ method: 'GET', url: '/login', headers: { accept: 'text/html' } });
          const anonCsrf = page?.cookies.find((c) => c.name === 'ramme_csrf')?.value;
          headers = { ...headers, 'content-type': 'application/x-www-form-urlencoded', ...(anonCsrf ? { cookie: `ramme_csrf=${anonCsrf}` } : {}) };
          payload = form({ _csrf: session?.csrf ?? anonCsrf ?? '', ...(e.payload as Record<string, string>) });
        } else if (isWrite) {
          headers = { ...headers, 'content-type': 'application/json' };
          payload = JSON.stringify(e.payload ?? {});
        }
        const res = await t.as(session, { method: method as 'GET', url, headers, payload });
        if (/^POST \/log(in|out)/.test(e.route)) sessions.clear();
        if (res.statusCode >= 500) failures.push(`${e.route} (${url}) as ${who}: ${res.statusCode} ${res.body.slice(0, 160)}`);
        const shouldPass = e.allowed.includes(who as Who);
        // A user who may not see a record is told it does not exist: for a role that is not let through, 404 is a refusal
        // too. For a role that is, 404 means it passed the access check and the fixture id does not exist.
        const denied = isDenied(res.statusCode, res.headers.location as string | undefined) || (!shouldPass && res.statusCode === 404);
        if (denied === shouldPass)
          failures.push(`${e.route} (${url}) as ${who}: got ${res.statusCode}, expected ${shouldPass ? 'access' : 'refusal'}${e.note ? ` [${e.note}]` : ''}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
