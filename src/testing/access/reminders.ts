/** Access matrix entries for reminders (see src/testing/access.ts): each signed-in person reads and sets their own. */
import { SIGNED_IN, type AccessExpectation } from '../access.js';

export const accessExpectations: AccessExpectation[] = [
  { route: 'GET /profil/paamindelser', url: '/profil/paamindelser', allowed: SIGNED_IN },
  { route: 'POST /profil/paamindelser', url: '/profil/paamindelser', allowed: SIGNED_IN, isForm: true },
];
