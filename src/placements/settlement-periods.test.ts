/** A contract's settlement periods split at its level changes (amendments), by hand-worked cases. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type SettlementPeriod, splitAtLevelChanges } from './settlement.repository.js';

const p: SettlementPeriod = { contractId: 1, offeringId: 7, buyerOrgId: 2, sellerOrgId: 3, caseReference: 'S-1', from: '2026-01-10', to: null, level: 'Høj' };
const change = (effectiveDate: string, level: string) => ({ contractId: 1, effectiveDate, level });

describe('settlement periods at level changes', () => {
  it('splits at a change mid-month: the old level to the day before, the new from the day', () => {
    assert.deepEqual(
      splitAtLevelChanges([p], [change('2026-04-13', 'Lav')]).map((x) => [x.from, x.to, x.level]),
      [
        ['2026-01-10', '2026-04-12', 'Høj'],
        ['2026-04-13', null, 'Lav'],
      ],
    );
  });

  it('follows several changes in date order, ignores changes after the end, and a change before the start only sets the level', () => {
    const ended = { ...p, to: '2026-06-30' };
    assert.deepEqual(
      splitAtLevelChanges([ended], [change('2026-09-01', 'X'), change('2026-03-01', 'Mellem'), change('2026-01-01', 'Start'), change('2026-05-01', 'Lav')]).map(
        (x) => [x.from, x.to, x.level],
      ),
      [
        ['2026-01-10', '2026-02-28', 'Start'],
        ['2026-03-01', '2026-04-30', 'Mellem'],
        ['2026-05-01', '2026-06-30', 'Lav'],
      ],
    );
  });

  it('leaves contracts without changes as they are', () => {
    const other = { ...p, contractId: 2 };
    assert.deepEqual(splitAtLevelChanges([p, other], [{ ...change('2026-02-01', 'Lav'), contractId: 2 }])[0], p);
  });
});
