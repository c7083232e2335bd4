/**
 * @module Who may do what in the cooperation, built only from the shared facts in core/access/rules.ts. Every
 * signed-in user reads the bodies, members, mandates and organisation charts (a reader token too); the
 * secretariat of the area changes them (any secretariat the national bodies, which have no area).
 */
import { allow, forbid, hide, type Policies, type Verdict } from '../core/access/access.js';
import { isAnySecretariat, isSecretariatOf, isSignedIn } from '../core/access/rules.js';
import type { Actor } from '../core/auth/actor.js';

/** An area's part of the cooperation (null areaId: the national bodies). */
export type AreaTarget = { areaId: number | null; areaName: string };

declare module '../core/access/access.js' {
  interface Permissions {
    /** Read the cooperation's bodies, members, mandates and charts: any signed-in user. */
    'cooperation.read': Record<string, never>;
    /** Create and change bodies, members, mandates and organisation versions: the area's secretariat. */
    'cooperation.edit': AreaTarget;
  }
}

export const COOPERATION = {} as Record<string, never>;
export const NOT_SIGNED_IN = 'Du skal logge ind for at se samarbejdet.';

/** The secretariat of the area; for a national body (no area), any secretariat. */
export const isAreaSecretariat = (actor: Actor | null, areaId: number | null): actor is Actor =>
  areaId === null ? isAnySecretariat(actor) : isSecretariatOf(actor, areaId);

const secretariat = (actor: Actor | null, t: AreaTarget): Verdict => {
  if (!isSignedIn(actor)) return hide(NOT_SIGNED_IN);
  return isAreaSecretariat(actor, t.areaId) ? allow : forbid(`Kun sekretariatet for ${t.areaName} kan ændre samarbejdets organisering.`);
};

export const cooperationPermissions: Policies = {
  'cooperation.read': (actor) => (isSignedIn(actor) ? allow : hide(NOT_SIGNED_IN)),
  'cooperation.edit': secretariat,
};
