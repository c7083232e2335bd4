/**
 * @module Sign-in, sessions and API tokens. Secrets are random; only their SHA-256 is stored.
 *
 * The read path: an authenticated request runs ONE statement (the session, or the token, joined with its
 * user so a deactivated user is refused at once). The session row is read on every request, so signing out
 * (on any process) takes effect immediately. The actor itself (name, organisation, roles, today's areas) is
 * cached per user for ACTOR_TTL_MS and dropped locally when this process writes users, roles or sessions;
 * another process sees a role change within that time. A token's last use is written at most once per
 * TOKEN_TOUCH_MS.
 */
import { requireAccess, requireSignedIn } from '../access/access.js';
import { audit } from '../audit.js';
import { perDatabaseCache } from '../cache.js';
import type { AppContext, Ctx } from '../capability.js';
import { z } from 'zod';
import { badRequest, HttpError, notFound } from '../errors.js';
import { addDays } from '../clock.js';
import { parseInput, zDate, zText } from '../validation.js';
import { ROLES, type Actor, type Role } from './actor.js';
import * as repo from './auth.repository.js';
import { newSecret, sha256, verifyPassword } from './password.js';
import './auth.policy.js';

export const SESSION_HOURS = 12;
/** Failed sign-ins are counted over this many minutes… */
export const LOGIN_WINDOW_MINUTES = 15;
/** …and an account is blocked after this many failures in the window, from any address… */
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
/** …and an address after this many, for any usernames (so trying many usernames once each is limited too). */
export const LOGIN_FAILURES_PER_ADDRESS = 20;
/** An API token's lifetime unless its creator chooses another, and the longest they may choose. */
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 366;
/** How long a process reuses an actor it has loaded. */
export const ACTOR_TTL_MS = 10_000;
/** A token's last use is recorded at most this often. */
export const TOKEN_TOUCH_MS = 60_000;

/** A password hash that never matches, so an unknown username costs the same time as a wrong password. */
const NO_PASSWORD = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

type CachedActor = Omit<Actor, 'via'>;
const actors = perDatabaseCache<CachedActor | null>({ ttlMs: ACTOR_TTL_MS, maxEntries: 10_000 });

/** Forgets this process's cached actor of a user (all users without an id): call after writing users, roles or sessions. */
export function invalidateActor(userId?: number): void {
  actors.invalidate(userId === undefined ? '' : `${userId}|`);
}

/** The user as an actor (null when unknown or deactivated), with the agreement areas of their organisation today. */
export async function loadActor(app: AppContext, userId: number, via: Actor['via']): Promise<Actor | null> {
  const date = app.clock.today();
  const key = `${userId}|${date}`;
  const found = await actors.read(app.db, key, async () => {
    const row = await repo.activeUserWithRoles(app.db, userId);
    if (!row) return null;
    return {
      userId: row.id,
      username: row.username,
      displayName: row.display_name,
      organisationId: row.org_id,
      organisationName: row.org_name,
      organisationKind: row.kind,
      areaIds: await app.actorAreas(app.db, row.org_id, date),
      roles: row.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    };
  });
  if (!found) {
    actors.invalidate(key);
    return null;
  }
  return { ...found, areaIds: [...found.areaIds], roles: [...found.roles], via };
}

/** The actor and CSRF token of a live session (null when it has ended or expired). */
export async function authenticateSession(app: AppContext, secret: string): Promise<{ actor: Actor; csrf: string } | null> {
  const session = await repo.liveSession(app.db, sha256(secret));
  if (!session) return null;
  const actor = await loadActor(app, session.user_id, 'session');
  return actor ? { actor, csrf: session.csrf_token } : null;
}

/** The actor of an unrevoked API token (null otherwise); records the use at most once per TOKEN_TOUCH_MS. */
export async function authenticateToken(app: AppContext, token: string): Promise<Actor | null> {
  const row = await repo.liveToken(app.db, sha256(token), app.clock.today());
  if (!row) return null;
  const now = app.clock.now();
  const notBefore = new Date(now.getTime() - TOKEN_TOUCH_MS);
  if (!row.last_used_at || row.last_used_at < notBefore) await repo.touchToken(app.db, row.id, now, notBefore);
  return loadActor(app, row.user_id, 'token');
}

export type SignInOutcome = { kind: 'signed_in'; secret: string } | { kind: 'wrong' } | { kind: 'throttled' };

