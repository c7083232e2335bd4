/**
 * @module A local OpenID provider (oidc-provider) for tests, on a random port, with accounts given by the
 * test, and a browser-less walk through its sign-in (a cookie jar and redirects followed by hand).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
// oidc-provider ships no type declarations; the tests use only its constructor and request handler.
// @ts-expect-error no types
import Provider from 'oidc-provider';

export type TestProvider = { issuer: string; close: () => Promise<void> };

/** Starts a provider whose accounts are `accounts` (subject → claims) and one confidential client. */
export async function startOidcProvider(options: {
  port?: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  accounts: Record<string, Record<string, unknown>>;
}): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: options.clientId, client_secret: options.clientSecret, redirect_uris: [options.redirectUri], grant_types: ['authorization_code'] }],
    cookies: { keys: ['test-only-cookie-key'] },
    claims: { openid: ['sub'], profile: ['name'], email: ['email'], ramme: ['organisation', 'roles'] },
    scopes: ['openid', 'profile', 'email', 'ramme'],
    pkce: { required: () => true },
    findAccount: (_ctx: unknown, sub: string) => {
      const claims = options.accounts[sub];
      return claims ? { accountId: sub, claims: async () => ({ sub, ...claims }) } : undefined;
    },
    // First-party client: every scope and claim is granted without a consent screen.
    loadExistingGrant: async (ctx: {
      oidc: { provider: { Grant: new (o: object) => Grant }; client: { clientId: string }; session: { accountId: string } };
    }) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile email ramme');
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
type Grant = { addOIDCScope: (s: string) => void; save: () => Promise<string> };

/**
 * Walks the provider's sign-in from the address Ramme sent the browser to, as the account `subject`, and
 * returns Ramme's callback path with its query (where the provider sends the browser back).
 */
export async function signInAtProvider(authorizationUrl: string, subject: string, callbackPrefix: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  let url = authorizationUrl;
  let body: string | undefined;
  for (let step = 0; step < 12; step++) {
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    remember(res);
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url).href;
      if (next.startsWith(callbackPrefix)) {
        const back = new URL(next);
        return `${back.pathname}${back.search}`;
      }
      url = next;
      continue;
    }
    const html = await res.text();
    if (res.status === 200 && /name="login"/.test(html)) {
      body = new URLSearchParams({ prompt: 'login', login: subject, password: 'test' }).toString();
      continue;
    }
    throw new Error(`The provider stopped at ${url}: ${res.status} ${html.slice(0, 300)}`);
  }
  throw new Error('The provider sent the browser around more than 12 times.');
}
