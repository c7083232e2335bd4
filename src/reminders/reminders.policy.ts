/**
 * @module Who may do what with reminders: every signed-in person reads and sets their own; the scheduled run is the
 * system's (no actor), never a request's.
 */
import { allow, hide, type Policies } from '../core/access/access.js';
import { isSignedIn } from '../core/access/rules.js';

/** The person whose reminders are read or set. */
export type ReminderTarget = { userId: number };

declare module '../core/access/access.js' {
  interface Permissions {
    /** Read and set one's own reminders. */
    'reminders.own': ReminderTarget;
    /** Give the reminders that are due: the scheduled job (the system itself). */
    'reminders.run': Record<string, never>;
  }
}

export const remindersPermissions: Policies = {
  'reminders.own': (actor, t) => (isSignedIn(actor) && actor!.userId === t.userId ? allow : hide('Siden findes ikke.')),
  'reminders.run': (actor) => (actor === null ? allow : hide('Siden findes ikke.')),
};
