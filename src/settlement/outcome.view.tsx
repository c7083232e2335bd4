/**
 * @module The outcome beside price as a short text: the improvement share and the median time to a step down, each
 * with the citizens behind it, or "fewer than N citizens" when withheld.
 */
import type { FC } from 'hono/jsx';
import { count, formatNumber, formatPercent } from '../core/format.js';
import type { OfferingOutcome } from './outcome.logic.js';

const fewer = (o: OfferingOutcome) => `færre end ${count(o.minCitizens, 'borger', 'borgere')}`;

/** Two lines: improvement within 12 months, and median time to a step down. */
export const OutcomeSummary: FC<{ outcome: OfferingOutcome | undefined }> = ({ outcome: o }) => {
  if (!o) return <>–</>;
  return (
    <ul class="nobullet-list">
      <li>
        Bedre funktionsevne inden for 12 mdr.:{' '}
        {o.improvement
          ? `${formatPercent(o.improvement.percent)} (${formatNumber(o.improvement.improved)} af ${count(o.improvementCitizens, 'borger', 'borgere')})`
          : `vises ikke, ${fewer(o)} fulgt op`}
      </li>
      <li>
        Tid til nedtrapning (median):{' '}
        {o.stepDown
          ? `${count(o.stepDown.medianDays, 'dag', 'dage')} (${count(o.stepDownCitizens, 'borger', 'borgere')})`
          : `vises ikke, ${fewer(o)} nedtrappet`}
      </li>
    </ul>
  );
};
