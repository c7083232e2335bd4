/**
 * @module All SQL of user administration and OpenID Connect sign-in.
 */
import { sql } from 'kysely';
import { validOn } from '../core/db/dated.js';
import type { OrganisationKind } from '../core/auth/actor.js';
import type { Queryable } from '../core/db/types.js';
import '../core/auth/auth.table.js';
import './users.table.js';

export type UserRow = {
  id: number;
  username: string;
  display_name: string;
  email: string | null;
  organisation_id: number;
  is_active: boolean;
  has_password: boolean;
  version: number;
  roles: string[];
  subjects: string[];
  /** The user's invitation (null columns when there is none, e.g. demo users and users made by the command). */
  invitation_kind: 'password' | 'oidc' | null;
  invited_at: Date | null;
  expires_at: Date | null;
  accepted_at: Date | null;
  mail_to: string | null;
  mail_sent_at: Date | null;
  mail_attempts: number;
  mail_error: string | null;
};

const userColumns = sql`u.id, u.username, u.display_name, u.email, u.organisation_id, u.is_active, u.password_hash is not null as has_password, u.version,
  coalesce((select array_agg(r.role order by r.role) from user_role r where r.user_id = u.id), '{}') as roles,
  coalesce((select array_agg(e.subject order by e.subject) from external_identity e where e.user_id = u.id), '{}') as subjects,
  i.kind as invitation_kind, i.created_at as invited_at, i.expires_at, i.accepted_at, i.mail_to, i.mail_sent_at,
  coalesce(i.mail_attempts, 0) as mail_attempts, i.mail_error`;
const withInvitation = sql`app_user u left join user_invitation i on i.user_id = u.id`;

/** The organisation's users, active first, by name. */
export async function usersOfOrganisation(db: Queryable, organisationId: number): Promise<UserRow[]> {
  const { rows } = await sql<UserRow>`select ${userColumns} from ${withInvitation}
    where u.organisation_id = ${organisationId} order by u.is_active desc, u.display_name, u.id`.execute(db);
  return rows;
}

export async function userById(db: Queryable, userId: number): Promise<UserRow | undefined> {
  const { rows } = await sql<UserRow>`select ${userColumns} from ${withInvitation} where u.id = ${userId}`.execute(db);
  return rows[0];
}

/** The same row locked for an update inside a transaction. */
export async function lockUser(db: Queryable, userId: number): Promise<UserRow | undefined> {
  const { rows } = await sql<UserRow>`select ${userColumns} from ${withInvitation} where u.id = ${userId} for update of u`.execute(db);
  return rows[0];
}

export async function organisationById(db: Queryable, organisationId: number) {
  return db.selectFrom('organisation').select(['id', 'name', 'kind']).where('id', '=', organisationId).executeTakeFirst() as Promise<
    { id: number; name: string; kind: OrganisationKind } | undefined
  >;
}

/** An organisation by CVR number (the claim an identity broker sends); the first when several share one. */
export async function organisationByCvr(db: Queryable, cvr: string) {
  return db.selectFrom('organisation').select(['id', 'name', 'kind']).where('cvr', '=', cvr).orderBy('id').executeTakeFirst() as Promise<
    { id: number; name: string; kind: OrganisationKind } | undefined
  >;
}

export async function usernameTaken(db: Queryable, username: string): Promise<boolean> {
  return !!(await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst());
}

