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

/** The values of a claim: a list, or one string split on spaces and commas. */
export function claimValues(value: unknown): string[] {
  const names = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}

/**
 * The Ramme roles a roles claim gives: values that are role names, and values the organisation's administrator
 * has mapped to roles (`mapped`: value → role); roles the organisation's kind cannot hold are dropped.
 */
export function rolesFromClaim(value: unknown, allowed: readonly Role[], mapped: ReadonlyArray<{ claim_value: string; role: string }> = []): Role[] {
  const values = claimValues(value);
  const named = values.map((v) => v.toLowerCase());
  const fromMapping = mapped.filter((m) => values.includes(m.claim_value)).map((m) => m.role);
  return [...new Set([...named, ...fromMapping])].filter((n): n is Role => (allowed as readonly string[]).includes(n)).sort();
}

/** A username for a user first seen through the identity broker: stable for the subject, within the username rule. */
export function usernameForSubject(subjectHash: string): string {
  return `oidc-${subjectHash.slice(0, 16)}`;
}
