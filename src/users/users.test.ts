import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callContext } from '../core/context.js';
import type { HttpError } from '../core/errors.js';
import { startOidcSignIn } from './oidc.service.js';
import { startOidcProvider, signInAtProvider, type TestProvider } from '../testing/oidc-provider.js';
import { createTestApp, form, type Session, type TestApp } from '../testing/test-app.js';

const REDIRECT = 'http://ramme.test/login/oidc/callback';
const NAESTVED_CVR = '29189692';
const HOLBAEK_CVR = '29189455';

let t: TestApp;
let provider: TestProvider;
let admin: Session;

const userId = async (username: string) =>
  await t.db.selectFrom('app_user').select(['id', 'version']).where('username', '=', username).executeTakeFirstOrThrow();
const auditRows = (entity: string, action: string) =>
  t.db
    .selectFrom('audit_log')
    .select(['entity_id', 'after', 'actor_username'])
    .where('entity', '=', entity)
    .where('action', '=', action as never)
    .orderBy('id', 'desc')
    .execute();

const stateCookie = (start: { cookies: Array<{ name: string; value: string }> }) => `ramme_oidc=${start.cookies.find((c) => c.name === 'ramme_oidc')?.value}`;

/** Signs in through the provider as `subject`, by hand: Ramme → provider → Ramme's callback. */
async function brokerSignIn(subject: string, next = '/profil') {
  const start = await t.app.inject({ method: 'GET', url: `/login/oidc?next=${encodeURIComponent(next)}` });
  assert.equal(start.statusCode, 303, start.body);
  const callback = await signInAtProvider(start.headers.location as string, subject, REDIRECT);
  const res = await t.app.inject({ method: 'GET', url: callback, headers: { accept: 'text/html', cookie: stateCookie(start) } });
  const cookie = res.cookies.find((c) => c.name === 'ramme_session');
  return { res, callback, session: cookie ? { cookie: `ramme_session=${cookie.value}`, csrf: '', username: subject } : null };
}

async function passwordSignIn(username: string, password: string) {
  const page = await t.app.inject({ method: 'GET', url: '/login', headers: { accept: 'text/html' } });
  const csrf = page.cookies.find((c) => c.name === 'ramme_csrf')!.value;
  const res = await t.app.inject({
    method: 'POST',
    url: '/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `ramme_csrf=${csrf}` },
    payload: form({ username, password, _csrf: csrf }),
  });
  return res.cookies.find((c) => c.name === 'ramme_session')?.value;
}

const post = (s: Session, url: string, fields: Record<string, string | string[]>) =>
  t.as(s, {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: form({ ...fields, _csrf: s.csrf }),
  });

const accounts: Record<string, Record<string, unknown>> = {
  'holbaek-anne': { name: 'Anne Broker', email: 'anne@holbaek.example' },
  'naestved-ny': { name: 'Nora Ny', organisation: NAESTVED_CVR, roles: 'myndighed ukendt-rolle' },
  'ukendt-org': { name: 'Ulla Udenfor', organisation: '99999999', roles: ['myndighed'] },
  'naestved-uden-roller': { name: 'Rolf Rolleløs', organisation: NAESTVED_CVR, roles: [] },
  'holbaek-oekonom': { name: 'Øjvind Økonom', organisation: HOLBAEK_CVR, roles: ['urn:ramme:oekonomi'] },
};

before(async () => {
  provider = await startOidcProvider({
    clientId: 'ramme',
    clientSecret: 'hemmelig-test',
    redirectUri: REDIRECT,
    accounts,
  });
  t = await createTestApp({
    config: {
      oidc: {
        issuer: provider.issuer,
        clientId: 'ramme',
        clientSecret: 'hemmelig-test',
        redirectUrl: REDIRECT,
        name: 'Testbroker',
        scopes: 'ramme',
        organisationClaim: 'organisation',
        rolesClaim: 'roles',
      },
    },
  });
  await t.db.updateTable('organisation').set({ cvr: NAESTVED_CVR }).where('name', '=', 'Næstved Kommune').execute();
  await t.db.updateTable('organisation').set({ cvr: HOLBAEK_CVR }).where('name', '=', 'Holbæk Kommune').execute();
  admin = await t.login('demo-admin');
});
after(async () => {
  await t.close();
  await provider.close();
});

