/**
 * @module Table types for external identities and OpenID Connect sign-in attempts; the version and
 * deactivation time of users.
 */
import type { Generated } from 'kysely';

export type ExternalIdentityTable = {
  issuer: string;
  subject: string;
  user_id: number;
  /** 'mapping': an administrator linked the subject to the user; 'claims': made at sign-in from the broker's claims. */
  source: 'mapping' | 'claims';
  created_at: Generated<Date>;
  last_sign_in_at: Date | null;
};
export type OidcAttemptTable = { state_hash: string; nonce: string; code_verifier: string; next_path: string; created_at: Generated<Date> };

/** A value of the broker's roles claim that gives a Ramme role in the organisation. */
export type OidcRoleMappingTable = { organisation_id: number; claim_value: string; role: string; created_at: Generated<Date> };

/** How many days an invitation link works, as a dated rule. */
export type UserInvitationRuleTable = { id: Generated<number>; days: number; valid_from: string; valid_to: string | null };

/** A user's invitation (one per user; a re-send replaces the token). Only the token's SHA-256 is stored. */
export type UserInvitationTable = {
  user_id: number;
  kind: 'password' | 'oidc';
  token_hash: string | null;
  /** The address the invitation is mailed to; null when the administrator hands the link over. */
  mail_to: string | null;
  created_at: Date;
  /** When a local account's link stops working (null for broker users: they sign in through the broker). */
  expires_at: Date | null;
  accepted_at: Date | null;
  mail_claimed_at: Date | null;
  mail_sent_at: Date | null;
  mail_attempts: Generated<number>;
  mail_error: string | null;
};

declare module '../core/db/types.js' {
  interface DB {
    user_invitation_rule: UserInvitationRuleTable;
    user_invitation: UserInvitationTable;
    oidc_role_mapping: OidcRoleMappingTable;
    external_identity: ExternalIdentityTable;
    oidc_attempt: OidcAttemptTable;
  }
}
