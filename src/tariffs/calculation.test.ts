/**
 * Hand-worked examples for every rule of the tariff calculation. The expected numbers were worked out on
 * paper (and checked with Python's decimal module); each comment shows the arithmetic.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calculateTariff, checkCalculation, CalculationInputError, Dec, money, type CalcInput, type CalcRules } from './calculation.js';
import { ZCalcInput } from './calculation.schema.js';

const RULES: CalcRules = {
  retainLimitPct: '5',
  occupancyFloorPct: '95',
  shortStayFloorPct: '90',
  occupancyCeilingPct: '100',
  recommendedMaxPct: '98',
  overheadCapPct: '6',
};

/** 12-place botilbud: costs 8,700,000 of which 8,500,000 in the overhead base (200,000 capital costs). */
const base = (over: Partial<CalcInput> = {}): CalcInput => ({
  unit: 'day',
  year: 2026,
  places: 12,
  occupancyPct: '97.5',
  costs: [
    { category: 'salaries', amount: '6500000.00' },
    { category: 'operations', amount: '1200000.00' },
    { category: 'property', amount: '800000.00' },
    { category: 'depreciation', amount: '150000.00' },
    { category: 'interest', amount: '50000.00' },
  ],
  overhead: { pct: '6.0' },
  income: '120000.00',
  ...over,
});

const step = (r: ReturnType<typeof calculateTariff>, key: string) => r.breakdown.find((s) => s.key === key)?.value;

test('overhead as a percentage of all lines except depreciation and interest', () => {
  const r = calculateTariff(base(), RULES);
  assert.equal(r.costsTotal, '8700000.00');
  assert.equal(r.overheadBase, '8500000.00'); // 6,500,000 + 1,200,000 + 800,000
  assert.equal(r.overhead, '510000.00'); // 6 % of 8,500,000
  assert.equal(r.basis, '9090000.00'); // 8,700,000 + 510,000 − 120,000
  assert.equal(r.capacityUnits, '4380'); // 12 × 365
  assert.equal(r.occupancyPctUsed, '97.50');
  // 9,090,000 ÷ (4,380 × 0.975 = 4,270.5) = 2,128.5563… → 2,128.56
  assert.deepEqual(r.levels, [{ name: 'Takst', weight: '1', share: '1', tariff: '2128.56' }]);
  assert.equal(r.averageTariff, '2128.56');
  assert.deepEqual(r.warnings, []);
  assert.equal(step(r, 'capacity.occupied'), '4270.5');
});

test('overhead as a fixed amount; its share of the base is shown', () => {
  const r = calculateTariff(base({ overhead: { amount: '400000.00' } }), RULES);
  assert.equal(r.overhead, '400000.00');
  assert.equal(r.basis, '8980000.00'); // 8,700,000 + 400,000 − 120,000
  assert.equal(r.overheadPct, '4.7059'); // 400,000 ÷ 8,500,000 = 4.70588…%
  assert.equal(r.levels[0]!.tariff, '2102.80'); // 8,980,000 ÷ 4,270.5 = 2,102.798…
  assert.equal(step(r, 'overhead.pct'), '4.71');
});

test('an overhead percentage above the agreement cap gives a warning, also when derived from an amount', () => {
  assert.match(calculateTariff(base({ overhead: { pct: '7' } }), RULES).warnings.join(' '), /over aftalens loft på 6 %/);
  // 600,000 ÷ 8,500,000 = 7.06 % > 6 %
  assert.match(calculateTariff(base({ overhead: { amount: '600000' } }), RULES).warnings.join(' '), /7,06 %/);
  assert.deepEqual(calculateTariff(base({ overhead: { pct: '7' } }), { ...RULES, overheadCapPct: null }).warnings, []);
  assert.deepEqual(calculateTariff(base({ overhead: { pct: '6' } }), RULES).warnings, []); // at the cap is fine
});

test('no overhead and no income', () => {
  const r = calculateTariff(base({ overhead: null, income: null }), RULES);
  assert.equal(r.overhead, '0.00');
  assert.equal(r.basis, '8700000.00');
});

test('surplus within the cap: the part not retained lowers the basis', () => {
  // cap = 5 % × 8,000,000 = 400,000; 350,000 − 0 goes into the tariff
  const r = calculateTariff(base({ regulation: { result: '350000.00', costBase: '8000000.00', retained: '0.00' } }), RULES);
  assert.equal(r.regulationIntoTariff, '350000.00');
  assert.equal(r.basis, '8740000.00'); // 9,090,000 − 350,000
  assert.equal(step(r, 'regulation.cap'), '400000.00');
  // all of it retained: the basis is unchanged
  const kept = calculateTariff(base({ regulation: { result: '350000.00', costBase: '8000000.00', retained: '350000.00' } }), RULES);
  assert.equal(kept.basis, '9090000.00');
});

