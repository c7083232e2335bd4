/**
 * @module Which roles a user of each kind of organisation may hold (pure): what an administrator may give.
 */
import type { OrganisationKind, Role } from '../core/auth/actor.js';

export const ROLES_FOR_KIND: Record<OrganisationKind, readonly Role[]> = {
  municipality: ['myndighed', 'tilbudsoekonomi', 'laeser', 'administrator'],
  region: ['myndighed', 'tilbudsoekonomi', 'laeser', 'administrator'],
  provider: ['leverandoer', 'laeser', 'administrator'],
  secretariat: ['sekretariat', 'laeser', 'administrator'],
};

/** Role names from a claim: a list, or one string split on spaces and commas; unknown names are dropped. */
export function rolesFromClaim(value: unknown, allowed: readonly Role[]): Role[] {
  const names = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return [...new Set(names.map((n) => n.trim().toLowerCase()))].filter((n): n is Role => (allowed as readonly string[]).includes(n)).sort();
}

/** A username for a user first seen through the identity broker: stable for the subject, within the username rule. */
export function usernameForSubject(subjectHash: string): string {
  return `oidc-${subjectHash.slice(0, 16)}`;
}
