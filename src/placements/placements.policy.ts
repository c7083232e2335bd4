/**
 * @module Who may do what with free places and reservations. Built from the shared facts in
 * core/access/rules.ts: every signed-in user reads an offering's vacancy report; only the offering's operator
 * (tilbudsøkonomi of the municipality or region, leverandør of the provider) reports and confirms it; a case
 * worker (myndighed) of a municipality searches and reserves; the operator confirms or declines a reservation,
 * the buyer cancels it; the secretariat reads its area's reservations and stale reports but changes none.
 */
import { allow, forbid, hide, when, type Policies } from '../core/access/access.js';
import { hasRole, type Actor } from '../core/auth/actor.js';
import { isAnyOperator, isAnySecretariat, isOperator, isOwnOrganisation, isSecretariatOf, isSignedIn } from '../core/access/rules.js';

/** One offering as the rules see it: who runs it and the agreement areas of its municipality today. */
export type PlaceOfferingTarget = { operatorOrgId: number; areaIds: readonly number[] } | null;

/** One reservation: the buying organisation, the offering's operator and the offering's areas. */
export type ReservationTarget = { buyerOrgId: number; operatorOrgId: number; areaIds: readonly number[] } | null;

/** Placements as a whole: the target of searching and of the lists. */
export const PLACEMENTS = { register: 'placements' } as const;
export type PlacementsRegister = typeof PLACEMENTS;

declare module '../core/access/access.js' {
  interface Permissions {
    /** Read an offering's vacancy report: any signed-in user. */
    'placements.vacancy.read': PlaceOfferingTarget;
    /** Report or confirm an offering's free places: its operator only. */
    'placements.vacancy.report': PlaceOfferingTarget;
    /** The stale reports per operator: the secretariat (its own area's). */
    'placements.stale.list': PlacementsRegister;
    /** Search places for a citizen (each search is kept): a case worker of a municipality. */
    'placements.search': PlacementsRegister;
    /** Reserve a free place in an offering: a case worker of a municipality. */
    'placements.reserve': PlaceOfferingTarget;
    /** The reservations list: the buyer's case workers, operators and the secretariat (each sees its own). */
    'placements.reservation.list': PlacementsRegister;
    /** One reservation: the buying organisation, the offering's operator, the area's secretariat. */
    'placements.reservation.read': ReservationTarget;
    /** Confirm or decline a reservation: the offering's operator. */
    'placements.reservation.decide': ReservationTarget;
    /** Cancel a reservation: the buyer's case worker. */
    'placements.reservation.cancel': ReservationTarget;
    /** Read a contract: the buyer's case workers, the provider's operator, the area's secretariat (reads, changes none). */
    'placements.contract.read': ReservationTarget;
    /** Make a contract draft, record the public-first check and send it: the buyer's case worker. */
    'placements.contract.edit': ReservationTarget;
    /** Accept a sent contract: the provider's operator. */
    'placements.contract.accept': ReservationTarget;
    /** Give notice on an accepted contract: the buyer's case worker or the provider's operator (each for its own party). */
    'placements.contract.notice': ReservationTarget;
    /** Import the municipality's existing contracts (CSV/Excel): its case worker (the buyer); the secretariat changes none. */
    'placements.contract.import': PlacementsRegister;
    /** The contracts list: case workers (their municipality's), operators (their offerings'), the secretariat (its area's), readers (counts only). */
    'placements.contract.list': PlacementsRegister;
  }
}

export const OFFERING_NOT_FOUND = 'Tilbuddet findes ikke.';
export const RESERVATION_NOT_FOUND = 'Reservationen findes ikke.';

/** A case worker acting for a municipality (the buyer of places). */
export const isCaseWorker = (actor: Actor | null): actor is Actor => !!actor && actor.organisationKind === 'municipality' && hasRole(actor, 'myndighed');

/** A reader (laeser): sees counts, never case references. */
export const isReader = (actor: Actor | null): actor is Actor => !!actor && hasRole(actor, 'laeser');

