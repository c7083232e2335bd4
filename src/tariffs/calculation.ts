/**
 * @module The open tariff calculation (takstberegning) for one offering and one tariff year, as a pure
 * function in exact decimal arithmetic. Every step is returned as a breakdown line so the calculation can be
 * shown and checked. Money is rounded to øre (half away from zero) only in the results, never in between.
 * Rules (retain limit, occupancy bounds, overhead cap) come in as data; see DOMAIN.md 1.2-1.5.
 */
import { Decimal as DecimalBase } from 'decimal.js';
import { formatExact } from './tariffs.format.js';

/** Exact decimals: 50 significant digits, ties away from zero. */
export const Dec = DecimalBase.clone({ precision: 50, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

export const UNITS = ['day', 'month', 'hour'] as const;
export type Unit = (typeof UNITS)[number];
export const UNIT_LABELS: Record<Unit, string> = { day: 'døgn/dag', month: 'måned', hour: 'time' };
export const UNIT_TARIFF_LABELS: Record<Unit, string> = { day: 'Døgntakst', month: 'Månedstakst', hour: 'Timetakst' };

export const COST_CATEGORIES = ['salaries', 'operations', 'property', 'pension', 'supervisionFee', 'other', 'depreciation', 'interest'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export const COST_LABELS: Record<CostCategory, string> = {
  salaries: 'Lønudgifter',
  operations: 'Driftsudgifter',
  property: 'Ejendomsudgifter',
  pension: 'Tjenestemandspension',
  supervisionFee: 'Tilsynstakst',
  other: 'Øvrige udgifter',
  depreciation: 'Afskrivninger',
  interest: 'Forrentning',
};
/** Capital costs are outside the overhead base. */
export const OUTSIDE_OVERHEAD_BASE: readonly CostCategory[] = ['depreciation', 'interest'];

/** The agreement's rules that the calculation needs (a slice of a tariff_rule row). Percentages as decimal strings. */
export type CalcRules = {
  retainLimitPct: string;
  occupancyFloorPct: string;
  shortStayFloorPct: string;
  occupancyCeilingPct: string;
  recommendedMaxPct: string;
  /** null: the agreement sets no overhead cap. */
  overheadCapPct: string | null;
};

export type CalcInput = {
  unit: Unit;
  year: number;
  places?: number | null;
  plannedHours?: string | null;
  occupancyPct?: string | null;
  occupancyHistoryPct?: string[] | null;
  shortStay?: boolean;
  occupancyDeviationApproved?: boolean;
  costs: Array<{ category: CostCategory; amount: string; text?: string | null }>;
  overhead?: { pct: string } | { amount: string } | null;
  income?: string | null;
  regulation?: { result: string; costBase: string; retained: string; year?: number | null } | null;
  /** Overrides the agreement's retain limit when given. */
  retainLimitPct?: string | null;
  levels?: Array<{ name: string; weight: string; share: string }> | null;
  addOns?: Array<{ name: string; cost: string; plannedHours: string }> | null;
};

export type StepUnit = 'kr' | 'pct' | 'units' | 'number' | 'text';
export type Step = {
  key: string;
  label: string;
  value: string;
  unit: StepUnit;
  kind: 'line' | 'subtotal' | 'total' | 'note';
  detail?: string;
};

export type CalcResult = {
  basis: string;
  overhead: string;
  overheadBase: string;
  /** The overhead as a percentage of its base (given, or derived from a fixed amount). */
  overheadPct: string | null;
  costsTotal: string;
  income: string;
  regulationIntoTariff: string;
  occupancyPctUsed: string | null;
  occupancySource: 'given' | 'history' | 'none';
  capacityUnits: string;
  levels: Array<{ name: string; weight: string; share: string; tariff: string }>;
  /** Basis ÷ (capacity units × occupancy): the price of an average unit, used to compare years. */
  averageTariff: string;
  addOns: Array<{ name: string; cost: string; plannedHours: string; hourlyRate: string }>;
  breakdown: Step[];
  warnings: string[];
};

export type FieldProblems = Record<string, string[]>;

const ZERO = new Dec(0);
const HUNDRED = new Dec(100);

/** Rounds to øre, half away from zero, and prints with two decimals. */
export const money = (d: Dec): string => d.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
/** Prints a percentage or count without trailing zeros beyond two decimals (97.5 → "97.50", 97.125 → "97.125"). */
export const plain = (d: Dec): string => (d.decimalPlaces() <= 2 ? d.toFixed(2) : d.toFixed());
const trim = (d: Dec): string => d.toFixed();
/** Danish notation for messages, exactly: 400000.5 → "400.000,50" (with decimals) or "97,25". */
const dk = (d: Dec | string, decimals?: number): string => {
  const v = typeof d === 'string' ? new Dec(d) : d;
  return formatExact(decimals === undefined ? v.toFixed() : v.toFixed(decimals));
};

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
export const daysInYear = (year: number): number => (isLeapYear(year) ? 366 : 365);

export function effectiveRetainLimit(input: CalcInput, rules: CalcRules): Dec {
  return new Dec(input.retainLimitPct ?? rules.retainLimitPct);
}

/** Levels as given, or the single main service (w = 1, s = 1). */
function levelsOf(input: CalcInput) {
  const levels = input.levels?.length ? input.levels : [{ name: 'Takst', weight: '1', share: '1' }];
  return levels.map((l) => ({ name: l.name, weight: new Dec(l.weight), share: new Dec(l.share) }));
}

function sumCosts(input: CalcInput) {
  let total = ZERO;
  let overheadBase = ZERO;
  for (const line of input.costs) {
    const amount = new Dec(line.amount);
    total = total.plus(amount);
    if (!OUTSIDE_OVERHEAD_BASE.includes(line.category)) overheadBase = overheadBase.plus(amount);
  }
  return { total, overheadBase };
}

function overheadOf(input: CalcInput, overheadBase: Dec): { amount: Dec; pct: Dec | null; isGivenAsPct: boolean } {
  const o = input.overhead;
  if (o && 'pct' in o) return { amount: overheadBase.times(o.pct).div(HUNDRED), pct: new Dec(o.pct), isGivenAsPct: true };
  const amount = o && 'amount' in o ? new Dec(o.amount) : ZERO;
  return { amount, pct: overheadBase.isZero() ? null : amount.div(overheadBase).times(HUNDRED), isGivenAsPct: false };
}

function basisOf(input: CalcInput) {
  const { total, overheadBase } = sumCosts(input);
  const overhead = overheadOf(input, overheadBase);
  const income = new Dec(input.income ?? 0);
  const r = input.regulation;
  const intoTariff = r ? new Dec(r.result).minus(r.retained) : ZERO;
  return { total, overheadBase, overhead, income, intoTariff, basis: total.plus(overhead.amount).minus(income).minus(intoTariff) };
}

/**
 * Checks what the schema cannot: required fields per unit, the retain cap and sign, shares summing to 1 and a
 * positive basis. Returns Danish messages per field; empty when the input can be calculated.
 */
export function checkCalculation(input: CalcInput, rules: CalcRules): FieldProblems {
  const out: FieldProblems = {};
  const add = (field: string, message: string) => (out[field] ??= []).push(message);
  if (input.unit === 'hour') {
    if (input.plannedHours === undefined || input.plannedHours === null) add('plannedHours', 'Skal udfyldes for en timetakst (planlagte timer).');
    else if (!new Dec(input.plannedHours).gt(0)) add('plannedHours', 'Planlagte timer skal være større end 0.');
  } else {
    if (input.places === undefined || input.places === null) add('places', 'Skal udfyldes for en døgn- eller månedstakst (antal pladser).');
    else if (!(Number.isInteger(input.places) && input.places > 0)) add('places', 'Antal pladser skal være et heltal større end 0.');
    const hasHistory = (input.occupancyHistoryPct?.length ?? 0) > 0;
    if ((input.occupancyPct === undefined || input.occupancyPct === null) && !hasHistory)
      add('occupancyPct', 'Angiv en belægningsprocent eller de foregående års faktiske belægning.');
  }
  const r = input.regulation;
  if (r) {
    const result = new Dec(r.result);
    const retained = new Dec(r.retained);
    const costBase = new Dec(r.costBase);
    if (!retained.isZero() && (result.isZero() || retained.isNeg() !== result.isNeg()))
      add('regulation.retained', 'Den beholdte del skal have samme fortegn som resultatet (overskud positivt, underskud negativt) eller være 0.');
    const limitPct = effectiveRetainLimit(input, rules);
    const cap = costBase.abs().times(limitPct).div(HUNDRED);
    if (retained.abs().gt(cap))
      add(
        'regulation.retained',
        `Højst ${dk(limitPct)} % af omkostningsgrundlaget må beholdes, dvs. ${dk(money(cap), 2)} kr.; der er angivet ${dk(retained.abs(), 2)} kr.`,
      );
    if (retained.abs().gt(result.abs()) && retained.isNeg() === result.isNeg())
      add('regulation.retained', 'Den beholdte del kan ikke være større end resultatet.');
  }
  if (input.levels?.length) {
    const shares = input.levels.reduce((s, l) => s.plus(l.share), ZERO);
    if (!shares.eq(1)) add('levels', `Andelene skal give 1 (100 %) tilsammen; de giver ${dk(shares)}.`);
    const names = new Set<string>();
    input.levels.forEach((l, i) => {
      if (names.has(l.name.toLowerCase())) add(`levels.${i}.name`, `Niveauet "${l.name}" står to gange.`);
      names.add(l.name.toLowerCase());
    });
  }
  if (!Object.keys(out).length && !basisOf(input).basis.gt(0))
    add('costs', 'Takstgrundlaget (udgifter + overhead − indtægter − regulering) skal være større end 0.');
  return out;
}

export class CalculationInputError extends Error {
  constructor(readonly problems: FieldProblems) {
    super('Beregningen kan ikke udføres med disse oplysninger.');
  }
}

/** Occupancy used and how it was derived, with warnings from the agreement's bounds. */
function occupancyOf(input: CalcInput, rules: CalcRules, steps: Step[], warnings: string[]): { used: Dec | null; source: CalcResult['occupancySource'] } {
  if (input.unit === 'hour') {
    steps.push({ key: 'occupancy', label: 'Belægningsprocent', value: 'Bruges ikke for timetakster', unit: 'text', kind: 'note' });
    return { used: null, source: 'none' };
  }
  let raw: Dec;
  let source: CalcResult['occupancySource'];
  if (input.occupancyPct !== undefined && input.occupancyPct !== null) {
    raw = new Dec(input.occupancyPct);
    source = 'given';
    steps.push({ key: 'occupancy.given', label: 'Budgetteret belægningsprocent (angivet)', value: plain(raw), unit: 'pct', kind: 'line' });
  } else {
    const history = (input.occupancyHistoryPct ?? []).map((h) => new Dec(h));
    raw = history.reduce((s, h) => s.plus(h), ZERO).div(history.length);
    source = 'history';
    history.forEach((h, i) =>
      steps.push({ key: `occupancy.history.${i}`, label: `Faktisk belægning ${input.year - history.length + i}`, value: plain(h), unit: 'pct', kind: 'line' }),
    );
    steps.push({ key: 'occupancy.mean', label: 'Gennemsnit af de foregående års faktiske belægning', value: plain(raw), unit: 'pct', kind: 'subtotal' });
  }
  const floor = new Dec(input.shortStay ? rules.shortStayFloorPct : rules.occupancyFloorPct);
  const ceiling = new Dec(rules.occupancyCeilingPct);
  const floorText = input.shortStay ? `${dk(floor)} % (korttids-, akut- og aflastningstilbud)` : `${dk(floor)} %`;
  steps.push({
    key: 'occupancy.bounds',
    label: 'Aftalens grænser for budgetteret belægning',
    value: `${dk(floor)}–${dk(ceiling)} %`,
    unit: 'text',
    kind: 'note',
    detail: `Minimum ${floorText}, maksimum ${dk(ceiling)} %`,
  });
  let used = raw;
  const outside = raw.lt(floor) ? 'under' : raw.gt(ceiling) ? 'over' : null;
  if (outside) {
    const bound = outside === 'under' ? floor : ceiling;
    if (input.occupancyDeviationApproved) {
      warnings.push(
        `Belægningsprocenten ${dk(raw)} % ligger ${outside} aftalens ${outside === 'under' ? 'minimum' : 'maksimum'} på ${dk(bound)} %; afvigelsen er markeret som godkendt af styregruppen og bruges som angivet.`,
      );
      steps.push({ key: 'occupancy.deviation', label: 'Afvigelse godkendt af styregruppen', value: plain(raw), unit: 'pct', kind: 'note' });
    } else {
      used = bound;
      warnings.push(
        `Belægningsprocenten ${dk(raw)} % ligger ${outside} aftalens ${outside === 'under' ? 'minimum' : 'maksimum'} på ${dk(bound)} %. Der er regnet med ${dk(bound)} %. En afvigelse kræver styregruppens godkendelse.`,
      );
      steps.push({
        key: 'occupancy.adjusted',
        label: `Flyttet til aftalens ${outside === 'under' ? 'minimum' : 'maksimum'}`,
        value: plain(bound),
        unit: 'pct',
        kind: 'note',
      });
    }
  }
  const recommended = new Dec(rules.recommendedMaxPct);
  if (used.gt(recommended)) warnings.push(`Belægningsprocenten ${dk(used)} % ligger over aftalens anbefalede maksimum på ${dk(recommended)} %.`);
  steps.push({ key: 'occupancy.used', label: 'Anvendt belægningsprocent', value: plain(used), unit: 'pct', kind: 'total' });
  return { used, source };
}

/** Calculates the tariff. Throws `CalculationInputError` when `checkCalculation` finds problems. */
export function calculateTariff(input: CalcInput, rules: CalcRules): CalcResult {
  const problems = checkCalculation(input, rules);
  if (Object.keys(problems).length) throw new CalculationInputError(problems);
  const steps: Step[] = [];
  const warnings: string[] = [];

  // 1. Cost lines
  for (const line of input.costs)
    steps.push({
      key: `cost.${line.category}`,
      label: line.text ? `${COST_LABELS[line.category]}: ${line.text}` : COST_LABELS[line.category],
      value: money(new Dec(line.amount)),
      unit: 'kr',
      kind: 'line',
    });
  const b = basisOf(input);
  steps.push({ key: 'costs.total', label: 'Direkte udgifter i alt', value: money(b.total), unit: 'kr', kind: 'subtotal' });

  // 2. Overhead
  steps.push({
    key: 'overhead.base',
    label: 'Grundlag for overhead (udgifter uden afskrivninger og forrentning)',
    value: money(b.overheadBase),
    unit: 'kr',
    kind: 'subtotal',
  });
  if (b.overhead.isGivenAsPct) steps.push({ key: 'overhead.pct', label: 'Overheadprocent', value: plain(b.overhead.pct!), unit: 'pct', kind: 'line' });
  else if (b.overhead.pct)
    steps.push({
      key: 'overhead.pct',
      label: 'Overhead i procent af grundlaget (beregnet)',
      value: b.overhead.pct.toDecimalPlaces(2).toFixed(2),
      unit: 'pct',
      kind: 'note',
    });
  steps.push({
    key: 'overhead',
    label: b.overhead.isGivenAsPct ? 'Overhead (indirekte udgifter og central administration)' : 'Overhead, fast beløb',
    value: money(b.overhead.amount),
    unit: 'kr',
    kind: 'line',
  });
  if (rules.overheadCapPct && b.overhead.pct?.gt(rules.overheadCapPct))
    warnings.push(`Overhead udgør ${dk(b.overhead.pct.toDecimalPlaces(2))} % af grundlaget, over aftalens loft på ${dk(rules.overheadCapPct)} %.`);

  // 3. Income
  steps.push({ key: 'income', label: 'Indtægter, der fratrækkes', value: money(b.income.neg()), unit: 'kr', kind: 'line' });

  // 4. Regulation
  const r = input.regulation;
  if (r) {
    const limitPct = effectiveRetainLimit(input, rules);
    const cap = new Dec(r.costBase).abs().times(limitPct).div(HUNDRED);
    const year = r.year ? ` (regnskab ${r.year})` : '';
    steps.push({
      key: 'regulation.result',
      label: `Resultat til efterregulering${year}: + overskud, − underskud`,
      value: money(new Dec(r.result)),
      unit: 'kr',
      kind: 'line',
    });
    steps.push({ key: 'regulation.costBase', label: 'Omkostningsgrundlag det år', value: money(new Dec(r.costBase)), unit: 'kr', kind: 'line' });
    steps.push({
      key: 'regulation.cap',
      label: `Må højst beholdes i driften (${dk(limitPct)} % af omkostningsgrundlaget)`,
      value: money(cap),
      unit: 'kr',
      kind: 'note',
    });
    steps.push({ key: 'regulation.retained', label: 'Beholdt i egen driftsramme', value: money(new Dec(r.retained)), unit: 'kr', kind: 'line' });
    steps.push({
      key: 'regulation.intoTariff',
      label: b.intoTariff.isNeg() ? 'Underskud, der lægges på taksten' : 'Overskud, der trækkes fra taksten',
      value: money(b.intoTariff.neg()),
      unit: 'kr',
      kind: 'line',
      detail: 'Resultat − beholdt del; et overskud sænker og et underskud hæver takstgrundlaget',
    });
  }
  steps.push({
    key: 'basis',
    label: 'Takstgrundlag',
    value: money(b.basis),
    unit: 'kr',
    kind: 'total',
    detail: 'Udgifter + overhead − indtægter − (resultat − beholdt del)',
  });

  // 5. Occupancy
  const occ = occupancyOf(input, rules, steps, warnings);

  // 6. Capacity units
  let units: Dec;
  if (input.unit === 'day') {
    const days = daysInYear(input.year);
    units = new Dec(input.places!).times(days);
    steps.push({
      key: 'capacity',
      label: 'Kapacitet i døgn/dage',
      value: trim(units),
      unit: 'units',
      kind: 'subtotal',
      detail: `${input.places} pladser × ${days} dage i ${input.year}`,
    });
  } else if (input.unit === 'month') {
    units = new Dec(input.places!).times(12);
    steps.push({
      key: 'capacity',
      label: 'Kapacitet i måneder',
      value: trim(units),
      unit: 'units',
      kind: 'subtotal',
      detail: `${input.places} pladser × 12 måneder`,
    });
  } else {
    units = new Dec(input.plannedHours!);
    steps.push({ key: 'capacity', label: 'Planlagte timer', value: trim(units), unit: 'units', kind: 'subtotal' });
  }
  const occFraction = occ.used ? occ.used.div(HUNDRED) : new Dec(1);
  const occupiedUnits = units.times(occFraction);
  if (occ.used) {
    // Shown with at most two decimals; the calculation goes on with the exact number.
    const shown = occupiedUnits.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
    steps.push({
      key: 'capacity.occupied',
      label: 'Belagte enheder (kapacitet × belægning)',
      value: trim(shown),
      unit: 'units',
      kind: 'subtotal',
      ...(shown.eq(occupiedUnits) ? {} : { detail: `Afrundet; beregningen bruger ${dk(occupiedUnits)}` }),
    });
  }

  // 7. Levels
  const levels = levelsOf(input);
  const weightedShare = levels.reduce((s, l) => s.plus(l.weight.times(l.share)), ZERO);
  const divisor = occupiedUnits.times(weightedShare);
  if (input.levels?.length)
    steps.push({ key: 'levels.weightedShare', label: 'Vægtet andel Σ vægt × andel', value: trim(weightedShare), unit: 'number', kind: 'subtotal' });
  const levelResults = levels.map((l, i) => {
    const tariff = l.weight.times(b.basis).div(divisor);
    steps.push({
      key: `level.${i}`,
      label: input.levels?.length ? `${UNIT_TARIFF_LABELS[input.unit]}, ${l.name}` : UNIT_TARIFF_LABELS[input.unit],
      value: money(tariff),
      unit: 'kr',
      kind: 'total',
      detail: input.levels?.length
        ? `Vægt ${dk(l.weight)} × takstgrundlag ÷ (belagte enheder × ${dk(weightedShare)}); forventet andel ${dk(l.share.times(100))} %`
        : 'Takstgrundlag ÷ belagte enheder',
    });
    return { name: l.name, weight: trim(l.weight), share: trim(l.share), tariff: money(tariff) };
  });
  const average = b.basis.div(occupiedUnits);

  // 9. Add-on services
  const addOns = (input.addOns ?? []).map((a, i) => {
    const rate = new Dec(a.cost).div(a.plannedHours);
    steps.push({
      key: `addOn.${i}`,
      label: `Tillægsydelse: ${a.name} (timepris)`,
      value: money(rate),
      unit: 'kr',
      kind: 'line',
      detail: `${dk(a.cost, 2)} kr. ÷ ${dk(a.plannedHours)} timer`,
    });
    return { name: a.name, cost: money(new Dec(a.cost)), plannedHours: trim(new Dec(a.plannedHours)), hourlyRate: money(rate) };
  });

  return {
    basis: money(b.basis),
    overhead: money(b.overhead.amount),
    overheadBase: money(b.overheadBase),
    overheadPct: b.overhead.pct ? b.overhead.pct.toDecimalPlaces(4).toFixed() : null,
    costsTotal: money(b.total),
    income: money(b.income),
    regulationIntoTariff: money(b.intoTariff),
    occupancyPctUsed: occ.used ? plain(occ.used) : null,
    occupancySource: occ.source,
    capacityUnits: trim(units),
    levels: levelResults,
    averageTariff: money(average),
    addOns,
    breakdown: steps,
    warnings,
  };
}