test('surplus beyond the cap: at most 5 % may be retained, the rest goes into the tariff', () => {
  const r = calculateTariff(base({ regulation: { result: '600000.00', costBase: '8000000.00', retained: '400000.00' } }), RULES);
  assert.equal(r.regulationIntoTariff, '200000.00');
  assert.equal(r.basis, '8890000.00'); // 9,090,000 − 200,000
  const problems = checkCalculation(base({ regulation: { result: '600000.00', costBase: '8000000.00', retained: '400000.01' } }), RULES);
  assert.match(problems['regulation.retained']!.join(' '), /Højst 5 % .* 400\.000,00 kr\./);
  assert.throws(() => calculateTariff(base({ regulation: { result: '600000', costBase: '8000000', retained: '400000.01' } }), RULES), CalculationInputError);
});

test('deficit within and beyond the cap: the part not retained raises the basis', () => {
  const within = calculateTariff(base({ regulation: { result: '-300000.00', costBase: '8000000.00', retained: '-300000.00' } }), RULES);
  assert.equal(within.basis, '9090000.00');
  const beyond = calculateTariff(base({ regulation: { result: '-500000.00', costBase: '8000000.00', retained: '-400000.00' } }), RULES);
  assert.equal(beyond.regulationIntoTariff, '-100000.00');
  assert.equal(beyond.basis, '9190000.00'); // 9,090,000 + 100,000
  assert.equal(step(beyond, 'regulation.intoTariff'), '100000.00'); // shown as an addition
});

test('retained must have the sign of the result, and the agreement may set another limit', () => {
  const wrongSign = checkCalculation(base({ regulation: { result: '-500000', costBase: '8000000', retained: '100000' } }), RULES);
  assert.match(wrongSign['regulation.retained']!.join(' '), /samme fortegn/);
  const zeroResult = checkCalculation(base({ regulation: { result: '0', costBase: '8000000', retained: '100' } }), RULES);
  assert.ok(zeroResult['regulation.retained']);
  // 3 % of 8,000,000 = 240,000
  assert.ok(
    checkCalculation(base({ regulation: { result: '300000', costBase: '8000000', retained: '250000' } }), { ...RULES, retainLimitPct: '3' })[
      'regulation.retained'
    ],
  );
  assert.deepEqual(
    checkCalculation(base({ regulation: { result: '300000', costBase: '8000000', retained: '240000' } }), { ...RULES, retainLimitPct: '3' }),
    {},
  );
  // the request's own limit wins over the rule
  assert.deepEqual(checkCalculation(base({ retainLimitPct: '10', regulation: { result: '900000', costBase: '8000000', retained: '800000' } }), RULES), {});
});

test('occupancy from the mean of the two preceding years', () => {
  const r = calculateTariff(base({ occupancyPct: null, occupancyHistoryPct: ['96.0', '98.5'] }), RULES);
  assert.equal(r.occupancyPctUsed, '97.25');
  assert.equal(r.occupancySource, 'history');
  assert.equal(r.levels[0]!.tariff, '2134.03'); // 9,090,000 ÷ (4,380 × 0.9725)
  assert.equal(step(r, 'occupancy.mean'), '97.25');
  // The history lines name their years: the two years before the tariff year 2026.
  assert.deepEqual(
    r.breakdown.filter((s) => s.key.startsWith('occupancy.history.')).map((s) => s.label),
    ['Faktisk belægning 2024', 'Faktisk belægning 2025'],
  );
});

test('occupied units are shown with at most two decimals; the tariff uses the exact number', () => {
  // 13 places × 365 days = 4,745 × 97.25 % = 4,614.5125 → shown as 4,614.51
  const r = calculateTariff(base({ places: 13, occupancyPct: null, occupancyHistoryPct: ['96.0', '98.5'] }), RULES);
  assert.equal(step(r, 'capacity.occupied'), '4614.51');
  assert.match(r.breakdown.find((s) => s.key === 'capacity.occupied')!.detail!, /4\.614,5125/);
  assert.equal(r.levels[0]!.tariff, '1969.87'); // 9,090,000 ÷ 4,614.5125 = 1,969.873…
});

test('occupancy below the floor is moved to 95 % with a warning', () => {
  const r = calculateTariff(base({ occupancyPct: '90' }), RULES);
  assert.equal(r.occupancyPctUsed, '95.00');
  assert.equal(r.levels[0]!.tariff, '2184.57'); // 9,090,000 ÷ (4,380 × 0.95)
  assert.match(r.warnings[0]!, /under aftalens minimum på 95 %.*styregruppens godkendelse/);
});

