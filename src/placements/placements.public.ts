/**
 * @module What other capabilities may read of placements. Each reader has its own block below (the blocks are
 * kept apart so that work on contracts and on settlement can be merged without touching each other's lines).
 */

// --- Settlement (src/settlement/) -------------------------------------------------------------------------------
/** The priced periods of accepted contracts in a date range, with the seller (the offering's operator). */
export { contractsForSettlement, type SettlementPeriod } from './settlement.repository.js';
// --- end settlement ----------------------------------------------------------------------------------------------
