/**
 * @module Routes of user administration (`/brugere…`) and of the broker sign-in (`/login/oidc…`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/capability.js';
import { SESSION_HOURS } from '../../core/auth/auth.service.js';
import { HttpError, type FieldErrors } from '../../core/errors.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../core/http/app.js';
import { finishOidcSignIn, OIDC_ATTEMPT_MINUTES, startOidcSignIn } from '../oidc.service.js';
import { changeRoleMapping, inviteForm, inviteUser, resendInvitation, setUserActive, updateUser, userDetail, userList } from '../users.service.js';
import { InvitedPage, InvitePage, SignInRefusedPage, UserListPage, UserPage, type FormValues } from './users.view.js';

/** The state of the sign-in this browser began (the callback must match it). */
const OIDC_STATE_COOKIE = 'ramme_oidc';
const crumbs = [
  { href: '/', label: 'Forside' },
  { href: '/brugere', label: 'Brugere' },
];
const body = (req: FastifyRequest) => (req.body ?? {}) as FormValues;
const idOf = (req: FastifyRequest) => Number((req.params as { id?: string }).id);
const query = (req: FastifyRequest) => (req.query ?? {}) as Record<string, unknown>;

async function showUser(
  req: FastifyRequest,
  reply: FastifyReply,
  extra: { values?: FormValues; errors?: FieldErrors; message?: string; status?: number } = {},
) {
  const view = await userDetail(req.ctx, idOf(req));
  return reply.page({
    title: view.user.displayName,
    status: extra.status,
    breadcrumbs: [...crumbs, { label: view.user.displayName }],
    body: <UserPage {...view} csrf={req.csrf} saved={query(req).gemt === '1' && !extra.status} {...extra} />,
  });
}

/** A refused change shows the user's page again: field errors (400), a conflict (409) or a stale version (412). */
async function changeUser(req: FastifyRequest, reply: FastifyReply, change: () => Promise<void>) {
  try {
    await change();
  } catch (error) {
    if (error instanceof HttpError && [400, 409, 412].includes(error.statusCode)) {
      const hasFields = Object.keys(error.fieldErrors).length > 0;
      return showUser(req, reply, {
        values: body(req),
        errors: hasFields ? error.fieldErrors : undefined,
        message: hasFields ? undefined : error.message,
        status: error.statusCode,
      });
    }
    throw error;
  }
  return reply.redirect(`/brugere/${idOf(req)}?gemt=1`, 303);
}

export function userPages(app: FastifyInstance, ctx: AppContext) {
  const showList = async (req: FastifyRequest, reply: FastifyReply, values?: FormValues, errors?: FieldErrors, status?: number) => {
    const view = await userList(req.ctx);
    return reply.page({
      title: 'Brugere',
      status,
      breadcrumbs: [crumbs[0]!, { label: 'Brugere' }],
      body: <UserListPage {...view} csrf={req.csrf} values={values} errors={errors} />,
    });
  };
  app.get('/brugere', { schema: { hide: true } }, (req, reply) => showList(req, reply));
  for (const [path, action] of [
    ['/brugere/rollekoder', 'create'],
    ['/brugere/rollekoder/slet', 'delete'],
  ] as const)
    app.post(path, { schema: { hide: true } }, async (req, reply) => {
      const input = { claimValue: body(req).claimValue, role: body(req).role };
      try {
        await changeRoleMapping(req.ctx, action, input);
      } catch (error) {
        if (error instanceof HttpError && (error.statusCode === 400 || error.statusCode === 409))
          return showList(req, reply, body(req), Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] }, error.statusCode);
        throw error;
      }
      return reply.redirect('/brugere#rollekoder', 303);
    });

  const showInvite = async (req: FastifyRequest, reply: FastifyReply, values?: FormValues, errors?: FieldErrors) =>
    reply.page({
      title: 'Invitér en bruger',
      status: errors ? 400 : undefined,
      breadcrumbs: [...crumbs, { label: 'Invitér' }],
      body: <InvitePage {...(await inviteForm(req.ctx))} csrf={req.csrf} values={values} errors={errors} />,
    });
  app.get('/brugere/ny', { schema: { hide: true } }, (req, reply) => showInvite(req, reply));
  app.post('/brugere', { schema: { hide: true } }, async (req, reply) => {
    try {
      const made = await inviteUser(req.ctx, body(req));
      return reply.page({ title: 'Brugeren er oprettet', breadcrumbs: [...crumbs, { label: made.username }], body: <InvitedPage {...made} isNew /> });
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 400) return showInvite(req, reply, body(req), error.fieldErrors);
      throw error;
    }
  });

  app.get('/brugere/:id', { schema: { hide: true } }, (req, reply) => showUser(req, reply));
  app.post('/brugere/:id', { schema: { hide: true } }, (req, reply) => changeUser(req, reply, () => updateUser(req.ctx, idOf(req), body(req))));
  app.post('/brugere/:id/invitation', { schema: { hide: true } }, async (req, reply) => {
    try {
      const sent = await resendInvitation(req.ctx, idOf(req));
      return reply.page({
        title: 'Invitationen er sendt igen',
        breadcrumbs: [...crumbs, { label: sent.username }],
        body: <InvitedPage {...sent} isNew={false} />,
      });
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 409) return showUser(req, reply, { message: error.message, status: 409 });
      throw error;
    }
  });
  app.post('/brugere/:id/deaktiver', { schema: { hide: true } }, (req, reply) =>
    changeUser(req, reply, () => setUserActive(req.ctx, idOf(req), false, { version: body(req).version })),
  );
  app.post('/brugere/:id/aktiver', { schema: { hide: true } }, (req, reply) =>
    changeUser(req, reply, () => setUserActive(req.ctx, idOf(req), true, { version: body(req).version })),
  );

  const stateCookie = { path: '/login/oidc', httpOnly: true, sameSite: 'lax', secure: ctx.config.isSecureCookies } as const;
  app.get('/login/oidc', { schema: { hide: true } }, async (req, reply) => {
    const { url, state } = await startOidcSignIn(req.ctx, query(req).next);
    reply.setCookie(OIDC_STATE_COOKIE, state, { ...stateCookie, maxAge: OIDC_ATTEMPT_MINUTES * 60 });
    return reply.redirect(url, 303);
  });
  app.get('/login/oidc/callback', { schema: { hide: true } }, async (req, reply) => {
    const outcome = await finishOidcSignIn(req.ctx, req.raw.url?.split('?')[1] ?? '', req.cookies[OIDC_STATE_COOKIE] ?? null, req.sessionSecret);
    reply.clearCookie(OIDC_STATE_COOKIE, stateCookie);
    if (outcome.kind === 'refused')
      return reply.page({ title: outcome.heading, status: outcome.status, body: <SignInRefusedPage heading={outcome.heading} message={outcome.message} /> });
    reply.setCookie(SESSION_COOKIE, outcome.secret, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.isSecureCookies,
      maxAge: SESSION_HOURS * 3600,
    });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.redirect(outcome.next, 303);
  });
}
