/**
 * @module Data, benchmarks and forecasts as a capability: the split of spending growth (LMDI) and the
 * forecast methods as pure functions behind public endpoints.
 */
import type { Capability } from '../core/capability.js';
import { analysisApi } from './analysis.api.js';
import { analysisPermissions } from './analysis.policy.js';

export const analysis: Capability = {
  name: 'analysis',
  routes: (app) => {
    analysisApi(app);
  },
  permissions: analysisPermissions,
};
