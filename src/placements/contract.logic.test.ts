import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addMonths,
  CONTRACT_TRANSITIONS,
  contractState,
  effectiveEndDate,
  endDateForDuration,
  isEndDateRequired,
  latestFirstFollowUp,
  mayMove,
  noticeDaysOf,
  noticeEndDate,
  termProblems,
  termsOn,
  type Terms,
} from './contract.logic.js';

const complete: Terms = {
  startDate: '2027-01-04',
  endDate: '2027-12-31',
  expectedDurationMonths: 12,
  buyerDepartment: 'Voksenområdet',
  buyerEan: '5798000123456',
  providerEan: null,
  providerCvr: '12345678',
  buyerContactName: 'Mette Myndighed',
  providerContactName: 'Lars Leder',
  tariffLevel: 'Niveau 1',
  tariffPrice: '2150.00',
  goals: 'Borgeren kan selv handle ind og lave mad.',
  followUpDates: ['2027-03-01', '2027-09-01'],
  paymentTiming: 'bagud',
  paymentDays: 30,
  buyerNoticeDays: 30,
  providerNoticeDays: 90,
};
const rules = { timeLimitedFrom: '2024-09-01', firstFollowUpMonths: 3 };

describe('contract dates', () => {
  it('adds calendar months and lands on the last day of a shorter month', () => {
    assert.equal(addMonths('2027-01-04', 3), '2027-04-04');
    assert.equal(addMonths('2027-01-31', 1), '2027-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2027-11-15', 2), '2028-01-15');
    assert.equal(addMonths('2027-03-31', -1), '2027-02-28');
  });

  it('gives the end date of an expected duration as the day before the anniversary', () => {
    assert.equal(endDateForDuration('2027-01-04', 12), '2028-01-03');
    assert.equal(endDateForDuration('2027-01-01', 6), '2027-06-30');
  });

  it('ends a contract on notice after the party’s notice period, never after the agreed end', () => {
    // Notice given 1 March 2027 by the provider (90 days): 30 May 2027.
    assert.equal(noticeEndDate({ givenOn: '2027-03-01', noticeDays: 90, endDate: null }), '2027-05-30');
    // The buyer's 30 days from 1 March: 31 March.
    assert.equal(noticeEndDate({ givenOn: '2027-03-01', noticeDays: noticeDaysOf('koeber', { buyer: 30, provider: 90 }), endDate: null }), '2027-03-31');
    // A time-limited contract ending 15 April ends then, even on 90 days' notice.
    assert.equal(noticeEndDate({ givenOn: '2027-03-01', noticeDays: 90, endDate: '2027-04-15' }), '2027-04-15');
    assert.equal(effectiveEndDate('2027-12-31', '2027-05-30'), '2027-05-30');
    assert.equal(effectiveEndDate(null, null), null);
  });

  it('requires an end date from the area’s time-limited date only', () => {
    assert.equal(isEndDateRequired('2024-09-01', '2024-09-01'), true);
    assert.equal(isEndDateRequired('2024-08-31', '2024-09-01'), false);
    assert.equal(isEndDateRequired('2030-01-01', null), false);
  });

  it('puts the latest first follow-up the rule’s months after the start', () => {
    assert.equal(latestFirstFollowUp('2027-01-04', 3), '2027-04-04');
  });

  it('never ends a notice later than notice day plus period, nor after the agreed end (property)', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 730 }), fc.option(day, { nil: null }), (givenOn, days, end) => {
        const result = noticeEndDate({ givenOn, noticeDays: days, endDate: end });
        assert.ok(result >= givenOn || (end !== null && result === end));
        if (end !== null) assert.ok(result <= end);
      }),
    );
  });

  it('adds months so that going forward and back again never moves past the start (property)', () => {
    const day = fc.integer({ min: 0, max: 5000 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 120 }), (d, m) => {
        const later = addMonths(d, m);
        assert.ok(later >= d);
        assert.ok(addMonths(later, -m) <= d);
      }),
    );
  });
});

