/**
 * The one clock answers in Copenhagen time: 23:30 UTC on 1 December is already 2 December in Denmark.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copenhagenDate, fixedClock, systemClock } from './clock.js';

describe('clock', () => {
  it('gives the Copenhagen date, also in the hour after Danish midnight', () => {
    assert.equal(fixedClock('2026-12-01T23:30:00Z').today(), '2026-12-02');
    assert.equal(fixedClock('2026-06-30T22:30:00Z').today(), '2026-07-01');
    assert.equal(fixedClock('2026-06-30T21:59:00Z').today(), '2026-06-30');
  });
  it('answers the system date in Copenhagen (remembered per minute)', () => {
    assert.equal(systemClock.today(), copenhagenDate(new Date()));
    assert.equal(systemClock.today(), systemClock.today());
  });
});
