/**
 * @module User administration: an organisation's administrator (and a secretariat's secretariat users for
 * their own secretariat) invites users — a local account that chooses its own password through a one-time link,
 * or a person signing in through the identity broker, linked by the broker's subject — re-sends invitations,
 * changes roles and deactivates users. The invitation is e-mailed by the background job when an SMTP server is
 * configured and the user has an address; otherwise the administrator is shown the link once to hand over.
 * A deactivated user's sessions end and tokens are revoked at once; every change is audited.
 */
import { z } from 'zod';
import { can, requireSignedIn } from '../core/access/access.js';
import { hasRole, ROLE_LABELS, type Actor, type Role } from '../core/auth/actor.js';
import { invalidateActor } from '../core/auth/auth.service.js';
import { newSecret, sha256 } from '../core/auth/password.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';
import { badRequest, conflict, HttpError, notFound } from '../core/errors.js';
import { asArray, parseInput, zOptText, zText } from '../core/validation.js';
import {
  DEFAULT_INVITATION_DAYS,
  INVITATION_STATUS_LABELS,
  invitationStatus,
  mailState,
  ROLES_FOR_KIND,
  type InvitationStatus,
  type MailState,
} from './users.logic.js';
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
  invitation: InvitationView | null;
};

export type InvitationView = {
  kind: 'password' | 'oidc';
  status: InvitationStatus;
  statusLabel: string;
  mail: MailState;
  mailTo: string | null;
  invitedAt: Date;
  expiresAt: Date | null;
  acceptedAt: Date | null;
  mailSentAt: Date | null;
  mailError: string | null;
};

const invitationOf = (u: repo.UserRow, now: Date): InvitationView | null => {
  if (!u.invitation_kind || !u.invited_at) return null;
  const status = invitationStatus(u, now);
  return {
    kind: u.invitation_kind,
    status,
    statusLabel: INVITATION_STATUS_LABELS[status],
    mail: mailState(u),
    mailTo: u.mail_to,
    invitedAt: u.invited_at,
    expiresAt: u.expires_at,
    acceptedAt: u.accepted_at,
    mailSentAt: u.mail_sent_at,
    mailError: u.mail_error,
  };
};

const toView = (u: repo.UserRow, now: Date): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  email: u.email,
  isActive: u.is_active,
  hasPassword: u.has_password,
  subjects: u.subjects,
  roles: u.roles as Role[],
  version: u.version,
  invitation: invitationOf(u, now),
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
    users: users.map((u) => toView(u, ctx.clock.now())),
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
  return {
    organisation: org.name,
    roleOptions: roleOptions(org.organisationKind),
    hasBroker: !!ctx.config.oidc,
    brokerName: ctx.config.oidc?.name,
    hasMail: !!ctx.config.smtpUrl,
  };
}

function checkRoles(roles: string[], kind: keyof typeof ROLES_FOR_KIND): Role[] {
  const allowed = ROLES_FOR_KIND[kind] as readonly string[];
  const wrong = roles.filter((r) => !allowed.includes(r));
  if (wrong.length) throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', { roles: ['Vælg roller fra listen.'] });
  return [...new Set(roles)].sort() as Role[];
}

/** How an invitation reaches the person, for the page that confirms it. */
export type IssuedInvitation = {
  userId: number;
  username: string;
  kind: 'password' | 'oidc';
  /** 'mail': the job e-mails it to `mailTo`; 'link': the administrator hands over `link` (shown only now). */
  delivery: 'mail' | 'link';
  mailTo: string | null;
  link: string | null;
  expiresAt: Date | null;
  loginUrl: string;
  brokerName: string | null;
  /** Why it is not e-mailed (delivery 'link'), in Danish. */
  noMailReason: string | null;
};

/**
 * Makes (or replaces) a user's invitation inside the caller's transaction, after the caller's access check. By
 * e-mail when an SMTP server is configured and the user has an address: the mail job makes the link's token when it
 * sends it. Otherwise a local account's token is made here and returned once; only its hash is stored.
 */