test('occupancy above the ceiling is moved to 100 %, and above 98 % warns about the recommended maximum', () => {
  const r = calculateTariff(base({ occupancyPct: '103' }), RULES);
  assert.equal(r.occupancyPctUsed, '100.00');
  assert.equal(r.levels[0]!.tariff, '2075.34'); // 9,090,000 ÷ 4,380 = 2,075.342…
  assert.equal(r.warnings.length, 2);
  assert.match(r.warnings[0]!, /over aftalens maksimum på 100 %/);
  assert.match(r.warnings[1]!, /anbefalede maksimum på 98 %/);
  const high = calculateTariff(base({ occupancyPct: '99' }), RULES);
  assert.equal(high.occupancyPctUsed, '99.00');
  assert.deepEqual(high.warnings.length, 1);
  assert.deepEqual(calculateTariff(base({ occupancyPct: '98' }), RULES).warnings, []);
});

test('short-stay, acute and respite offerings have a 90 % floor', () => {
  const ok = calculateTariff(base({ occupancyPct: '91', shortStay: true }), RULES);
  assert.equal(ok.occupancyPctUsed, '91.00');
  assert.deepEqual(ok.warnings, []);
  const low = calculateTariff(base({ occupancyPct: '85', shortStay: true }), RULES);
  assert.equal(low.occupancyPctUsed, '90.00');
  assert.match(low.warnings[0]!, /minimum på 90 %/);
});

test('an approved deviation is used as given', () => {
  const r = calculateTariff(base({ occupancyPct: '85', occupancyDeviationApproved: true }), RULES);
  assert.equal(r.occupancyPctUsed, '85.00');
  // 9,090,000 ÷ (4,380 × 0.85 = 3,723) = 2,441.579…
  assert.equal(r.levels[0]!.tariff, '2441.58');
  assert.match(r.warnings[0]!, /godkendt af styregruppen/);
});

test('levels (pakkemodel): tariff_i = w_i × basis ÷ (units × occupancy × Σ w_j s_j)', () => {
  const r = calculateTariff(
    base({
      levels: [
        { name: 'Niveau 1', weight: '1', share: '0.5' },
        { name: 'Niveau 2', weight: '1.5', share: '0.3' },
        { name: 'Niveau 3', weight: '2.5', share: '0.2' },
      ],
    }),
    RULES,
  );
  // Σ w s = 0.5 + 0.45 + 0.5 = 1.45; divisor = 4,270.5 × 1.45 = 6,192.225
  assert.deepEqual(
    r.levels.map((l) => [l.name, l.tariff]),
    [
      ['Niveau 1', '1467.97'],
      ['Niveau 2', '2201.95'],
      ['Niveau 3', '3669.92'],
    ],
  );
  assert.equal(step(r, 'levels.weightedShare'), '1.45');
  assert.equal(r.averageTariff, '2128.56'); // the average price is independent of the split
});

test('leap year: a day tariff divides by 366 days', () => {
  const r = calculateTariff(base({ year: 2028 }), RULES);
  assert.equal(r.capacityUnits, '4392');
  assert.equal(r.levels[0]!.tariff, '2122.74'); // 9,090,000 ÷ (4,392 × 0.975)
  assert.equal(calculateTariff(base({ year: 2100 }), RULES).capacityUnits, '4380'); // 2100 is not a leap year
  assert.equal(calculateTariff(base({ year: 2000 }), RULES).capacityUnits, '4392');
});

test('month unit: places × 12', () => {
  const r = calculateTariff(base({ unit: 'month' }), RULES);
  assert.equal(r.capacityUnits, '144');
  assert.equal(r.levels[0]!.tariff, '64743.59'); // 9,090,000 ÷ (144 × 0.975) = 64,743.589…
});

test('hour unit: planned hours, occupancy not used', () => {
  const r = calculateTariff(
    { unit: 'hour', year: 2026, plannedHours: '5000', occupancyPct: '50', costs: [{ category: 'salaries', amount: '2000000' }] },
    RULES,
  );
  assert.equal(r.capacityUnits, '5000');
  assert.equal(r.occupancyPctUsed, null);
  assert.equal(r.levels[0]!.tariff, '400.00');
  assert.deepEqual(r.warnings, []);
});

