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

declare module '../core/db/types.js' {
  interface DB {
    oidc_role_mapping: OidcRoleMappingTable;
    external_identity: ExternalIdentityTable;
    oidc_attempt: OidcAttemptTable;
  }
}
