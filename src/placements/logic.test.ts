import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ageInDays,
  ageLabel,
  confirmedExpiryOf,
  expiryOf,
  isContractHoldingPlace,
  isContractSinceReport,
  isDifferent,
  isHoldingPlace,
  isStale,
  orderResults,
  ownFigure,
  placeFigures,
  reservablePlaces,
  reservationState,
} from './logic.js';

describe('free-place arithmetic', () => {
  it('subtracts the reservations and contracts made since the report from its free places', () => {
    // Report: 3 free. Since then one reservation and one contract → 1 left.
    assert.equal(reservablePlaces({ freeNow: 3, reservedSince: 1, contractedSince: 1, isOpenForIntake: true }), 1);
    assert.equal(reservablePlaces({ freeNow: 3, reservedSince: 0, contractedSince: 0, isOpenForIntake: true }), 3);
  });

  it('never goes below zero', () => {
    assert.equal(reservablePlaces({ freeNow: 1, reservedSince: 2, contractedSince: 1, isOpenForIntake: true }), 0);
  });

  it('has nothing to reserve when the offering is closed for intake or has no report', () => {
    assert.equal(reservablePlaces({ freeNow: 5, reservedSince: 0, contractedSince: 0, isOpenForIntake: false }), 0);
    assert.equal(reservablePlaces({ freeNow: null, reservedSince: 0, contractedSince: 0, isOpenForIntake: true }), 0);
  });

  it("computes Ramme's own figure from places, contracts, reservations and places taken outside Ramme", () => {
    // 12 places − 7 contracts − 2 reservations − 1 taken outside Ramme = 2.
    assert.equal(ownFigure({ places: 12, activeContracts: 7, activeReservations: 2, takenOutside: 1 }), 2);
    assert.equal(ownFigure({ places: 4, activeContracts: 5, activeReservations: 0, takenOutside: 0 }), 0);
    assert.equal(isDifferent(1, 2), true);
    assert.equal(isDifferent(2, 2), false);
  });
});

describe('contracts against the report', () => {
  const report = new Date('2026-12-01T10:00:00Z');
  it('counts a contract made since the report, from the reservation it came from when there was one', () => {
    // Made after the report, no reservation: counts.
    assert.equal(isContractSinceReport({ createdAt: new Date('2026-12-02T09:00:00Z'), reservationCreatedAt: null, isImported: false }, report), true);
    // Drafted after the report from a reservation made before it: the report already knew the place was taken.
    assert.equal(
      isContractSinceReport({ createdAt: new Date('2026-12-02T09:00:00Z'), reservationCreatedAt: new Date('2026-11-30T12:00:00Z'), isImported: false }, report),
      false,
    );
    // Drafted from a reservation made after the report: it replaces that reservation in the count.
    assert.equal(
      isContractSinceReport({ createdAt: new Date('2026-12-03T09:00:00Z'), reservationCreatedAt: new Date('2026-12-01T10:00:00Z'), isImported: false }, report),
      true,
    );
  });

  it('never counts an imported contract or anything against a missing report', () => {
    assert.equal(isContractSinceReport({ createdAt: new Date('2026-12-02T09:00:00Z'), reservationCreatedAt: null, isImported: true }, report), false);
    assert.equal(isContractSinceReport({ createdAt: new Date('2026-12-02T09:00:00Z'), reservationCreatedAt: null, isImported: false }, null), false);
  });

  it('lets a contract hold its place until its effective end, open-ended ones always', () => {
    assert.equal(isContractHoldingPlace(null, '2026-12-01'), true);
    assert.equal(isContractHoldingPlace('2026-12-01', '2026-12-01'), true);
    assert.equal(isContractHoldingPlace('2026-11-30', '2026-12-01'), false);
  });

  it('works both figures out of one report and the counts, and flags the difference', () => {
    // 10 places; report: 3 free, 1 taken outside Ramme. Since the report: 1 reservation, 1 contract → 3 − 1 − 1 = 1.
    // Ramme holds 6 contracts and 2 reservations in all → 10 − 6 − 2 − 1 = 1: the same, no flag.
    const counts = { reservations: 2, reservationsSince: 1, contracts: 6, contractsSince: 1 };
    assert.deepEqual(placeFigures({ places: 10, freeNow: 3, takenOutside: 1, isOpenForIntake: true, counts }), {
      reservable: 1,
      ownFigure: 1,
      isDifferent: false,
    });
    // One more contract in Ramme than the report accounts for: own figure 0 against 1 reservable → flagged.
    assert.deepEqual(placeFigures({ places: 10, freeNow: 3, takenOutside: 1, isOpenForIntake: true, counts: { ...counts, contracts: 7 } }), {
      reservable: 1,
      ownFigure: 0,
      isDifferent: true,
    });
    // Without a report there is nothing to compare: not flagged.
    assert.equal(placeFigures({ places: 10, freeNow: null, takenOutside: 0, isOpenForIntake: true, counts }).isDifferent, false);
  });
});

