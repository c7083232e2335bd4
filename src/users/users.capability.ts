/**
 * @module User administration and sign-in through an identity broker (OpenID Connect) as a capability.
 */
import type { Capability } from '../core/capability.js';
import { hasRole } from '../core/auth/actor.js';
import { sendInvitationMails } from './invitations.service.js';
import { invitationPages } from './pages/invitation.pages.js';
import { userPages } from './pages/users.pages.js';
import { usersMigrations } from './users.migrations.js';
import { usersPermissions } from './users.policy.js';
import './users.table.js';

export const INVITATION_MAIL_JOB = 'invitation-mails';

export const users: Capability = {
  name: 'users',
  migrations: usersMigrations,
  routes: (app, ctx) => {
    userPages(app, ctx);
    invitationPages(app, ctx);
  },
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
  jobs: [
    {
      name: INVITATION_MAIL_JOB,
      // Every minute: an invitation waits at most about a minute for its e-mail.
      cron: '* * * * *',
      pollingSeconds: 10,
      run: async (app) => {
        const r = await sendInvitationMails(app);
        if (r.sent || r.failed) console.log(`Invitationer: ${r.sent} e-mails sendt${r.failed ? `, ${r.failed} fejlede (prøves igen)` : ''}.`);
      },
    },
  ],
  auditEntities: {
    user_invitation: {
      label: 'Invitation',
      href: (id) => `/brugere/${id}`,
      fieldLabels: {
        username: 'Brugernavn',
        status: 'Status',
        delivery: 'Sendes som',
        mailTo: 'E-mailadresse',
        expiresAt: 'Udløber',
        resent: 'Sendt igen',
        password: 'Adgangskode',
        signIn: 'Logger ind med',
        mail: 'E-mail',
        reason: 'Årsag',
      },
    },
    oidc_role_mapping: {
      label: 'Rollekode fra identitetsbroker',
      fieldLabels: { organisation: 'Organisation', claimValue: 'Rollekode hos brokeren', role: 'Rolle i Ramme' },
    },
  },
};
