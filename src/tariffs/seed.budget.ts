/**
 * @module Believable demo budgets: cost per place by offering type (a 12-place botilbud costs about 9-12 mio.
 * kr. a year), the usual split over cost categories, overhead, income, levels for some residential offerings,
 * and the year-on-year development (P/L plus noise, now and then a jump that trips the 5 % watch).
 * Pure given the random source; amounts are whole kroner as exact decimal strings.
 */
import { intBetween, pick } from '../core/seed/random.js';
import { Dec, type CalcInput, type Unit } from './calculation.js';

type Profile = { unit: Unit; perPlace: [number, number]; hourRate?: [number, number] };

/** Yearly cost per place (kr.) by offering type; hour offerings get a target hourly price instead. */
export const PROFILES: Record<string, Profile> = {
  botilbud: { unit: 'day', perPlace: [720_000, 980_000] },
  botilbudslignende: { unit: 'day', perPlace: [420_000, 650_000] },
  doegntilbud: { unit: 'day', perPlace: [1_150_000, 1_750_000] },
  aflastning: { unit: 'day', perPlace: [850_000, 1_250_000] },
  krisecenter: { unit: 'day', perPlace: [330_000, 520_000] },
  behandling: { unit: 'day', perPlace: [260_000, 420_000] },
  dagtilbud: { unit: 'day', perPlace: [140_000, 230_000] },
  beskaeftigelse: { unit: 'month', perPlace: [110_000, 190_000] },
  specialundervisning: { unit: 'month', perPlace: [240_000, 380_000] },
  ambulant: { unit: 'hour', perPlace: [70_000, 110_000], hourRate: [620, 880] },
};

export type OfferingSeed = { id: number; offering_type: string; places: number; operator_type: string; is_residential: boolean; area_code: string };

/** The offering's fixed traits: its budget level, overhead style, whether it uses levels. */
export type Trait = {
  unit: Unit;
  baseCost: number;
  overhead: { kind: 'pct'; pct: string } | { kind: 'amount'; share: number };
  shares: { salaries: number; operations: number; property: number; pension: number; other: number; depreciation: number; interest: number };
  supervisionPerPlace: number;
  incomeShare: number;
  levels: CalcInput['levels'];
  addOn: { name: string; cost: string; plannedHours: string } | null;
  hourRate: number;
  usesHistory: boolean;
  givenOccupancy: string;
};

const between = (random: () => number, lo: number, hi: number) => lo + random() * (hi - lo);
const round1000 = (x: number) => Math.round(x / 1000) * 1000;

export function traitFor(random: () => number, o: OfferingSeed): Trait {
  const p = PROFILES[o.offering_type] ?? PROFILES.dagtilbud!;
  const places = Math.max(1, o.places);
  const isPublic = o.operator_type === 'kommunal' || o.operator_type === 'regional';
  const salaries = between(random, 0.66, 0.74);
  const operations = between(random, 0.08, 0.12);
  const property = between(random, 0.06, 0.1);
  const pension = isPublic ? between(random, 0.005, 0.02) : 0;
  const depreciation = between(random, 0.01, 0.03);
  const interest = between(random, 0.004, 0.012);
  const other = Math.max(0.01, 1 - salaries - operations - property - pension - depreciation - interest);
  // Hovedstaden's operators aim at the 6 % overhead cap; some exceed it.
  const pct = o.area_code === 'hovedstaden' ? between(random, 4.8, 6.8) : between(random, 3.5, 8.5);
  const overhead: Trait['overhead'] =
    !isPublic && random() < 0.5 ? { kind: 'amount', share: between(random, 0.04, 0.09) } : { kind: 'pct', pct: pct.toFixed(1) };
  const usesLevels = o.is_residential && (o.offering_type === 'botilbud' || o.offering_type === 'doegntilbud') && random() < 0.3;
  const levels = usesLevels
    ? pick(random, [
        [
          { name: 'Niveau 1', weight: '1', share: '0.5' },
          { name: 'Niveau 2', weight: '1.4', share: '0.3' },
          { name: 'Niveau 3', weight: '2', share: '0.2' },
        ],
        [
          { name: 'Basis', weight: '1', share: '0.6' },
          { name: 'Udvidet', weight: '1.5', share: '0.4' },
        ],
        [
          { name: 'Pakke A', weight: '0.8', share: '0.25' },
          { name: 'Pakke B', weight: '1', share: '0.45' },
          { name: 'Pakke C', weight: '1.6', share: '0.3' },
        ],
      ])
    : null;
  const addOn =
    o.is_residential && random() < 0.1
      ? { name: 'Ekstra 1:1-støtte', cost: String(round1000(between(random, 200_000, 700_000))), plannedHours: String(intBetween(random, 400, 1400)) }
      : null;
  return {
    unit: p.unit,
    baseCost: round1000(places * between(random, p.perPlace[0], p.perPlace[1])),
    overhead,
    shares: { salaries, operations, property, pension, other, depreciation, interest },
    supervisionPerPlace: o.is_residential ? intBetween(random, 1800, 5200) : 0,
    incomeShare: random() < 0.6 ? between(random, 0, 0.02) : 0,
    levels,
    addOn,
    hourRate: p.hourRate ? between(random, p.hourRate[0], p.hourRate[1]) : 0,
    usesHistory: random() < 0.6,
    givenOccupancy: (Math.round(between(random, 95, 98.5) * 2) / 2).toFixed(1),
  };
}

