/**
 * @module Settlement (afregning) as a capability: the public calculation, the monthly statements from the
 * published tariffs (seller → buyer), their life cycle and exports, and the trade between municipalities.
 */
import type { Capability } from '../core/capability.js';
import { settlementApi } from './settlement.api.js';
import { settlementPermissions } from './settlement.policy.js';

export const settlement: Capability = {
  name: 'settlement',
  routes: (app) => {
    settlementApi(app);
  },
  permissions: settlementPermissions,
};
