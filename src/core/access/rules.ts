/**
 * @module The shared facts access rules are made of, written once. Each takes the actor (null when nobody
 * is signed in) and plain ids, so list queries can use the same facts as sets of ids (see `scopeOf`).
 */
import { hasRole, type Actor } from '../auth/actor.js';

export const isSignedIn = (actor: Actor | null): actor is Actor => !!actor;

/** The actor's own organisation. */
export const isOwnOrganisation = (actor: Actor | null, organisationId: number): actor is Actor => !!actor && actor.organisationId === organisationId;

/** Roles that do not act in the cooperation's work: reading, and administering the organisation's users. */
const NON_ACTING_ROLES: readonly string[] = ['laeser', 'administrator'];

/** Any role but reader and user administrator: the user may act (answer, decide, submit) for the organisation. */
export const actsForOrganisation = (actor: Actor | null): actor is Actor => !!actor && actor.roles.some((r) => !NON_ACTING_ROLES.includes(r));

/** The secretariat (role and organisation) of one of the given agreement areas. */
export const isSecretariatOf = (actor: Actor | null, areaIds: number | readonly number[]): actor is Actor => {
  if (actor?.organisationKind !== 'secretariat' || !hasRole(actor, 'sekretariat')) return false;
  const ids = typeof areaIds === 'number' ? [areaIds] : areaIds;
  return ids.some((id) => actor.areaIds.includes(id));
};

/** A secretariat user of any area. */
export const isAnySecretariat = (actor: Actor | null): actor is Actor => !!actor && actor.organisationKind === 'secretariat' && hasRole(actor, 'sekretariat');

/** The actor's organisation belongs to (or administers) one of the areas, today. */
export const isInArea = (actor: Actor | null, areaIds: number | readonly number[]): actor is Actor => {
  if (!actor) return false;
  const ids = typeof areaIds === 'number' ? [areaIds] : areaIds;
  return ids.some((id) => actor.areaIds.includes(id));
};

/** The actor's organisation is one of the members (e.g. of an agreement). */
export const isMemberOf = (actor: Actor | null, memberOrganisationIds: readonly number[]): actor is Actor =>
  !!actor && memberOrganisationIds.includes(actor.organisationId);

/**
 * The actor runs offerings for `operatorOrgId`: tilbudsøkonomi of that municipality or region, or
 * leverandør of that private provider.
 */
export const isOperator = (actor: Actor | null, operatorOrgId: number): actor is Actor => {
  if (!actor || actor.organisationId !== operatorOrgId) return false;
  if (hasRole(actor, 'tilbudsoekonomi') && (actor.organisationKind === 'municipality' || actor.organisationKind === 'region')) return true;
  return hasRole(actor, 'leverandoer') && actor.organisationKind === 'provider';
};

/** May the actor run offerings at all (some organisation's operator role)? */
export const isAnyOperator = (actor: Actor | null): actor is Actor => !!actor && isOperator(actor, actor.organisationId);

/**
 * The actor's scope as sets of ids, for list queries: filter inside the query with these, never one access
 * query per row.
 */
export type Scope = {
  organisationId: number | null;
  /** Areas the actor's organisation is in today (members) or administers (secretariat). */
  areaIds: number[];
  /** Areas the actor is the secretariat of. */
  secretariatAreaIds: number[];
  /** The organisation whose offerings the actor operates (null when the actor has no operator role). */
  operatorOrgId: number | null;
};

export function scopeOf(actor: Actor | null): Scope {
  if (!actor) return { organisationId: null, areaIds: [], secretariatAreaIds: [], operatorOrgId: null };
  return {
    organisationId: actor.organisationId,
    areaIds: [...actor.areaIds],
    secretariatAreaIds: isAnySecretariat(actor) ? [...actor.areaIds] : [],
    operatorOrgId: isAnyOperator(actor) ? actor.organisationId : null,
  };
}
