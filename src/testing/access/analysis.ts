/**
 * Access matrix entries for analysis (see src/testing/access.ts): the split and the forecast are open to anyone; the
 * data, benchmarks and forecasts to every signed-in user; importing to the secretariat.
 */
import { ALL, SIGNED_IN, type AccessExpectation } from '../access.js';

export const accessExpectations: AccessExpectation[] = [
  { route: 'POST /api/analysis/decompose', url: '/api/analysis/decompose', allowed: ALL, note: 'an empty body fails validation for everyone' },
  { route: 'POST /api/analysis/forecast', url: '/api/analysis/forecast', allowed: ALL, note: 'an empty body fails validation for everyone' },
  {
    route: 'POST /api/analysis/imports',
    url: '/api/analysis/imports',
    allowed: ['sekretariat'],
    note: 'a body that is not multipart fails for the secretariat',
  },
  { route: 'GET /api/analysis/series', url: '/api/analysis/series', allowed: SIGNED_IN },
  { route: 'GET /analyse/data', url: '/analyse/data', allowed: SIGNED_IN },
  { route: 'POST /analyse/data', url: '/analyse/data', allowed: ['sekretariat'], isForm: true },
];
