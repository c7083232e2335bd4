/**
 * @module Who may do what with an agreement. The secretariat edits its own area's agreements; members (the
 * area's municipalities and region at the start of the period) set only their own statuses, answers and
 * decisions with any non-reader user; readers read; the public sees only published agreements.
 */
import { hasRole, type Actor } from '../core/auth/actor.js';
import { forbidden, unauthorized } from '../core/errors.js';
import type { AgreementRow, Member } from './agreements.repo.js';

export const isSecretariatFor = (actor: Actor | null, agreement: Pick<AgreementRow, 'area_id'>): boolean =>
  !!actor && actor.organisationKind === 'secretariat' && hasRole(actor, 'sekretariat') && actor.areaIds.includes(agreement.area_id);

/** Signed-in users with any role other than reader may act for their organisation. */
export const canActForOrganisation = (actor: Actor | null): actor is Actor => !!actor && actor.roles.some((r) => r !== 'laeser');

export function canRead(actor: Actor | null, a: Pick<AgreementRow, 'area_id' | 'is_public' | 'status'>): boolean {
  if (a.is_public) return true;
  if (!actor) return false;
  // A hearing is open to every signed-in organisation (providers, user organisations, other areas).
  return actor.areaIds.includes(a.area_id) || a.status === 'i_hoering';
}

export function requireRead(actor: Actor | null, a: Pick<AgreementRow, 'area_id' | 'is_public' | 'status'>): void {
  if (canRead(actor, a)) return;
  if (!actor) throw unauthorized('Aftalen er ikke offentliggjort. Log ind for at se den.');
  throw forbidden('Du har ikke adgang til denne aftale. Den er ikke offentliggjort, og din organisation er ikke med i aftaleområdet.');
}

export function requireSecretariat(actor: Actor | null, a: Pick<AgreementRow, 'area_id' | 'area_name'>): Actor {
  if (!actor) throw unauthorized();
  if (!isSecretariatFor(actor, a)) throw forbidden(`Kun sekretariatet for ${a.area_name} kan ændre aftalen.`);
  return actor;
}

/** The actor acts for `organisationId`: its own organisation, a member of the agreement, with a writing role. */
export function requireOwnMember(actor: Actor | null, members: readonly Member[], organisationId: number, what: string): Actor {
  if (!actor) throw unauthorized();
  if (!canActForOrganisation(actor)) throw forbidden('Rollen Læser kan kun læse.');
  if (!members.some((m) => m.id === actor.organisationId)) throw forbidden(`Kun aftalens medlemmer (kommunerne og regionen) kan ${what}.`);
  if (actor.organisationId !== organisationId) throw forbidden(`Du kan kun ${what} for din egen organisation.`);
  return actor;
}

/** The member itself, or the area's secretariat on its behalf (used for council decisions). */
export function requireMemberOrSecretariat(actor: Actor | null, a: Pick<AgreementRow, 'area_id' | 'area_name'>, members: readonly Member[], organisationId: number, what: string): Actor {
  if (isSecretariatFor(actor, a)) return actor!;
  return requireOwnMember(actor, members, organisationId, what);
}
