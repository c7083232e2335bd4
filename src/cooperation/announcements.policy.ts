/**
 * @module Who may do what with the national central announcements, built only from the shared facts in
 * core/access/rules.ts. Every signed-in user reads announcements, answers and reports (a reader token too); the
 * secretariat of a concerned area creates and edits an announcement (national coordination: any secretariat for
 * its own area); only the area's secretariat compiles and sends the area's report; a member municipality answers
 * for itself only, by a user who acts for it (myndighed or tilbud og økonomi, not a reader).
 */
import { allow, forbid, hide, type Policies, type Verdict } from '../core/access/access.js';
import { actsForOrganisation, isOwnOrganisation, isSecretariatOf, isSignedIn } from '../core/access/rules.js';
import { hasRole, type Actor } from '../core/auth/actor.js';

/** An announcement by the areas it concerns (on create: the areas asked for). */
export type AnnouncementTarget = { areaIds: readonly number[] };
/** One area's report on an announcement. */
export type AnnouncementAreaTarget = { areaId: number; areaName: string };
/** One municipality's answers to an announcement; `isConcerned`: the municipality is a member of a concerned area. */
export type AnnouncementAnswerTarget = { organisationId: number; organisationName: string; isConcerned: boolean };

declare module '../core/access/access.js' {
  interface Permissions {
    /** Read announcements, answers and reports: any signed-in user. */
    'announcements.read': Record<string, never>;
    /** Create and change an announcement (title, deadline, extensions, questions, joint answer). */
    'announcements.edit': AnnouncementTarget;
    /** Compile, send and record the response to an area's report: the area's secretariat. */
    'announcements.report': AnnouncementAreaTarget;
    /** Answer an announcement's questions for a municipality: that municipality's own users. */
    'announcements.answer': AnnouncementAnswerTarget;
  }
}

export const ANNOUNCEMENTS = {} as Record<string, never>;
const NOT_SIGNED_IN = 'Du skal logge ind for at se de centrale udmeldinger.';

const edit = (actor: Actor | null, t: AnnouncementTarget): Verdict => {
  if (!isSignedIn(actor)) return hide(NOT_SIGNED_IN);
  return isSecretariatOf(actor, t.areaIds)
    ? allow
    : forbid('Kun sekretariatet for et af de berørte rammeaftaleområder kan oprette og ændre en central udmelding.');
};

const report = (actor: Actor | null, t: AnnouncementAreaTarget): Verdict => {
  if (!isSignedIn(actor)) return hide(NOT_SIGNED_IN);
  return isSecretariatOf(actor, t.areaId) ? allow : forbid(`Kun sekretariatet for ${t.areaName} kan udarbejde og sende områdets afrapportering.`);
};

const answer = (actor: Actor | null, t: AnnouncementAnswerTarget): Verdict => {
  if (!isSignedIn(actor)) return hide(NOT_SIGNED_IN);
  if (!isOwnOrganisation(actor, t.organisationId)) return forbid(`Du kan kun svare for din egen kommune, ikke for ${t.organisationName}.`);
  if (actor.organisationKind !== 'municipality' || !actsForOrganisation(actor) || !hasRole(actor, 'myndighed', 'tilbudsoekonomi'))
    return forbid('Kommunens svar gives af en bruger med rollen Myndighed eller Tilbud og økonomi.');
  return t.isConcerned ? allow : forbid('Din kommune er ikke med i et af de rammeaftaleområder, udmeldingen vedrører.');
};

export const announcementPermissions: Policies = {
  'announcements.read': (actor) => (isSignedIn(actor) ? allow : hide(NOT_SIGNED_IN)),
  'announcements.edit': edit,
  'announcements.report': report,
  'announcements.answer': answer,
};
