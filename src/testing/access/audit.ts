/** Access matrix entries for the audit log page. */
import type { AccessExpectation } from '../access.js';

export const accessExpectations: AccessExpectation[] = [{ route: 'GET /log', url: '/log', allowed: ['sekretariat'] }];
