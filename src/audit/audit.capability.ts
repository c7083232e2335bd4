/**
 * @module The audit log's browse page. The log itself is written by core/audit.ts in every write transaction.
 */
import { isAnySecretariat } from '../core/access/rules.js';
import type { Capability } from '../core/capability.js';
import { auditPermissions } from './audit.policy.js';
import { logPages } from './pages/log.pages.js';

export const audit: Capability = {
  name: 'audit',
  routes: (app) => logPages(app),
  nav: [{ href: '/log', label: 'Ændringslog', description: 'hvem har ændret hvad og hvornår', isVisible: (a) => isAnySecretariat(a), order: 90 }],
  permissions: auditPermissions,
};
