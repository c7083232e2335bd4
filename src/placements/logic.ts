/**
 * @module The arithmetic of free places, pure: what can be reserved, Ramme's own figure beside the operator's,
 * how old a report is and when it is stale, when a reservation expires and what state it is in, and the order
 * of place-search results (suitable public offerings with a free place first where the area's rule applies).
 */
import { copenhagenDate } from '../core/clock.js';
import { count } from '../core/format.js';
import type { ReservationState, ReservationStatus } from './placements.table.js';

/**
 * The places that can be reserved: the operator's latest report of free places minus the reservations and
 * contracts made against the offering since that report, never below zero. An offering closed for intake (or
 * without a report) has none.
 */
export function reservablePlaces(v: { freeNow: number | null; reservedSince: number; contractedSince: number; isOpenForIntake: boolean }): number {
  if (!v.isOpenForIntake || v.freeNow === null) return 0;
  return Math.max(0, v.freeNow - v.reservedSince - v.contractedSince);
}

/**
 * Ramme's own figure: places − active contracts − active reservations − places the operator reports as taken
 * by citizens whose contracts are not in Ramme, never below zero.
 */
export function ownFigure(v: { places: number; activeContracts: number; activeReservations: number; takenOutside: number }): number {
  return Math.max(0, v.places - v.activeContracts - v.activeReservations - v.takenOutside);
}

/**
 * A contract counts against the operator's report when it was made since the report: from the time of the
 * reservation it came from (the place was taken then, and the reservation counted until the contract replaced
 * it), else from its own creation. An imported contract was made before Ramme knew of it, so it never counts
 * against a report (it counts in Ramme's own figure). No report: nothing counts against it.
 */
export function isContractSinceReport(c: { createdAt: Date; reservationCreatedAt: Date | null; isImported: boolean }, reportedAt: Date | null): boolean {
  if (c.isImported || reportedAt === null) return false;
  return (c.reservationCreatedAt ?? c.createdAt).getTime() >= reportedAt.getTime();
}

/** A contract holds a place on `today` in every stored status until its effective end (drafts too: they replace a reservation). */
export const isContractHoldingPlace = (effectiveEnd: string | null, today: string): boolean => effectiveEnd === null || effectiveEnd >= today;

export type PlaceCountsInput = { reservations: number; reservationsSince: number; contracts: number; contractsSince: number };

/** Both figures of an offering from its report and the counts of what holds a place, and whether they differ. */
export function placeFigures(v: { places: number; freeNow: number | null; takenOutside: number; isOpenForIntake: boolean; counts: PlaceCountsInput }) {
  const reservable = reservablePlaces({
    freeNow: v.freeNow,
    reservedSince: v.counts.reservationsSince,
    contractedSince: v.counts.contractsSince,
    isOpenForIntake: v.isOpenForIntake,
  });
  const own = ownFigure({ places: v.places, activeContracts: v.counts.contracts, activeReservations: v.counts.reservations, takenOutside: v.takenOutside });
  return { reservable, ownFigure: own, isDifferent: v.freeNow !== null && isDifferent(reservable, own) };
}

/** The two figures differ: flagged to the operator. */
export const isDifferent = (reservable: number, own: number): boolean => reservable !== own;

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** Whole calendar days (Copenhagen) from `instant` to `today`. */
export function ageInDays(instant: Date, today: string): number {
  return Math.max(0, dayNumber(today) - dayNumber(copenhagenDate(instant)));
}

/** "opdateret i dag", "opdateret i går", "opdateret for 3 dage siden". */
export function ageLabel(days: number): string {
  if (days === 0) return 'opdateret i dag';
  if (days === 1) return 'opdateret i går';
  return `opdateret for ${count(days, 'dag', 'dage')} siden`;
}

/** A report confirmed more than `staleAfterDays` days ago is stale. */
export const isStale = (days: number, staleAfterDays: number): boolean => days > staleAfterDays;

/** A reservation made at `now` holds for the area's number of hours. */
export const expiryOf = (now: Date, hours: number): Date => new Date(now.getTime() + hours * 3_600_000);

/**
 * A pending reservation past its expiry is expired, and so is a confirmed one whose contract was not drafted
 * before its expiry (the area's hold days from the confirmation). One that became a contract stays confirmed.
 * No job is needed: the state is computed, and an expired reservation simply stops counting.
 */
export function reservationState(status: ReservationStatus, expiresAt: Date, now: Date, hasContract = false): ReservationState {
  const isPast = expiresAt.getTime() <= now.getTime();
  if (status === 'afventer' && isPast) return 'udloebet';
  if (status === 'bekraeftet' && isPast && !hasContract) return 'udloebet';
  return status;
}

/** Does the reservation hold a place at `now`? Pending or confirmed and unexpired, and not yet a contract (the contract holds it then). */
export function isHoldingPlace(status: ReservationStatus, expiresAt: Date, now: Date, hasContract = false): boolean {
  const state = reservationState(status, expiresAt, now, hasContract);
  return !hasContract && (state === 'afventer' || state === 'bekraeftet');
}

/** A confirmed reservation holds for the area's number of days from the confirmation, for the contract to be drafted. */
export const confirmedExpiryOf = (confirmedAt: Date, days: number): Date => new Date(confirmedAt.getTime() + days * 86_400_000);

export const PUBLIC_OPERATOR_TYPES: readonly string[] = ['kommunal', 'regional'];
export const isPublicOperatorType = (operatorType: string): boolean => PUBLIC_OPERATOR_TYPES.includes(operatorType);

export type Rankable = { isPublic: boolean; freePlaces: number; name: string };

/**
 * Orders search results: where the public-first rule applies, public offerings with a free place come first
 * (marked), then everything else; otherwise one list. Within a group: most free places, then name. Nothing is
 * left out. Returns the results and how many public offerings with a free place were put first.
 */
export function orderResults<T extends Rankable>(
  rows: readonly T[],
  isPublicFirst: boolean,
): { rows: Array<T & { isPutFirst: boolean }>; putFirstCount: number } {
  const byPlacesThenName = (a: T, b: T) => b.freePlaces - a.freePlaces || a.name.localeCompare(b.name, 'da');
  const first = isPublicFirst ? rows.filter((r) => r.isPublic && r.freePlaces > 0) : [];
  const rest = isPublicFirst ? rows.filter((r) => !(r.isPublic && r.freePlaces > 0)) : [...rows];
  return {
    rows: [...first.sort(byPlacesThenName).map((r) => ({ ...r, isPutFirst: true })), ...rest.sort(byPlacesThenName).map((r) => ({ ...r, isPutFirst: false }))],
    putFirstCount: first.length,
  };
}