/**
 * Checks a username and password and starts a session (ending `previousSecret`, the session this browser
 * had). Takes the same time for unknown users. Failures are counted in the database per account and per
 * client address (the address as the configured proxies report it): past the limits the attempt is refused
 * before the password is checked. Both outcomes are audited with the username tried (never the password).
 */
export async function signInWithPassword(ctx: Ctx, username: string, password: string, previousSecret: string | null = null): Promise<SignInOutcome> {
  requireAccess(ctx, 'auth.signIn', {});
  const name = username.trim().toLowerCase();
  const address = ctx.request?.ip ?? 'lokal';
  const failures = await repo.recentLoginFailures(ctx.db, name, address, LOGIN_WINDOW_MINUTES);
  if (failures.account >= LOGIN_FAILURES_PER_ACCOUNT || failures.address >= LOGIN_FAILURES_PER_ADDRESS) return { kind: 'throttled' };
  const user = await repo.userForSignIn(ctx.db, name);
  const matches = await verifyPassword(password, user?.password_hash ?? NO_PASSWORD);
  if (!user?.is_active || !matches) {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.recordLoginFailure(trx, name, address, LOGIN_WINDOW_MINUTES);
      await audit(trx, { actor: null, request: ctx.request }, { entity: 'session', entityId: name, action: 'sign_in_failed', after: { username: name } });
    });
    return { kind: 'wrong' };
  }
  await repo.clearLoginFailures(ctx.db, name);
  return { kind: 'signed_in', ...(await startSession(ctx, user.id, 'password', previousSecret)) };
}

const ZDemoLogin = z.object({ username: zText(60), next: z.string().max(500).optional(), _csrf: z.string().optional() });

/** Demo mode only: signs in as a demo user (the login page's form) without a password. */
export async function signInAsDemoUser(ctx: Ctx, form: unknown, previousSecret: string | null = null): Promise<{ secret: string; next?: string }> {
  requireAccess(ctx, 'auth.signIn', {});
  if (!ctx.config.isDemo) throw new HttpError(404, 'Demologin findes ikke i denne installation.');
  const input = parseInput(ZDemoLogin, form);
  const user = await repo.activeDemoUser(ctx.db, input.username);
  if (!user) throw badRequest('Demobrugeren findes ikke.');
  return { ...(await startSession(ctx, user.id, 'demo', previousSecret)), next: input.next };
}

/**
 * Signs in a user an external identity provider has vouched for (OpenID Connect), or who has just chosen a
 * password through an invitation link: the same session as a password sign-in. The caller has checked the proof.
 */
export async function signInVerifiedUser(
  ctx: Ctx,
  userId: number,
  previousSecret: string | null,
  method: 'oidc' | 'invitation' = 'oidc',
): Promise<{ secret: string }> {
  requireAccess(ctx, 'auth.signIn', {});
  return startSession(ctx, userId, method, previousSecret);
}

/** Starts a new session with a new secret; the browser's previous session (if any) ends in the same transaction. */
async function startSession(
  ctx: Ctx,
  userId: number,
  method: 'password' | 'demo' | 'oidc' | 'invitation',
  previousSecret: string | null,
): Promise<{ secret: string }> {
  // A new sign-in always reads the user afresh (e.g. roles changed by another process).
  invalidateActor(userId);
  const actor = await loadActor(ctx, userId, 'session');
  if (!actor) throw badRequest('Brugeren er deaktiveret.');
  const secret = newSecret();
  await ctx.db.transaction().execute(async (trx) => {
    if (previousSecret) {
      const ended = await repo.deleteSession(trx, sha256(previousSecret));
      if (ended) invalidateActor(ended.user_id);
    }
    await repo.insertSession(trx, { idHash: sha256(secret), userId, csrf: newSecret(), hours: SESSION_HOURS });
    await audit(
      trx,
      { actor, request: ctx.request },
      { entity: 'session', entityId: actor.username, action: 'sign_in', after: { username: actor.username, method } },
    );
  });
  return { secret };
}

/** Ends the session (if it is still live) and audits the sign-out. */
export async function signOut(ctx: Ctx, secret: string): Promise<void> {
  requireAccess(ctx, 'auth.signOut', {});
  await ctx.db.transaction().execute(async (trx) => {
    const ended = await repo.deleteSession(trx, sha256(secret));
    if (!ended) return;
    invalidateActor(ended.user_id);
    const username = ctx.actor?.userId === ended.user_id ? ctx.actor.username : String(ended.user_id);
    await audit(trx, ctx, { entity: 'session', entityId: username, action: 'sign_out', after: { username } });
  });
}

