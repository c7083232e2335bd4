/**
 * The central announcements' rules, by hand-worked cases: the deadline in force after extensions, the overall
 * state from the areas' reports, and the answer matrix's counts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { announcementState, answerMatrix, deadlineInForce } from './announcements.logic.js';

describe('deadlineInForce', () => {
  it('is the first deadline without granted extensions', () => {
    assert.equal(deadlineInForce('2024-06-30', []), '2024-06-30');
    assert.equal(deadlineInForce('2024-06-30', [{ new_deadline: '2024-12-31', status: 'afventer' }]), '2024-06-30');
    assert.equal(deadlineInForce('2024-06-30', [{ new_deadline: '2024-12-31', status: 'afslaaet' }]), '2024-06-30');
  });

  it('is the latest granted extension, never earlier than the first deadline', () => {
    const ext = [
      { new_deadline: '2024-09-30', status: 'bevilget' as const },
      { new_deadline: '2024-12-31', status: 'bevilget' as const },
      { new_deadline: '2025-03-31', status: 'afslaaet' as const },
    ];
    assert.equal(deadlineInForce('2024-06-30', ext), '2024-12-31');
    assert.equal(deadlineInForce('2024-06-30', [{ new_deadline: '2024-05-01', status: 'bevilget' }]), '2024-06-30');
  });
});

describe('announcementState', () => {
  it('is open while any area has not sent, closed when all have', () => {
    assert.equal(announcementState(['sendt', 'kladde']), 'aaben');
    assert.equal(announcementState(['sendt', 'besvaret']), 'afsluttet');
    assert.equal(announcementState([]), 'aaben');
  });
});

describe('answerMatrix', () => {
  it('counts per question and per municipality', () => {
    const m = answerMatrix(
      [
        { id: 1, name: 'Holbæk' },
        { id: 2, name: 'Næstved' },
        { id: 3, name: 'Sorø' },
      ],
      [10, 11],
      [
        { organisation_id: 1, question_id: 10 },
        { organisation_id: 1, question_id: 11 },
        { organisation_id: 2, question_id: 11 },
      ],
    );
    assert.deepEqual(m.perQuestion, [1, 2]);
    assert.deepEqual(
      m.rows.map((r) => [r.name, r.count, r.isComplete]),
      [
        ['Holbæk', 2, true],
        ['Næstved', 1, false],
        ['Sorø', 0, false],
      ],
    );
    assert.equal(m.complete, 1);
    assert.equal(m.started, 2);
  });
});
