/**
 * @module Who is asking: the signed-in user with organisation and roles, and the access checks every
 * service starts with.
 */
import { forbidden, unauthorized } from '../errors.js';

export const ROLES = ['sekretariat', 'myndighed', 'tilbudsoekonomi', 'leverandoer', 'laeser', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  sekretariat: 'Sekretariat',
  myndighed: 'Myndighed',
  tilbudsoekonomi: 'Tilbud og økonomi',
  leverandoer: 'Leverandør',
  laeser: 'Læser',
  administrator: 'Brugeradministrator',
};

export type OrganisationKind = 'municipality' | 'region' | 'provider' | 'secretariat';

export type Actor = {
  userId: number;
  username: string;
  displayName: string;
  organisationId: number;
  organisationName: string;
  organisationKind: OrganisationKind;
  /** Agreement areas the organisation belongs to (members) or administers (secretariat), valid today. */
  areaIds: number[];
  roles: Role[];
  /** How the request was authenticated; cookie sessions need CSRF tokens, bearer tokens do not. */
  via: 'session' | 'token';
};

export const hasRole = (actor: Actor | null, ...roles: Role[]): boolean => !!actor && actor.roles.some((r) => roles.includes(r));

/** Throws 401 when nobody is signed in. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthorized();
  return actor;
}

/** Throws 401/403 unless the actor has one of the roles. */
export function requireRole(actor: Actor | null, ...roles: Role[]): Actor {
  const a = requireActor(actor);
  if (!hasRole(a, ...roles)) throw forbidden(`Handlingen kræver rollen ${roles.map((r) => ROLE_LABELS[r]).join(' eller ')}.`);
  return a;
}
