/**
 * The survey's numbers as a report shows them: the mean and shares are exact (half up, one decimal), a question
 * nobody answered has no mean, and answers beyond the respondents are caught.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overCounted, questionSummary, responseRate } from './evaluations.logic.js';

describe('the evaluation survey numbers', () => {
  it('computes answers, mean, shares and the share answering 4 or 5 by hand-worked cases', () => {
    // 2·1 + 3·2 + 5·3 + 30·4 + 20·5 = 243; 243 / 60 = 4,05 → 4,1 (half up)
    const s = questionSummary([2, 3, 5, 30, 20]);
    assert.equal(s.answers, 60);
    assert.equal(s.mean, '4.1');
    assert.deepEqual(s.shares, ['3.3', '5.0', '8.3', '50.0', '33.3']);
    assert.equal(s.topShare, '83.3');
  });

  it('has no mean or shares when nobody answered', () => {
    const s = questionSummary([0, 0, 0, 0, 0]);
    assert.equal(s.answers, 0);
    assert.equal(s.mean, null);
    assert.deepEqual(s.shares, [null, null, null, null, null]);
    assert.equal(s.topShare, null);
  });

  it('gives the response rate of the participants, none without a participant count', () => {
    assert.equal(responseRate(62, 104), '59.6');
    assert.equal(responseRate(62, null), null);
    assert.equal(responseRate(0, 0), null);
  });

  it('names the questions with more answers than respondents', () => {
    assert.deepEqual(overCounted(10, [{ counts: [1, 2, 3, 4, 0] }, { counts: [5, 5, 1, 0, 0] }, { counts: [0, 0, 0, 0, 0] }]), [1]);
  });
});
