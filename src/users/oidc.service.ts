/**
 * @module OpenID Connect sign-in through the municipalities' identity broker (openid-client): the
 * authorization code flow with PKCE. State, nonce and the PKCE verifier are kept in the database
 * (`oidc_attempt`, the state as its SHA-256), never in process memory, so a sign-in begun on one process
 * finishes on any other; each state finishes one sign-in, and only in the browser that holds it in a cookie. The person is found by the broker's subject
 * (`external_identity`: linked by an administrator, or made at an earlier sign-in), else by the
 * organisation claim (a CVR number) and the roles claim when those are configured; otherwise the sign-in
 * is refused with a Danish page and audited. Only the provider's metadata is cached per process.
 */
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { requireAccess } from '../core/access/access.js';
import type { Role } from '../core/auth/actor.js';
import { signInVerifiedUser } from '../core/auth/auth.service.js';
import { safeNextPath } from '../core/auth/next.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import type { OidcConfig } from '../core/config.js';
import { HttpError, notFound } from '../core/errors.js';
import { ROLES_FOR_KIND, rolesFromClaim, usernameForSubject } from './users.logic.js';
import * as repo from './users.repository.js';

/** A sign-in must come back from the broker within this many minutes. */
export const OIDC_ATTEMPT_MINUTES = 10;

const configurations = new Map<string, Promise<client.Configuration>>();

/** The provider's metadata (discovery), fetched once per process and configuration. */
function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  const key = `${oidc.issuer}|${oidc.clientId}|${oidc.clientSecret}`;
  let found = configurations.get(key);
  if (!found) {
    const insecure = new URL(oidc.issuer).protocol === 'http:';
    found = client.discovery(
      new URL(oidc.issuer),
      oidc.clientId,
      oidc.clientSecret,
      undefined,
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found;
}

/** The provider's metadata, or a 503 with a Danish message when the broker does not answer. */
async function reachProvider(oidc: OidcConfig): Promise<client.Configuration> {
  try {
    return await providerConfiguration(oidc);
  } catch {
    throw new HttpError(503, `${oidc.name} svarer ikke lige nu. Prøv igen om lidt, eller log ind med brugernavn og adgangskode.`);
  }
}

function oidcOf(ctx: Ctx): OidcConfig {
  const oidc = ctx.config.oidc;
  if (!oidc) throw notFound('Log ind via identitetsbroker er ikke sat op i denne installation.');
  return oidc;
}

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

/**
 * Begins a sign-in: remembers state, nonce and verifier in the database and gives the broker's address to
 * send the browser to, and the state, which the route also puts in a cookie: the callback must come back to
 * the browser that began (so nobody can make another browser finish a sign-in they began).
 */
export async function startOidcSignIn(ctx: Ctx, next: unknown): Promise<{ url: string; state: string }> {
  requireAccess(ctx, 'auth.signIn', {});
  const oidc = oidcOf(ctx);
  const config = await reachProvider(oidc);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await repo.insertOidcAttempt(ctx.db, { stateHash: sha256(state), nonce, codeVerifier, nextPath: safeNextPath(typeof next === 'string' ? next : undefined) });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: oidc.redirectUrl,
    scope: ['openid', 'profile', 'email', ...oidc.scopes.split(/\s+/).filter(Boolean)].join(' '),
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state };
}

export type OidcOutcome = { kind: 'signed_in'; secret: string; next: string } | { kind: 'refused'; status: 400 | 403; heading: string; message: string };

const refused = async (ctx: Ctx, reason: string, subject: string | null, status: 400 | 403, heading: string, message: string): Promise<OidcOutcome> => {
  await ctx.db
    .transaction()
    .execute((trx) =>
      audit(
        trx,
        { actor: null, request: ctx.request },
        { entity: 'session', entityId: 'identitetsbroker', action: 'sign_in_failed', after: { method: 'oidc', reason, ...(subject ? { subject } : {}) } },
      ),
    );
  return { kind: 'refused', status, heading, message };
};

type Claims = Record<string, unknown> & { sub: string };

/**
 * Finishes a sign-in on the broker's callback (`query` is the callback's query string): checks state, PKCE
 * and nonce, reads the claims, finds or makes the Ramme user, and starts the same session a password gives.
 */
export async function finishOidcSignIn(ctx: Ctx, query: string, browserState: string | null, previousSecret: string | null): Promise<OidcOutcome> {
  requireAccess(ctx, 'auth.signIn', {});
  const oidc = oidcOf(ctx);
  const callback = new URL(oidc.redirectUrl);
  callback.search = query;
  const state = callback.searchParams.get('state') ?? '';
  if (!state || state !== browserState)
    return refused(
      ctx,
      'forsøget hører ikke til browseren',
      null,
      400,
      'Login-forsøget hører ikke til denne browser',
      'Start forfra fra login-siden i den browser, du vil logge ind i.',
    );
  const attempt = state ? await repo.takeOidcAttempt(ctx.db, sha256(state), OIDC_ATTEMPT_MINUTES) : undefined;
  if (!attempt)
    return refused(
      ctx,
      'ukendt eller udløbet forsøg',
      null,
      400,
      'Login-forsøget er udløbet',
      'Start forfra fra login-siden. Et login skal gøres færdigt inden for 10 minutter.',
    );
  if (callback.searchParams.get('error'))
    return refused(
      ctx,
      `afvist hos brokeren: ${callback.searchParams.get('error')}`.slice(0, 200),
      null,
      403,
      'Login blev afbrudt',
      `${oidc.name} gennemførte ikke login. Prøv igen fra login-siden.`,
    );
  const config = await reachProvider(oidc);
  let claims: Claims;
  try {
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: attempt.code_verifier,
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    claims = { ...(tokens.claims() as Claims) };
    const wanted = [oidc.organisationClaim, oidc.rolesClaim, 'name'].filter((c): c is string => !!c);
    if (wanted.some((c) => claims[c] === undefined) && config.serverMetadata().userinfo_endpoint)
      claims = { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims } as Claims;
  } catch {
    return refused(
      ctx,
      'svaret fra brokeren kunne ikke godkendes',
      null,
      400,
      'Login kunne ikke gennemføres',
      `Svaret fra ${oidc.name} kunne ikke godkendes. Prøv igen fra login-siden.`,
    );
  }
  const found = await userForClaims(ctx, oidc, claims);
  if ('refusal' in found) return refused(ctx, found.refusal, claims.sub.slice(0, 200), 403, found.heading, found.message);
  await repo.touchExternalIdentity(ctx.db, oidc.issuer, claims.sub, ctx.clock.now());
  await acceptBrokerInvitation(ctx, found.userId);
  const { secret } = await signInVerifiedUser(ctx, found.userId, previousSecret);
  return { kind: 'signed_in', secret, next: attempt.next_path };
}

