/**
 * @module Builds the Fastify application: plugins, authentication, CSRF, errors in Danish, static assets,
 * the page renderer, and every capability's routes.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import compress from '@fastify/compress';
import { randomUUID } from 'node:crypto';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { Actor } from '../auth/actor.js';
import { authenticateSession, authenticateToken } from '../auth/auth.service.js';
import { newSecret } from '../auth/password.js';
import type { AppContext, Ctx, NavItem } from '../capability.js';
import { callContext } from '../context.js';
import { documentSchema, schemaSerializer, schemaValidator } from './schemas.js';
import { badRequest, HttpError, type FieldErrors } from '../errors.js';
import { describeDatabaseError } from './database-errors.js';
import { controlCharacterErrors, cprErrors } from './input-guard.js';
import { loggerOptions } from './logging.js';
import { METRICS_PATH, registerMetrics } from './metrics.js';
import { Layout, type Crumb } from '../web/layout.js';
import { ErrorPage } from '../web/error-page.js';

export const SESSION_COOKIE = 'ramme_session';
export const CSRF_COOKIE = 'ramme_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The call context for services: app context + actor + request id and client address. */
    ctx: Ctx;
    csrf: string;
    sessionSecret: string | null;
    /** An upload form's CSRF token is still to be checked, from its `_csrf` field before the file (see upload.ts). */
    csrfPending: boolean;
  }
  interface FastifyReply {
    /** Renders a page inside the shared layout. */
    page(this: FastifyReply, options: PageOptions): Promise<FastifyReply>;
  }
  interface FastifyInstance {
    /** 'METHOD /path' of every registered route (HEAD excluded). */
    rammeRoutes: string[];
  }
  interface FastifyContextConfig {
    /** Set to false on routes that take no ambient credentials (public JSON computations). */
    csrf?: boolean;
    /**
     * A multipart upload route: its form sends the CSRF token as a `_csrf` field before the file, checked when
     * the route reads the file (`readUploadedFile`), never in the URL.
     */
    upload?: boolean;
  }
}

export type PageOptions = { title: string; body: JSX.Element; breadcrumbs?: Crumb[]; status?: number };

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const isApiRequest = (req: FastifyRequest) => req.url.startsWith('/api/');

export async function renderToString(node: JSX.Element): Promise<string> {
  return '<!doctype html>' + (await node.toString());
}