describe('contract life cycle', () => {
  const c = { status: 'accepteret' as const, startDate: '2027-01-04', endDate: '2027-12-31', noticeEndDate: null };

  it('is a draft, then sent, then accepted before the start date', () => {
    assert.equal(contractState({ ...c, status: 'kladde' }, '2028-06-01'), 'kladde');
    assert.equal(contractState({ ...c, status: 'sendt' }, '2028-06-01'), 'sendt');
    assert.equal(contractState(c, '2027-01-03'), 'accepteret');
  });

  it('is active from the start date and ended after the end date', () => {
    assert.equal(contractState(c, '2027-01-04'), 'aktiv');
    assert.equal(contractState(c, '2027-12-31'), 'aktiv');
    assert.equal(contractState(c, '2028-01-01'), 'ophoert');
    assert.equal(contractState({ ...c, endDate: null }, '2040-01-01'), 'aktiv');
  });

  it('is under notice until the notice’s end date, then ended', () => {
    const n = { ...c, status: 'opsagt' as const, noticeEndDate: '2027-05-30' };
    assert.equal(contractState(n, '2027-05-30'), 'opsagt');
    assert.equal(contractState(n, '2027-05-31'), 'ophoert');
  });

  it('moves only forward: draft → sent → accepted → notice, and nothing after notice', () => {
    assert.equal(mayMove('kladde', 'sendt'), true);
    assert.equal(mayMove('sendt', 'accepteret'), true);
    assert.equal(mayMove('accepteret', 'opsagt'), true);
    assert.equal(mayMove('kladde', 'accepteret'), false);
    assert.equal(mayMove('sendt', 'kladde'), false);
    assert.deepEqual(CONTRACT_TRANSITIONS.opsagt, []);
  });
});

describe('complete terms', () => {
  it('has nothing missing when every term is there', () => {
    assert.deepEqual(termProblems(complete, rules, true), {});
  });

  it('names every missing field before sending', () => {
    const empty: Terms = {
      ...complete,
      endDate: null,
      expectedDurationMonths: null,
      buyerDepartment: null,
      buyerEan: null,
      providerCvr: null,
      buyerContactName: null,
      providerContactName: null,
      tariffPrice: null,
      goals: null,
      followUpDates: [],
      paymentTiming: null,
      paymentDays: null,
      buyerNoticeDays: null,
    };
    assert.deepEqual(Object.keys(termProblems(empty, rules, true)).sort(), [
      'buyerContactName',
      'buyerDepartment',
      'buyerEan',
      'endDate',
      'expectedDurationMonths',
      'followUpDates',
      'goals',
      'noticePeriods',
      'paymentDays',
      'paymentTiming',
      'providerContactName',
      'providerEan',
      'tariffLevel',
    ]);
    // Before the time-limited date an open-ended contract is complete.
    assert.deepEqual(
      termProblems({ ...complete, startDate: '2024-08-01', endDate: null, expectedDurationMonths: null, followUpDates: ['2024-10-01'] }, rules, true),
      {},
    );
  });

  it('refuses a first follow-up later than the rule’s months, and dates out of order', () => {
    assert.match(termProblems({ ...complete, followUpDates: ['2027-04-05'] }, rules, false).followUpDates![0]!, /senest 3 måneder/);
    assert.deepEqual(termProblems({ ...complete, followUpDates: ['2027-04-04'] }, rules, false), {});
    assert.match(termProblems({ ...complete, followUpDates: ['2027-03-01', '2027-02-01'] }, rules, false).followUpDates![0]!, /rækkefølge/);
    assert.ok(termProblems({ ...complete, endDate: '2027-01-01' }, rules, false).endDate);
    assert.ok(termProblems({ ...complete, paymentDays: 31 }, rules, false).paymentDays);
  });
});

describe('amendments', () => {
  it('overlays the amendments in force on a day, in order, and leaves the original as it was', () => {
    const original = { endDate: '2027-12-31', goals: 'Selv handle ind' };
    const amendments = [
      { number: 2, effectiveDate: '2027-09-01', changes: { endDate: '2028-06-30' } },
      { number: 1, effectiveDate: '2027-06-01', changes: { endDate: '2028-03-31', goals: 'Selv lave mad' } },
    ];
    assert.deepEqual(termsOn(original, amendments, '2027-05-31'), original);
    assert.deepEqual(termsOn(original, amendments, '2027-06-01'), { endDate: '2028-03-31', goals: 'Selv lave mad' });
    assert.deepEqual(termsOn(original, amendments, '2027-10-01'), { endDate: '2028-06-30', goals: 'Selv lave mad' });
    assert.deepEqual(original, { endDate: '2027-12-31', goals: 'Selv handle ind' });
  });
});
