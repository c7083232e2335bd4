/**
 * @module The joint principles matrix (commitments × members with totals) and each member's own statuses on
 * the commitments: only the member's own users with a writing role report them.
 */
import { can, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, notFound, type FieldErrors } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { auditShape } from './agreements.audit.js';
import { mayEdit, memberTarget, readable, withMembers } from './agreements.guard.js';
import { agreementMembers, allVocabulary, commitmentStatuses, loadContent, vocabulary } from './agreements.repository.js';
import { ZCommitmentStatus, ZCommitmentStatuses } from './agreements.schema.js';
import * as repo from './content.repository.js';
import { NOT_SET, rollupMatrix } from './logic.js';

/** The matrix: every commitment with its principle, each member's status, the roll-up, and the actor's own report link. */
export async function matrixView(ctx: Ctx, id: number) {
  const agreement = await readable(ctx, id);
  const db = ctx.db;
  const [vocab, members, content, statuses] = await Promise.all([
    allVocabulary(db),
    agreementMembers(db, agreement),
    loadContent(db, agreement.id),
    commitmentStatuses(db, agreement.id),
  ]);
  const rows = content.principles.flatMap((p) => p.commitments.map((c) => ({ ...c, code: `${p.number}.${c.number}`, principle: p })));
  const matrix = rollupMatrix(
    rows.map((r) => r.id),
    members.map((x) => x.id),
    statuses,
    vocab.codes('tilsagnsstatus'),
  );
  const statusCodes = [...vocab.codes('tilsagnsstatus'), NOT_SET];
  const label = (s: string) => (s === NOT_SET ? 'Ikke angivet' : vocab.label('tilsagnsstatus', s));
  const tone = (s: string) => (s === NOT_SET ? 'none' : vocab.tone('tilsagnsstatus', s));
  const actor = ctx.actor;
  const canReport = !!actor && can(ctx, 'agreements.memberStatus', memberTarget(agreement, members, actor.organisationId));
  return {
    agreement,
    members,
    principles: content.principles,
    statuses,
    rows,
    matrix,
    statusCodes,
    label,
    tone,
    reportAs: canReport ? actor!.organisationName : null,
    canEdit: mayEdit(ctx, agreement),
    today: ctx.clock.today(),
  };
}
export type MatrixView = Awaited<ReturnType<typeof matrixView>>;

/** The actor's own organisation's statuses, for the report form. */
export async function statusForm(ctx: Ctx, id: number) {
  const { agreement, members } = await withMembers(ctx, id);
  const actor = requireSignedIn(ctx, 'agreements.memberStatus', memberTarget(agreement, members, ctx.actor?.organisationId ?? -1));
  const [content, statuses, codes] = await Promise.all([
    loadContent(ctx.db, agreement.id),
    commitmentStatuses(ctx.db, agreement.id),
    vocabulary(ctx.db, 'tilsagnsstatus'),
  ]);
  const own = new Map(statuses.filter((s) => s.organisation_id === actor.organisationId).map((s) => [s.commitment_id, s]));
  return {
    agreement,
    organisationName: actor.organisationName,
    principles: content.principles,
    own,
    statusOptions: codes.map((s) => ({ value: s.code, label: s.label })),
  };
}
export type StatusForm = Awaited<ReturnType<typeof statusForm>>;

/**
 * A member sets its own statuses for one or more commitments. Only that member's own users may; an empty
 * status leaves the commitment untouched. All or nothing. Returns the number of statuses changed.
 */
export async function setCommitmentStatuses(ctx: Ctx, agreementId: number, organisationId: number, input: unknown): Promise<number> {
  const { agreement, members } = await withMembers(ctx, agreementId);
  const actor = requireSignedIn(ctx, 'agreements.memberStatus', memberTarget(agreement, members, organisationId));
  const { items } = parseInput(ZCommitmentStatuses, input);
  const codes = (await vocabulary(ctx.db, 'tilsagnsstatus')).map((s) => s.code);
  const today = ctx.clock.today();
  const errors: FieldErrors = {};
  const chosen = items.filter((i) => i.status !== '');
  for (const i of chosen) {
    if (!codes.includes(i.status)) (errors[`status_${i.commitmentId}`] ??= []).push('Ukendt status. Vælg en af de tilladte.');
    if (i.statusDate && i.statusDate > today) (errors[`date_${i.commitmentId}`] ??= []).push('Datoen kan ikke ligge i fremtiden.');
  }
  if (Object.keys(errors).length) throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', errors);
  return ctx.db.transaction().execute(async (trx) => {
    const ownIds = await repo.commitmentIdsOf(trx, agreementId);
    for (const i of chosen) if (!ownIds.has(i.commitmentId)) throw notFound('Tilsagnet findes ikke i aftalen.');
    if (!chosen.length) return 0;
    const before = await repo.memberStatuses(
      trx,
      organisationId,
      chosen.map((i) => i.commitmentId),
    );
    let changed = 0;
    for (const i of chosen) {
      const prev = before.find((b) => b.commitment_id === i.commitmentId);
      const next = { status: i.status, status_date: i.statusDate ?? today, evidence: i.evidence };
      if (prev && prev.status === next.status && prev.status_date === next.status_date && (prev.evidence ?? null) === (next.evidence ?? null)) continue;
      await repo.upsertStatus(trx, i.commitmentId, organisationId, next, actor.username, ctx.clock.now());
      await audit(trx, ctx, {
        entity: 'agreement_commitment_status',
        entityId: `${i.commitmentId}:${organisationId}`,
        action: prev ? 'update' : 'create',
        before: prev ? auditShape.commitmentStatus(prev) : null,
        after: auditShape.commitmentStatus(next),
      });
      changed += 1;
    }
    return changed;
  });
}

/** One status through the API: the same rules, with the fields named as in the API. */
export async function setCommitmentStatus(ctx: Ctx, agreementId: number, commitmentId: number, organisationId: number, input: unknown): Promise<void> {
  const { agreement, members } = await withMembers(ctx, agreementId);
  requireSignedIn(ctx, 'agreements.memberStatus', memberTarget(agreement, members, organisationId));
  const v = parseInput(ZCommitmentStatus, input);
  const codes = (await vocabulary(ctx.db, 'tilsagnsstatus')).map((s) => s.code);
  const errors: FieldErrors = {};
  if (!codes.includes(v.status)) errors.status = ['Ukendt status. Vælg en af de tilladte.'];
  if (v.statusDate > ctx.clock.today()) errors.statusDate = ['Datoen kan ikke ligge i fremtiden.'];
  if (Object.keys(errors).length) throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', errors);
  await setCommitmentStatuses(ctx, agreementId, organisationId, {
    items: [{ commitmentId, status: v.status, statusDate: v.statusDate, evidence: v.evidence }],
  });
}