async function issueInvitation(
  trx: Queryable,
  ctx: Ctx,
  user: { id: number; username: string; email: string | null },
  kind: 'password' | 'oidc',
  before: InvitationView | null,
): Promise<IssuedInvitation> {
  const now = ctx.clock.now();
  const days = (await repo.invitationDaysOn(trx, ctx.clock.today())) ?? DEFAULT_INVITATION_DAYS;
  const expiresAt = kind === 'password' ? new Date(now.getTime() + days * 86_400_000) : null;
  const delivery = ctx.config.smtpUrl && user.email ? 'mail' : 'link';
  const token = kind === 'password' && delivery === 'link' ? newSecret() : null;
  await repo.saveInvitation(trx, {
    userId: user.id,
    kind,
    tokenHash: token ? sha256(token) : null,
    mailTo: delivery === 'mail' ? user.email : null,
    at: now,
    expiresAt,
  });
  const shape = (i: { status: string; delivery: string; mailTo: string | null; expiresAt: Date | null }) => ({
    status: i.status,
    delivery: i.delivery,
    mailTo: i.mailTo,
    expiresAt: i.expiresAt?.toISOString() ?? null,
  });
  await audit(trx, ctx, {
    entity: 'user_invitation',
    entityId: user.id,
    action: before ? 'update' : 'create',
    before: before
      ? { ...shape({ status: before.status, delivery: before.mailTo ? 'e-mail' : 'link', mailTo: before.mailTo, expiresAt: before.expiresAt }) }
      : undefined,
    after: {
      username: user.username,
      ...shape({ status: 'afventer', delivery: delivery === 'mail' ? 'e-mail' : 'link', mailTo: delivery === 'mail' ? user.email : null, expiresAt }),
      ...(before ? { resent: true } : {}),
    },
  });
  return {
    userId: user.id,
    username: user.username,
    kind,
    delivery,
    mailTo: delivery === 'mail' ? user.email : null,
    link: token ? `${ctx.config.baseUrl}/invitation/${token}` : null,
    expiresAt,
    loginUrl: `${ctx.config.baseUrl}/login`,
    brokerName: ctx.config.oidc?.name ?? null,
    noMailReason: delivery === 'mail' ? null : ctx.config.smtpUrl ? 'brugeren har ingen e-mailadresse' : 'der er ingen mailserver sat op i Ramme',
  };
}

/**
 * Invites a user into the actor's own organisation: a local account without a password (the person chooses one
 * through the invitation link), or a broker user linked by the broker's subject. Audited as the user's creation and
 * the invitation's; the token is never in the audit log.
 */
export async function inviteUser(ctx: Ctx, input: unknown): Promise<IssuedInvitation> {
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
  return ctx.db.transaction().execute(async (trx) => {
    const userId = await repo.insertUser(trx, {
      username: v.username,
      displayName: v.displayName,
      email: v.email,
      organisationId: org.organisationId,
      passwordHash: null,
    });
    await repo.setRoles(trx, userId, roles);
    if (issuer && v.signIn === 'oidc' && v.subject) await repo.insertExternalIdentity(trx, { issuer, subject: v.subject, userId, source: 'mapping' });
    await audit(trx, ctx, {
      entity: 'app_user',
      entityId: userId,
      action: 'create',
      after: { username: v.username, name: v.displayName, organisation: org.name, roles, signIn: v.signIn === 'oidc' ? 'identitetsbroker' : 'adgangskode' },
    });
    return issueInvitation(trx, ctx, { id: userId, username: v.username, email: v.email }, v.signIn, null);
  });
}

/**
 * Sends a user's invitation again: a new link (the old one stops working at once) with a new expiry, by e-mail or
 * shown once. Only for an active user who has not accepted yet (a local account that has no password).
 */
export async function resendInvitation(ctx: Ctx, userId: number): Promise<IssuedInvitation> {
  await manageableUser(ctx, userId);
  return ctx.db.transaction().execute(async (trx) => {
    const user = await repo.lockUser(trx, userId);
    if (!user) throw notFound('Brugeren findes ikke.');
    const before = invitationOf(user, ctx.clock.now());
    if (!user.is_active) throw conflict('Brugeren er deaktiveret. Genaktivér brugeren, før du sender invitationen igen.');
    const kind = before?.kind ?? (user.subjects.length ? 'oidc' : 'password');
    if (before?.status === 'accepteret' || (!before && (kind === 'oidc' || user.has_password)))
      throw conflict('Brugeren har allerede taget imod invitationen og kan logge ind.');
    return issueInvitation(trx, ctx, { id: user.id, username: user.username, email: user.email }, kind, before);
  });
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
    user: toView(user, ctx.clock.now()),
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
