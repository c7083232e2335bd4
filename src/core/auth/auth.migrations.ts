/**
 * @module Users, roles, sessions, API tokens and the audit log.
 */
import { sql, type Kysely, type Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table app_user (
      id serial primary key, username text not null unique check (username ~ '^[a-z0-9._-]{3,60}$'),
      display_name text not null, email text, organisation_id integer not null references organisation(id),
      password_hash text, is_active boolean not null default true, is_demo boolean not null default false,
      created_at timestamptz not null default now());
    create table user_role (
      user_id integer not null references app_user(id) on delete cascade,
      role text not null check (role in ('sekretariat','myndighed','tilbudsoekonomi','leverandoer','laeser')),
      primary key (user_id, role));
    create table user_session (
      id_hash text primary key, user_id integer not null references app_user(id) on delete cascade,
      csrf_token text not null, created_at timestamptz not null default now(), expires_at timestamptz not null);
    create index user_session_user on user_session (user_id);
    create table api_token (
      id serial primary key, user_id integer not null references app_user(id) on delete cascade,
      name text not null, token_hash text not null unique, created_at timestamptz not null default now(),
      last_used_at timestamptz, revoked_at timestamptz);
    create table audit_log (
      id bigserial primary key, at timestamptz not null default now(),
      actor_user_id integer references app_user(id), actor_username text not null, actor_org_id integer references organisation(id),
      entity text not null, entity_id text not null, action text not null check (action in ('create','update','delete')),
      before jsonb, after jsonb);
    create index audit_log_entity on audit_log (entity, entity_id);
    create index audit_log_at on audit_log (at desc);
    create index audit_log_org on audit_log (actor_org_id, at desc);
  `.execute(db);
}

/** Audit events carry the request id and client address; sign-ins and sign-outs are audited too. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function auditRequest(db: Kysely<any>): Promise<void> {
  await sql`
    alter table audit_log add column request_id text, add column client_address text;
    alter table audit_log drop constraint audit_log_action_check;
    alter table audit_log add constraint audit_log_action_check
      check (action in ('create','update','delete','sign_in','sign_in_failed','sign_out'));
  `.execute(db);
}

/**
 * API tokens expire (tokens made before get 90 days from the upgrade); failed sign-ins are counted in the
 * database, per account and per client address, so every process shares the counts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function security(db: Kysely<any>): Promise<void> {
  await sql`
    alter table api_token add column expires_on date;
    update api_token set expires_on = current_date + 90;
    alter table api_token alter column expires_on set not null;
    create table login_failure (
      id bigserial primary key, account text not null, address text not null, at timestamptz not null default now());
    create index login_failure_account on login_failure (account, at);
    create index login_failure_address on login_failure (address, at);
  `.execute(db);
}

export const authMigrations: Record<string, Migration> = {
  '0002_auth_audit': { up },
  '0003_audit_request': { up: auditRequest },
  '0004_token_expiry_login_failures': { up: security },
};