describe('report age', () => {
  it('counts Copenhagen calendar days, so a report from late last evening is one day old', () => {
    // 23:30 UTC on 30 November is 00:30 on 1 December in Copenhagen: today.
    assert.equal(ageInDays(new Date('2026-11-30T23:30:00Z'), '2026-12-01'), 0);
    assert.equal(ageInDays(new Date('2026-11-30T22:30:00Z'), '2026-12-01'), 1);
    assert.equal(ageInDays(new Date('2026-11-28T10:00:00Z'), '2026-12-01'), 3);
  });

  it('reads as Danish text', () => {
    assert.equal(ageLabel(0), 'opdateret i dag');
    assert.equal(ageLabel(1), 'opdateret i går');
    assert.equal(ageLabel(3), 'opdateret for 3 dage siden');
  });

  it('is stale after more days than the rule allows, not on the last allowed day', () => {
    assert.equal(isStale(14, 14), false);
    assert.equal(isStale(15, 14), true);
  });
});

describe('reservation expiry', () => {
  it('expires the given number of hours after it was made', () => {
    assert.equal(expiryOf(new Date('2026-12-01T10:00:00Z'), 72).toISOString(), '2026-12-04T10:00:00.000Z');
  });

  it('is expired once the expiry has passed while it was still pending', () => {
    const expires = new Date('2026-12-04T10:00:00Z');
    assert.equal(reservationState('afventer', expires, new Date('2026-12-04T09:59:59Z')), 'afventer');
    assert.equal(reservationState('afventer', expires, new Date('2026-12-04T10:00:00Z')), 'udloebet');
    assert.equal(isHoldingPlace('afventer', expires, new Date('2026-12-05T00:00:00Z')), false);
    assert.equal(isHoldingPlace('afvist', expires, new Date('2026-12-01T00:00:00Z')), false);
  });

  it('holds a confirmed one for the area’s days from the confirmation, until the contract is drafted or it expires', () => {
    // Confirmed 2 December 12:00 with 14 days' hold: holds until 16 December 12:00.
    const expires = confirmedExpiryOf(new Date('2026-12-02T12:00:00Z'), 14);
    assert.equal(expires.toISOString(), '2026-12-16T12:00:00.000Z');
    assert.equal(reservationState('bekraeftet', expires, new Date('2026-12-16T11:59:59Z')), 'bekraeftet');
    assert.equal(isHoldingPlace('bekraeftet', expires, new Date('2026-12-16T11:59:59Z')), true);
    // No contract by then: expired, the place is free again.
    assert.equal(reservationState('bekraeftet', expires, new Date('2026-12-16T12:00:00Z')), 'udloebet');
    assert.equal(isHoldingPlace('bekraeftet', expires, new Date('2026-12-16T12:00:00Z')), false);
    // Became a contract: stays confirmed and never expires, but the contract holds the place, not the reservation.
    assert.equal(reservationState('bekraeftet', expires, new Date('2027-03-01T00:00:00Z'), true), 'bekraeftet');
    assert.equal(isHoldingPlace('bekraeftet', expires, new Date('2026-12-03T00:00:00Z'), true), false);
  });
});

describe('result order', () => {
  const rows = [
    { name: 'Privat A', isPublic: false, freePlaces: 4 },
    { name: 'Kommunal uden plads', isPublic: true, freePlaces: 0 },
    { name: 'Regional B', isPublic: true, freePlaces: 1 },
    { name: 'Kommunal C', isPublic: true, freePlaces: 2 },
  ];

  it('puts public offerings with a free place first where the rule applies, and hides nothing', () => {
    const r = orderResults(rows, true);
    assert.deepEqual(
      r.rows.map((x) => [x.name, x.isPutFirst]),
      [
        ['Kommunal C', true],
        ['Regional B', true],
        ['Privat A', false],
        ['Kommunal uden plads', false],
      ],
    );
    assert.equal(r.putFirstCount, 2);
  });

  it('keeps one list by free places where the rule does not apply', () => {
    const r = orderResults(rows, false);
    assert.deepEqual(
      r.rows.map((x) => x.name),
      ['Privat A', 'Kommunal C', 'Regional B', 'Kommunal uden plads'],
    );
    assert.equal(r.putFirstCount, 0);
  });
});