export async function insertUser(
  db: Queryable,
  row: { username: string; displayName: string; email: string | null; organisationId: number; passwordHash: string | null },
): Promise<number> {
  const { id } = await db
    .insertInto('app_user')
    .values({ username: row.username, display_name: row.displayName, email: row.email, organisation_id: row.organisationId, password_hash: row.passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function setRoles(db: Queryable, userId: number, roles: readonly string[]): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roles.length)
    await db
      .insertInto('user_role')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
}

/** Changes a user when the version is still `version`; returns the new version (nothing when stale). */
export async function updateUser(
  db: Queryable,
  userId: number,
  version: number,
  set: { display_name?: string; email?: string | null; is_active?: boolean; deactivated_at?: Date | null },
) {
  return db
    .updateTable('app_user')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', userId)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

/** A deactivated user's sessions end and tokens are revoked. */
export async function endSessionsAndTokens(db: Queryable, userId: number, at: Date): Promise<{ sessions: number; tokens: number }> {
  const s = await db.deleteFrom('user_session').where('user_id', '=', userId).executeTakeFirst();
  const t = await db.updateTable('api_token').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return { sessions: Number(s.numDeletedRows), tokens: Number(t.numUpdatedRows) };
}

export async function insertExternalIdentity(
  db: Queryable,
  row: { issuer: string; subject: string; userId: number; source: 'mapping' | 'claims' },
): Promise<void> {
  await db.insertInto('external_identity').values({ issuer: row.issuer, subject: row.subject, user_id: row.userId, source: row.source }).execute();
}

export async function externalIdentityTaken(db: Queryable, issuer: string, subject: string): Promise<boolean> {
  return !!(await db.selectFrom('external_identity').select('user_id').where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst());
}

/** The user a broker's subject is linked to, with whether they are active. */
export async function userOfExternalIdentity(db: Queryable, issuer: string, subject: string) {
  return db
    .selectFrom('external_identity as e')
    .innerJoin('app_user as u', 'u.id', 'e.user_id')
    .select(['u.id', 'u.username', 'u.is_active', 'u.organisation_id', 'u.version', 'e.source'])
    .where('e.issuer', '=', issuer)
    .where('e.subject', '=', subject)
    .executeTakeFirst();
}

export async function touchExternalIdentity(db: Queryable, issuer: string, subject: string, at: Date): Promise<void> {
  await db.updateTable('external_identity').set({ last_sign_in_at: at }).where('issuer', '=', issuer).where('subject', '=', subject).execute();
}

export async function insertOidcAttempt(db: Queryable, row: { stateHash: string; nonce: string; codeVerifier: string; nextPath: string }): Promise<void> {
  // Attempts older than an hour are forgotten whenever a new one starts.
  await sql`delete from oidc_attempt where created_at < now() - interval '1 hour'`.execute(db);
  await db
    .insertInto('oidc_attempt')
    .values({ state_hash: row.stateHash, nonce: row.nonce, code_verifier: row.codeVerifier, next_path: row.nextPath })
    .execute();
}

/** Takes (deletes and returns) an attempt begun within `minutes`: each state can finish one sign-in, on any process. */
export async function takeOidcAttempt(db: Queryable, stateHash: string, minutes: number) {
  return db
    .deleteFrom('oidc_attempt')
    .where('state_hash', '=', stateHash)
    .where('created_at', '>', sql<Date>`now() - make_interval(mins => ${minutes})`)
    .returning(['nonce', 'code_verifier', 'next_path'])
    .executeTakeFirst();
}

export async function setOrganisation(db: Queryable, userId: number, organisationId: number): Promise<void> {
  await db.updateTable('app_user').set({ organisation_id: organisationId }).where('id', '=', userId).execute();
}

/** The organisation's mappings from the broker's role values to Ramme roles. */
export async function roleMappingsOf(db: Queryable, organisationId: number) {
  return db
    .selectFrom('oidc_role_mapping')
    .select(['claim_value', 'role'])
    .where('organisation_id', '=', organisationId)
    .orderBy('claim_value')
    .orderBy('role')
    .execute();
}

/** Inserts a mapping; false when it was there already. */
export async function insertRoleMapping(db: Queryable, row: { organisationId: number; claimValue: string; role: string }): Promise<boolean> {
  const r = await db
    .insertInto('oidc_role_mapping')
    .values({ organisation_id: row.organisationId, claim_value: row.claimValue, role: row.role })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteRoleMapping(db: Queryable, row: { organisationId: number; claimValue: string; role: string }): Promise<boolean> {
  const r = await db
    .deleteFrom('oidc_role_mapping')
    .where('organisation_id', '=', row.organisationId)
    .where('claim_value', '=', row.claimValue)
    .where('role', '=', row.role)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** How many days an invitation link works, by the rule in force on `date`. */
export async function invitationDaysOn(db: Queryable, date: string): Promise<number | undefined> {
  const row = await db.selectFrom('user_invitation_rule as r').select('r.days').where(validOn('r', date)).orderBy('r.valid_from', 'desc').executeTakeFirst();
  return row?.days;
}

export type NewInvitation = { userId: number; kind: 'password' | 'oidc'; tokenHash: string | null; mailTo: string | null; at: Date; expiresAt: Date | null };

/** The user's invitation, new or replacing the one before (its token stops working; mailing starts over). */
export async function saveInvitation(db: Queryable, v: NewInvitation): Promise<void> {
  const row = {
    kind: v.kind,
    token_hash: v.tokenHash,
    mail_to: v.mailTo,
    created_at: v.at,
    expires_at: v.expiresAt,
    accepted_at: null,
    mail_claimed_at: null,
    mail_sent_at: null,
    mail_attempts: 0,
    mail_error: null,
  };
  await db
    .insertInto('user_invitation')
    .values({ user_id: v.userId, ...row })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
    .execute();
}

/** The invitation behind a link (by its token's hash), with its user. */
export async function invitationByTokenHash(db: Queryable, tokenHash: string, lock = false) {
  const q = db
    .selectFrom('user_invitation as i')
    .innerJoin('app_user as u', 'u.id', 'i.user_id')
    .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select(['i.user_id', 'i.kind', 'i.expires_at', 'i.accepted_at', 'u.username', 'u.display_name', 'u.is_active', 'o.name as organisation'])
    .where('i.token_hash', '=', tokenHash);
  return (lock ? q.forUpdate('i') : q).executeTakeFirst();
}

/** A local account's invitation is accepted: the chosen password is set, and the link has been used. */
export async function acceptPasswordInvitation(db: Queryable, userId: number, at: Date, passwordHash: string): Promise<boolean> {
  const done = await db
    .updateTable('user_invitation')
    .set({ accepted_at: at })
    .where('user_id', '=', userId)
    .where('kind', '=', 'password')
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return false;
  await db.updateTable('app_user').set({ password_hash: passwordHash, version: sql<number>`version + 1` }).where('id', '=', userId).execute();
  return true;
}

/** A broker user's invitation is accepted at their first sign-in; true when this sign-in was that one. */
export async function acceptOidcInvitation(db: Queryable, userId: number, at: Date): Promise<boolean> {
  const done = await db
    .updateTable('user_invitation')
    .set({ accepted_at: at })
    .where('user_id', '=', userId)
    .where('kind', '=', 'oidc')
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/**
 * Claims the oldest invitation whose e-mail is waiting (never claimed, or claimed by a process that did not finish
 * within `staleBefore`), skipping rows another process holds: the claimer alone sends it. A local account's
 * invitation gets the new token's hash in the same statement, so the link in the e-mail is the one that works.
 */
export async function claimInvitationMail(db: Queryable, now: Date, staleBefore: Date, maxAttempts: number, tokenHash: string) {
  const { rows } = await sql<{
    user_id: number;
    kind: 'password' | 'oidc';
    mail_to: string;
    expires_at: Date | null;
    username: string;
    display_name: string;
    organisation: string;
  }>`
    with next as (
      select i.user_id from user_invitation i join app_user u on u.id = i.user_id
      where i.mail_to is not null and i.mail_sent_at is null and i.accepted_at is null and u.is_active
        and (i.expires_at is null or i.expires_at > ${now})
        and (i.mail_claimed_at is null or i.mail_claimed_at < ${staleBefore})
        and i.mail_attempts < ${maxAttempts}
      order by i.created_at, i.user_id limit 1
      for update of i skip locked)
    update user_invitation i
      set mail_claimed_at = ${now}, token_hash = case when i.kind = 'password' then ${tokenHash} else null end
    from next, app_user u join organisation o on o.id = u.organisation_id
    where i.user_id = next.user_id and u.id = i.user_id
    returning i.user_id, i.kind, i.mail_to, i.expires_at, u.username, u.display_name, o.name as organisation`.execute(db);
  return rows[0];
}

/** The claimed e-mail went out (only while the claim is still this one: a re-send in between starts over). */
export async function markInvitationMailed(db: Queryable, userId: number, claimedAt: Date, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('user_invitation')
    .set({ mail_sent_at: at, mail_error: null })
    .where('user_id', '=', userId)
    .where('mail_claimed_at', '=', claimedAt)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The claimed e-mail failed: the claim is given back (the next run tries again with a new link) and the error kept. */
export async function releaseInvitationMail(db: Queryable, userId: number, claimedAt: Date, error: string): Promise<boolean> {
  const r = await db
    .updateTable('user_invitation')
    .set({ mail_claimed_at: null, token_hash: null, mail_attempts: sql<number>`mail_attempts + 1`, mail_error: error.slice(0, 500) })
    .where('user_id', '=', userId)
    .where('mail_claimed_at', '=', claimedAt)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
