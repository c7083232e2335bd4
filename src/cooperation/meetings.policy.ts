/**
 * @module Who may do what with the cooperation's meetings. Every signed-in user (a reader token too) reads the
 * meetings and their programmes; the area's secretariat plans them and writes and publishes the minutes (any
 * secretariat for the national bodies). Internal minutes are read by the body's members (a user acting for an
 * organisation that sits in the body) and the secretariat; minutes published to the area's members by anyone in
 * the area; minutes published to all by every signed-in user.
 */
import { allow, forbid, hide, type Policies, type Verdict } from '../core/access/access.js';
import { actsForOrganisation, isInArea, isSignedIn } from '../core/access/rules.js';
import type { Actor } from '../core/auth/actor.js';
import { type AreaTarget, isAreaSecretariat, NOT_SIGNED_IN } from './cooperation.policy.js';
import type { MinutesVisibility } from './meetings.table.js';

/** The minutes of one meeting: its area, whether the actor's organisation sits in the body, and who may read them. */
export type MinutesTarget = AreaTarget & { isMemberOfBody: boolean; visibility: MinutesVisibility };

declare module '../core/access/access.js' {
  interface Permissions {
    /** Plan and change meetings, write and publish minutes: the area's secretariat. */
    'cooperation.meeting.edit': AreaTarget;
    /** Read a meeting's minutes and decisions. */
    'cooperation.minutes.read': MinutesTarget;
  }
}

/** The body's members, as far as the minutes go: someone acting (not only reading) for an organisation in the body. */
export const isBodyMember = (actor: Actor | null, isMemberOrg: boolean): actor is Actor => isMemberOrg && actsForOrganisation(actor);

const edit = (actor: Actor | null, t: AreaTarget): Verdict => {
  if (!isSignedIn(actor)) return hide(NOT_SIGNED_IN);
  return isAreaSecretariat(actor, t.areaId) ? allow : forbid(`Kun sekretariatet for ${t.areaName} kan planlægge møder og skrive referater.`);
};

const readMinutes = (actor: Actor | null, t: MinutesTarget): Verdict => {
  if (!isSignedIn(actor)) return hide(NOT_SIGNED_IN);
  if (isAreaSecretariat(actor, t.areaId) || isBodyMember(actor, t.isMemberOfBody)) return allow;
  if (t.visibility === 'offentlig') return allow;
  if (t.visibility === 'medlemmer' && t.areaId !== null && isInArea(actor, t.areaId)) return allow;
  return forbid('Referatet er internt for organets medlemmer og sekretariatet.');
};

export const meetingPermissions: Policies = {
  'cooperation.meeting.edit': edit,
  'cooperation.minutes.read': readMinutes,
};
