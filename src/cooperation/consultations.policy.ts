/**
 * @module Who may do what with the joint consultations, built only from the shared facts in core/access/rules.ts.
 * Every signed-in user reads cases and answers (a reader token too); a member municipality of the area opens a case
 * (for a closure or re-labelling: the municipality operating the offering) by a user who acts for it (myndighed or
 * tilbud og økonomi); the opening municipality closes it; each member municipality answers for itself only.
 */
import { allow, forbid, hide, type Policies, type Verdict } from '../core/access/access.js';
import { actsForOrganisation, isInArea, isOwnOrganisation, isSignedIn } from '../core/access/rules.js';
import { hasRole, type Actor } from '../core/auth/actor.js';

/** Opening a case in an area; `operatorOrgId`: the offering's operator (closure, re-labelling), null for an inquiry. */
export type ConsultationOpenTarget = { areaId: number; operatorOrgId: number | null };
/** Closing a case: the opening municipality. */
export type ConsultationCloseTarget = { openerOrgId: number; openerName: string };
/** One municipality's answer; `isMember`: it is a member of the case's area. */
export type ConsultationAnswerTarget = { organisationId: number; organisationName: string; isMember: boolean };

declare module '../core/access/access.js' {
  interface Permissions {
    /** Read consultation cases and answers: any signed-in user. */
    'consultations.read': Record<string, never>;
    /** Open a consultation case: a member municipality's acting user (the operator of the offering). */
    'consultations.open': ConsultationOpenTarget;
    /** Record the outcome and the local decision: the opening municipality. */
    'consultations.close': ConsultationCloseTarget;
    /** Answer a case for a municipality: that municipality's own acting users. */
    'consultations.answer': ConsultationAnswerTarget;
  }
}

export const CONSULTATIONS = {} as Record<string, never>;
const NOT_SIGNED_IN = 'Du skal logge ind for at se de fælles drøftelser.';
const ROLE = 'Kommunen handler ved en bruger med rollen Myndighed eller Tilbud og økonomi.';

const actsForMunicipality = (actor: Actor): boolean =>
  actor.organisationKind === 'municipality' && actsForOrganisation(actor) && hasRole(actor, 'myndighed', 'tilbudsoekonomi');

const open = (actor: Actor | null, t: ConsultationOpenTarget): Verdict => {
  if (!isSignedIn(actor)) return hide(NOT_SIGNED_IN);
  if (!actsForMunicipality(actor)) return forbid(`Kun en medlemskommune opretter en drøftelse. ${ROLE}`);
  if (!isInArea(actor, t.areaId)) return forbid('Din kommune er ikke medlem af rammeaftaleområdet.');
  if (t.operatorOrgId !== null && !isOwnOrganisation(actor, t.operatorOrgId))
    return forbid('Kun den kommune, der driver tilbuddet, opretter en drøftelse om lukning eller omlægning.');
  return allow;
};

const close = (actor: Actor | null, t: ConsultationCloseTarget): Verdict => {
  if (!isSignedIn(actor)) return hide(NOT_SIGNED_IN);
  if (!isOwnOrganisation(actor, t.openerOrgId) || !actsForMunicipality(actor))
    return forbid(`Kun ${t.openerName}, der har oprettet drøftelsen, afslutter den.`);
  return allow;
};

const answer = (actor: Actor | null, t: ConsultationAnswerTarget): Verdict => {
  if (!isSignedIn(actor)) return hide(NOT_SIGNED_IN);
  if (!isOwnOrganisation(actor, t.organisationId)) return forbid(`Du kan kun svare for din egen kommune, ikke for ${t.organisationName}.`);
  if (!actsForMunicipality(actor)) return forbid(`Kommunens svar gives af en bruger med rollen Myndighed eller Tilbud og økonomi.`);
  return t.isMember ? allow : forbid('Din kommune er ikke medlem af det rammeaftaleområde, drøftelsen hører til.');
};

export const consultationPermissions: Policies = {
  'consultations.read': (actor) => (isSignedIn(actor) ? allow : hide(NOT_SIGNED_IN)),
  'consultations.open': open,
  'consultations.close': close,
  'consultations.answer': answer,
};
