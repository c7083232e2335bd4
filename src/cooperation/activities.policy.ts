/**
 * @module Who may do what with the cooperation's activities and projects. Every signed-in user (a reader token too)
 * reads them (`cooperation.read`); only the area's secretariat records and changes them.
 */
import { allow, forbid, hide, type Policies, type Verdict } from '../core/access/access.js';
import { isSignedIn } from '../core/access/rules.js';
import type { Actor } from '../core/auth/actor.js';
import { type AreaTarget, isAreaSecretariat, NOT_SIGNED_IN } from './cooperation.policy.js';

declare module '../core/access/access.js' {
  interface Permissions {
    /** Record and change the area's activities and projects: the area's secretariat. */
    'cooperation.activity.edit': AreaTarget;
  }
}

const edit = (actor: Actor | null, t: AreaTarget): Verdict => {
  if (!isSignedIn(actor)) return hide(NOT_SIGNED_IN);
  return isAreaSecretariat(actor, t.areaId) ? allow : forbid(`Kun sekretariatet for ${t.areaName} kan registrere og rette aktiviteter og projekter.`);
};

export const activityPermissions: Policies = { 'cooperation.activity.edit': edit };
