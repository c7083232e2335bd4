/**
 * Sign-in, sessions, API tokens, demo mode and the one-process lock, through HTTP and real processes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readConfig } from '../config.js';
import { lockDataDir } from '../db/lock.js';
import { buildApp } from '../http/app.js';
import { createTestApp, form, type TestApp } from '../../testing/test-app.js';
import { hashPassword } from './password.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  const org = await t.db.selectFrom('organisation').select('id').where('municipality_code', '=', 316).executeTakeFirstOrThrow();
  const { id } = await t.db
    .insertInto('app_user')
    .values({ username: 'karin.k', display_name: 'Karin Kommune', organisation_id: org.id, password_hash: await hashPassword('hemmelig-2026') })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.insertInto('user_role').values({ user_id: id, role: 'myndighed' }).execute();
});
after(() => t.close());

async function passwordLogin(username: string, password: string, ip = '10.0.0.1') {
  const page = await t.app.inject({ method: 'GET', url: '/login', headers: { accept: 'text/html' }, remoteAddress: ip });
  const csrf = page.cookies.find((c) => c.name === 'ramme_csrf')!.value;
  return t.app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: ip,
    headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie: `ramme_csrf=${csrf}` },
    payload: form({ _csrf: csrf, username, password, next: '/tilbud' }),
  });
}

describe('password sign-in', () => {
  it('signs in with the right password, sets a HttpOnly SameSite session cookie and follows next', async () => {
    const res = await passwordLogin('karin.k', 'hemmelig-2026');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/tilbud');
    const cookie = res.cookies.find((c) => c.name === 'ramme_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    const me = await t.app.inject({ method: 'GET', url: '/profil', headers: { accept: 'text/html', cookie: `ramme_session=${cookie.value}` } });
    assert.equal(me.statusCode, 200);
    assert.match(me.body, /Karin Kommune/);
  });
  it('refuses a wrong password with a Danish message and blocks after five failures', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await passwordLogin('karin.k', 'forkert', '10.0.0.9');
      assert.equal(res.statusCode, 401);
      assert.match(res.body, /Forkert brugernavn eller adgangskode/);
    }
    const blocked = await passwordLogin('karin.k', 'hemmelig-2026', '10.0.0.9');
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /For mange mislykkede forsøg/);
    // The account is now blocked from every address for 15 minutes; the next tests sign in as karin.k again.
    await t.db.deleteFrom('login_failure').execute();
  });
  it('does not follow a next address to another site', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/login', headers: { accept: 'text/html' } });
    const csrf = page.cookies.find((c) => c.name === 'ramme_csrf')!.value;
    const res = await t.app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `ramme_csrf=${csrf}` },
      payload: form({ _csrf: csrf, username: 'karin.k', password: 'hemmelig-2026', next: '//evil.example' }),
    });
    assert.equal(res.headers.location, '/');
  });
  it('ends the session on logout', async () => {
    const s = await t.login('demo-myndighed');
    const out = await t.as(s, {
      method: 'POST',
      url: '/logout',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: s.csrf }),
    });
    assert.equal(out.statusCode, 303);
    const after = await t.as(s, { method: 'GET', url: '/api/offerings' });
    assert.equal(after.statusCode, 401);
  });
});

describe('audit of sign-in and sign-out', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const sessionEvents = () => t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'session').orderBy('id', 'desc').execute();

  it('records a successful sign-in as the user, with request id and client address', async () => {
    const res = await passwordLogin('karin.k', 'hemmelig-2026', '10.1.2.3');
    assert.equal(res.statusCode, 303);
    const [e] = await sessionEvents();
    assert.equal(e!.action, 'sign_in');
    assert.equal(e!.entity_id, 'karin.k');
    assert.equal(e!.actor_username, 'karin.k');
    assert.ok(e!.actor_org_id);
    assert.match(e!.request_id ?? '', UUID);
    assert.equal(e!.client_address, '10.1.2.3');
    assert.deepEqual(e!.after, { username: 'karin.k', method: 'password' });
  });
  it('records a failed sign-in with the username tried and never the password', async () => {
    const res = await passwordLogin('Karin.K', 'et-forkert-kodeord', '10.1.2.4');
    assert.equal(res.statusCode, 401);
    const [e] = await sessionEvents();
    assert.equal(e!.action, 'sign_in_failed');
    assert.equal(e!.entity_id, 'karin.k');
    assert.equal(e!.actor_username, 'anonym');
    assert.equal(e!.actor_user_id, null);
    assert.match(e!.request_id ?? '', UUID);
    assert.equal(e!.client_address, '10.1.2.4');
    const unknown = await passwordLogin('ingen.saadan', 'et-forkert-kodeord', '10.1.2.4');
    assert.equal(unknown.statusCode, 401);
    assert.equal((await sessionEvents())[0]!.entity_id, 'ingen.saadan');
    const everything = JSON.stringify(await t.db.selectFrom('audit_log').selectAll().execute());
    assert.doesNotMatch(everything, /et-forkert-kodeord|hemmelig-2026/, 'no password is ever stored in the log');
  });
  it('records a demo sign-in and a sign-out, and the secretariat sees them with request id and address', async () => {
    const s = await t.login('demo-myndighed');
    assert.equal((await sessionEvents())[0]!.action, 'sign_in');
    const out = await t.as(s, {
      method: 'POST',
      url: '/logout',
      remoteAddress: '10.1.2.5',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: s.csrf }),
    });
    assert.equal(out.statusCode, 303);
    const [e] = await sessionEvents();
    assert.equal(e!.action, 'sign_out');
    assert.equal(e!.actor_username, 'demo-myndighed');
    assert.equal(e!.client_address, '10.1.2.5');
    assert.match(e!.request_id ?? '', UUID);
    // Signing out again with the ended session's cookie ends nothing and logs nothing.
    await t.as(s, { method: 'POST', url: '/logout', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: s.csrf }) });
    assert.equal((await sessionEvents())[0]!.id, e!.id);
    const secretariat = await t.login('demo-sekretariat');
    const log = await t.as(secretariat, { method: 'GET', url: '/log?entity=session&action=sign_out', headers: { accept: 'text/html' } });
    assert.equal(log.statusCode, 200);
    assert.doesNotMatch(log.body, /Filtrene kunne ikke læses/);
    assert.match(log.body, /Login demo-myndighed/);
    assert.match(log.body, /Logget ud/);
    assert.ok(log.body.includes(e!.request_id!), 'the request id is shown');
    assert.match(log.body, /fra 10\.1\.2\.5/);
  });
});

describe('API tokens', () => {
  it('are created on the profile page, shown once, stored only as a hash, and can be revoked', async () => {
    const s = await t.login('demo-laeser');
    const res = await t.as(s, {
      method: 'POST',
      url: '/profil/noegler',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: s.csrf, name: 'Dashboard' }),
    });
    assert.equal(res.statusCode, 200);
    const token = /id="ny-noegle">([^<]+)</.exec(res.body)![1]!;
    const rows = await t.db.selectFrom('api_token').selectAll().where('name', '=', 'Dashboard').execute();
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.token_hash, token);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/offerings?pageSize=1', headers: { authorization: `Bearer ${token}` } })).statusCode, 200);
    // A reader's token carries the reader's roles: no writes.
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/offerings', headers: { authorization: `Bearer ${token}` }, payload: {} })).statusCode, 403);
    await t.as(s, {
      method: 'POST',
      url: `/profil/noegler/${rows[0]!.id}/tilbagekald`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: s.csrf }),
    });
    const revoked = await t.app.inject({ method: 'GET', url: '/api/offerings', headers: { authorization: `Bearer ${token}` } });
    assert.equal(revoked.statusCode, 401);
    assert.match(revoked.json().error, /ugyldig eller tilbagekaldt/);
  });
});

describe('demo mode', () => {
  it('is off in production: no demo users on the login page and no demo login', async () => {
    const config = readConfig({ NODE_ENV: 'production', RAMME_DEMO: '1' });
    assert.equal(config.isDemo, false);
    assert.equal(config.isSecureCookies, true);
    const prod = await buildApp({ ...t.ctx, config });
    const page = await prod.inject({ method: 'GET', url: '/login', headers: { accept: 'text/html' } });
    assert.doesNotMatch(page.body, /demo-sekretariat/);
    const csrf = page.cookies.find((c) => c.name === 'ramme_csrf')!;
    assert.equal(csrf.secure, true);
    const res = await prod.inject({
      method: 'POST',
      url: '/login/demo',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `ramme_csrf=${csrf.value}` },
      payload: form({ _csrf: csrf.value, username: 'demo-sekretariat' }),
    });
    assert.equal(res.statusCode, 404);
    await prod.close();
  });
  it('offers one demo user per role on the embedded default', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/login', headers: { accept: 'text/html' } });
    for (const u of ['demo-sekretariat', 'demo-myndighed', 'demo-tilbudsoekonomi', 'demo-leverandoer', 'demo-laeser'])
      assert.match(page.body, new RegExp(`value="${u}"`));
  });
});

describe('one process per data folder', () => {
  it('stops the token command with a clear message while another process holds the folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramme-locked-'));
    const release = lockDataDir(dir);
    try {
      const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/token.ts', 'demo-sekretariat'], {
        env: { ...process.env, RAMME_DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 180_000,
      });
      assert.equal(res.status, 3, res.stderr);
      assert.match(res.stderr, /allerede i brug af en anden Ramme-proces/);
      assert.deepEqual(fs.readdirSync(dir), ['ramme.lock'], 'nothing else was written to the folder');
    } finally {
      release();
    }
  });
});

describe('operator commands for accounts', () => {
  it('creates a user with a password and roles, refuses a duplicate, and the token command then works for it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramme-users-'));
    const env = { ...process.env, RAMME_DATA_DIR: dir, DATABASE_URL: '', RAMME_PASSWORD: 'en-lang-adgangskode' };
    // The first command migrates a new embedded database from scratch: minutes on a loaded machine, so the limit is generous.
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', ...args], { env, encoding: 'utf8', timeout: 300_000 });
    const added = run('src/cli/user.ts', 'add', 'mette.m', '--org', '1', '--roles', 'myndighed,laeser', '--name', 'Mette Myndighed');
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /Brugeren mette\.m er oprettet/);
    assert.doesNotMatch(added.stdout, /en-lang-adgangskode/, 'a given password is never printed');
    const again = run('src/cli/user.ts', 'add', 'mette.m', '--org', '1', '--roles', 'laeser', '--name', 'X');
    assert.equal(again.status, 2);
    assert.match(again.stderr, /findes allerede/);
    const badRole = run('src/cli/user.ts', 'add', 'ole.o', '--org', '1', '--roles', 'admin', '--name', 'Ole');
    assert.equal(badRole.status, 2);
    assert.match(badRole.stderr, /Ukendt: admin/);
    const token = run('src/cli/token.ts', 'mette.m');
    assert.equal(token.status, 0, token.stderr);
    assert.match(token.stdout.trim().split('\n').pop()!, /^ramme_/);
  });
});