test('money is rounded to øre half away from zero, only at the end', () => {
  // 800.04 ÷ 8 hours = 100.005 → 100.01
  const half = calculateTariff({ unit: 'hour', year: 2026, plannedHours: '8', costs: [{ category: 'other', amount: '800.04' }] }, RULES);
  assert.equal(half.levels[0]!.tariff, '100.01');
  // 800.039 ÷ 8 = 100.004875 → 100.00
  const below = calculateTariff({ unit: 'hour', year: 2026, plannedHours: '8', costs: [{ category: 'other', amount: '800.039' }] }, RULES);
  assert.equal(below.levels[0]!.tariff, '100.00');
  // Overhead 6 % of 0.25 = 0.015 is kept exact in the basis (0.265), then rounded: 0.27
  const tiny = calculateTariff({ unit: 'hour', year: 2026, plannedHours: '1', costs: [{ category: 'other', amount: '0.25' }], overhead: { pct: '6' } }, RULES);
  assert.equal(tiny.overhead, '0.02'); // 0.015 → 0.02
  assert.equal(tiny.basis, '0.27'); // 0.265 → 0.27
  assert.equal(money(new Dec('-0.005')), '-0.01');
  assert.equal(money(new Dec('2.675')), '2.68'); // a float would give 2.67
});

test('add-on services are priced from their own cost and hours', () => {
  const r = calculateTariff(base({ addOns: [{ name: 'Ekstra 1:1-støtte', cost: '520000', plannedHours: '1300' }] }), RULES);
  assert.deepEqual(r.addOns, [{ name: 'Ekstra 1:1-støtte', cost: '520000.00', plannedHours: '1300', hourlyRate: '400.00' }]);
  assert.equal(r.basis, '9090000.00'); // not part of the main tariff
});

test('required fields, shares and a positive basis are checked', () => {
  assert.ok(checkCalculation(base({ places: null }), RULES).places);
  assert.ok(checkCalculation(base({ places: 0 }), RULES).places);
  assert.ok(checkCalculation(base({ occupancyPct: null }), RULES).occupancyPct);
  assert.ok(checkCalculation({ unit: 'hour', year: 2026, costs: [{ category: 'other', amount: '1' }] }, RULES).plannedHours);
  const shares = checkCalculation(
    base({
      levels: [
        { name: 'A', weight: '1', share: '0.5' },
        { name: 'B', weight: '2', share: '0.4' },
      ],
    }),
    RULES,
  );
  assert.match(shares.levels!.join(' '), /give 1 .* 0,9/);
  assert.ok(
    checkCalculation(
      base({
        levels: [
          { name: 'A', weight: '1', share: '0.5' },
          { name: 'a', weight: '2', share: '0.5' },
        ],
      }),
      RULES,
    )['levels.1.name'],
  );
  assert.ok(checkCalculation(base({ income: '9300000' }), RULES).costs);
});

test('every step of the breakdown is present in order', () => {
  const r = calculateTariff(
    base({ occupancyPct: null, occupancyHistoryPct: ['96', '98.5'], regulation: { result: '100000', costBase: '8000000', retained: '0' } }),
    RULES,
  );
  const keys = r.breakdown.map((s) => s.key);
  const order = [
    'cost.salaries',
    'costs.total',
    'overhead.base',
    'overhead.pct',
    'overhead',
    'income',
    'regulation.result',
    'regulation.cap',
    'regulation.intoTariff',
    'basis',
    'occupancy.mean',
    'occupancy.used',
    'capacity',
    'level.0',
  ];
  let last = -1;
  for (const k of order) {
    const i = keys.indexOf(k);
    assert.ok(i > last, `${k} kommer efter forrige trin`);
    last = i;
  }
});

test('each invalid number gets an example that fits its field', () => {
  const base = { unit: 'day', year: 2027, places: 10, costs: [{ category: 'salaries', amount: '1' }] };
  const messages = (extra: Record<string, unknown>) =>
    Object.fromEntries((ZCalcInput.safeParse({ ...base, ...extra }).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
  assert.deepEqual(messages({ overhead: { pct: 'mange' } }), { 'overhead.pct': 'Skal være en procentsats, fx 6.' });
  assert.deepEqual(messages({ levels: [{ name: 'A', weight: 'tung', share: 'halv' }] }), {
    'levels.0.weight': 'Skal være en vægt, fx 1,25.',
    'levels.0.share': 'Skal være en andel mellem 0 og 1, fx 0,35.',
  });
  assert.deepEqual(messages({ occupancyPct: 'fuld' }), { occupancyPct: 'Skal være en procentsats, fx 96,5.' });
  assert.deepEqual(messages({ unit: 'hour', plannedHours: 'mange' }), { plannedHours: 'Skal være et antal timer, fx 1500.' });
  assert.deepEqual(messages({ costs: [{ category: 'salaries', amount: 'mange' }] }), { 'costs.0.amount': 'Skal være et beløb i kroner, fx 1234567,89.' });
});
