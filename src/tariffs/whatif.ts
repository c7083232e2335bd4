/**
 * @module What-if on a saved tariff: change the occupancy, a cost line or the income and recalculate the stored
 * input with the stored rules. Pure: it saves nothing. Bad numbers become messages, not errors.
 */
import { calculateTariff, CalculationInputError, COST_CATEGORIES, COST_LABELS, Dec, type CalcInput, type CalcResult } from './calculation.js';
import { normaliseDecimal } from './calculation.schema.js';
import type { RulesSnapshot } from './tariffs.table.js';

export type WhatIfValues = Record<string, string | undefined>;
export type WhatIfOutcome = { result: CalcResult | null; problems: string[] };

const DECIMAL = /^-?\d{1,15}(\.\d{1,10})?$/;

/** Applies the form's changes to the stored input and recalculates. Bad numbers become messages, not errors. */
export function whatIf(input: CalcInput, rules: RulesSnapshot, values: WhatIfValues): WhatIfOutcome {
  const problems: string[] = [];
  const read = (key: string, label: string): string | null => {
    const raw = (values[key] ?? '').trim();
    if (raw === '') return null;
    const v = normaliseDecimal(raw);
    if (typeof v !== 'string' || !DECIMAL.test(v) || new Dec(v).isNeg()) {
      problems.push(`${label}: "${raw}" er ikke et gyldigt tal.`);
      return null;
    }
    return v;
  };
  const next: CalcInput = { ...input, costs: [...input.costs] };
  const occ = read('occupancyPct', 'Belægningsprocent');
  if (occ !== null) {
    if (new Dec(occ).isZero()) problems.push('Belægningsprocent: skal være større end 0.');
    else next.occupancyPct = occ;
  }
  for (const c of COST_CATEGORIES) {
    const amount = read(`cost.${c}`, COST_LABELS[c]);
    if (amount === null) continue;
    next.costs = [...next.costs.filter((l) => l.category !== c), { category: c, amount }];
  }
  const income = read('income', 'Indtægter');
  if (income !== null) next.income = income;
  if (problems.length) return { result: null, problems };
  try {
    return { result: calculateTariff(next, rules), problems: [] };
  } catch (error) {
    if (error instanceof CalculationInputError) return { result: null, problems: Object.values(error.problems).flat() };
    throw error;
  }
}
