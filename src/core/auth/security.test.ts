/**
 * Sign-in and session safety: only local paths after login, failed sign-ins limited per account and per
 * address with the counts in the database (shared by processes) and proxies trusted only when configured,
 * a sign-in ends the browser's previous session, API tokens expire, HSTS in production, nothing personal
 * cached, and the CSRF token never in a URL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays } from '../clock.js';
import { readConfig } from '../config.js';
import { formatDate } from '../format.js';
import { buildApp } from '../http/app.js';
import { createTestApp, form, type TestApp } from '../../testing/test-app.js';
import { LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_ADDRESS } from './auth.service.js';
import { safeNextPath } from './next.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Login = { username: string; password?: string; next?: string; ip?: string; headers?: Record<string, string> };

async function passwordLogin(app: TestApp['app'], l: Login) {
  const ip = l.ip ?? '10.1.0.1';
  const page = await app.inject({ method: 'GET', url: '/login', headers: { accept: 'text/html' }, remoteAddress: ip });
  const csrf = page.cookies.find((c) => c.name === 'ramme_csrf')!.value;
  return app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: ip,
    headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie: `ramme_csrf=${csrf}`, ...l.headers },
    payload: form({ _csrf: csrf, username: l.username, password: l.password ?? 'forkert', next: l.next }),
  });
}

describe('the address after login', () => {
  it('follows only paths on Ramme itself', () => {
    for (const bad of [
      '/\\evil.example',
      '/\t/evil.example',
      '//evil',
      '/%5Cevil.example',
      '%2F%2Fevil',
      '/%2F/evil',
      '/%09/evil',
      'https://evil.example',
      '/\n/evil',
      '',
      '/%E0%A4%A',
    ])
      assert.equal(safeNextPath(bad), '/', JSON.stringify(bad));
    assert.equal(safeNextPath('/tilbud?q=bo#top'), '/tilbud?q=bo#top');
    assert.equal(safeNextPath('/takster/2027'), '/takster/2027');
  });

  it('redirects a demo sign-in with a hostile next to the front page', async () => {
    for (const next of ['/\\evil.example', '/\t/evil.example', '//evil', '/%5Cevil.example']) {
      const page = await t.app.inject({ method: 'GET', url: '/login', headers: { accept: 'text/html' } });
      const csrf = page.cookies.find((c) => c.name === 'ramme_csrf')!.value;
      const res = await t.app.inject({
        method: 'POST',
        url: '/login/demo',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `ramme_csrf=${csrf}` },
        payload: form({ _csrf: csrf, username: 'demo-laeser', next }),
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/', JSON.stringify(next));
    }
  });
});

describe('login throttling', () => {
  it('ignores X-Forwarded-For unless proxies are configured, so a new header per try is still limited', async () => {
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT; i++) {
      const res = await passwordLogin(t.app, { username: 'ingen.bruger', ip: '10.1.1.1', headers: { 'x-forwarded-for': `203.0.113.${i}` } });
      assert.equal(res.statusCode, 401);
    }
    const blocked = await passwordLogin(t.app, { username: 'ingen.bruger', ip: '10.1.1.1', headers: { 'x-forwarded-for': '203.0.113.200' } });
    assert.equal(blocked.statusCode, 429);
  });

  it('limits one address trying many usernames once each', async () => {
    for (let i = 0; i < LOGIN_FAILURES_PER_ADDRESS; i++) assert.equal((await passwordLogin(t.app, { username: `bruger${i}`, ip: '10.1.2.2' })).statusCode, 401);
    const blocked = await passwordLogin(t.app, { username: 'demo-laeser', ip: '10.1.2.2' });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /For mange mislykkede forsøg/);
    assert.equal((await passwordLogin(t.app, { username: 'bruger-x', ip: '10.1.2.3' })).statusCode, 401, 'another address is not blocked');
  });

  it('keeps the counts in the database, so a second process refuses the blocked account too', async () => {
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT; i++) await passwordLogin(t.app, { username: 'delt.konto', ip: `10.1.3.${i}` });
    const other = await buildApp(t.ctx);
    const res = await passwordLogin(other, { username: 'delt.konto', ip: '10.1.3.99' });
    assert.equal(res.statusCode, 429);
    await other.close();
  });

  it('believes X-Forwarded-For from the configured number of proxy hops', async () => {
    const config = { ...t.ctx.config, trustProxy: 1 as const };
    assert.deepEqual(readConfig({ RAMME_TRUST_PROXY: '1' }).trustProxy, 1);
    assert.equal(readConfig({ NODE_ENV: 'production' }).trustProxy, false);
    const proxied = await buildApp({ ...t.ctx, config });
    for (let i = 0; i < LOGIN_FAILURES_PER_ADDRESS; i++)
      await passwordLogin(proxied, { username: `proxy${i}`, ip: '10.9.9.9', headers: { 'x-forwarded-for': '198.51.100.7' } });
    const sameClient = await passwordLogin(proxied, { username: 'proxy-x', ip: '10.9.9.9', headers: { 'x-forwarded-for': '198.51.100.7' } });
    assert.equal(sameClient.statusCode, 429);
    const otherClient = await passwordLogin(proxied, { username: 'proxy-y', ip: '10.9.9.9', headers: { 'x-forwarded-for': '198.51.100.8' } });
    assert.equal(otherClient.statusCode, 401);
    await proxied.close();
  });
});

describe('sessions', () => {
  it('ends the previous session of the browser when someone signs in', async () => {
    const first = await t.login('demo-myndighed');
    const res = await t.as(first, {
      method: 'POST',
      url: '/login/demo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: first.csrf, username: 'demo-laeser' }),
    });
    assert.equal(res.statusCode, 303);
    const second = res.cookies.find((c) => c.name === 'ramme_session')!.value;
    assert.notEqual(`ramme_session=${second}`, first.cookie);
    const old = await t.app.inject({ method: 'GET', url: '/profil', headers: { accept: 'text/html', cookie: first.cookie } });
    assert.equal(old.statusCode, 302);
    assert.match(String(old.headers.location), /^\/login/);
    const now = await t.app.inject({ method: 'GET', url: '/profil', headers: { accept: 'text/html', cookie: `ramme_session=${second}` } });
    assert.equal(now.statusCode, 200);
    assert.match(now.body, /Lise Læser/);
  });
});

describe('API token expiry', () => {
  it('gives a new token 90 days by default, shows the date, refuses a date in the past, and refuses an expired token with 401', async () => {
    const s = await t.login('demo-laeser');
    const today = t.ctx.clock.today();
    const post = (fields: Record<string, string>) =>
      t.as(s, {
        method: 'POST',
        url: '/profil/noegler',
        headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ _csrf: s.csrf, ...fields }),
      });
    const res = await post({ name: 'Udløber', expiresOn: '' });
    assert.equal(res.statusCode, 200);
    const token = /id="ny-noegle">([^<]+)</.exec(res.body)![1]!;
    const row = await t.db.selectFrom('api_token').select(['id', 'expires_on']).where('name', '=', 'Udløber').executeTakeFirstOrThrow();
    assert.equal(row.expires_on, addDays(today, 90));
    const profile = await t.as(s, { method: 'GET', url: '/profil', headers: { accept: 'text/html' } });
    assert.ok(profile.body.includes(formatDate(addDays(today, 90))), 'the expiry date is on the profile page');
    assert.match(profile.body, /Udløber/);

    const past = await post({ name: 'For gammel', expiresOn: addDays(today, -1) });
    assert.equal(past.statusCode, 400);
    assert.match(past.body, /Udløbsdatoen skal ligge mellem i morgen/);
    const chosen = await post({ name: 'Valgt dato', expiresOn: addDays(today, 10) });
    assert.equal(chosen.statusCode, 200);
    assert.equal(
      (await t.db.selectFrom('api_token').select('expires_on').where('name', '=', 'Valgt dato').executeTakeFirstOrThrow()).expires_on,
      addDays(today, 10),
    );

    assert.equal((await t.app.inject({ method: 'GET', url: '/api/offerings?pageSize=1', headers: { authorization: `Bearer ${token}` } })).statusCode, 200);
    await t.db
      .updateTable('api_token')
      .set({ expires_on: addDays(today, -1) })
      .where('id', '=', row.id)
      .execute();
    const expired = await t.app.inject({ method: 'GET', url: '/api/offerings?pageSize=1', headers: { authorization: `Bearer ${token}` } });
    assert.equal(expired.statusCode, 401);
    assert.match(expired.json().error, /udløbet/);
  });
});

describe('headers', () => {
  it('sends HSTS in production only', async () => {
    const prod = await buildApp({ ...t.ctx, config: readConfig({ NODE_ENV: 'production' }) });
    const res = await prod.inject({ method: 'GET', url: '/om', headers: { accept: 'text/html' } });
    assert.match(String(res.headers['strict-transport-security']), /max-age=\d{7,}/);
    await prod.close();
    assert.equal((await t.app.inject({ method: 'GET', url: '/om' })).headers['strict-transport-security'], undefined);
  });

  it('marks every signed-in page and every API answer no-store, and leaves public pages and assets cacheable', async () => {
    const s = await t.login('demo-sekretariat');
    for (const url of ['/profil', '/tilbud', '/']) {
      const res = await t.as(s, { method: 'GET', url, headers: { accept: 'text/html' } });
      assert.equal(res.headers['cache-control'], 'no-store', url);
    }
    const token = await t.as(s, {
      method: 'POST',
      url: '/profil/noegler',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: s.csrf, name: 'Vises én gang' }),
    });
    assert.equal(token.headers['cache-control'], 'no-store');
    for (const url of ['/api/health', '/api/tariffs']) assert.equal((await t.app.inject({ method: 'GET', url })).headers['cache-control'], 'no-store', url);
    const asset = await t.as(s, { method: 'GET', url: '/static/app.css' });
    assert.notEqual(asset.headers['cache-control'], 'no-store');
    const anonymous = await t.app.inject({ method: 'GET', url: '/om', headers: { accept: 'text/html', cookie: 'ramme_csrf=xxxxxxxxxxxxxxxxxxxxxxxx' } });
    assert.notEqual(anonymous.headers['cache-control'], 'no-store');
  });
});

describe('the CSRF token', () => {
  it('is never in a URL: the import form sends it as a field, and a token in the query string is refused', async () => {
    const s = await t.login('demo-tilbudsoekonomi');
    const page = await t.as(s, { method: 'GET', url: '/tilbud/import', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /_csrf=/);
    assert.match(page.body, /name="_csrf"/);
    const boundary = '----ramme';
    const file = `Content-Disposition: form-data; name="fil"; filename="tom.csv"\r\nContent-Type: text/csv\r\n\r\nNavn\r\n`;
    const upload = (url: string, parts: string[]) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { accept: 'text/html', cookie: s.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: `${parts.map((p) => `--${boundary}\r\n${p}`).join('\r\n')}\r\n--${boundary}--\r\n`,
      });
    const inUrl = await upload(`/tilbud/import?_csrf=${s.csrf}`, [file]);
    assert.equal(inUrl.statusCode, 403);
    const wrong = await upload('/tilbud/import', [`Content-Disposition: form-data; name="_csrf"\r\n\r\nforkert`, file]);
    assert.equal(wrong.statusCode, 403);
    const right = await upload('/tilbud/import', [`Content-Disposition: form-data; name="_csrf"\r\n\r\n${s.csrf}`, file]);
    assert.notEqual(right.statusCode, 403, right.body.slice(0, 200));
    assert.ok(right.statusCode < 500);
  });
});
