/**
 * @module User administration: an organisation's administrator (and a secretariat's secretariat users for
 * their own secretariat) invites users — a local account with a one-time password, or a person signing in
 * through the identity broker, linked by the broker's subject — changes their roles and deactivates them.
 * A deactivated user's sessions end and tokens are revoked at once; every change is audited.
 */
import { z } from 'zod';
import { can, requireSignedIn } from '../core/access/access.js';
import { hasRole, ROLE_LABELS, type Actor, type Role } from '../core/auth/actor.js';
import { invalidateActor } from '../core/auth/auth.service.js';
import { hashPassword, newSecret } from '../core/auth/password.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, conflict, HttpError, notFound } from '../core/errors.js';
import { asArray, parseInput, zOptText, zText } from '../core/validation.js';
import { ROLES_FOR_KIND } from './users.logic.js';
import * as repo from './users.repository.js';
import './users.policy.js';

export const STALE = 'Brugeren er ændret af en anden, siden du åbnede siden. Genindlæs siden, og ret igen.';

const zRoles = z.preprocess(asArray, z.array(z.string()).min(1, 'Vælg mindst én rolle.'));
const zVersion = z.coerce.number().int().min(1).max(2147483647);

const ZInvite = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,60}$/, 'Brugernavnet skal være 3-60 tegn: små bogstaver, tal, punktum, bindestreg eller understreg.'),
  displayName: zText(120),
  email: zOptText(254).refine((v) => !v || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Skriv en gyldig e-mailadresse.'),
  roles: zRoles,
  signIn: z.enum(['password', 'oidc'], { message: 'Vælg, hvordan brugeren logger ind.' }),
  subject: zOptText(255),
});
const ZUpdate = z.object({ displayName: zText(120), email: ZInvite.shape.email, roles: zRoles, version: zVersion });
const ZActive = z.object({ version: zVersion });

export type UserView = {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  isActive: boolean;
  hasPassword: boolean;
  subjects: string[];
  roles: Role[];
  version: number;
};

const toView = (u: repo.UserRow): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  email: u.email,
  isActive: u.is_active,
  hasPassword: u.has_password,
  subjects: u.subjects,
  roles: u.roles as Role[],
  version: u.version,
});

async function ownOrganisation(ctx: Ctx) {
  const organisationId = ctx.actor?.organisationId ?? 0;
  const org = ctx.actor ? await repo.organisationById(ctx.db, organisationId) : undefined;
  return { organisationId, organisationKind: org?.kind ?? 'municipality', name: org?.name ?? '' } as const;
}

const roleOptions = (kind: keyof typeof ROLES_FOR_KIND) => ROLES_FOR_KIND[kind].map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** The signed-in user's organisation and its users; whether they may change them. */
export async function userList(ctx: Ctx) {
  const org = await ownOrganisation(ctx);
  requireSignedIn(ctx, 'users.view', { organisationId: org.organisationId });
  const users = await repo.usersOfOrganisation(ctx.db, org.organisationId);
  const canManage = can(ctx, 'users.manage', org);
  const hasRoleMapping = canManage && !!ctx.config.oidc?.rolesClaim;
  return {
    organisation: org.name,
    users: users.map(toView),
    canManage,
    roleMapping: hasRoleMapping
      ? {
          brokerName: ctx.config.oidc?.name ?? '',
          mappings: await repo.roleMappingsOf(ctx.db, org.organisationId),
          roleOptions: roleOptions(org.organisationKind),
        }
      : null,
  };
}

const ZRoleMapping = z.object({ claimValue: zText(255), role: z.string().min(1, 'Vælg en rolle.') });

