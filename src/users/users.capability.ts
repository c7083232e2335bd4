/**
 * @module User administration and sign-in through an identity broker (OpenID Connect) as a capability.
 */
import type { Capability } from '../core/capability.js';
import { hasRole } from '../core/auth/actor.js';
import { userPages } from './pages/users.pages.js';
import { usersMigrations } from './users.migrations.js';
import { usersPermissions } from './users.policy.js';
import './users.table.js';

export const users: Capability = {
  name: 'users',
  migrations: usersMigrations,
  routes: (app, ctx) => userPages(app, ctx),
  nav: [
    {
      href: '/brugere',
      label: 'Brugere',
      description: 'organisationens brugere, deres roller og invitationer',
      isVisible: (a) => hasRole(a, 'administrator') || (a?.organisationKind === 'secretariat' && hasRole(a, 'sekretariat')),
      order: 92,
    },
  ],
  permissions: usersPermissions,
  auditEntities: {
    oidc_role_mapping: {
      label: 'Rollekode fra identitetsbroker',
      fieldLabels: { organisation: 'Organisation', claimValue: 'Rollekode hos brokeren', role: 'Rolle i Ramme' },
    },
  },
};
