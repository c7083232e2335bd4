/**
 * @module What other capabilities may read of tariffs: the published tariff in force per offering and year
 * (level names and prices per unit). Published tariffs are public; callers pass their own `db` (or transaction).
 */
export { type PublishedTariff, publishedTariffs } from './published.repository.js';
export { STATUS_LABELS as TARIFF_STATUS_LABELS } from './tariffs.table.js';
export { UNIT_LABELS as TARIFF_UNIT_LABELS } from './calculation.js';
/** The result carried into each year's tariff (efterregulering: overskud/underskud), for the protected offerings' watch. */
export { type TariffRegulation, tariffRegulations } from './regulation.repository.js';
