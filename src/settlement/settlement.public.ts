/**
 * @module What other capabilities may read of settlement and follow-up.
 */
/** The outcome beside price per offering (improvement share, median time to a step down), withheld below the minimum. */
export { outcomesOfOfferings } from './outcome.js';
export type { OfferingOutcome } from './outcome.logic.js';
export { OutcomeSummary } from './outcome.view.js';
