/**
 * @module What other capabilities may read of the offerings register. The offering with its reference data
 * (operator, municipality, offering type, operator type, legal basis, socialtilsyn) is written here once, as
 * `offeringCatalogue`: a query other capabilities select from, join to or embed in their own SQL
 * (`sql\`… from (${offeringCatalogue(db)}) oc …\``), instead of joining the offering tables themselves.
 */

export { OFFERING_STATUSES, PROTECTION_LABELS, PROTECTIONS, STATUS_LABELS, type OfferingStatus, type Protection } from './offerings.table.js';

export { catalogueEntry, offeringCatalogue, type CatalogueRow } from './catalogue.repository.js';

export { type OfferingCriteria, offeringsMatching } from './criteria.repository.js';

export {
  type CreatedOfferingRow,
  type OfferingDecisionKind,
  type OfferingDecisionRow,
  offeringDecisions,
  offeringsCreated,
} from './changes.repository.js';