/** A broker user's first sign-in accepts their invitation (if they had one), audited. */
async function acceptBrokerInvitation(ctx: Ctx, userId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.acceptOidcInvitation(trx, userId, ctx.clock.now()))
      await audit(
        trx,
        { actor: null, request: ctx.request },
        {
          entity: 'user_invitation',
          entityId: userId,
          action: 'update',
          before: { status: 'afventer' },
          after: { status: 'accepteret', signIn: 'identitetsbroker' },
        },
      );
  });
}

type Found = { userId: number } | { refusal: string; heading: string; message: string };

const CONTACT = 'Kontakt din organisations brugeradministrator, hvis du skal have adgang til Ramme.';

async function userForClaims(ctx: Ctx, oidc: OidcConfig, claims: Claims): Promise<Found> {
  const linked = await repo.userOfExternalIdentity(ctx.db, oidc.issuer, claims.sub);
  if (linked && !linked.is_active)
    return { refusal: 'brugeren er deaktiveret', heading: 'Din bruger er deaktiveret', message: `Din bruger i Ramme er deaktiveret. ${CONTACT}` };
  if (linked && (linked.source === 'mapping' || !oidc.organisationClaim)) return { userId: linked.id };
  const cvr = oidc.organisationClaim ? claims[oidc.organisationClaim] : undefined;
  if (!oidc.organisationClaim)
    return {
      refusal: 'ingen tilknytning',
      heading: 'Du har ikke adgang til Ramme',
      message: `Din bruger hos ${oidc.name} er ikke knyttet til en bruger i Ramme. ${CONTACT}`,
    };
  const org = typeof cvr === 'string' || typeof cvr === 'number' ? await repo.organisationByCvr(ctx.db, String(cvr)) : undefined;
  if (!org)
    return {
      refusal: `ukendt organisation${cvr ? ` (${String(cvr).slice(0, 20)})` : ''}`,
      heading: 'Din organisation kendes ikke i Ramme',
      message: `${oidc.name} oplyste ${cvr ? `CVR-nummer ${String(cvr).slice(0, 20)}` : 'ingen organisation'}, og den organisation findes ikke i Ramme. ${CONTACT}`,
    };
  const roles: Role[] = oidc.rolesClaim
    ? rolesFromClaim(claims[oidc.rolesClaim], ROLES_FOR_KIND[org.kind], await repo.roleMappingsOf(ctx.db, org.id))
    : ['laeser'];
  if (!roles.length)
    return {
      refusal: 'ingen roller',
      heading: 'Du har ingen roller i Ramme',
      message: `${oidc.name} oplyste ingen roller, som Ramme kender, for din bruger i ${org.name}. ${CONTACT}`,
    };
  const name = displayNameOf(claims, oidc);
  const email = typeof claims.email === 'string' && claims.email.length <= 254 ? claims.email : null;
  return ctx.db.transaction().execute(async (trx) => {
    if (linked) {
      const before = await repo.lockUser(trx, linked.id);
      if (before && (before.organisation_id !== org.id || before.roles.join(',') !== roles.join(','))) {
        await repo.updateUser(trx, linked.id, before.version, {});
        await repo.setOrganisation(trx, linked.id, org.id);
        await repo.setRoles(trx, linked.id, roles);
        await audit(
          trx,
          { actor: null, request: ctx.request },
          {
            entity: 'app_user',
            entityId: linked.id,
            action: 'update',
            before: { organisationId: before.organisation_id, roles: before.roles },
            after: { organisationId: org.id, roles, source: 'identitetsbroker' },
          },
        );
      }
      return { userId: linked.id };
    }
    const username = usernameForSubject(sha256(`${oidc.issuer}|${claims.sub}`));
    const userId = await repo.insertUser(trx, { username, displayName: name, email, organisationId: org.id, passwordHash: null });
    await repo.setRoles(trx, userId, roles);
    await repo.insertExternalIdentity(trx, { issuer: oidc.issuer, subject: claims.sub, userId, source: 'claims' });
    await audit(
      trx,
      { actor: null, request: ctx.request },
      {
        entity: 'app_user',
        entityId: userId,
        action: 'create',
        after: { username, name, organisation: org.name, roles, signIn: 'identitetsbroker' },
      },
    );
    return { userId };
  });
}

function displayNameOf(claims: Claims, oidc: OidcConfig): string {
  const parts = [claims.name, [claims.given_name, claims.family_name].filter((p) => typeof p === 'string').join(' ')];
  const name = parts.find((p): p is string => typeof p === 'string' && p.trim().length > 0)?.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return (name ?? `Bruger fra ${oidc.name}`).replace(/[\u0000-\u001f]/g, '').slice(0, 120);
}
