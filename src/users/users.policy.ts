/**
 * @module Who may see and administer an organisation's users: everyone sees their own organisation's users;
 * its administrator (role `administrator`) changes them, and a secretariat's own users are administered by
 * its secretariat as well. Other organisations' users are hidden (404). An invitation link is its own credential:
 * anyone holding it may open it; only the system mails invitations.
 */
import { allow, forbid, hide, type Policies } from '../core/access/access.js';
import { hasRole, type OrganisationKind } from '../core/auth/actor.js';
import { isOwnOrganisation } from '../core/access/rules.js';

export type UserAdminTarget = { organisationId: number; organisationKind: OrganisationKind };

declare module '../core/access/access.js' {
  interface Permissions {
    /** The user list and a user's page: the organisation's own users. */
    'users.view': { organisationId: number };
    /** Inviting, changing roles, deactivating: the organisation's administrator; for a secretariat also its secretariat users. */
    'users.manage': UserAdminTarget;
    /** Opening an invitation link and choosing a password: whoever holds the link (the token is the credential). */
    'users.acceptInvitation': Record<string, never>;
    /** Mailing the invitations that wait: the background job (the system itself), never a request. */
    'users.sendInvitations': Record<string, never>;
  }
}

export const usersPermissions: Policies = {
  'users.view': (actor, t) => (isOwnOrganisation(actor, t.organisationId) ? allow : hide('Brugeren findes ikke.')),
  'users.manage': (actor, t) => {
    if (!isOwnOrganisation(actor, t.organisationId)) return hide('Brugeren findes ikke.');
    if (hasRole(actor, 'administrator')) return allow;
    if (t.organisationKind === 'secretariat' && actor.organisationKind === 'secretariat' && hasRole(actor, 'sekretariat')) return allow;
    return forbid('Kun organisationens brugeradministrator kan invitere og ændre brugere.');
  },
  'users.acceptInvitation': () => allow,
  'users.sendInvitations': (actor) => (actor === null ? allow : hide('Siden findes ikke.')),
};
