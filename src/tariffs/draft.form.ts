/**
 * @module The tariff editor's form fields and the calculation input: one field per cost category, overhead,
 * income, regulation, occupancy with the history Ramme has, up to five levels and three add-on services. Converts
 * form fields to the request body the draft services validate, a stored input back to form fields (Danish decimal
 * commas), and the calculation's error paths back to form fields.
 */
import { formatForInput } from '../core/format.js';
import type { FieldErrors } from '../core/errors.js';
import { COST_CATEGORIES, COST_LABELS, Dec, type CalcInput } from './calculation.js';

export type FormValues = Record<string, string | string[] | undefined>;
export const LEVEL_ROWS = 5;
export const ADDON_ROWS = 3;

const s = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').trim();
const opt = (v: string) => (v === '' ? undefined : v);

/** Form fields → the request body the service validates, plus a map from its error paths back to form fields. */
export function formToBody(f: FormValues): { body: Record<string, unknown>; fieldOf: (path: string) => string } {
  const unit = s(f.unit) || 'day';
  const costCats = COST_CATEGORIES.filter((c) => s(f[`cost.${c}`]) !== '');
  const levelRows = Array.from({ length: LEVEL_ROWS }, (_, i) => i).filter((i) => ['name', 'weight', 'share'].some((k) => s(f[`level.${i}.${k}`]) !== ''));
  const addOnRows = Array.from({ length: ADDON_ROWS }, (_, i) => i).filter((i) => ['name', 'cost', 'hours'].some((k) => s(f[`addOn.${i}.${k}`]) !== ''));
  const histFields = ['hist.0', 'hist.1'].filter((k) => s(f[k]) !== '');
  const hasRegulation = ['regResult', 'regCostBase', 'regRetained'].some((k) => s(f[k]) !== '');
  const mode = s(f.overheadMode) || 'pct';
  const body: Record<string, unknown> = {
    unit,
    ...(unit === 'hour'
      ? { plannedHours: opt(s(f.plannedHours)) }
      : { places: opt(s(f.places)), occupancyPct: opt(s(f.occupancyPct)), occupancyHistoryPct: histFields.map((k) => s(f[k])) }),
    occupancyDeviationApproved: s(f.occupancyDeviationApproved) === 'on',
    costs: costCats.map((c) => ({ category: c, amount: s(f[`cost.${c}`]) })),
    overhead: s(f.overheadValue) === '' ? null : mode === 'amount' ? { amount: s(f.overheadValue) } : { pct: s(f.overheadValue) },
    income: opt(s(f.income)),
    regulation: hasRegulation
      ? { result: opt(s(f.regResult)), costBase: opt(s(f.regCostBase)), retained: s(f.regRetained) || '0', year: opt(s(f.regYear)) }
      : null,
    levels: levelRows.map((i) => ({ name: s(f[`level.${i}.name`]), weight: opt(s(f[`level.${i}.weight`])), share: opt(s(f[`level.${i}.share`])) })),
    addOns: addOnRows.map((i) => ({ name: s(f[`addOn.${i}.name`]), cost: opt(s(f[`addOn.${i}.cost`])), plannedHours: opt(s(f[`addOn.${i}.hours`])) })),
    explanation: s(f.explanation),
    correctionReason: s(f.correctionReason),
  };
  const fieldOf = (path: string): string => {
    const p = path.split('.');
    if (p[0] === 'costs' && p.length >= 2) return `cost.${costCats[Number(p[1])] ?? 'salaries'}`;
    if (p[0] === 'costs') return '_';
    if (p[0] === 'occupancyHistoryPct') return histFields[Number(p[1] ?? 0)] ?? 'hist.0';
    if (p[0] === 'overhead') return 'overheadValue';
    if (p[0] === 'regulation') return { result: 'regResult', costBase: 'regCostBase', retained: 'regRetained', year: 'regYear' }[p[1] ?? ''] ?? 'regResult';
    if (p[0] === 'levels') return p.length >= 3 ? `level.${levelRows[Number(p[1])] ?? 0}.${p[2]}` : `level.${levelRows[0] ?? 0}.share`;
    if (p[0] === 'addOns') return p.length >= 3 ? `addOn.${addOnRows[Number(p[1])] ?? 0}.${p[2] === 'plannedHours' ? 'hours' : p[2]}` : 'addOn.0.name';
    return ['unit', 'places', 'plannedHours', 'occupancyPct', 'income', 'explanation', 'correctionReason'].includes(p[0]!) ? p[0]! : '_';
  };
  return { body, fieldOf };
}

