/**
 * @module Login (password and, in demo mode, one click per demo user) and logout.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../capability.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../http/app.js';
import { zText } from '../../validation.js';
import { SESSION_HOURS, demoUsers, signInAsDemoUser, signInWithPassword, signOut } from '../auth.service.js';
import { safeNextPath } from '../next.js';
import { LoginPage } from './login.view.js';

const ZLogin = z.object({ username: zText(60), password: z.string().min(1).max(200), next: z.string().max(500).optional() });

type LoginState = { error?: string; username?: string; next?: string; status?: number };

export function loginPages(app: FastifyInstance, ctx: AppContext) {
  const loginPage = async (req: FastifyRequest, reply: FastifyReply, s: LoginState) => {
    const next = safeNextPath(s.next ?? (req.query as { next?: string }).next);
    const users = await demoUsers(req.ctx);
    return reply.page({
      title: 'Log ind',
      status: s.status,
      body: <LoginPage csrf={req.csrf} next={next} error={s.error} username={s.username} brokerName={ctx.config.oidc?.name} demoUsers={users} />,
    });
  };

  const sessionStarted = (reply: FastifyReply, secret: string, next: string | undefined) => {
    reply.setCookie(SESSION_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.isSecureCookies, maxAge: SESSION_HOURS * 3600 });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.redirect(safeNextPath(next), 303);
  };

  app.get('/login', { schema: { hide: true } }, async (req, reply) => {
    if (req.actor) return reply.redirect('/');
    return loginPage(req, reply, {});
  });

  app.post('/login', { schema: { hide: true } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const parsed = ZLogin.safeParse(body);
    if (!parsed.success)
      return loginPage(req, reply, { error: 'Udfyld både brugernavn og adgangskode.', username: body.username, next: body.next, status: 400 });
    const { username, password, next } = parsed.data;
    const outcome = await signInWithPassword(req.ctx, username, password, req.sessionSecret);
    if (outcome.kind === 'throttled')
      return loginPage(req, reply, { error: 'For mange mislykkede forsøg. Vent 15 minutter, og prøv igen.', username, next, status: 429 });
    if (outcome.kind === 'wrong') return loginPage(req, reply, { error: 'Forkert brugernavn eller adgangskode.', username, next, status: 401 });
    return sessionStarted(reply, outcome.secret, next);
  });

  app.post('/login/demo', { schema: { hide: true } }, async (req, reply) => {
    const { secret, next } = await signInAsDemoUser(req.ctx, req.body, req.sessionSecret);
    return sessionStarted(reply, secret, next);
  });

  app.post('/logout', { schema: { hide: true } }, async (req, reply) => {
    if (req.sessionSecret) await signOut(req.ctx, req.sessionSecret);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });
}
