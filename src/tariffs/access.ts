/**
 * @module Who may do what with tariffs. The operating organisation's tilbudsøkonomi (a municipality or the
 * region) or a private provider's leverandør edits its own offerings' tariffs; the secretariat of the agreement
 * area approves, returns and publishes; everyone reads published tariffs and overviews.
 */
import { hasRole, type Actor } from '../core/auth/actor.js';
import type { TariffStatus } from './tariffs.table.js';

export function canEditTariffsOf(actor: Actor | null, offering: { operator_org_id: number }): boolean {
  if (!actor || offering.operator_org_id !== actor.organisationId) return false;
  if (hasRole(actor, 'tilbudsoekonomi') && (actor.organisationKind === 'municipality' || actor.organisationKind === 'region')) return true;
  return hasRole(actor, 'leverandoer') && actor.organisationKind === 'provider';
}

export function canReviewArea(actor: Actor | null, areaId: number): boolean {
  return !!actor && hasRole(actor, 'sekretariat') && actor.organisationKind === 'secretariat' && actor.areaIds.includes(areaId);
}

/** Published versions are public; unpublished ones only for the operator and the area's secretariat. */
export function canSeeVersion(actor: Actor | null, v: { status: TariffStatus; area_id: number }, offering: { operator_org_id: number }): boolean {
  if (v.status === 'offentliggjort') return true;
  return canEditTariffsOf(actor, offering) || canReviewArea(actor, v.area_id);
}

/** Anyone signed in may read the increase report and review lists; they hold no personal data. */
export const canReadWatch = (actor: Actor | null): boolean => !!actor;
