/** Access matrix entries for analysis (see src/testing/access.ts): the split and the forecast are open to anyone. */
import { ALL, type AccessExpectation } from '../access.js';

export const accessExpectations: AccessExpectation[] = [
  { route: 'POST /api/analysis/decompose', url: '/api/analysis/decompose', allowed: ALL, note: 'an empty body fails validation for everyone' },
  { route: 'POST /api/analysis/forecast', url: '/api/analysis/forecast', allowed: ALL, note: 'an empty body fails validation for everyone' },
];
