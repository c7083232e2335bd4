/**
 * @module The clock the test suite runs on. The seeded template and every test app use it, so the demo data and
 * the app agree on "today". Until 1 December it is the real clock; from 1 December 10:00 UTC to the new year it
 * stands still at that instant, because the demo tariff round's deadline is 1 December and the tariff tests
 * follow a round that is still open (submissions on time, nothing published yet).
 */
import { copenhagenDate, fixedClock, systemClock, type Clock } from '../core/clock.js';

export function suiteClock(now: Date = new Date()): Clock {
  const cap = new Date(`${copenhagenDate(now).slice(0, 4)}-12-01T10:00:00Z`);
  return now < cap ? systemClock : fixedClock(cap);
}
