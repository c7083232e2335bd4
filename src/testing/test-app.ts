/**
 * @module One Ramme app per test file on its own seeded database, with helpers to act as a demo user
 * through a real session (cookie + CSRF token) or an API token.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { capabilities } from '../capabilities.js';
import type { Clock } from '../core/clock.js';
import { readConfig, type Config } from '../core/config.js';
import { callContext, createAppContext } from '../core/context.js';
import type { AppContext } from '../core/capability.js';
import type { Database } from '../core/db/connect.js';
import { buildApp } from '../core/http/app.js';
import { issueApiToken } from '../core/auth/auth.service.js';
import { suiteClock } from './clock.js';
import { openTestDatabase } from './template.js';

export type Session = { cookie: string; csrf: string; username: string };

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  db: Database['db'];
  /** The app context the server runs with (clock, policies, indicators). */
  ctx: AppContext;
  /** Signs in a demo user through the demo login form and returns its cookie and CSRF token. */
  login: (username: string) => Promise<Session>;
  /** Creates an API token for a user. */
  token: (username: string) => Promise<string>;
  /** inject() as a session user; form bodies get the CSRF token added. */
  as: (session: Session | null, options: InjectOptions) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
};

export async function createTestApp(options: { clock?: Clock; config?: Partial<Config> } = {}): Promise<TestApp> {
  process.env.RAMME_QUIET_ERRORS ??= '';
  const database = await openTestDatabase();
  const config = { ...readConfig({ NODE_ENV: 'test' }), isDemo: true, databaseUrl: process.env.DATABASE_URL, ...options.config };
  const ctx = createAppContext({ db: database.db, config, capabilities, clock: options.clock ?? suiteClock() });
  const app = await buildApp(ctx);
  await app.ready();

  const login = async (username: string): Promise<Session> => {
    const page = await app.inject({ method: 'GET', url: '/login', headers: { accept: 'text/html' } });
    const csrfCookie = page.cookies.find((c) => c.name === 'ramme_csrf')!.value;
    const res = await app.inject({
      method: 'POST',
      url: '/login/demo',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `ramme_csrf=${csrfCookie}` },
      payload: new URLSearchParams({ username, _csrf: csrfCookie }).toString(),
    });
    const session = res.cookies.find((c) => c.name === 'ramme_session');
    if (!session) throw new Error(`Demo login failed for ${username}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    const row = await database.db.selectFrom('user_session').select('csrf_token').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    return { cookie: `ramme_session=${session.value}`, csrf: row.csrf_token, username };
  };

  const token = async (username: string) => (await issueApiToken(callContext(ctx, null), username, 'test')).token;

  const as = (session: Session | null, options: InjectOptions) => {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (session) {
      headers.cookie = [headers.cookie, session.cookie].filter(Boolean).join('; ');
      headers['x-csrf-token'] ??= session.csrf;
    }
    return app.inject({ ...options, headers });
  };

  return {
    app,
    database,
    db: database.db,
    ctx,
    login,
    token,
    as,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** URL-encodes a form body (arrays become repeated keys). */
export function form(fields: Record<string, string | number | boolean | string[] | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, x));
    else p.append(k, String(v));
  }
  return p.toString();
}