/** Trusts the nearest `hops` proxies (what Fastify does for a number, in the shape its types accept). */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export type BuildOptions = { /** Where the structured log goes (tests); stdout otherwise. */ logStream?: { write: (line: string) => void } };

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(ctx.config.logLevel, options.logStream),
    bodyLimit: 2 * 1024 * 1024,
    // Only the configured proxies are believed about the client's address (RAMME_TRUST_PROXY; none by default).
    trustProxy: typeof ctx.config.trustProxy === 'number' ? trustHops(ctx.config.trustProxy) : ctx.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    genReqId: () => randomUUID(),
  });
  // Route schemas are zod: Fastify validates input with them (Danish messages per field), serialises
  // responses through them, and the OpenAPI document is generated from the same schemas.
  app.setValidatorCompiler(schemaValidator);
  app.setSerializerCompiler(schemaSerializer);
  // Every route is remembered, so the access test can prove it walked them all.
  const routes: string[] = [];
  app.decorate('rammeRoutes', routes);
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push(`${m} ${r.url}`);
  });

  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(swagger, {
    transform: documentSchema,
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ramme API',
        version: '1',
        description:
          'JSON-API for Ramme. Log ind med en personlig API-nøgle: `Authorization: Bearer <nøgle>` (opret den på din profilside; den udløber på den valgte dato, som standard efter 90 dage). Fejl besvares med `{ "error": "...", "fields": { "felt": ["besked"] } }`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });

  const dkfdsMain = require.resolve('dkfds');
  const dkfdsDist = path.join(dkfdsMain.slice(0, dkfdsMain.lastIndexOf(`${path.sep}dkfds${path.sep}`) + 7), 'dist');
  await app.register(fastifyStatic, { root: dkfdsDist, prefix: '/static/dkfds/', decorateReply: false, maxAge: '1d' });
  await app.register(fastifyStatic, { root: path.join(here, '../web/static'), prefix: '/static/', decorateReply: false, maxAge: '1h' });
  const favicon = fs.readFileSync(path.join(here, '../web/static/favicon.svg'));
  for (const url of ['/favicon.svg', '/favicon.ico']) {
    app.get(url, { schema: { hide: true } }, (_req, reply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(favicon));
  }

  const nav: NavItem[] = ctx.capabilities.flatMap((c) => c.nav ?? []);

  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('csrf', '');
  app.decorateRequest('sessionSecret', null);
  app.decorateRequest('csrfPending', false);
  app.decorateReply('page', async function page(this: FastifyReply, options: PageOptions) {
    const req = this.request;
    const html = await renderToString(
      <Layout title={options.title} actor={req.actor} csrf={req.csrf} nav={nav} path={req.url.split('?')[0] ?? '/'} breadcrumbs={options.breadcrumbs}>
        {options.body}
      </Layout>,
    );
    return this.status(options.status ?? this.statusCode ?? 200)
      .type('text/html; charset=utf-8')
      .send(html);
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; font-src 'self'; frame-ancestors 'none'; form-action 'self'",
    );
    if (ctx.config.isProduction) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    reply.header('x-request-id', req.id);
    // The metrics scraper sends the metrics token, not a user's: no sign-in on that one route.
    if (req.url.split('?')[0] !== METRICS_PATH) await authenticate(req, reply);
    req.ctx = callContext(ctx, req.actor, { id: req.id, ip: req.ip });
  });

  async function authenticate(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const auth = req.headers.authorization;
    if (auth) {
      const match = /^Bearer\s+(\S+)$/i.exec(auth);
      const actor = match?.[1] ? await authenticateToken(ctx, match[1]) : null;
      if (!actor) throw new HttpError(401, 'API-nøglen er udløbet, ugyldig eller tilbagekaldt.');
      req.actor = actor;
      return;
    }
    const secret = req.cookies[SESSION_COOKIE];
    if (secret) {
      const session = await authenticateSession(ctx, secret);
      if (session) {
        req.actor = session.actor;
        req.csrf = session.csrf;
        req.sessionSecret = secret;
        return;
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    // Anonymous visitors get a double-submit CSRF token for the login form.
    let token = req.cookies[CSRF_COOKIE];
    if (!token || token.length < 20) {
      token = newSecret();
      reply.setCookie(CSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.isSecureCookies });
    }
    req.csrf = token;
  }

  // Nothing personal is cached: every answer to a signed-in user, every API answer and every answer that sets a
  // cookie is `no-store` (static assets and the favicon keep their own caching).
  app.addHook('onSend', async (req, reply, payload) => {
    const isAsset = req.url.startsWith('/static/') || req.url.startsWith('/favicon.');
    if (!isAsset && (req.actor || isApiRequest(req) || reply.hasHeader('set-cookie'))) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.addHook('preValidation', async (req) => {
    // One guard for every route: no NUL or other control character in a path parameter, query value or body text.
    const bad = controlCharacterErrors([req.params, req.query, req.body]);
    if (Object.keys(bad).length) throw badRequest('Forespørgslen indeholder ugyldige tegn (kontroltegn). Ret felterne.', bad);
    // Ramme stores no CPR numbers: no free text, reference or search may hold one. A page's form post is left to
    // its service (the zod text helpers, and the audit log refusing one inside the transaction), so that the form
    // comes back with the user's other input and the message at the field, instead of an error page.
    const isPageForm = !isApiRequest(req) && /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(String(req.headers['content-type'] ?? ''));
    const cpr = cprErrors(isPageForm ? [req.query] : [req.query, req.body]);
    if (Object.keys(cpr).length) throw badRequest('Ramme gemmer ikke CPR-numre. Fjern CPR-nummeret fra felterne.', cpr);
    // A GET form sends its empty fields as `name=`; everywhere in Ramme an empty query value means "not set".
    const query = req.query as Record<string, unknown> | undefined;
    if (query && typeof query === 'object') for (const [k, v] of Object.entries(query)) if (v === '') delete query[k];
  });

  app.addHook('preHandler', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    if (req.actor?.via === 'token') return;
    if (req.routeOptions.config?.csrf === false) return;
    const type = String(req.headers['content-type'] ?? '');
    const isForm = type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
    if (!isForm && !req.sessionSecret) return; // JSON without ambient credentials cannot be forged
    const body = req.body as Record<string, unknown> | undefined;
    // Never from the URL: a token in an address ends up in logs, history and Referer headers.
    const sent = (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? req.headers['x-csrf-token'];
    if (sent === undefined && type.startsWith('multipart/form-data') && req.routeOptions.config?.upload) {
      req.csrfPending = true;
      return;
    }
    if (!req.csrf || sent !== req.csrf) {
      throw new HttpError(403, 'Formularen er udløbet eller kom ikke fra Ramme (CSRF-kontrol). Genindlæs siden og prøv igen.');
    }
  });

  app.setErrorHandler(async (error, req, reply) => {
    const { status, message, fields } = describeDatabaseError(error, [req.params, req.query, req.body]) ?? describeError(error);
    if (status >= 500) req.log.error(error);
    if (status >= 500 && !process.env.RAMME_QUIET_ERRORS && !ctx.config.logLevel) console.error(error);
    if (isApiRequest(req) || !String(req.headers.accept ?? '').includes('text/html')) {
      return reply.status(status).send({ error: message, ...(Object.keys(fields).length ? { fields } : {}) });
    }
    if (status === 401) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    return reply.page({
      title: status === 404 ? 'Siden findes ikke' : 'Der opstod en fejl',
      status,
      body: <ErrorPage status={status} message={message} fields={fields} />,
    });
  });

  app.setNotFoundHandler(async (req, reply) => {
    if (isApiRequest(req) || !String(req.headers.accept ?? '').includes('text/html')) {
      return reply.status(404).send({ error: `Ingen side eller endpoint på ${req.method} ${req.url.split('?')[0]}.` });
    }
    return reply.page({
      title: 'Siden findes ikke',
      status: 404,
      body: <ErrorPage status={404} message="Siden findes ikke. Tjek adressen, eller gå til forsiden." fields={{}} />,
    });
  });

  registerMetrics(app, ctx);
  for (const capability of ctx.capabilities) {
    if (capability.routes) await capability.routes(app, ctx);
  }
  return app;
}

function describeError(error: unknown): { status: number; message: string; fields: FieldErrors } {
  if (error instanceof HttpError) return { status: error.statusCode, message: error.message, fields: error.fieldErrors };
  const e = error as { statusCode?: number; code?: string; message?: string };
  const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 600 ? e.statusCode : 500;
  const known: Record<string, string> = {
    FST_ERR_CTP_INVALID_JSON_BODY: 'Forespørgslen indeholder ugyldig JSON.',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'Forespørgslen mangler indhold (tom JSON).',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Indholdstypen understøttes ikke. Brug application/json eller en formular.',
    FST_ERR_CTP_BODY_TOO_LARGE: 'Forespørgslen er for stor.',
    FST_REQ_FILE_TOO_LARGE: 'Filen er for stor (højst 10 MB).',
    FST_INVALID_MULTIPART_CONTENT_TYPE: 'Forventede en filupload (multipart/form-data).',
    FST_FILES_LIMIT: 'Upload kun én fil ad gangen.',
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Forespørgslens længde passer ikke med indholdet.',
  };
  if (e.code && known[e.code]) return { status: status === 500 ? 400 : status, message: known[e.code]!, fields: {} };
  if (e instanceof SyntaxError) return { status: 400, message: 'Forespørgslen kunne ikke læses.', fields: {} };
  if (status < 500) return { status, message: 'Forespørgslen kunne ikke behandles.', fields: {} };
  return { status: 500, message: 'Der opstod en uventet fejl i Ramme. Fejlen er logget; prøv igen senere.', fields: {} };
}
