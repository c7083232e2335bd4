/**
 * @module Local accounts, managed by the operator commands (`npm run user`; there is no self sign-up).
 * Every change is audited as the system and drops this process's cached actor.
 */
import { requireAccess } from '../access/access.js';
import { audit } from '../audit.js';
import type { Ctx } from '../capability.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { ROLES, type Role } from './actor.js';
import * as repo from './auth.repository.js';
import { invalidateActor } from './auth.service.js';
import { hashPassword } from './password.js';
import './auth.policy.js';

export const MIN_PASSWORD_LENGTH = 10;
const USERNAME = /^[a-z0-9._-]{3,60}$/;

export type NewUser = { username: string; displayName: string; email?: string | null; organisationId: number; roles: string[]; password: string };

export async function createUser(ctx: Ctx, input: NewUser): Promise<{ id: number; username: string; organisationName: string; roles: Role[] }> {
  requireAccess(ctx, 'auth.accounts', { viaRequest: ctx.request !== null });
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) throw badRequest('Brugernavnet skal være 3-60 tegn: små bogstaver, tal, punktum, bindestreg eller understreg.');
  const organisationName = Number.isInteger(input.organisationId) ? await repo.organisationName(ctx.db, input.organisationId) : undefined;
  if (!organisationName) throw badRequest('Angiv organisationen med --org <id> (find id med "npm run user -- orgs").');
  const unknown = input.roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (!input.roles.length || unknown.length)
    throw badRequest(
      `Angiv roller med --roles, fx --roles myndighed,laeser. Gyldige: ${ROLES.join(', ')}.${unknown.length ? ` Ukendt: ${unknown.join(', ')}.` : ''}`,
    );
  const displayName = input.displayName.trim();
  if (!displayName) throw badRequest('Angiv brugerens navn med --name "Fulde navn".');
  if (await repo.userByUsername(ctx.db, username)) throw conflict(`Brugernavnet "${username}" findes allerede.`);
  checkPassword(input.password);
  const roles = input.roles as Role[];
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const userId = await repo.insertUser(trx, { username, displayName, email: input.email ?? null, organisationId: input.organisationId, passwordHash, roles });
    await audit(trx, ctx, {
      entity: 'app_user',
      entityId: userId,
      action: 'create',
      after: { username, name: displayName, organisation: organisationName, roles },
    });
    return userId;
  });
  invalidateActor(id);
  return { id, username, organisationName, roles };
}

/** Sets a new password and ends the user's sessions. */
export async function setPassword(ctx: Ctx, username: string, password: string): Promise<void> {
  requireAccess(ctx, 'auth.accounts', { viaRequest: ctx.request !== null });
  const user = await repo.userByUsername(ctx.db, username.trim().toLowerCase());
  if (!user) throw notFound(`Brugeren "${username}" findes ikke.`);
  checkPassword(password);
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setPasswordHash(trx, user.id, hash);
    await repo.deleteSessionsOfUser(trx, user.id);
    await audit(trx, ctx, { entity: 'app_user', entityId: user.id, action: 'update', after: { password: 'ændret' } });
  });
  invalidateActor(user.id);
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw badRequest(`Adgangskoden skal være mindst ${MIN_PASSWORD_LENGTH} tegn.`);
}
