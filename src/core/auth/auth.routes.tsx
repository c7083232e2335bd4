/**
 * @module Login (password and, in demo mode, one click per demo user), logout, and the profile page where
 * a user creates and revokes personal API tokens.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../capability.js';
import { HttpError } from '../errors.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../http/app.js';
import { parseInput, zText } from '../validation.js';
import { Alert, CsrfField, ErrorSummary, Field, formatDateTime } from '../web/components.js';
import { ROLE_LABELS, requireActor } from './actor.js';
import { SESSION_HOURS, checkPassword, createApiToken, createSession, endSession, listApiTokens, revokeApiToken } from './auth.service.js';
import { FailureLimiter } from './rate-limit.js';

const ZLogin = z.object({ username: zText(60), password: z.string().min(1).max(200), next: z.string().max(500).optional() });

/** Only same-site relative paths are followed after login. */
const safeNext = (next: string | undefined) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const limiter = new FailureLimiter(5, 15 * 60 * 1000);

  const demoUsers = async () =>
    ctx.config.isDemo
      ? ctx.db
          .selectFrom('app_user as u')
          .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
          .select(['u.username', 'u.display_name', 'o.name as org'])
          .where('u.is_demo', '=', true)
          .where('u.is_active', '=', true)
          .where('u.username', 'like', 'demo-%')
          .orderBy('u.id')
          .limit(12)
          .execute()
      : [];

  const loginPage = async (req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply, opts: { error?: string; username?: string; next?: string; status?: number }) => {
    const users = await demoUsers();
    const next = opts.next ?? (req.query as { next?: string }).next ?? '/';
    return reply.page({
      title: 'Log ind',
      status: opts.status,
      body: (
        <>
          <h1>Log ind i Ramme</h1>
          {opts.error && <ErrorSummary message={opts.error} />}
          <form method="post" action="/login" class="col-12 col-md-6" style="padding:0">
            <CsrfField token={req.csrf} />
            <input type="hidden" name="next" value={next} />
            <Field name="username" label="Brugernavn" value={opts.username} autocomplete="username" required />
            <Field name="password" label="Adgangskode" type="password" autocomplete="current-password" required />
            <div class="ramme-actions">
              <button type="submit" class="button button-primary">
                Log ind
              </button>
            </div>
          </form>
          {users.length > 0 && (
            <section aria-labelledby="demo-heading">
              <h2 id="demo-heading">Demobrugere</h2>
              <p>Ramme kører i demotilstand med opdigtede data. Vælg en rolle for at logge ind uden adgangskode.</p>
              <div class="ramme-demo-users">
                {users.map((u) => (
                  <form method="post" action="/login/demo">
                    <CsrfField token={req.csrf} />
                    <input type="hidden" name="username" value={u.username} />
                    <input type="hidden" name="next" value={next} />
                    <button type="submit" class="button button-secondary" style="width:100%;text-align:left">
                      {u.display_name}
                      <br />
                      <small>
                        {u.username} · {u.org}
                      </small>
                    </button>
                  </form>
                ))}
              </div>
            </section>
          )}
        </>
      ),
    });
  };

  const startSession = async (reply: import('fastify').FastifyReply, userId: number, next: string | undefined) => {
    const { secret } = await createSession(ctx.db, userId);
    reply.setCookie(SESSION_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.isSecureCookies, maxAge: SESSION_HOURS * 3600 });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.redirect(safeNext(next), 303);
  };

  app.get('/login', { schema: { hide: true } }, async (req, reply) => {
    if (req.actor) return reply.redirect('/');
    return loginPage(req, reply, {});
  });

  app.post('/login', { schema: { hide: true } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const parsed = ZLogin.safeParse(body);
    if (!parsed.success) return loginPage(req, reply, { error: 'Udfyld både brugernavn og adgangskode.', username: body.username, next: body.next, status: 400 });
    const key = `${parsed.data.username.toLowerCase()}|${req.ip}`;
    if (limiter.isBlocked(key)) {
      return loginPage(req, reply, { error: 'For mange mislykkede forsøg. Vent 15 minutter, og prøv igen.', username: parsed.data.username, next: parsed.data.next, status: 429 });
    }
    const userId = await checkPassword(ctx.db, parsed.data.username, parsed.data.password);
    if (!userId) {
      limiter.fail(key);
      return loginPage(req, reply, { error: 'Forkert brugernavn eller adgangskode.', username: parsed.data.username, next: parsed.data.next, status: 401 });
    }
    limiter.reset(key);
    return startSession(reply, userId, parsed.data.next);
  });

  app.post('/login/demo', { schema: { hide: true } }, async (req, reply) => {
    if (!ctx.config.isDemo) throw new HttpError(404, 'Demologin findes ikke i denne installation.');
    const body = parseInput(z.object({ username: zText(60), next: z.string().max(500).optional(), _csrf: z.string().optional() }), req.body);
    const user = await ctx.db.selectFrom('app_user').select('id').where('username', '=', body.username).where('is_demo', '=', true).where('is_active', '=', true).executeTakeFirst();
    if (!user) throw new HttpError(400, 'Demobrugeren findes ikke.');
    return startSession(reply, user.id, body.next);
  });

  app.post('/logout', { schema: { hide: true } }, async (req, reply) => {
    if (req.sessionSecret) await endSession(ctx.db, req.sessionSecret);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });

  const profilePage = async (req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply, created?: { name: string; token: string }, errors?: Record<string, string[]>) => {
    const actor = requireActor(req.actor);
    const tokens = await listApiTokens(ctx.db, actor.userId);
    return reply.page({
      title: 'Min profil',
      status: errors ? 400 : 200,
      breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Min profil' }],
      body: (
        <>
          <h1>Min profil</h1>
          <dl class="ramme-dl">
            <dt>Navn</dt>
            <dd>{actor.displayName}</dd>
            <dt>Brugernavn</dt>
            <dd>{actor.username}</dd>
            <dt>Organisation</dt>
            <dd>{actor.organisationName}</dd>
            <dt>Roller</dt>
            <dd>{actor.roles.map((r) => ROLE_LABELS[r]).join(', ')}</dd>
          </dl>
          <h2>API-nøgler</h2>
          <p>
            En API-nøgle giver et andet system adgang til Ramme med dine roller. Send den som <code>Authorization: Bearer &lt;nøgle&gt;</code>. Nøglen vises kun én gang.
          </p>
          {created && (
            <Alert kind="success" heading={`Nøglen "${created.name}" er oprettet`}>
              <p>Kopiér den nu; den kan ikke vises igen:</p>
              <p>
                <code id="ny-noegle">{created.token}</code>
              </p>
            </Alert>
          )}
          <ErrorSummary errors={errors} labels={{ name: 'Navn på nøglen' }} />
          <form method="post" action="/profil/noegler">
            <CsrfField token={req.csrf} />
            <Field name="name" label="Navn på nøglen" hint="Fx navnet på det system, der skal bruge den." errors={errors} maxlength={80} required />
            <button type="submit" class="button button-primary">
              Opret API-nøgle
            </button>
          </form>
          <div class="ramme-table-wrap" tabindex={0}>
            <table class="table table--compact">
              <caption>Dine API-nøgler</caption>
              <thead>
                <tr>
                  <th scope="col">Navn</th>
                  <th scope="col">Oprettet</th>
                  <th scope="col">Senest brugt</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span class="sr-only">Handling</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.length === 0 && (
                  <tr>
                    <td colspan={5}>Du har ingen API-nøgler.</td>
                  </tr>
                )}
                {tokens.map((t) => (
                  <tr>
                    <td>{t.name}</td>
                    <td>{formatDateTime(t.created_at)}</td>
                    <td>{formatDateTime(t.last_used_at)}</td>
                    <td>{t.revoked_at ? `Tilbagekaldt ${formatDateTime(t.revoked_at)}` : 'Aktiv'}</td>
                    <td>
                      {!t.revoked_at && (
                        <form method="post" action={`/profil/noegler/${t.id}/tilbagekald`}>
                          <CsrfField token={req.csrf} />
                          <button type="submit" class="button button-secondary">
                            Tilbagekald <span class="sr-only">{t.name}</span>
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ),
    });
  };

  app.get('/profil', { schema: { hide: true } }, async (req, reply) => profilePage(req, reply));

  app.post('/profil/noegler', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const parsed = z.object({ name: zText(80) }).safeParse({ name: (req.body as Record<string, unknown>)?.name ?? '' });
    if (!parsed.success) return profilePage(req, reply, undefined, { name: ['Skriv et navn på nøglen (højst 80 tegn).'] });
    const { token } = await createApiToken(ctx.db, actor, actor.userId, parsed.data.name);
    return profilePage(req, reply, { name: parsed.data.name, token });
  });

  app.post('/profil/noegler/:id/tilbagekald', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req.actor);
    const id = Number((req.params as { id: string }).id);
    if (!Number.isInteger(id) || id < 1) throw new HttpError(404, 'Nøglen findes ikke.');
    await revokeApiToken(ctx.db, actor, id);
    return reply.redirect('/profil', 303);
  });
}