describe('sign-in through an OpenID Connect broker', () => {
  it('offers "Log ind med Testbroker" on the login page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/login', headers: { accept: 'text/html' } });
    assert.match(res.body, /Log ind med Testbroker/);
  });

  it('signs in a person the administrator linked by the broker subject, with the same session as a local sign-in', async () => {
    const invited = await post(admin, '/brugere', {
      displayName: 'Anne Broker',
      username: 'anne.broker',
      roles: ['myndighed'],
      signIn: 'oidc',
      subject: 'holbaek-anne',
    });
    assert.equal(invited.statusCode, 200, invited.body.slice(0, 400));
    const { res, session } = await brokerSignIn('holbaek-anne', '/profil');
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.equal(res.headers.location, '/profil');
    const profile = await t.as(session, { method: 'GET', url: '/profil', headers: { accept: 'text/html' } });
    assert.equal(profile.statusCode, 200);
    assert.match(profile.body, /Anne Broker/);
    const [signIn] = await auditRows('session', 'sign_in');
    assert.deepEqual(signIn?.after, { username: 'anne.broker', method: 'oidc' });
    const anne = await userId('anne.broker');
    const invitation = await t.db.selectFrom('user_invitation').selectAll().where('user_id', '=', anne.id).executeTakeFirstOrThrow();
    assert.ok(invitation.accepted_at, 'the first sign-in accepts the invitation');
    assert.equal(invitation.token_hash, null, 'a broker user has no link to choose a password with');
    const [accepted] = await auditRows('user_invitation', 'update');
    assert.deepEqual(accepted?.after, { status: 'accepteret', signIn: 'identitetsbroker' });
  });

  it('keeps state, nonce and verifier in the database and lets each state finish one sign-in, in the browser that began it', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/login/oidc' });
    const rows = await t.db.selectFrom('oidc_attempt').select('state_hash').execute();
    assert.ok(rows.length >= 1);
    const state = new URL(start.headers.location as string).searchParams.get('state')!;
    assert.ok(!rows.some((r) => r.state_hash === state), 'the state itself is not stored, only its hash');
    const callback = await signInAtProvider(start.headers.location as string, 'holbaek-anne', REDIRECT);
    const elsewhere = await t.app.inject({ method: 'GET', url: callback, headers: { accept: 'text/html' } });
    assert.equal(elsewhere.statusCode, 400, 'another browser (without the state cookie) cannot finish it');
    assert.match(elsewhere.body, /hører ikke til denne browser/);
    assert.equal((await t.app.inject({ method: 'GET', url: callback, headers: { cookie: stateCookie(start) } })).statusCode, 303);
    const replay = await t.app.inject({ method: 'GET', url: callback, headers: { accept: 'text/html', cookie: stateCookie(start) } });
    assert.equal(replay.statusCode, 400);
    assert.match(replay.body, /Login-forsøget er udløbet/);
  });

  it('makes a user from the organisation and roles claims, keeping only roles Ramme knows', async () => {
    const { res } = await brokerSignIn('naestved-ny');
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const user = await t.db
      .selectFrom('app_user as u')
      .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
      .innerJoin('external_identity as e', 'e.user_id', 'u.id')
      .select(['u.display_name', 'o.name', 'e.source', 'u.id'])
      .where('e.subject', '=', 'naestved-ny')
      .executeTakeFirstOrThrow();
    assert.deepEqual([user.display_name, user.name, user.source], ['Nora Ny', 'Næstved Kommune', 'claims']);
    const roles = await t.db.selectFrom('user_role').select('role').where('user_id', '=', user.id).execute();
    assert.deepEqual(
      roles.map((r) => r.role),
      ['myndighed'],
    );
  });

  it('takes the roles from the claims again at the next sign-in, audited', async () => {
    accounts['naestved-ny'] = { ...accounts['naestved-ny'], roles: ['tilbudsoekonomi', 'laeser'] };
    const { res } = await brokerSignIn('naestved-ny');
    assert.equal(res.statusCode, 303);
    const [event] = await auditRows('app_user', 'update');
    assert.deepEqual((event!.after as { roles: string[] }).roles, ['laeser', 'tilbudsoekonomi']);
    assert.equal(event!.actor_username, 'anonym');
  });

  it('refuses a linked person whose user is deactivated', async () => {
    const anne = await userId('anne.broker');
    assert.equal((await post(admin, `/brugere/${anne.id}/deaktiver`, { version: String(anne.version) })).statusCode, 303);
    const { res, session } = await brokerSignIn('holbaek-anne');
    assert.equal(res.statusCode, 403);
    assert.equal(session, null);
    assert.match(res.body, /Din bruger er deaktiveret/);
  });

  it('refuses an unknown organisation with a Danish page and audits it', async () => {
    const { res, session } = await brokerSignIn('ukendt-org');
    assert.equal(res.statusCode, 403);
    assert.equal(session, null);
    assert.match(res.body, /Din organisation kendes ikke i Ramme/);
    assert.match(res.body, /99999999/);
    const [refusal] = await auditRows('session', 'sign_in_failed');
    assert.equal((refusal!.after as { reason: string }).reason, 'ukendt organisation (99999999)');
  });

  it("gives the roles the administrator mapped from the broker's role values", async () => {
    assert.equal((await brokerSignIn('holbaek-oekonom')).res.statusCode, 403, 'no mapping yet: no role');
    const fields = { claimValue: 'urn:ramme:oekonomi', role: 'tilbudsoekonomi' };
    assert.equal((await post(admin, '/brugere/rollekoder', fields)).statusCode, 303);
    assert.equal((await post(admin, '/brugere/rollekoder', fields)).statusCode, 409);
    const list = await t.as(admin, { method: 'GET', url: '/brugere', headers: { accept: 'text/html' } });
    assert.match(list.body, /urn:ramme:oekonomi/);
    const { res } = await brokerSignIn('holbaek-oekonom');
    assert.equal(res.statusCode, 303);
    const user = await t.db
      .selectFrom('external_identity as e')
      .innerJoin('user_role as r', 'r.user_id', 'e.user_id')
      .select('r.role')
      .where('e.subject', '=', 'holbaek-oekonom')
      .execute();
    assert.deepEqual(
      user.map((r) => r.role),
      ['tilbudsoekonomi'],
    );
    assert.equal((await post(admin, '/brugere/rollekoder/slet', fields)).statusCode, 303);
    assert.equal((await auditRows('oidc_role_mapping', 'delete')).length, 1);
  });

  it('answers 503 with a Danish message when the broker does not answer', async () => {
    const ctx = { ...callContext(t.ctx, null), config: { ...t.ctx.config, oidc: { ...t.ctx.config.oidc!, issuer: 'http://127.0.0.1:9/', name: 'Nedbroker' } } };
    await assert.rejects(startOidcSignIn(ctx, '/'), (e: HttpError) => e.statusCode === 503 && /Nedbroker svarer ikke/.test(e.message));
  });

  it('refuses a person with no role Ramme knows', async () => {
    const { res } = await brokerSignIn('naestved-uden-roller');
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /Du har ingen roller i Ramme/);
  });
});

