/**
 * @module Who may sign in, see their profile, manage their own API tokens, and run the operator commands
 * for accounts. The platform capability puts these rules on its `permissions`.
 */
import { allow, forbid, hide, when, type Policies } from '../access/access.js';
import { isSignedIn } from '../access/rules.js';

declare module '../access/access.js' {
  interface Permissions {
    /** Signing in (password or, in demo mode, a demo user): anyone. */
    'auth.signIn': Record<string, never>;
    /** Signing out: anyone (ending no session is not an error). */
    'auth.signOut': Record<string, never>;
    /** Your own profile page. */
    'auth.profile': Record<string, never>;
    /** Creating and revoking API tokens of a user: only the user. */
    'auth.tokens': { userId: number };
    /**
     * Creating users, setting passwords and issuing tokens for someone: the operator commands (no actor and
     * not through a request).
     */
    'auth.accounts': { viaRequest: boolean };
  }
}

export const authPermissions: Policies = {
  'auth.signIn': () => allow,
  'auth.signOut': () => allow,
  'auth.profile': (actor) => when(isSignedIn(actor), hide('Du skal logge ind for at se din profil.')),
  'auth.tokens': (actor, t) => when(isSignedIn(actor) && actor.userId === t.userId, hide('Nøglen findes ikke.')),
  'auth.accounts': (actor, t) => when(!actor && !t.viaRequest, forbid('Brugere og adgangskoder styres med driftskommandoen npm run user.')),
};