/** The demo users offered on the login page (none outside demo mode). */
export async function demoUsers(ctx: Ctx) {
  requireAccess(ctx, 'auth.signIn', {});
  return ctx.config.isDemo ? repo.demoUsersForLogin(ctx.db) : [];
}

/** The signed-in user's profile: who they are, their API tokens, and the expiry date a new token gets unless they choose another. */
export async function profile(ctx: Ctx) {
  const actor = requireSignedIn(ctx, 'auth.profile', {});
  const today = ctx.clock.today();
  const tokens = await repo.apiTokensOf(ctx.db, actor.userId);
  return {
    actor,
    tokens: tokens.map((t) => ({ ...t, is_expired: t.expires_on < today })),
    defaultExpiry: addDays(today, TOKEN_DEFAULT_DAYS),
  };
}

const ZNewToken = z.object({ name: zText(80), expiresOn: z.preprocess((v) => (v === '' ? undefined : v), zDate.optional()) });

/**
 * Creates a personal API token for the signed-in user; the secret is shown once and never stored. It works
 * through `expiresOn` (a Copenhagen date from tomorrow to TOKEN_MAX_DAYS ahead; TOKEN_DEFAULT_DAYS when not given).
 */
export async function createOwnApiToken(ctx: Ctx, input: unknown): Promise<{ id: number; token: string; name: string; expiresOn: string }> {
  const actor = requireSignedIn(ctx, 'auth.tokens', { userId: ctx.actor?.userId ?? 0 });
  const v = parseInput(ZNewToken, input);
  const today = ctx.clock.today();
  const expiresOn = v.expiresOn ?? addDays(today, TOKEN_DEFAULT_DAYS);
  if (expiresOn <= today || expiresOn > addDays(today, TOKEN_MAX_DAYS))
    throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', {
      expiresOn: [`Udløbsdatoen skal ligge mellem i morgen og ${TOKEN_MAX_DAYS} dage frem.`],
    });
  return { ...(await insertToken(ctx, actor.userId, v.name, expiresOn)), name: v.name, expiresOn };
}

/** Revokes one of the signed-in user's tokens (404 when it is not theirs or already revoked). */
export async function revokeOwnApiToken(ctx: Ctx, tokenId: number): Promise<void> {
  const actor = requireSignedIn(ctx, 'auth.tokens', { userId: ctx.actor?.userId ?? 0 });
  if (!Number.isInteger(tokenId) || tokenId < 1 || tokenId > 2147483647) throw notFound('Nøglen findes ikke.');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.revokeApiToken(trx, actor.userId, tokenId, ctx.clock.now());
    if (!row) throw notFound('Nøglen findes ikke, eller den er allerede tilbagekaldt.');
    await audit(trx, ctx, {
      entity: 'api_token',
      entityId: row.id,
      action: 'update',
      before: { name: row.name, revoked: false },
      after: { name: row.name, revoked: true },
    });
  });
}

/** Operator command: a token for a user, by username (active users only), working for `days` days. */
export async function issueApiToken(
  ctx: Ctx,
  username: string,
  name: string,
  days = TOKEN_DEFAULT_DAYS,
): Promise<{ id: number; token: string; expiresOn: string }> {
  requireAccess(ctx, 'auth.accounts', { viaRequest: ctx.request !== null });
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_MAX_DAYS) throw badRequest(`Antal dage skal være et heltal fra 1 til ${TOKEN_MAX_DAYS}.`);
  const user = await repo.userByUsername(ctx.db, username);
  if (!user?.is_active) throw notFound(`Brugeren "${username}" findes ikke eller er deaktiveret.`);
  const expiresOn = addDays(ctx.clock.today(), days);
  return { ...(await insertToken(ctx, user.id, name, expiresOn)), expiresOn };
}

async function insertToken(ctx: Ctx, userId: number, name: string, expiresOn: string): Promise<{ id: number; token: string }> {
  const token = newSecret('ramme_');
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertApiToken(trx, { userId, name, tokenHash: sha256(token), expiresOn });
    await audit(trx, ctx, { entity: 'api_token', entityId: id, action: 'create', after: { userId, name, expiresOn } });
    return { id, token };
  });
}
