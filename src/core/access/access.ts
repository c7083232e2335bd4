/**
 * @module The one access layer. Every service function starts with one call,
 * `requireAccess(ctx, 'tariffs.approve', target)`, that names the permission and the target. The rules
 * behind the permissions are plain functions that each capability contributes (`Capability.permissions`);
 * the shared facts they are made of ("own organisation", "secretariat of this area", "member of this
 * agreement", "operator of this offering") are written once, in `rules.ts`.
 *
 * A verdict has three outcomes: allow; forbid (the actor may see the target but not do this: 403); hide
 * (the actor may not even see it: 404). Anyone not signed in who is not allowed gets 401, so pages send
 * them to the login page.
 */
import type { Actor } from '../auth/actor.js';
import { HttpError } from '../errors.js';

/**
 * Every permission and the type of its target. Capabilities add theirs by declaration merging:
 * `declare module '../core/access/access.js' { interface Permissions { 'offerings.edit': OfferingTarget } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Permissions {}

export type Permission = keyof Permissions;

export type Verdict = { ok: true } | { ok: false; status: 403 | 404; message: string };

export const allow: Verdict = { ok: true };
/** May see, may not change: 403. */
export const forbid = (message: string): Verdict => ({ ok: false, status: 403, message });
/** May not see: 404. */
export const hide = (message: string): Verdict => ({ ok: false, status: 404, message });
/** `allow` when the condition holds, else the given refusal. */
export const when = (condition: boolean, otherwise: Verdict): Verdict => (condition ? allow : otherwise);

export type Policy<T> = (actor: Actor | null, target: T) => Verdict;
export type Policies = { [P in Permission]?: Policy<Permissions[P]> };

/** What `requireAccess` needs from the context. */
export type AccessContext = { actor: Actor | null; policies: Policies };

/** The verdict without throwing (for deciding what a page offers, e.g. whether to show an edit link). */
export function can<P extends Permission>(ctx: AccessContext, permission: P, target: Permissions[P]): boolean {
  return decide(ctx, permission, target).ok;
}

/** Throws 401 (not signed in), 403 (may see, not change) or 404 (may not see) unless the actor may. */
export function requireAccess<P extends Permission>(ctx: AccessContext, permission: P, target: Permissions[P]): Actor | null {
  const verdict = decide(ctx, permission, target);
  if (verdict.ok) return ctx.actor;
  if (!ctx.actor) throw new HttpError(401, verdict.status === 404 ? 'Du skal logge ind for at se siden.' : 'Du skal logge ind.');
  throw new HttpError(verdict.status, verdict.message);
}

/** As `requireAccess`, for permissions that only signed-in users can have: returns the actor. */
export function requireSignedIn<P extends Permission>(ctx: AccessContext, permission: P, target: Permissions[P]): Actor {
  const actor = requireAccess(ctx, permission, target);
  if (!actor) throw new HttpError(401, 'Du skal logge ind.');
  return actor;
}

function decide<P extends Permission>(ctx: AccessContext, permission: P, target: Permissions[P]): Verdict {
  const policy = ctx.policies[permission] as Policy<Permissions[P]> | undefined;
  if (!policy) throw new Error(`Ingen adgangsregel for "${String(permission)}"; tilføj den i kapabilitetens permissions.`);
  return policy(ctx.actor, target);
}

/** Merges the capabilities' policies; a permission defined twice is a programming error. */
export function mergePolicies(sets: Array<Policies | undefined>): Policies {
  const out: Record<string, unknown> = {};
  for (const set of sets) {
    for (const [name, policy] of Object.entries(set ?? {})) {
      if (out[name]) throw new Error(`Adgangsreglen ${name} er defineret to gange.`);
      out[name] = policy;
    }
  }
  return out as Policies;
}
