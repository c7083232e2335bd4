/**
 * The authenticated read path: one statement per request once the actor is cached, sign-out refused at
 * once on every process (the session row is read each time), and a token's last use written at most once
 * per interval.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { capabilities } from '../../capabilities.js';
import { copenhagenDate, type Clock } from '../clock.js';
import { createAppContext } from '../context.js';
import { buildApp } from '../http/app.js';
import { statementLog, type StatementLog } from '../../testing/statements.js';
import { createTestApp, form, type TestApp } from '../../testing/test-app.js';
import { TOKEN_TOUCH_MS } from './auth.service.js';

let instant = Date.parse('2026-11-24T10:00:00Z');
const clock: Clock = { now: () => new Date(instant), today: () => copenhagenDate(new Date(instant)) };

let t: TestApp;
let counted: StatementLog;
let app: Awaited<ReturnType<typeof buildApp>>;
before(async () => {
  t = await createTestApp({ clock });
  counted = statementLog(t.database.pool);
  app = await buildApp(createAppContext({ db: counted.db, config: t.ctx.config, capabilities, clock }));
  await app.ready();
});
after(async () => {
  await app.close();
  await t.close();
});

/** Statements one request runs (after a first call has warmed the caches). */
async function statementsOf(headers: Record<string, string>, url = '/api/health') {
  const warm = await app.inject({ method: 'GET', url, headers });
  assert.equal(warm.statusCode, 200, warm.body);
  counted.clear();
  const res = await app.inject({ method: 'GET', url, headers });
  assert.equal(res.statusCode, 200, res.body);
  return counted.statements.map((s) => s.sql);
}

describe('statements per authenticated request', () => {
  it('runs one statement to authenticate a bearer token (the health check adds its own ping)', async () => {
    const token = await t.token('demo-sekretariat');
    const sqls = await statementsOf({ authorization: `Bearer ${token}` });
    assert.equal(sqls.length, 2, sqls.join('\n'));
    assert.match(sqls[0]!, /from "api_token"/);
    assert.match(sqls[1]!, /^select 1/);
  });
  it('runs one statement to authenticate a session cookie', async () => {
    const s = await t.login('demo-myndighed');
    const sqls = await statementsOf({ cookie: s.cookie });
    assert.equal(sqls.length, 2, sqls.join('\n'));
    assert.match(sqls[0]!, /from "user_session"/);
  });
  it('reads the reference data once per cache period', async () => {
    const s = await t.login('demo-laeser');
    const sqls = await statementsOf({ cookie: s.cookie }, '/api/reference?date=2026-12-31');
    assert.equal(sqls.length, 1, sqls.join('\n'));
  });
});

describe('sign-out', () => {
  it('refuses the same cookie at once after signing out, though the actor was cached', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    assert.equal((await app.inject({ method: 'GET', url: '/api/offerings?pageSize=1', headers: { cookie: s.cookie } })).statusCode, 200);
    const out = await app.inject({
      method: 'POST',
      url: '/logout',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: s.csrf }),
    });
    assert.equal(out.statusCode, 303);
    assert.equal((await app.inject({ method: 'GET', url: '/api/offerings?pageSize=1', headers: { cookie: s.cookie } })).statusCode, 401);
    const page = await app.inject({ method: 'GET', url: '/profil', headers: { cookie: s.cookie, accept: 'text/html' } });
    assert.equal(page.statusCode, 302);
    assert.match(String(page.headers.location), /^\/login/);
  });
  it('refuses a session ended by another process at once (the session row is read on every request)', async () => {
    const s = await t.login('demo-leverandoer');
    assert.equal((await app.inject({ method: 'GET', url: '/api/offerings?pageSize=1', headers: { cookie: s.cookie } })).statusCode, 200);
    // Another process signs the user out: only the database changes, this process's cache does not hear of it.
    const user = await t.db.selectFrom('app_user').select('id').where('username', '=', 'demo-leverandoer').executeTakeFirstOrThrow();
    await t.db.deleteFrom('user_session').where('user_id', '=', user.id).execute();
    assert.equal((await app.inject({ method: 'GET', url: '/api/offerings?pageSize=1', headers: { cookie: s.cookie } })).statusCode, 401);
  });
  it('refuses a deactivated user at once, by session and by token', async () => {
    const s = await t.login('demo-naestved');
    const token = await t.token('demo-naestved');
    for (const headers of [{ cookie: s.cookie }, { authorization: `Bearer ${token}` }]) {
      assert.equal((await app.inject({ method: 'GET', url: '/api/offerings?pageSize=1', headers })).statusCode, 200);
    }
    await t.db.updateTable('app_user').set({ is_active: false }).where('username', '=', 'demo-naestved').execute();
    try {
      for (const headers of [{ cookie: s.cookie }, { authorization: `Bearer ${token}` }]) {
        assert.equal((await app.inject({ method: 'GET', url: '/api/offerings?pageSize=1', headers })).statusCode, 401);
      }
    } finally {
      await t.db.updateTable('app_user').set({ is_active: true }).where('username', '=', 'demo-naestved').execute();
    }
  });
});

describe('API token last use', () => {
  it('is written at most once per interval', async () => {
    const token = await t.token('demo-laeser');
    const lastUsed = async () => (await t.db.selectFrom('api_token').select('last_used_at').orderBy('id', 'desc').executeTakeFirstOrThrow()).last_used_at;
    const call = async () => {
      counted.clear();
      assert.equal((await app.inject({ method: 'GET', url: '/api/health', headers: { authorization: `Bearer ${token}` } })).statusCode, 200);
      return counted.statements.filter((s) => /^update "api_token"/.test(s.sql)).length;
    };
    assert.equal(await lastUsed(), null);
    const first = instant;
    assert.equal(await call(), 1, 'the first use is recorded');
    assert.equal((await lastUsed())?.getTime(), first);
    instant += 1000;
    assert.equal(await call(), 0);
    instant += TOKEN_TOUCH_MS - 2000;
    assert.equal(await call(), 0, 'still within the interval');
    assert.equal((await lastUsed())?.getTime(), first);
    instant += 2000;
    assert.equal(await call(), 1, 'a use after the interval is recorded again');
    assert.equal((await lastUsed())?.getTime(), instant);
  });
});