/** Growth of the cost level from one year to the next: P/L plus noise; now and then a jump (new staffing, rent). */
export function growthFactor(random: () => number, plPct: string | null, o: OfferingSeed): { factor: number; isJump: boolean } {
  const pl = plPct ? Number(plPct) / 100 : 0.025;
  const isJump = o.is_residential && random() < 0.09;
  const extra = isJump ? between(random, 0.035, 0.09) : between(random, -0.025, 0.015);
  return { factor: 1 + pl + extra, isJump };
}

export const EXPLANATIONS = [
  'Øget normering om natten efter socialtilsynets anbefaling ved seneste tilsynsbesøg.',
  'Målgruppen har ændret sig: flere borgere med komplekse behov og dobbeltdiagnoser kræver mere personale.',
  'Huslejestigning efter gennemført renovering og energiforbedring af bygningerne.',
  'Efterregulering af underskud fra regnskabsåret på grund af lav belægning og sygefravær.',
  'Overenskomstmæssige lønstigninger og ansættelse af en sygeplejerske i fast stilling.',
  'Nyt fagligt koncept (low arousal) med efteruddannelse af hele personalegruppen.',
  'Færre pladser efter ombygning til enkeltværelser; de faste udgifter fordeles på færre døgn.',
];

export const CORRECTION_REASONS = [
  'Rettet fejl i ejendomsudgifterne (dobbelt bogført husleje).',
  'Ny lejekontrakt fra 1. marts; huslejen er faldet.',
  'Styregruppen har godkendt en lavere budgetteret belægning.',
];

/** The calculation input for one offering and year from its trait and current cost level. */
export function budgetInput(
  _random: () => number,
  o: OfferingSeed,
  t: Trait,
  year: number,
  costLevel: number,
  opts: { shortStay: boolean; history: string[]; regulation: CalcInput['regulation'] },
): CalcInput {
  const s = t.shares;
  const places = Math.max(1, o.places);
  const line = (share: number) => String(round1000(costLevel * share));
  const costs: CalcInput['costs'] = [
    { category: 'salaries', amount: line(s.salaries) },
    { category: 'operations', amount: line(s.operations) },
    { category: 'property', amount: line(s.property) },
    ...(s.pension > 0 ? [{ category: 'pension' as const, amount: line(s.pension) }] : []),
    ...(t.supervisionPerPlace
      ? [{ category: 'supervisionFee' as const, amount: String(round1000(places * t.supervisionPerPlace * (1 + (year - 2024) * 0.02))) }]
      : []),
    { category: 'other', amount: line(s.other) },
    { category: 'depreciation', amount: line(s.depreciation) },
    { category: 'interest', amount: line(s.interest) },
  ];
  const base = costs.filter((c) => c.category !== 'depreciation' && c.category !== 'interest').reduce((sum, c) => sum.plus(c.amount), new Dec(0));
  const overhead = t.overhead.kind === 'pct' ? { pct: t.overhead.pct } : { amount: String(round1000(base.toNumber() * t.overhead.share)) };
  const occupancy =
    t.unit === 'hour'
      ? { plannedHours: String(Math.max(100, Math.round((costLevel * 1.06) / t.hourRate / 10) * 10)) }
      : t.usesHistory && opts.history.length
        ? { places, occupancyHistoryPct: opts.history }
        : { places, occupancyPct: t.givenOccupancy };
  return {
    unit: t.unit,
    year,
    ...occupancy,
    shortStay: opts.shortStay,
    occupancyDeviationApproved: false,
    costs,
    overhead,
    income: t.incomeShare ? String(round1000(costLevel * t.incomeShare)) : null,
    regulation: opts.regulation,
    retainLimitPct: null,
    levels: t.levels,
    addOns: t.addOn ? [t.addOn] : null,
  };
}

/** A result from the accounts two years back: mostly small, some beyond the retain limit. */
export function regulationFor(random: () => number, costLevel: number, retainLimitPct: string, accountsYear: number): CalcInput['regulation'] {
  if (random() < 0.45) return null;
  const costBase = round1000(costLevel * between(random, 0.95, 1.02));
  const result = round1000(costBase * between(random, -0.06, 0.06));
  const cap = new Dec(costBase).times(retainLimitPct).div(100).toDecimalPlaces(0, Dec.ROUND_DOWN);
  const keep = random() < 0.6 ? Dec.min(cap, new Dec(result).abs()) : new Dec(0);
  const retained = result < 0 ? keep.neg() : keep;
  return { result: String(result), costBase: String(costBase), retained: retained.toFixed(0), year: accountsYear };
}
