/**
 * @module The invitation link (`/invitation/<token>`): the person chooses a password and is signed in. No sign-in
 * needed: the link is the credential. The form carries the CSRF token like the login form.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/capability.js';
import { MIN_PASSWORD_LENGTH } from '../../core/auth/accounts.service.js';
import { SESSION_HOURS } from '../../core/auth/auth.service.js';
import { HttpError, type FieldErrors } from '../../core/errors.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../core/http/app.js';
import { acceptInvitation, invitationLink, type InvitationLink } from '../invitations.service.js';
import { ChoosePasswordPage, closedHeading, InvitationClosedPage } from './invitation.view.js';

const tokenOf = (req: FastifyRequest) => String((req.params as { token?: string }).token ?? '');

function show(req: FastifyRequest, reply: FastifyReply, link: InvitationLink, errors?: FieldErrors) {
  // The page holds the token in its address: nothing of it is cached or sent on as a referrer.
  reply.header('referrer-policy', 'no-referrer');
  if (link.state !== 'open')
    return reply.page({ title: closedHeading(link.state), status: link.state === 'unknown' ? 404 : 410, body: <InvitationClosedPage state={link.state} /> });
  return reply.page({
    title: 'Vælg din adgangskode',
    status: errors ? 400 : undefined,
    body: <ChoosePasswordPage link={link} action={`/invitation/${tokenOf(req)}`} csrf={req.csrf} minLength={MIN_PASSWORD_LENGTH} errors={errors} />,
  });
}

export function invitationPages(app: FastifyInstance, ctx: AppContext) {
  app.get('/invitation/:token', { schema: { hide: true } }, async (req, reply) => show(req, reply, await invitationLink(req.ctx, tokenOf(req))));
  app.post('/invitation/:token', { schema: { hide: true } }, async (req, reply) => {
    try {
      const outcome = await acceptInvitation(req.ctx, tokenOf(req), req.body ?? {}, req.sessionSecret);
      if (outcome.kind === 'closed') return show(req, reply, outcome.link);
      reply.setCookie(SESSION_COOKIE, outcome.secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.isSecureCookies,
        maxAge: SESSION_HOURS * 3600,
      });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.redirect('/', 303);
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 400) return show(req, reply, await invitationLink(req.ctx, tokenOf(req)), error.fieldErrors);
      throw error;
    }
  });
}
