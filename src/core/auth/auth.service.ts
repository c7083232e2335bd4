/**
 * @module Sign-in, sessions and API tokens. Secrets are random; only their SHA-256 is stored.
 */
import { sql } from 'kysely';
import { audit } from '../audit.js';
import type { Db, Queryable } from '../db/types.js';
import { notFound } from '../errors.js';
import { ROLES, type Actor, type OrganisationKind, type Role } from './actor.js';
import { newSecret, sha256, verifyPassword } from './password.js';

export const SESSION_HOURS = 12;
export const today = (): string => new Date().toISOString().slice(0, 10);

export async function loadActor(db: Queryable, userId: number, via: Actor['via']): Promise<Actor | null> {
  const row = await db
    .selectFrom('app_user as u')
    .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.is_active', 'o.id as org_id', 'o.name as org_name', 'o.kind', 'o.area_id'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row || !row.is_active) return null;
  const roles = await db.selectFrom('user_role').select('role').where('user_id', '=', userId).execute();
  const d = today();
  const memberships = await db
    .selectFrom('agreement_area_member')
    .select('area_id')
    .where('organisation_id', '=', row.org_id)
    .where('valid_from', '<=', d)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', d)]))
    .execute();
  const areaIds = [...new Set([...(row.area_id ? [row.area_id] : []), ...memberships.map((m) => m.area_id)])];
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    organisationId: row.org_id,
    organisationName: row.org_name,
    organisationKind: row.kind as OrganisationKind,
    areaIds,
    roles: roles.map((r) => r.role).filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    via,
  };
}

/** Checks a username and password; returns the user id or null. Takes the same time for unknown users. */
export async function checkPassword(db: Db, username: string, password: string): Promise<number | null> {
  const user = await db.selectFrom('app_user').select(['id', 'password_hash', 'is_active']).where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
  const ok = await verifyPassword(password, user?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  return user && user.is_active && ok ? user.id : null;
}

export async function createSession(db: Db, userId: number): Promise<{ secret: string; csrf: string }> {
  const secret = newSecret();
  const csrf = newSecret();
  await db
    .insertInto('user_session')
    .values({ id_hash: sha256(secret), user_id: userId, csrf_token: csrf, expires_at: new Date(Date.now() + SESSION_HOURS * 3600_000) })
    .execute();
  return { secret, csrf };
}

export async function sessionFor(db: Db, secret: string): Promise<{ actor: Actor; csrf: string } | null> {
  const session = await db
    .selectFrom('user_session')
    .select(['user_id', 'csrf_token'])
    .where('id_hash', '=', sha256(secret))
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!session) return null;
  const actor = await loadActor(db, session.user_id, 'session');
  return actor ? { actor, csrf: session.csrf_token } : null;
}

export async function endSession(db: Db, secret: string): Promise<void> {
  await db.deleteFrom('user_session').where('id_hash', '=', sha256(secret)).execute();
}

export async function tokenActor(db: Db, token: string): Promise<Actor | null> {
  const row = await db
    .updateTable('api_token')
    .set({ last_used_at: new Date() })
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row ? loadActor(db, row.user_id, 'token') : null;
}

/** Creates a personal API token for a user; the secret is shown once and never stored. */
export async function createApiToken(db: Db, actor: Actor | null, userId: number, name: string): Promise<{ id: number; token: string }> {
  const token = newSecret('ramme_');
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('api_token')
      .values({ user_id: userId, name, token_hash: sha256(token) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, { entity: 'api_token', entityId: id, action: 'create', after: { userId, name } });
    return { id, token };
  });
}

export async function revokeApiToken(db: Db, actor: Actor, tokenId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('api_token')
      .set({ revoked_at: new Date() })
      .where('id', '=', tokenId)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .returning(['id', 'name'])
      .executeTakeFirst();
    if (!row) throw notFound('Nøglen findes ikke, eller den er allerede tilbagekaldt.');
    await audit(trx, actor, { entity: 'api_token', entityId: row.id, action: 'update', before: { name: row.name, revoked: false }, after: { name: row.name, revoked: true } });
  });
}

export async function listApiTokens(db: Db, userId: number) {
  return db
    .selectFrom('api_token')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}
