import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { median, type OutcomeFollowUp, offeringOutcome } from './outcome.logic.js';

let n = 0;
/** One citizen's follow-ups: [heldOn, level, decision?] from a start date. */
const citizen = (start: string, ...fs: Array<[string, number, OutcomeFollowUp['decision']?]>): OutcomeFollowUp[] => {
  const contractId = ++n;
  return fs.map(([heldOn, level, decision]) => ({ contractId, startDate: start, heldOn, level, decision: decision ?? 'fortsaet' }));
};

describe('outcome beside price', () => {
  it('counts a citizen whose last level within 12 months is better than the first (hand-worked: 3 of 5 = 60.0 %)', () => {
    const rows = [
      ...citizen('2025-01-01', ['2025-04-01', 4], ['2025-10-01', 3]), // improved
      ...citizen('2025-01-01', ['2025-04-01', 3], ['2025-07-01', 2], ['2025-12-31', 3]), // back to where it began: not improved
      ...citizen('2025-02-01', ['2025-05-01', 5], ['2026-02-01', 4]), // 2026-02-01 is exactly 12 months: improved
      ...citizen('2025-03-01', ['2025-06-01', 2], ['2025-09-01', 1]), // improved
      ...citizen('2025-03-01', ['2025-06-01', 2], ['2025-09-01', 2]), // same: not improved
      ...citizen('2025-03-01', ['2025-06-01', 4], ['2026-03-02', 1]), // the better level came after 12 months: not counted
    ];
    const o = offeringOutcome(rows, 5);
    assert.equal(o.improvementCitizens, 5);
    assert.deepEqual(o.improvement, { improved: 3, percent: '60.0' });
  });

  it('withholds each figure below the minimum number of citizens, and says how many there are', () => {
    const rows = [...citizen('2025-01-01', ['2025-04-01', 4], ['2025-10-01', 3]), ...citizen('2025-01-01', ['2025-04-01', 4, 'nedtrapning'])];
    const o = offeringOutcome(rows, 5);
    assert.equal(o.improvement, null);
    assert.equal(o.improvementCitizens, 1);
    assert.equal(o.stepDown, null);
    assert.equal(o.stepDownCitizens, 1);
    assert.deepEqual(offeringOutcome(rows, 1).improvement, { improved: 1, percent: '100.0' });
  });

  it('takes the median days from the start to the first step down (hand-worked: 90, 120, 181, 365 → 150.5)', () => {
    const rows = [
      ...citizen('2025-01-01', ['2025-04-01', 3, 'nedtrapning']), // 90 days
      ...citizen('2025-01-01', ['2025-05-01', 3, 'nedtrapning'], ['2025-08-01', 2, 'nedtrapning']), // 120 (the first counts)
      ...citizen('2025-01-01', ['2025-07-01', 3, 'nedtrapning']), // 181
      ...citizen('2025-01-01', ['2026-01-01', 3, 'nedtrapning']), // 365
      ...citizen('2025-01-01', ['2025-04-01', 3]), // no step down
    ];
    assert.deepEqual(offeringOutcome(rows, 4).stepDown, { medianDays: 150.5 });
    assert.equal(offeringOutcome(rows, 4).stepDownCitizens, 4);
    assert.equal(offeringOutcome(rows, 5).stepDown, null);
    assert.equal(median([]), null);
    assert.equal(median([7]), 7);
  });

  it('property: improved never exceeds the citizens counted, and a shown share is improved ÷ citizens', () => {
    const followUp = fc.record({ month: fc.integer({ min: 1, max: 18 }), level: fc.integer({ min: 1, max: 5 }), down: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.array(followUp, { minLength: 1, maxLength: 5 }), { maxLength: 20 }), (people) => {
        const rows = people.flatMap((fs) =>
          citizen(
            '2025-01-01',
            ...fs.map(({ month, level, down }): [string, number, OutcomeFollowUp['decision']] => [
              `${2025 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-15`,
              level,
              down ? 'nedtrapning' : 'fortsaet',
            ]),
          ),
        );
        const o = offeringOutcome(rows, 1);
        assert.ok(o.improvementCitizens <= people.length);
        if (o.improvement) {
          assert.ok(o.improvement.improved <= o.improvementCitizens);
          assert.match(o.improvement.percent, /^\d{1,3}\.\d$/);
          assert.ok(Math.abs(Number(o.improvement.percent) - (o.improvement.improved * 100) / o.improvementCitizens) <= 0.05 + 1e-9);
        }
        assert.equal(o.stepDownCitizens, people.filter((fs) => fs.some((f) => f.down)).length);
      }),
      { seed: 1, numRuns: 200 },
    );
  });
});
