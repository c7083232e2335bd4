/**
 * @module The audit log's browse page. The log itself is written by core/audit.ts in every write transaction.
 */
import { hasRole } from '../core/auth/actor.js';
import type { Capability } from '../core/capability.js';
import { auditPages } from './audit.pages.js';

export const audit: Capability = {
  name: 'audit',
  routes: auditPages,
  nav: [{ href: '/log', label: 'Ændringslog', description: 'hvem har ændret hvad og hvornår', isVisible: (a) => hasRole(a, 'sekretariat'), order: 90 }],
};