export function mapErrors(errors: FieldErrors, fieldOf: (path: string) => string): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, msgs] of Object.entries(errors)) (out[path === '_' ? '_' : fieldOf(path)] ??= []).push(...msgs);
  return out;
}

const dec = (v: string | null | undefined): string => formatForInput(v);

/** A stored input → form fields (decimal commas, Danish style). */
export function inputToForm(input: CalcInput, texts: { explanation?: string | null; correctionReason?: string | null } = {}): FormValues {
  const f: FormValues = {
    unit: input.unit,
    places: input.places ? String(input.places) : '',
    plannedHours: dec(input.plannedHours),
    occupancyPct: dec(input.occupancyPct),
    occupancyDeviationApproved: input.occupancyDeviationApproved ? 'on' : undefined,
    overheadMode: input.overhead && 'amount' in input.overhead ? 'amount' : 'pct',
    overheadValue: input.overhead ? dec('amount' in input.overhead ? input.overhead.amount : input.overhead.pct) : '',
    income: dec(input.income),
    regResult: dec(input.regulation?.result),
    regCostBase: dec(input.regulation?.costBase),
    regRetained: dec(input.regulation?.retained),
    regYear: input.regulation?.year ? String(input.regulation.year) : '',
    explanation: texts.explanation ?? '',
    correctionReason: texts.correctionReason ?? '',
  };
  (input.occupancyHistoryPct ?? []).forEach((h, i) => (f[`hist.${i}`] = dec(h)));
  for (const c of COST_CATEGORIES) {
    const lines = input.costs.filter((l) => l.category === c);
    if (lines.length) f[`cost.${c}`] = dec(lines.reduce((sum, l) => sum.plus(l.amount), new Dec(0)).toFixed());
  }
  (input.levels ?? []).forEach((l, i) =>
    Object.assign(f, { [`level.${i}.name`]: l.name, [`level.${i}.weight`]: dec(l.weight), [`level.${i}.share`]: dec(l.share) }),
  );
  (input.addOns ?? []).forEach((a, i) =>
    Object.assign(f, { [`addOn.${i}.name`]: a.name, [`addOn.${i}.cost`]: dec(a.cost), [`addOn.${i}.hours`]: dec(a.plannedHours) }),
  );
  return f;
}

export const FIELD_LABELS: Record<string, string> = {
  unit: 'Enhed',
  places: 'Pladser',
  plannedHours: 'Planlagte timer',
  occupancyPct: 'Budgetteret belægningsprocent',
  'hist.0': 'Faktisk belægning, første år',
  'hist.1': 'Faktisk belægning, andet år',
  overheadValue: 'Overhead',
  income: 'Indtægter',
  regResult: 'Resultat til efterregulering',
  regCostBase: 'Omkostningsgrundlag',
  regRetained: 'Beholdt i egen driftsramme',
  regYear: 'Regnskabsår',
  explanation: 'Forklaring på stigningen',
  correctionReason: 'Begrundelse for ny version',
  ...Object.fromEntries(COST_CATEGORIES.map((c) => [`cost.${c}`, COST_LABELS[c]])),
  ...Object.fromEntries(
    Array.from({ length: LEVEL_ROWS }, (_, i) => [
      [`level.${i}.name`, `Niveau ${i + 1}: navn`],
      [`level.${i}.weight`, `Niveau ${i + 1}: vægt`],
      [`level.${i}.share`, `Niveau ${i + 1}: andel`],
    ]).flat(),
  ),
  ...Object.fromEntries(
    Array.from({ length: ADDON_ROWS }, (_, i) => [
      [`addOn.${i}.name`, `Tillægsydelse ${i + 1}: navn`],
      [`addOn.${i}.cost`, `Tillægsydelse ${i + 1}: udgift`],
      [`addOn.${i}.hours`, `Tillægsydelse ${i + 1}: timer`],
    ]).flat(),
  ),
};
