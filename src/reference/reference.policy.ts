/**
 * @module Who may read the reference data: everyone signed in.
 */
import { hide, when, type Policies } from '../core/access/access.js';
import { isSignedIn } from '../core/access/rules.js';

declare module '../core/access/access.js' {
  interface Permissions {
    /** Regions, agreement areas and their members, legal bases, target groups and code lists. */
    'reference.read': Record<string, never>;
  }
}

export const referencePermissions: Policies = {
  'reference.read': (actor) => when(isSignedIn(actor), hide('Grunddata kan kun ses af brugere, der er logget ind.')),
};
