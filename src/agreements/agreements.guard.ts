/**
 * @module The first call of every agreement service: load the agreement the call is about (404 when there is
 * none) and check the permission on it through the one access layer (`requireAccess`). The rules themselves
 * are in agreements.policy.ts.
 */
import { can, requireAccess, requireSignedIn } from '../core/access/access.js';
import type { Actor } from '../core/auth/actor.js';
import type { Ctx } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';
import { notFound } from '../core/errors.js';
import { agreementMembers, findAgreement, type AgreementRow, type Member } from './agreements.repository.js';
import type { AgreementTarget, MemberTarget } from './agreements.policy.js';

export const targetOf = (a: Pick<AgreementRow, 'area_id' | 'area_name' | 'is_public' | 'status'>): AgreementTarget => ({
  areaId: a.area_id,
  areaName: a.area_name,
  isPublic: a.is_public,
  status: a.status,
});

export const memberTarget = (a: AgreementRow, members: readonly Member[], organisationId: number): MemberTarget => ({
  ...targetOf(a),
  memberIds: members.map((m) => m.id),
  organisationId,
});

export async function agreementOr404(db: Queryable, id: number): Promise<AgreementRow> {
  const a = await findAgreement(db, id);
  if (!a) throw notFound('Aftalen findes ikke.');
  return a;
}

/** The agreement, if the actor may read it (404 otherwise; 401 for anonymous visitors). */
export async function readable(ctx: Ctx, id: number): Promise<AgreementRow> {
  const a = await agreementOr404(ctx.db, id);
  requireAccess(ctx, 'agreements.read', targetOf(a));
  return a;
}

/** The agreement, for a signed-in reader only (401 for anonymous visitors): its working material and the rows behind its figures. */
export async function readableSignedIn(ctx: Ctx, id: number): Promise<AgreementRow> {
  const a = await agreementOr404(ctx.db, id);
  requireSignedIn(ctx, 'agreements.read', targetOf(a));
  return a;
}

/** The agreement and the secretariat user editing it (403 for other readers, 404 for those who may not see it). */
export async function editable(ctx: Ctx, id: number): Promise<{ agreement: AgreementRow; actor: Actor }> {
  const agreement = await agreementOr404(ctx.db, id);
  const actor = requireSignedIn(ctx, 'agreements.edit', targetOf(agreement));
  return { agreement, actor };
}

/** The agreement with its members, for the member-own permissions (statuses, decisions). */
export async function withMembers(ctx: Ctx, id: number): Promise<{ agreement: AgreementRow; members: Member[] }> {
  const agreement = await agreementOr404(ctx.db, id);
  return { agreement, members: await agreementMembers(ctx.db, agreement) };
}

/** What the actor may do with the agreement, for deciding what a page offers. */
export const mayEdit = (ctx: Ctx, a: AgreementRow): boolean => can(ctx, 'agreements.edit', targetOf(a));
