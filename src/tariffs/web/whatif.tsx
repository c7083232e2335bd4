/**
 * @module What-if on a saved tariff: change the occupancy, a cost line or the income and see the new tariff per
 * level next to the current one. Pure: it recalculates the stored input with the stored rules and saves nothing.
 */
import type { FC } from 'hono/jsx';
import { Alert, CsrfField, Field } from '../../core/web/components.js';
import { calculateTariff, CalculationInputError, COST_CATEGORIES, COST_LABELS, Dec, type CalcInput, type CalcResult } from '../calculation.js';
import { normaliseDecimal } from '../calculation.schema.js';
import type { RulesSnapshot } from '../tariffs.table.js';
import { BreakdownTable, dkKr, dkPct, type LevelView } from './parts.js';

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

const diffPct = (now: string, then: string) => {
  if (!new Dec(then).gt(0)) return '–';
  const d = new Dec(now).div(then).minus(1).times(100).toDecimalPlaces(1);
  return `${d.gt(0) ? '+' : d.lt(0) ? '−' : ''}${d.abs().toFixed(1).replace('.', ',')} %`;
};

export const WhatIfResult: FC<{ outcome: WhatIfOutcome | null; current: LevelView[] }> = ({ outcome, current }) => {
  if (!outcome) return <p>Ret belægningen eller en linje og tryk «Beregn». Intet gemmes.</p>;
  if (!outcome.result)
    return (
      <Alert kind="error" heading="Kan ikke beregnes">
        <ul>
          {outcome.problems.map((p) => (
            <li>{p}</li>
          ))}
        </ul>
      </Alert>
    );
  const r = outcome.result;
  return (
    <>
      <div class="ramme-table-wrap" tabindex={0}>
        <table class="table table--compact">
          <caption>Takst med dine ændringer</caption>
          <thead>
            <tr>
              <th scope="col">Niveau</th>
              <th scope="col" class="ramme-num">
                Nu
              </th>
              <th scope="col" class="ramme-num">
                Med ændringer
              </th>
              <th scope="col" class="ramme-num">
                Forskel
              </th>
            </tr>
          </thead>
          <tbody>
            {r.levels.map((l, i) => (
              <tr>
                <th scope="row">{l.name}</th>
                <td class="ramme-num">{dkKr(current[i]?.tariff)}</td>
                <td class="ramme-num">
                  <strong>{dkKr(l.tariff)}</strong>
                </td>
                <td class="ramme-num">{current[i] ? diffPct(l.tariff, current[i]!.tariff) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Takstgrundlag {dkKr(r.basis)}; anvendt belægning {r.occupancyPctUsed ? dkPct(r.occupancyPctUsed) : 'bruges ikke'}.
      </p>
      {r.warnings.length > 0 && (
        <ul>
          {r.warnings.map((w) => (
            <li>{w}</li>
          ))}
        </ul>
      )}
      <details class="details">
        <summary class="details-summary">Se beregningen med ændringerne</summary>
        <div class="details-text">
          <BreakdownTable steps={r.breakdown} caption="Beregningen med dine ændringer" />
        </div>
      </details>
    </>
  );
};

export const WhatIfForm: FC<{ id: number; csrf: string; input: CalcInput; occupancyUsed: string | null; values: WhatIfValues; outcome: WhatIfOutcome | null; current: LevelView[] }> = (p) => {
  const costOf = (c: string) => p.input.costs.filter((l) => l.category === c).reduce((s, l) => s.plus(l.amount), new Dec(0));
  const present = COST_CATEGORIES.filter((c) => p.input.costs.some((l) => l.category === c));
  return (
    <form method="post" action={`/takster/${p.id}/hvis`} data-live-url={`/takster/${p.id}/hvis`} data-live-target="hvis-resultat" aria-labelledby="hvis-overskrift">
      <CsrfField token={p.csrf} />
      <div class="row">
        <div class="col-12 col-md-6">
          {p.input.unit !== 'hour' && (
            <Field name="occupancyPct" label="Belægningsprocent" hint="Fx 95 eller 97,5" value={p.values.occupancyPct ?? (p.input.occupancyPct ?? p.occupancyUsed ?? '').replace('.', ',')} inputmode="decimal" />
          )}
          {present.map((c) => (
            <Field name={`cost.${c}`} label={`${COST_LABELS[c]} (kr.)`} value={p.values[`cost.${c}`] ?? costOf(c).toFixed().replace('.', ',')} inputmode="decimal" />
          ))}
          <Field name="income" label="Indtægter (kr.)" value={p.values.income ?? (p.input.income ?? '0').replace('.', ',')} inputmode="decimal" />
          <button type="submit" class="button button-secondary">
            Beregn
          </button>
        </div>
        <div class="col-12 col-md-6" id="hvis-resultat" aria-live="polite">
          <WhatIfResult outcome={p.outcome} current={p.current} />
        </div>
      </div>
    </form>
  );
};
