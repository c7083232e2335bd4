/**
 * @module What other capabilities may read of placements. Each reader has its own block below (the blocks are
 * kept apart so that work on contracts and on settlement can be merged without touching each other's lines).
 */

// --- Settlement (src/settlement/) -------------------------------------------------------------------------------
/** The priced periods of accepted contracts in a date range, with the seller (the offering's operator). */
export { contractsForSettlement, type SettlementPeriod } from './settlement.repository.js';
export { contractsOfTradeCell, contractTradeCells, type ContractTradeCell } from './settlement.repository.js';
/** A municipality's accepted contracts with their dates and agreed follow-up dates, for the follow-up work list. */
export { contractsForFollowUp, type FollowUpContract } from './settlement.repository.js';
/** A follow-up's level change as a contract amendment, in the follow-up's transaction. */
export { insertLevelAmendment } from './settlement.repository.js';
/** A follow-up's decision to end: the buyer's notice, checked first (planNotice) and written in the follow-up's transaction. */
export { planNotice, writeNotice, type NoticePlan } from './contract.service.js';
/** The agreed contracts of offerings with their start dates, for the outcome beside the price. */
export { contractStartsOfOfferings } from './settlement.repository.js';
// --- end settlement ----------------------------------------------------------------------------------------------

// --- Analysis (src/analysis/) -----------------------------------------------------------------------------------
/** Offerings with places, the latest vacancy report and primary target group; contracts in a range with place and buyer. */
export { contractPeriodsForFlows, contractsForCapacity, offeringsForCapacity, type CapacityContract, type CapacityOffering } from './capacity.repository.js';
// --- end analysis ------------------------------------------------------------------------------------------------
