/**
 * Property-based tests of the calculation: revenue at the budgeted occupancy equals the basis within
 * rounding, a higher occupancy never raises a tariff, and the regulation moves the basis by exactly the part
 * not retained.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calculateTariff, Dec, type CalcInput, type CalcRules, type CostCategory } from './calculation.js';

const RULES: CalcRules = {
  retainLimitPct: '5',
  occupancyFloorPct: '95',
  shortStayFloorPct: '90',
  occupancyCeilingPct: '100',
  recommendedMaxPct: '98',
  overheadCapPct: '6',
};
const CATEGORIES: CostCategory[] = ['salaries', 'operations', 'property', 'pension', 'supervisionFee', 'other', 'depreciation', 'interest'];

/** Øre amounts as decimal strings, from 1 kr. to 50 mio. kr. */
const amount = fc.integer({ min: 100, max: 5_000_000_000 }).map((ore) => new Dec(ore).div(100).toFixed(2));
/** Percentages with up to two decimals in [lo, hi]. */
const pct = (lo: number, hi: number) => fc.integer({ min: lo * 100, max: hi * 100 }).map((n) => new Dec(n).div(100).toFixed());

/** 1-4 levels, weights 0.1-5, shares in hundredths summing to exactly 1. */
const levels = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: 50 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 1, max: 100 }), { minLength: n, maxLength: n }),
    )
    .map(([ws, raw]) => {
      const total = raw.reduce((s, x) => s + x, 0);
      const hundredths = raw.map((x) => Math.floor((x * 100) / total));
      hundredths[0]! += 100 - hundredths.reduce((s, x) => s + x, 0);
      return ws.map((w, i) => ({ name: `Niveau ${i + 1}`, weight: new Dec(w).div(10).toFixed(), share: new Dec(hundredths[i]!).div(100).toFixed() }));
    }),
);

const input = fc.record({
  unit: fc.constantFrom('day' as const, 'month' as const, 'hour' as const),
  year: fc.integer({ min: 2000, max: 2100 }),
  places: fc.integer({ min: 1, max: 300 }),
  plannedHours: fc.integer({ min: 1, max: 200_000 }).map(String),
  occupancyPct: pct(95, 100),
  shortStay: fc.boolean(),
  costs: fc.array(fc.record({ category: fc.constantFrom(...CATEGORIES), amount }), { minLength: 1, maxLength: 8 }),
  overhead: fc.oneof(
    pct(0, 10).map((p) => ({ pct: p })),
    fc.integer({ min: 0, max: 100_000_000 }).map((ore) => ({ amount: new Dec(ore).div(100).toFixed(2) })),
  ),
  levels: fc.option(levels, { nil: null }),
}) as fc.Arbitrary<CalcInput>;

test('revenue at the budgeted occupancy equals the basis within rounding', () => {
  fc.assert(
    fc.property(input, (i) => {
      const r = calculateTariff(i, RULES);
      const occupied = new Dec(r.capacityUnits).times(r.occupancyPctUsed ? new Dec(r.occupancyPctUsed).div(100) : 1);
      const shares = i.levels?.map((l) => new Dec(l.share)) ?? [new Dec(1)];
      const revenue = r.levels.reduce((s, l, k) => s.plus(new Dec(l.tariff).times(occupied).times(shares[k]!)), new Dec(0));
      // Each tariff is off by at most half an øre per occupied unit; the basis itself by half an øre.
      const tolerance = occupied.times('0.005').plus('0.005');
      assert.ok(revenue.minus(r.basis).abs().lte(tolerance), `omsætning ${revenue.toFixed(2)} ≠ grundlag ${r.basis} (tolerance ${tolerance.toFixed(2)})`);
    }),
    { numRuns: 400 },
  );
});

test('a higher occupancy never raises a tariff, inside or outside the bounds, approved or not', () => {
  fc.assert(
    fc.property(input, pct(50, 120), pct(50, 120), fc.boolean(), (i, a, b, approved) => {
      const [lo, hi] = new Dec(a).lte(b) ? [a, b] : [b, a];
      const atLo = calculateTariff({ ...i, occupancyPct: lo, occupancyDeviationApproved: approved }, RULES);
      const atHi = calculateTariff({ ...i, occupancyPct: hi, occupancyDeviationApproved: approved }, RULES);
      atHi.levels.forEach((l, k) =>
        assert.ok(new Dec(l.tariff).lte(atLo.levels[k]!.tariff), `${l.name}: ${l.tariff} > ${atLo.levels[k]!.tariff} ved ${hi} % mod ${lo} %`),
      );
    }),
    { numRuns: 400 },
  );
});

test('the regulation moves the basis by exactly the part not retained', () => {
  fc.assert(
    fc.property(input, fc.integer({ min: -50_000_000, max: 50_000_000 }), fc.integer({ min: 0, max: 100 }), (i, resultOre, keptPct) => {
      const costBase = '100000000.00';
      const result = new Dec(resultOre).div(100);
      // keep up to the smaller of the result and the 5 % cap, with the result's sign
      const cap = new Dec(costBase).times('0.05');
      const retained = Dec.min(result.abs(), cap)
        .times(keptPct)
        .div(100)
        .toDecimalPlaces(2, Dec.ROUND_DOWN)
        .times(result.isNeg() ? -1 : 1);
      const without = calculateTariff({ ...i, costs: [...i.costs, { category: 'salaries', amount: '1000000.00' }] }, RULES);
      const withReg = calculateTariff(
        {
          ...i,
          costs: [...i.costs, { category: 'salaries', amount: '1000000.00' }],
          regulation: { result: result.toFixed(2), costBase, retained: retained.toFixed(2) },
        },
        RULES,
      );
      if (!new Dec(withReg.basis).gt(0)) return;
      const moved = new Dec(without.basis).minus(withReg.basis);
      assert.ok(moved.minus(result.minus(retained)).abs().lte('0.01'));
    }),
    { numRuns: 300 },
  );
});
