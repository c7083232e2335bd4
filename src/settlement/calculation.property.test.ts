/**
 * Properties of the settlement calculation: the total is the sum of the lines; splitting a period in two never
 * changes the sum by more than one line's rounding; the days of a month never exceed the month.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calculateSettlement, daysInMonth, lineAmount, monthBounds, SDec, type CalcLine } from './calculation.js';

const month = fc
  .record({ y: fc.integer({ min: 2000, max: 2099 }), m: fc.integer({ min: 1, max: 12 }) })
  .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);
const price = fc.integer({ min: 0, max: 10_000_000 }).map((ore) => new SDec(ore).div(100).toFixed(2));
/** A day inside the month or up to 40 days around it. */
const dayAround = (mon: string) =>
  fc
    .integer({ min: -40, max: 70 })
    .map((offset) => new Date(Date.parse(`${monthBounds(mon).first}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10));

const lineIn = (mon: string): fc.Arbitrary<CalcLine> =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom('day' as const, 'month' as const), price, dayAround(mon), fc.option(fc.integer({ min: 0, max: 80 })))
      .map(([unit, p, from, len]) => ({
        unit,
        price: p,
        from,
        to: len === null ? null : new Date(Date.parse(`${from}T00:00:00Z`) + len * 86_400_000).toISOString().slice(0, 10),
      })),
    fc
      .tuple(price, fc.integer({ min: 0, max: 20_000 }))
      .map(([p, quarters]) => ({ unit: 'hour' as const, price: p, hours: new SDec(quarters).div(4).toFixed() })),
  );

test('the total is the exact sum of the rounded lines, and no line has more days than the month', () => {
  fc.assert(
    fc.property(
      month.chain((m) => fc.tuple(fc.constant(m), fc.array(lineIn(m), { minLength: 1, maxLength: 12 }))),
      ([m, lines]) => {
        const r = calculateSettlement(m, lines);
        const sum = r.lines.reduce((s, l) => s.add(l.amount), new SDec(0));
        assert.equal(r.total, sum.toFixed(2));
        for (const l of r.lines) {
          assert.match(l.amount, /^\d+\.\d{2}$/);
          if (l.days !== null) assert.ok(l.days >= 0 && l.days <= daysInMonth(m));
        }
      },
    ),
  );
});

test('splitting a period in two never changes the sum by more than one line’s rounding (½ øre per line)', () => {
  fc.assert(
    fc.property(
      month.chain((m) =>
        fc.tuple(
          fc.constant(m),
          fc.constantFrom('day' as const, 'month' as const),
          price,
          dayAround(m),
          fc.integer({ min: 1, max: 80 }),
          fc.integer({ min: 0, max: 79 }),
        ),
      ),
      ([m, unit, p, from, len, cut]) => {
        const at = (d: number) => new Date(Date.parse(`${from}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
        const to = at(len);
        const split = Math.min(cut, len - 1);
        const whole = lineAmount(m, { unit, price: p, from, to }).amount;
        const parts = calculateSettlement(m, [
          { unit, price: p, from, to: at(split) },
          { unit, price: p, from: at(split + 1), to },
        ]);
        const days = (parts.lines[0]!.days ?? 0) + (parts.lines[1]!.days ?? 0);
        assert.equal(days, lineAmount(m, { unit, price: p, from, to }).days);
        // Each rounded line is within ½ øre of its exact value, so the difference is at most one øre (two half-øre).
        assert.ok(new SDec(parts.total).sub(whole).abs().lte('0.01'), `${parts.total} vs ${whole}`);
        if (unit === 'day') assert.equal(parts.total, whole);
      },
    ),
  );
});
