/**
 * Follow-up rules by hand-worked cases: the schedule from the start or the agreed dates, month ends, the end of
 * the contract; each date's state; the share held on time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../core/clock.js';
import { dueState, followUpSchedule, onTimeShare, plusMonths } from './followup.logic.js';

const rule = { firstMonths: 3, intervalMonths: 12, dueSoonDays: 30 };

describe('the follow-up schedule', () => {
  it('first follow-up 3 months after the start, then every 12 months, up to the horizon', () => {
    assert.deepEqual(followUpSchedule({ startDate: '2024-01-10', endDate: null, followUpDates: [] }, rule, '2026-06-15'), [
      '2024-04-10',
      '2025-04-10',
      '2026-04-10',
    ]);
  });

  it('never after the contract’s end', () => {
    assert.deepEqual(followUpSchedule({ startDate: '2024-01-10', endDate: '2025-03-31', followUpDates: [] }, rule, '2030-01-01'), ['2024-04-10']);
    assert.deepEqual(followUpSchedule({ startDate: '2024-01-10', endDate: '2024-03-31', followUpDates: [] }, rule, '2030-01-01'), []);
  });

  it('agreed dates come first, and the rhythm continues from the last of them', () => {
    assert.deepEqual(followUpSchedule({ startDate: '2026-01-05', endDate: null, followUpDates: ['2026-03-01', '2026-02-01'] }, rule, '2027-06-01'), [
      '2026-02-01',
      '2026-03-01',
      '2027-03-01',
    ]);
  });

  it('month ends are clamped without drifting, leap days included', () => {
    assert.equal(plusMonths('2023-11-30', 3), '2024-02-29');
    assert.deepEqual(followUpSchedule({ startDate: '2023-11-30', endDate: null, followUpDates: [] }, rule, '2025-12-31'), ['2024-02-29', '2025-02-28']);
    assert.deepEqual(
      followUpSchedule({ startDate: '2025-01-31', endDate: null, followUpDates: [] }, { ...rule, firstMonths: 1, intervalMonths: 1 }, '2025-04-30'),
      ['2025-02-28', '2025-03-31', '2025-04-30'],
    );
  });
});

describe('states and the share on time', () => {
  const state = (due: string, held: string | null) => dueState(due, held, '2026-06-15', 30, addDays);

  it('held on or before the date is on time; after it, late; not held and passed, overdue; within 30 days, soon', () => {
    assert.equal(state('2026-06-01', '2026-06-01'), 'afholdt');
    assert.equal(state('2026-06-01', '2026-06-02'), 'afholdt-for-sent');
    assert.equal(state('2026-06-14', null), 'overskredet');
    assert.equal(state('2026-06-15', null), 'snart');
    assert.equal(state('2026-07-15', null), 'snart');
    assert.equal(state('2026-07-16', null), 'senere');
  });

  it('the share counts only dates that have passed or were held', () => {
    assert.deepEqual(onTimeShare(['afholdt', 'afholdt', 'afholdt-for-sent', 'snart', 'senere']), { onTime: 2, due: 3, percent: '66.7' });
    assert.deepEqual(onTimeShare(['overskredet', 'afholdt']), { onTime: 1, due: 2, percent: '50.0' });
    assert.deepEqual(onTimeShare(['snart']), { onTime: 0, due: 0, percent: null });
  });
});
