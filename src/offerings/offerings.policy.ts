/**
 * @module Who may do what in the offerings register. Built only from the shared facts in core/access/rules.ts:
 * every signed-in user reads the register; an operator (tilbudsøkonomi of a municipality or region,
 * leverandør of a provider) writes the offerings its own organisation runs; the secretariat writes the
 * offerings located in its agreement area's municipalities.
 */
import { allow, hide, forbid, when, type Policies } from '../core/access/access.js';
import { isAnyOperator, isAnySecretariat, isOperator, isSecretariatOf, isSignedIn } from '../core/access/rules.js';

/**
 * What the rules see of one offering: who runs it and the agreement areas of its municipality on today's
 * date. `null` when the id names no offering (404 for the signed-in, 401 for anonymous).
 */
export type OfferingTarget = { operatorOrgId: number; areaIds: readonly number[] } | null;

/** The register as a whole: the target of listing, creating and importing. */
export const REGISTER = { register: 'offerings' } as const;
export type Register = typeof REGISTER;

declare module '../core/access/access.js' {
  interface Permissions {
    /** Read the register or one offering: any signed-in user. */
    'offerings.read': Register | OfferingTarget;
    /** Create offerings at all (where exactly: `offerings.edit` on the new offering). */
    'offerings.create': Register;
    /** Change (and close) one offering. */
    'offerings.edit': OfferingTarget;
    /** Import offerings from a file (each row: `offerings.edit`). */
    'offerings.import': Register;
  }
}

export const NOT_FOUND = 'Tilbuddet findes ikke.';
export const EDIT_REFUSED = 'Du kan kun redigere tilbud, som din egen organisation driver (sekretariatet: tilbud i eget rammeaftaleområde).';

/** May write offerings somewhere: an operator of its own organisation's, or a secretariat of its area's. */
const mayWriteOfferings = (actor: Parameters<typeof isAnyOperator>[0]) => isAnyOperator(actor) || isAnySecretariat(actor);

export const offeringsPermissions: Policies = {
  'offerings.read': (actor, target) => (!isSignedIn(actor) ? hide('Du skal logge ind.') : target === null ? hide(NOT_FOUND) : allow),
  'offerings.create': (actor) => when(mayWriteOfferings(actor), forbid('Du kan ikke oprette tilbud.')),
  'offerings.edit': (actor, target) =>
    target === null ? hide(NOT_FOUND) : when(isOperator(actor, target.operatorOrgId) || isSecretariatOf(actor, target.areaIds), forbid(EDIT_REFUSED)),
  'offerings.import': (actor) => when(mayWriteOfferings(actor), forbid('Du kan ikke importere tilbud.')),
};
