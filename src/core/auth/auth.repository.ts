/**
 * @module All SQL for users, roles, sessions and API tokens. Secrets never reach this file: sessions and
 * tokens are looked up by the SHA-256 of their secret.
 */
import { sql } from 'kysely';
import { prepared } from '../db/prepared.js';
import type { Queryable } from '../db/types.js';
import type { OrganisationKind } from './actor.js';
import './auth.table.js';

// The organisation table belongs to the reference data (created before the auth tables); core reads its
// name and kind for the actor without importing the capability that declares it.
type ActorRow = { id: number; username: string; display_name: string; org_id: number; org_name: string; kind: OrganisationKind; roles: string[] };

/** The user (when active) with organisation and roles, in one statement. */
export async function activeUserWithRoles(db: Queryable, userId: number): Promise<ActorRow | undefined> {
  const { rows } = await sql<ActorRow>`
    select u.id, u.username, u.display_name, o.id as org_id, o.name as org_name, o.kind,
      coalesce((select array_agg(r.role order by r.role) from user_role r where r.user_id = u.id), '{}') as roles
    from app_user u join organisation o on o.id = u.organisation_id
    where u.id = ${userId} and u.is_active`.execute(db);
  return rows[0];
}

/** A live session of an active user: one statement per authenticated request. */
export async function liveSession(db: Queryable, idHash: string) {
  return prepared(
    db
      .selectFrom('user_session as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .select(['s.user_id', 's.csrf_token'])
      .where('s.id_hash', '=', idHash)
      .where('s.expires_at', '>', sql<Date>`now()`)
      .where('u.is_active', '=', true),
  ).executeTakeFirst();
}

/** A session that expires `hours` from now by the database's clock (the one `liveSession` checks against). */
export async function insertSession(db: Queryable, row: { idHash: string; userId: number; csrf: string; hours: number }): Promise<void> {
  await db
    .insertInto('user_session')
    .values({ id_hash: row.idHash, user_id: row.userId, csrf_token: row.csrf, expires_at: sql<Date>`now() + make_interval(hours => ${row.hours})` })
    .execute();
}

/** Ends a session; returns whose it was (nothing when it had already ended). */
export async function deleteSession(db: Queryable, idHash: string) {
  return db.deleteFrom('user_session').where('id_hash', '=', idHash).returning('user_id').executeTakeFirst();
}

export async function deleteSessionsOfUser(db: Queryable, userId: number): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

/** An unrevoked, unexpired token of an active user: one statement per API request. */
export async function liveToken(db: Queryable, tokenHash: string, today: string) {
  return prepared(
    db
      .selectFrom('api_token as t')
      .innerJoin('app_user as u', 'u.id', 't.user_id')
      .select(['t.id', 't.user_id', 't.last_used_at'])
      .where('t.token_hash', '=', tokenHash)
      .where('t.revoked_at', 'is', null)
      .where('t.expires_on', '>=', today)
      .where('u.is_active', '=', true),
  ).executeTakeFirst();
}

/** Records a token's use unless it was recorded after `notBefore` (another process may just have done it). */
export async function touchToken(db: Queryable, tokenId: number, at: Date, notBefore: Date): Promise<void> {
  await db
    .updateTable('api_token')
    .set({ last_used_at: at })
    .where('id', '=', tokenId)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', notBefore)]))
    .execute();
}

export async function insertApiToken(db: Queryable, row: { userId: number; name: string; tokenHash: string; expiresOn: string }): Promise<number> {
  const { id } = await db
    .insertInto('api_token')
    .values({ user_id: row.userId, name: row.name, token_hash: row.tokenHash, expires_on: row.expiresOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Revokes one of the user's unrevoked tokens; nothing when there is none. */
export async function revokeApiToken(db: Queryable, userId: number, tokenId: number, at: Date) {
  return db
    .updateTable('api_token')
    .set({ revoked_at: at })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name'])
    .executeTakeFirst();
}

export async function apiTokensOf(db: Queryable, userId: number) {
  return db
    .selectFrom('api_token')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at', 'expires_on'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** What a password sign-in needs to know about a username. */
export async function userForSignIn(db: Queryable, username: string) {
  return db.selectFrom('app_user').select(['id', 'password_hash', 'is_active']).where('username', '=', username).executeTakeFirst();
}

export async function userByUsername(db: Queryable, username: string) {
  return db.selectFrom('app_user').select(['id', 'username', 'is_active', 'organisation_id']).where('username', '=', username).executeTakeFirst();
}

/** An active demo user by username. */
export async function activeDemoUser(db: Queryable, username: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where('username', '=', username)
    .where('is_demo', '=', true)
    .where('is_active', '=', true)
    .executeTakeFirst();
}

/** The demo users offered on the login page (demo mode only). */
export async function demoUsersForLogin(db: Queryable) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select(['u.username', 'u.display_name', 'o.name as org'])
    .where('u.is_demo', '=', true)
    .where('u.is_active', '=', true)
    .where('u.username', 'like', 'demo-%')
    .orderBy('u.id')
    .limit(12)
    .execute();
}

export async function insertUser(
  db: Queryable,
  row: { username: string; displayName: string; email: string | null; organisationId: number; passwordHash: string | null; roles: readonly string[] },
): Promise<number> {
  const { id } = await db
    .insertInto('app_user')
    .values({ username: row.username, display_name: row.displayName, email: row.email, organisation_id: row.organisationId, password_hash: row.passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (row.roles.length)
    await db
      .insertInto('user_role')
      .values(row.roles.map((role) => ({ user_id: id, role })))
      .execute();
  return id;
}

export async function setPasswordHash(db: Queryable, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** An organisation's name (operator commands name it back). */
export async function organisationName(db: Queryable, organisationId: number): Promise<string | undefined> {
  const row = await db.selectFrom('organisation').select('name').where('id', '=', organisationId).executeTakeFirst();
  return row?.name;
}

export async function countDemoUsers(db: Queryable): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_demo', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Failed sign-ins within the last `minutes` (by the database's clock, shared by every process): for the account and from the address. */
export async function recentLoginFailures(db: Queryable, account: string, address: string, minutes: number): Promise<{ account: number; address: number }> {
  const { rows } = await sql<{ account: number; address: number }>`
    select (select count(*) from login_failure where account = ${account} and at > now() - make_interval(mins => ${minutes}))::int as account,
           (select count(*) from login_failure where address = ${address} and at > now() - make_interval(mins => ${minutes}))::int as address`.execute(db);
  return rows[0] ?? { account: 0, address: 0 };
}

/** Records a failed sign-in and forgets this account's and address's failures older than `minutes`. */
export async function recordLoginFailure(db: Queryable, account: string, address: string, minutes: number): Promise<void> {
  await sql`delete from login_failure where (account = ${account} or address = ${address}) and at <= now() - make_interval(mins => ${minutes})`.execute(db);
  await db.insertInto('login_failure').values({ account, address }).execute();
}

/** A successful sign-in clears the account's failures. */
export async function clearLoginFailures(db: Queryable, account: string): Promise<void> {
  await db.deleteFrom('login_failure').where('account', '=', account).execute();
}
