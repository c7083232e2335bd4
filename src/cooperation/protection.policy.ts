/**
 * @module Who may do what with the protected offerings' watch and their dialogue cases, built only from the shared
 * facts in core/access/rules.ts. Every signed-in user reads (a reader token too): the watch shows counts, published
 * tariffs and cases, no citizens. The area's secretariat keeps the trigger rules, records the seller's notices, opens
 * a dialogue case on a firing trigger, records its steps and closes it with the outcome; each member municipality
 * of the area answers for itself only, by a user who acts for it.
 */
import { allow, forbid, hide, type Policies, type Verdict } from '../core/access/access.js';
import { actsForOrganisation, isOwnOrganisation, isSecretariatOf, isSignedIn } from '../core/access/rules.js';
import { hasRole, type Actor } from '../core/auth/actor.js';

/** The area whose rules, notices or cases are changed; `areaName` for the message. */
export type ProtectionEditTarget = { areaId: number; areaName: string };
/** One municipality's answer; `isMember`: it is a member of the case's area (and not the offering's operator). */
export type DialogueAnswerTarget = { organisationId: number; organisationName: string; isMember: boolean };

declare module '../core/access/access.js' {
  interface Permissions {
    /** Read the watch pages, trigger rules and dialogue cases: any signed-in user. */
    'protection.read': Record<string, never>;
    /** Keep the rules, record notices, open, advance and close dialogue cases: the area's secretariat. */
    'protection.edit': ProtectionEditTarget;
    /** Answer a dialogue case for a municipality: that municipality's own acting users. */
    'protection.answer': DialogueAnswerTarget;
  }
}

export const PROTECTION = {} as Record<string, never>;
const NOT_SIGNED_IN = 'Du skal logge ind for at se de beskyttede tilbud.';

const actsForMunicipality = (actor: Actor): boolean =>
  actor.organisationKind === 'municipality' && actsForOrganisation(actor) && hasRole(actor, 'myndighed', 'tilbudsoekonomi');

const edit = (actor: Actor | null, t: ProtectionEditTarget): Verdict => {
  if (!isSignedIn(actor)) return hide(NOT_SIGNED_IN);
  return isSecretariatOf(actor, t.areaId) ? allow : forbid(`Kun sekretariatet for ${t.areaName} ændrer udløsere, varsler og dialogsager.`);
};

const answer = (actor: Actor | null, t: DialogueAnswerTarget): Verdict => {
  if (!isSignedIn(actor)) return hide(NOT_SIGNED_IN);
  if (!isOwnOrganisation(actor, t.organisationId)) return forbid(`Du kan kun svare for din egen kommune, ikke for ${t.organisationName}.`);
  if (!actsForMunicipality(actor)) return forbid('Kommunens svar gives af en bruger med rollen Myndighed eller Tilbud og økonomi.');
  return t.isMember ? allow : forbid('Din kommune er ikke part i dialogsagen: den er ikke medlem af området, eller den driver tilbuddet.');
};

export const protectionPermissions: Policies = {
  'protection.read': (actor) => (isSignedIn(actor) ? allow : hide(NOT_SIGNED_IN)),
  'protection.edit': edit,
  'protection.answer': answer,
};
