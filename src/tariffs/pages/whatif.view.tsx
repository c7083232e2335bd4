/**
 * @module What-if on a saved tariff (the form and its result): change the occupancy, a cost line or the income
 * and see the new tariff per level next to the current one. Works as a plain form and live with JavaScript.
 */
import type { FC } from 'hono/jsx';
import { formatForInput } from '../../core/format.js';
import { Alert, CsrfField, Field } from '../../core/web/components.js';
import { COST_CATEGORIES, COST_LABELS, Dec, type CalcInput } from '../calculation.js';
import { formatChange } from '../tariffs.format.js';
import type { WhatIfOutcome, WhatIfValues } from '../whatif.js';
import { BreakdownTable, dkKr, dkPct, type LevelView } from './parts.view.js';

/** The change from the current tariff, in percent with a sign and one decimal. */
const diffPct = (now: string, then: string) => (new Dec(then).gt(0) ? formatChange(new Dec(now).div(then).minus(1).times(100).toFixed()) : '–');

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

export const WhatIfForm: FC<{
  id: number;
  csrf: string;
  input: CalcInput;
  occupancyUsed: string | null;
  values: WhatIfValues;
  outcome: WhatIfOutcome | null;
  current: LevelView[];
}> = (p) => {
  const costOf = (c: string) => p.input.costs.filter((l) => l.category === c).reduce((s, l) => s.plus(l.amount), new Dec(0));
  const present = COST_CATEGORIES.filter((c) => p.input.costs.some((l) => l.category === c));
  return (
    <form
      method="post"
      action={`/takster/${p.id}/hvis`}
      data-live-url={`/takster/${p.id}/hvis`}
      data-live-target="hvis-resultat"
      aria-labelledby="hvis-overskrift"
    >
      <CsrfField token={p.csrf} />
      <div class="row">
        <div class="col-12 col-md-6">
          {p.input.unit !== 'hour' && (
            <Field
              name="occupancyPct"
              label="Belægningsprocent"
              hint="Fx 95 eller 97,5"
              value={p.values.occupancyPct ?? formatForInput(p.input.occupancyPct ?? p.occupancyUsed)}
              inputmode="decimal"
            />
          )}
          {present.map((c) => (
            <Field
              name={`cost.${c}`}
              label={`${COST_LABELS[c]} (kr.)`}
              value={p.values[`cost.${c}`] ?? formatForInput(costOf(c).toFixed())}
              inputmode="decimal"
            />
          ))}
          <Field name="income" label="Indtægter (kr.)" value={p.values.income ?? formatForInput(p.input.income ?? '0')} inputmode="decimal" />
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
