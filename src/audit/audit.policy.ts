/**
 * @module Who may read the audit log: the secretariat (of an agreement area).
 */
import { forbid, when, type Policies } from '../core/access/access.js';
import { isAnySecretariat } from '../core/access/rules.js';

declare module '../core/access/access.js' {
  interface Permissions {
    /** The audit log page: what the secretariat's own organisation, its areas' members and private providers changed. */
    'audit.read': Record<string, never>;
  }
}

export const auditPermissions: Policies = {
  'audit.read': (actor) => when(isAnySecretariat(actor), forbid('Handlingen kræver rollen Sekretariat.')),
};