const mayReadReservation = (actor: Actor | null, t: NonNullable<ReservationTarget>) =>
  (isOwnOrganisation(actor, t.buyerOrgId) && hasRole(actor, 'myndighed')) || isOperator(actor, t.operatorOrgId) || isSecretariatOf(actor, t.areaIds);

const isBuyer = (actor: Actor | null, t: NonNullable<ReservationTarget>) => isOwnOrganisation(actor, t.buyerOrgId) && hasRole(actor, 'myndighed');
const CONTRACT_NOT_FOUND = 'Kontrakten findes ikke.';

export const placementsPermissions: Policies = {
  'placements.contract.read': (actor, t) => (t !== null && mayReadReservation(actor, t) ? allow : hide(CONTRACT_NOT_FOUND)),
  'placements.contract.edit': (actor, t) =>
    t === null || !mayReadReservation(actor, t)
      ? hide(CONTRACT_NOT_FOUND)
      : when(isBuyer(actor, t), forbid('Kun den købende kommunes myndighed kan ændre og sende kontrakten.')),
  'placements.contract.accept': (actor, t) =>
    t === null || !mayReadReservation(actor, t)
      ? hide(CONTRACT_NOT_FOUND)
      : when(isOperator(actor, t.operatorOrgId), forbid('Kun leverandøren (tilbuddets driftsherre) kan acceptere kontrakten.')),
  'placements.contract.notice': (actor, t) =>
    t === null || !mayReadReservation(actor, t)
      ? hide(CONTRACT_NOT_FOUND)
      : when(isBuyer(actor, t) || isOperator(actor, t.operatorOrgId), forbid('Kun kontraktens parter (køberens myndighed og leverandøren) kan opsige den.')),
  'placements.contract.list': (actor) =>
    when(isCaseWorker(actor) || isAnyOperator(actor) || isAnySecretariat(actor) || isReader(actor), forbid('Du har ikke adgang til kontrakter.')),
  'placements.contract.import': (actor) => when(isCaseWorker(actor), forbid('Kun en myndighedsrådgiver i en kommune kan importere kommunens kontrakter.')),
  'placements.vacancy.read': (actor, t) => (!isSignedIn(actor) ? hide('Du skal logge ind.') : t === null ? hide(OFFERING_NOT_FOUND) : allow),
  'placements.vacancy.report': (actor, t) =>
    t === null ? hide(OFFERING_NOT_FOUND) : when(isOperator(actor, t.operatorOrgId), forbid('Kun tilbuddets driftsherre kan melde ledige pladser.')),
  'placements.stale.list': (actor) => when(isAnySecretariat(actor), forbid('Listen over forældede pladsmeldinger er for sekretariatet.')),
  'placements.search': (actor) => when(isCaseWorker(actor), forbid('Pladssøgning er for myndighedsrådgivere i en kommune.')),
  'placements.reserve': (actor, t) =>
    t === null ? hide(OFFERING_NOT_FOUND) : when(isCaseWorker(actor), forbid('Kun en myndighedsrådgiver i en kommune kan reservere en plads.')),
  'placements.reservation.list': (actor) =>
    when(isCaseWorker(actor) || isAnyOperator(actor) || isAnySecretariat(actor), forbid('Du har ikke adgang til reservationer.')),
  'placements.reservation.read': (actor, t) => (t !== null && mayReadReservation(actor, t) ? allow : hide(RESERVATION_NOT_FOUND)),
  'placements.reservation.decide': (actor, t) =>
    t === null || !mayReadReservation(actor, t)
      ? hide(RESERVATION_NOT_FOUND)
      : when(isOperator(actor, t.operatorOrgId), forbid('Kun tilbuddets driftsherre kan bekræfte eller afvise reservationen.')),
  'placements.reservation.cancel': (actor, t) =>
    t === null || !mayReadReservation(actor, t)
      ? hide(RESERVATION_NOT_FOUND)
      : when(isOwnOrganisation(actor, t.buyerOrgId) && hasRole(actor, 'myndighed'), forbid('Kun den kommune, der har reserveret, kan annullere.')),
};
