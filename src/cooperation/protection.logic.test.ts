/**
 * The trigger evaluation by hand-worked cases: occupancy exactly at the share does not count, N−1 months below do not
 * fire, a gap month (no figure or a missing month) breaks the run, only the latest run counts; a deficit fires only
 * above the amount and from the latest tariff year; a notice fires while it is pending; reasons are Danish.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateTriggers, lastMonths, monthlyOccupancy, monthStart, type TriggerFacts, type TriggerRule } from './protection.logic.js';

const occ: TriggerRule = { id: 1, kind: 'belaegning', sharePct: '85', months: 3, amount: null };
const def: TriggerRule = { id: 2, kind: 'underskud', sharePct: null, months: null, amount: '500000' };
const notice: TriggerRule = { id: 3, kind: 'varsel', sharePct: null, months: null, amount: null };

const facts = (over: Partial<TriggerFacts>): TriggerFacts => ({ today: '2026-12-04', occupancy: [], deficits: [], notices: [], ...over });
const months = (pcts: (string | null)[], last = '2026-12-01') => pcts.map((pct, i) => ({ date: monthStart(last, i - pcts.length + 1), pct }));

describe('the occupancy trigger', () => {
  it('fires after exactly N consecutive months strictly below the share, naming the months and the latest figure', () => {
    const fired = evaluateTriggers([occ], facts({ occupancy: months(['90.0', '84.9', '70.0', '62.5']) }));
    assert.equal(fired.length, 1);
    assert.equal(fired[0]!.ruleId, 1);
    assert.match(fired[0]!.reason, /under 85,0 % i 3 måneder i træk/);
    assert.match(fired[0]!.reason, /fra 1\. oktober 2026 til 1\. december 2026; senest 62,5 %/);
  });

  it('does not count a month exactly at the share', () => {
    assert.deepEqual(evaluateTriggers([occ], facts({ occupancy: months(['85.0', '80.0', '80.0']) })), []);
    assert.equal(evaluateTriggers([occ], facts({ occupancy: months(['84.99', '80.0', '80.0']) })).length, 1);
  });

  it('does not fire on N−1 months below', () => {
    assert.deepEqual(evaluateTriggers([occ], facts({ occupancy: months(['95.0', '60.0', '60.0']) })), []);
  });

  it('lets a gap month break the run: a month without a figure or a missing month', () => {
    assert.deepEqual(evaluateTriggers([occ], facts({ occupancy: months(['60.0', null, '60.0', '60.0']) })), []);
    const missing = months(['60.0', '60.0', '60.0', '60.0']).filter((m) => m.date !== '2026-10-01');
    assert.deepEqual(evaluateTriggers([occ], facts({ occupancy: missing })), []);
  });

  it('looks only at the latest run, in any input order', () => {
    const old = months(['60.0', '60.0', '60.0', '90.0', '60.0']);
    assert.deepEqual(evaluateTriggers([occ], facts({ occupancy: old })), []);
    assert.equal(evaluateTriggers([occ], facts({ occupancy: months(['60.0', '60.0', '60.0']).reverse() })).length, 1);
  });
});

describe('the deficit trigger', () => {
  it('fires only above the amount, on the latest tariff year', () => {
    const at = [{ tariffYear: 2027, accountsYear: 2025, deficit: '500000.00' }];
    assert.deepEqual(evaluateTriggers([def], facts({ deficits: at })), []);
    const above = [{ tariffYear: 2027, accountsYear: 2025, deficit: '500000.01' }];
    const fired = evaluateTriggers([def], facts({ deficits: above }));
    assert.equal(fired.length, 1);
    assert.match(
      fired[0]!.reason,
      /Takstgrundlaget for 2027 indeholder et underskud på 500\.000,01 kr\. fra regnskabsåret 2025, mere end grænsen på 500\.000,00 kr\./,
    );
    const older = [
      { tariffYear: 2026, accountsYear: 2024, deficit: '900000' },
      { tariffYear: 2027, accountsYear: 2025, deficit: '100000' },
    ];
    assert.deepEqual(evaluateTriggers([def], facts({ deficits: older })), [], 'the older year’s deficit no longer counts');
  });
});

describe('the notice trigger', () => {
  it('fires while a notice is pending and not before it is given or after it took effect', () => {
    const n = { id: 7, kind: 'faerre_pladser' as const, givenOn: '2026-11-02', effectiveOn: '2027-03-01', placesAfter: 8 };
    const fired = evaluateTriggers([notice], facts({ notices: [n] }));
    assert.equal(fired[0]?.reason, 'Sælger har den 2. november 2026 varslet færre pladser (8 pladser) fra 1. marts 2027.');
    assert.deepEqual(evaluateTriggers([notice], facts({ today: '2027-03-02', notices: [n] })), []);
    assert.deepEqual(evaluateTriggers([notice], facts({ today: '2026-11-01', notices: [n] })), []);
  });

  it('evaluates several rules at once and keeps their order', () => {
    const f = facts({
      occupancy: months(['50.0', '50.0', '50.0']),
      deficits: [{ tariffYear: 2027, accountsYear: null, deficit: '750000' }],
      notices: [{ id: 1, kind: 'lukning', givenOn: '2026-12-01', effectiveOn: '2027-06-30', placesAfter: null }],
    });
    assert.deepEqual(
      evaluateTriggers([notice, def, occ], f).map((x) => x.ruleId),
      [3, 2, 1],
    );
  });
});

describe('the monthly occupancy', () => {
  it('counts contracts running on the 1st against the places, with no figure when there are no places', () => {
    const dates = lastMonths('2026-12-04', 3);
    assert.deepEqual(dates, ['2026-10-01', '2026-11-01', '2026-12-01']);
    const contracts = [
      { startDate: '2026-01-01', endDate: null },
      { startDate: '2026-10-02', endDate: '2026-11-01' },
      { startDate: '2026-09-01', endDate: '2026-09-30' },
    ];
    assert.deepEqual(
      monthlyOccupancy(8, contracts, dates).map((m) => [m.occupied, m.pct]),
      [
        [1, '12.5'],
        [2, '25.0'],
        [1, '12.5'],
      ],
    );
    assert.equal(monthlyOccupancy(0, contracts, dates)[0]!.pct, null);
    assert.equal(monthStart('2026-01-15', -1), '2025-12-01');
    assert.equal(monthStart('2026-12-15', 1), '2027-01-01');
  });
});