/** Adds or removes a mapping from a value of the broker's roles claim to a Ramme role, in the actor's own organisation. */
export async function changeRoleMapping(ctx: Ctx, action: 'create' | 'delete', input: unknown): Promise<void> {
  const org = await ownOrganisation(ctx);
  requireSignedIn(ctx, 'users.manage', org);
  const v = parseInput(ZRoleMapping, input);
  const [role] = checkRoles([v.role], org.organisationKind);
  const row = { organisationId: org.organisationId, claimValue: v.claimValue, role: role! };
  await ctx.db.transaction().execute(async (trx) => {
    const changed = action === 'create' ? await repo.insertRoleMapping(trx, row) : await repo.deleteRoleMapping(trx, row);
    if (!changed) throw conflict(action === 'create' ? 'Rollekoden er allerede knyttet til rollen.' : 'Rollekoden er allerede fjernet.');
    const shape = { organisation: org.name, claimValue: v.claimValue, role };
    await audit(trx, ctx, {
      entity: 'oidc_role_mapping',
      entityId: `${org.organisationId}:${role}`,
      action,
      ...(action === 'create' ? { after: shape } : { before: shape }),
    });
  });
}

/** What the invitation form offers. */
export async function inviteForm(ctx: Ctx) {
  const org = await ownOrganisation(ctx);
  requireSignedIn(ctx, 'users.manage', org);
  return { organisation: org.name, roleOptions: roleOptions(org.organisationKind), hasBroker: !!ctx.config.oidc, brokerName: ctx.config.oidc?.name };
}

function checkRoles(roles: string[], kind: keyof typeof ROLES_FOR_KIND): Role[] {
  const allowed = ROLES_FOR_KIND[kind] as readonly string[];
  const wrong = roles.filter((r) => !allowed.includes(r));
  if (wrong.length) throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', { roles: ['Vælg roller fra listen.'] });
  return [...new Set(roles)].sort() as Role[];
}

/**
 * Invites a user into the actor's own organisation: a local account with a one-time password (returned once,
 * stored only as a hash), or a broker user linked by the broker's subject (no password).
 */
export async function inviteUser(ctx: Ctx, input: unknown): Promise<{ id: number; username: string; password: string | null }> {
  const org = await ownOrganisation(ctx);
  requireSignedIn(ctx, 'users.manage', org);
  const v = parseInput(ZInvite, input);
  const roles = checkRoles(v.roles, org.organisationKind);
  const issuer = ctx.config.oidc?.issuer;
  if (v.signIn === 'oidc' && !issuer)
    throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', {
      signIn: ['Log ind via identitetsbroker er ikke sat op i denne installation.'],
    });
  if (v.signIn === 'oidc' && !v.subject)
    throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', { subject: ['Skriv brugerens id hos identitetsbrokeren.'] });
  if (await repo.usernameTaken(ctx.db, v.username))
    throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', { username: ['Brugernavnet er i brug. Vælg et andet.'] });
  if (issuer && v.signIn === 'oidc' && v.subject && (await repo.externalIdentityTaken(ctx.db, issuer, v.subject)))
    throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', { subject: ['Id’et hos identitetsbrokeren hører allerede til en bruger.'] });
  const password = v.signIn === 'password' ? newSecret().slice(0, 16) : null;
  const passwordHash = password ? await hashPassword(password) : null;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const userId = await repo.insertUser(trx, {
      username: v.username,
      displayName: v.displayName,
      email: v.email,
      organisationId: org.organisationId,
      passwordHash,
    });
    await repo.setRoles(trx, userId, roles);
    if (issuer && v.signIn === 'oidc' && v.subject) await repo.insertExternalIdentity(trx, { issuer, subject: v.subject, userId, source: 'mapping' });
    await audit(trx, ctx, {
      entity: 'app_user',
      entityId: userId,
      action: 'create',
      after: { username: v.username, name: v.displayName, organisation: org.name, roles, signIn: v.signIn === 'oidc' ? 'identitetsbroker' : 'adgangskode' },
    });
    return userId;
  });
  return { id, username: v.username, password };
}

