/**
 * @module Table types for users, roles, sessions, API tokens and the audit log.
 */
import type { Generated, JSONColumnType } from 'kysely';

export type AppUserTable = {
  id: Generated<number>;
  username: string;
  display_name: string;
  email: string | null;
  organisation_id: number;
  password_hash: string | null;
  is_active: Generated<boolean>;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  /** Raised by every edit (user administration sends it back: 412 when stale). */
  version: Generated<number>;
  deactivated_at: Date | null;
};
export type UserRoleTable = { user_id: number; role: string };
export type SessionTable = { id_hash: string; user_id: number; csrf_token: string; created_at: Generated<Date>; expires_at: Date };
export type ApiTokenTable = {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
  /** The last day the token works (a Copenhagen date). */
  expires_on: string;
};
export type LoginFailureTable = { id: Generated<string>; account: string; address: string; at: Generated<Date> };
export type AuditLogTable = {
  id: Generated<string>;
  at: Generated<Date>;
  actor_user_id: number | null;
  actor_username: string;
  actor_org_id: number | null;
  entity: string;
  entity_id: string;
  action: 'create' | 'update' | 'delete' | 'sign_in' | 'sign_in_failed' | 'sign_out';
  before: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  after: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  request_id: string | null;
  client_address: string | null;
};

declare module '../db/types.js' {
  interface DB {
    app_user: AppUserTable;
    user_role: UserRoleTable;
    user_session: SessionTable;
    api_token: ApiTokenTable;
    login_failure: LoginFailureTable;
    audit_log: AuditLogTable;
  }
}
