/** Access matrix entries for settlement (see src/testing/access.ts). */
import { ALL, type AccessExpectation } from '../access.js';

export const accessExpectations: AccessExpectation[] = [
  { route: 'POST /api/settlement/calculate', url: '/api/settlement/calculate', allowed: ALL, note: 'public; an empty body fails validation for everyone' },
];
