/**
 * @module User administration and OpenID Connect sign-in: the administrator role, a version on users (edits
 * carry it), the mapping from an identity broker's subject to a Ramme user, and the sign-in attempts in
 * flight (state, nonce and PKCE verifier in the database, so any process can finish a sign-in another began).
 */
import { sql, type Kysely, type Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table user_role drop constraint user_role_role_check;
    alter table user_role add constraint user_role_role_check
      check (role in ('sekretariat','myndighed','tilbudsoekonomi','leverandoer','laeser','administrator'));
    alter table app_user add column version integer not null default 1, add column deactivated_at timestamptz;
    create table external_identity (
      issuer text not null, subject text not null check (length(subject) between 1 and 255),
      user_id integer not null references app_user(id) on delete cascade,
      source text not null check (source in ('mapping','claims')),
      created_at timestamptz not null default now(), last_sign_in_at timestamptz,
      primary key (issuer, subject));
    create index external_identity_user on external_identity (user_id);
    create table oidc_attempt (
      state_hash text primary key, nonce text not null, code_verifier text not null, next_path text not null,
      created_at timestamptz not null default now());
    create index oidc_attempt_created on oidc_attempt (created_at);
  `.execute(db);
}

/** An organisation's administrator maps the broker's role values (e.g. a role URI) to Ramme roles. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function roleMapping(db: Kysely<any>): Promise<void> {
  await sql`
    create table oidc_role_mapping (
      organisation_id integer not null references organisation(id),
      claim_value text not null check (length(claim_value) between 1 and 255),
      role text not null check (role in ('sekretariat','myndighed','tilbudsoekonomi','leverandoer','laeser','administrator')),
      created_at timestamptz not null default now(),
      primary key (organisation_id, claim_value, role));
  `.execute(db);
}

/**
 * Invitations by e-mail: one per user (a re-send replaces it). A local account's invitation holds only the SHA-256
 * of its one-time link's token; the e-mail is claimed before it is sent (`mail_claimed_at`), so several processes
 * send it once. How long a link works is a dated rule (`user_invitation_rule`), 7 days from the start.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function invitations(db: Kysely<any>): Promise<void> {
  await sql`
    create table user_invitation_rule (
      id serial primary key,
      days integer not null check (days between 1 and 90),
      valid_from date not null,
      valid_to date,
      check (valid_to is null or valid_to >= valid_from));
    insert into user_invitation_rule (days, valid_from) values (7, '2020-01-01');
    create table user_invitation (
      user_id integer primary key references app_user(id) on delete cascade,
      kind text not null check (kind in ('password','oidc')),
      token_hash text unique check (token_hash is null or token_hash ~ '^[0-9a-f]{64}$'),
      mail_to text check (mail_to is null or length(mail_to) between 3 and 254),
      created_at timestamptz not null,
      expires_at timestamptz,
      accepted_at timestamptz,
      mail_claimed_at timestamptz,
      mail_sent_at timestamptz,
      mail_attempts integer not null default 0,
      mail_error text,
      check ((kind = 'password') = (expires_at is not null)));
    create index user_invitation_unsent on user_invitation (created_at) where mail_to is not null and mail_sent_at is null and accepted_at is null;
  `.execute(db);
}

export const usersMigrations: Record<string, Migration> = {
  '0910_user_administration': { up },
  '0911_oidc_role_mapping': { up: roleMapping },
  '0920_user_invitation': { up: invitations },
};