/** A user of the actor's own organisation (404 for anyone else's). */
async function visibleUser(ctx: Ctx, userId: number): Promise<{ actor: Actor; user: repo.UserRow }> {
  const user = Number.isInteger(userId) && userId > 0 && userId <= 2147483647 ? await repo.userById(ctx.db, userId) : undefined;
  const actor = requireSignedIn(ctx, 'users.view', { organisationId: user?.organisation_id ?? -1 });
  if (!user) throw notFound('Brugeren findes ikke.');
  return { actor, user };
}

/** A user's page: who they are, their roles, and what the actor may change. */
export async function userDetail(ctx: Ctx, userId: number) {
  const { actor, user } = await visibleUser(ctx, userId);
  const org = await ownOrganisation(ctx);
  return {
    organisation: org.name,
    user: toView(user),
    canManage: can(ctx, 'users.manage', org),
    isSelf: actor.userId === user.id,
    roleOptions: roleOptions(org.organisationKind),
  };
}

async function manageableUser(ctx: Ctx, userId: number) {
  const user = Number.isInteger(userId) && userId > 0 && userId <= 2147483647 ? await repo.userById(ctx.db, userId) : undefined;
  const org = user ? await repo.organisationById(ctx.db, user.organisation_id) : undefined;
  const actor = requireSignedIn(ctx, 'users.manage', { organisationId: org?.id ?? -1, organisationKind: org?.kind ?? 'municipality' });
  if (!user || !org) throw notFound('Brugeren findes ikke.');
  return { actor, org };
}

/** Changes a user's name, e-mail and roles (If-Match: the version the form was opened at; 412 when stale). */
export async function updateUser(ctx: Ctx, userId: number, input: unknown): Promise<void> {
  const { actor, org } = await manageableUser(ctx, userId);
  const v = parseInput(ZUpdate, input);
  const roles = checkRoles(v.roles, org.kind);
  if (actor.userId === userId && hasRole(actor, 'administrator') && !roles.includes('administrator'))
    throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', {
      roles: ['Du kan ikke fjerne din egen rolle som brugeradministrator. Bed en anden administrator om det.'],
    });
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.lockUser(trx, userId);
    if (!before) throw notFound('Brugeren findes ikke.');
    if (before.version !== v.version) throw new HttpError(412, STALE);
    const updated = await repo.updateUser(trx, userId, v.version, { display_name: v.displayName, email: v.email });
    if (!updated) throw new HttpError(412, STALE);
    await repo.setRoles(trx, userId, roles);
    await audit(trx, ctx, {
      entity: 'app_user',
      entityId: userId,
      action: 'update',
      before: { name: before.display_name, email: before.email, roles: before.roles },
      after: { name: v.displayName, email: v.email, roles },
    });
  });
  invalidateActor(userId);
}

/** Deactivates (ends sessions, revokes tokens) or reactivates a user; nobody deactivates themselves. */
export async function setUserActive(ctx: Ctx, userId: number, isActive: boolean, input: unknown): Promise<void> {
  const { actor } = await manageableUser(ctx, userId);
  const v = parseInput(ZActive, input);
  if (!isActive && actor.userId === userId) throw conflict('Du kan ikke deaktivere dig selv. Bed en anden administrator om det.');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.lockUser(trx, userId);
    if (!before) throw notFound('Brugeren findes ikke.');
    if (before.version !== v.version) throw new HttpError(412, STALE);
    if (before.is_active === isActive) throw conflict(isActive ? 'Brugeren er allerede aktiv.' : 'Brugeren er allerede deaktiveret.');
    await repo.updateUser(trx, userId, v.version, { is_active: isActive, deactivated_at: isActive ? null : now });
    const ended = isActive ? null : await repo.endSessionsAndTokens(trx, userId, now);
    await audit(trx, ctx, {
      entity: 'app_user',
      entityId: userId,
      action: 'update',
      before: { active: before.is_active },
      after: { active: isActive, ...(ended ? { endedSessions: ended.sessions, revokedTokens: ended.tokens } : {}) },
    });
  });
  invalidateActor(userId);
}