describe('user administration', () => {
  let created: { id: number; password: string };

  it('lets the administrator invite a local user, who chooses a password through the link shown once (no SMTP here)', async () => {
    const res = await post(admin, '/brugere', {
      displayName: 'Karl Kollega',
      username: 'karl.kollega',
      email: 'karl@holbaek.example',
      roles: ['myndighed', 'laeser'],
      signIn: 'password',
    });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.match(res.body, /der er ingen mailserver sat op i Ramme/);
    const link = /<code class="ramme-invitation-link">([^<]+)<\/code>/.exec(res.body)?.[1];
    assert.ok(link, 'the link is shown');
    const path = new URL(link).pathname;
    const page = await t.app.inject({ method: 'GET', url: path, headers: { accept: 'text/html' } });
    const csrf = page.cookies.find((c) => c.name === 'ramme_csrf')!.value;
    const password = 'en lang og god adgangskode';
    const accepted = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `ramme_csrf=${csrf}` },
      payload: form({ password, passwordAgain: password, _csrf: csrf }),
    });
    assert.equal(accepted.statusCode, 303, accepted.body.slice(0, 300));
    const { id } = await userId('karl.kollega');
    created = { id, password };
    assert.ok(await passwordSignIn('karl.kollega', password));
    const [event] = await auditRows('app_user', 'create');
    assert.equal(event?.actor_username, 'demo-admin');
  });

  it('shows the form again with Danish messages naming the fields', async () => {
    const res = await post(admin, '/brugere', { displayName: '', username: 'X', roles: ['sekretariat'], signIn: 'password' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Brugernavn: Brugernavnet skal være 3-60 tegn/);
    assert.match(res.body, /Navn: Skal udfyldes/);
    const role = await post(admin, '/brugere', { displayName: 'Sune Sekretær', username: 'sune', roles: ['sekretariat'], signIn: 'password' });
    assert.equal(role.statusCode, 400);
    assert.match(role.body, /Roller: Vælg roller fra listen/);
  });

  it('changes roles with the version the form was opened at, and refuses a stale one with 412', async () => {
    const { version } = await userId('karl.kollega');
    const ok = await post(admin, `/brugere/${created.id}`, { displayName: 'Karl Kollega', email: '', roles: ['tilbudsoekonomi'], version: String(version) });
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
    const stale = await post(admin, `/brugere/${created.id}`, { displayName: 'Karl K.', email: '', roles: ['laeser'], version: String(version) });
    assert.equal(stale.statusCode, 412);
    assert.match(stale.body, /ændret af en anden/);
    const [event] = await auditRows('app_user', 'update');
    assert.deepEqual((event!.after as { roles: string[] }).roles, ['tilbudsoekonomi']);
  });

  it('keeps the administrator from removing their own administrator role', async () => {
    const me = await userId('demo-admin');
    const res = await post(admin, `/brugere/${me.id}`, { displayName: 'Anna Administrator', email: '', roles: ['laeser'], version: String(me.version) });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Du kan ikke fjerne din egen rolle som brugeradministrator/);
  });

  it('deactivating a user ends their sessions and stops their API tokens', async () => {
    const secret = await passwordSignIn('karl.kollega', created.password);
    const token = await t.token('karl.kollega');
    const session = { cookie: `ramme_session=${secret}`, csrf: '', username: 'karl.kollega' };
    assert.equal((await t.as(session, { method: 'GET', url: '/profil', headers: { accept: 'text/html' } })).statusCode, 200);
    const { version } = await userId('karl.kollega');
    const res = await post(admin, `/brugere/${created.id}/deaktiver`, { version: String(version) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const page = await t.as(session, { method: 'GET', url: '/profil', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 302);
    const api = await t.app.inject({ method: 'GET', url: '/api/reference', headers: { authorization: `Bearer ${token}` } });
    assert.equal(api.statusCode, 401);
    assert.equal(await passwordSignIn('karl.kollega', created.password), undefined);
  });

  it('lets colleagues see but not change (403), hides other organisations (404), and lets a secretariat manage its own', async () => {
    const colleague = await t.login('demo-myndighed');
    assert.equal((await t.as(colleague, { method: 'GET', url: `/brugere/${created.id}`, headers: { accept: 'text/html' } })).statusCode, 200);
    const { version } = await userId('karl.kollega');
    assert.equal((await post(colleague, `/brugere/${created.id}/aktiver`, { version: String(version) })).statusCode, 403);
    const other = await t.login('demo-laeser');
    assert.equal((await t.as(other, { method: 'GET', url: `/brugere/${created.id}`, headers: { accept: 'text/html' } })).statusCode, 404);
    const secretariat = await t.login('demo-sekretariat');
    assert.equal((await post(secretariat, `/brugere/${created.id}/aktiver`, { version: String(version) })).statusCode, 404);
    const list = await t.as(secretariat, { method: 'GET', url: '/brugere', headers: { accept: 'text/html' } });
    assert.match(list.body, /Invitér en bruger/);
    const made = await post(secretariat, '/brugere', {
      displayName: 'Sofie Sekretær',
      username: 'sofie.sekretaer',
      roles: ['sekretariat'],
      signIn: 'password',
    });
    assert.equal(made.statusCode, 200, made.body.slice(0, 300));
  });
});
