/**
 * @module The process plan and the approval: phases (the current one follows the dates), milestones (overdue is
 * computed), and each member's council decision, which moves the agreement to 'godkendt' when all have approved.
 * Decisions are serialised per agreement (a row lock inside the transaction), so the roll-up always sees every
 * decision and of two identical registrations exactly one counts.
 */
import { can, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import { formatDate } from '../core/format.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, conflict, notFound, type FieldErrors } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { auditShape } from './agreements.audit.js';
import { editable, mayEdit, memberTarget, readable, withMembers } from './agreements.guard.js';
import * as agreements from './agreements.repository.js';
import type { AgreementRow } from './agreements.repository.js';
import { completeMilestonesTiedTo, summaryOf } from './agreements.service.js';
import { ZApproval, ZMilestone, ZPhase } from './agreements.schema.js';
import { isPhaseOf } from './input.repository.js';
import { currentPhase, decisionChange, isOpenForDecisions, statusAfterDecisions } from './logic.js';
import { isNumberTaken } from './content.repository.js';
import * as repo from './process.repository.js';

const invalid = (errors: FieldErrors) => badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', errors);
const lifetime = (a: AgreementRow) => `${formatDate(a.preparation_start)} – ${formatDate(a.period_end)}`;
const NOT_SENT = 'Aftalen er ikke sendt til godkendelse endnu. Sekretariatet sender den til godkendelse, når høringen er afsluttet.';

// Reading ---------------------------------------------------------------------------------------------------

/** The timeline: phases, milestones, the status history and whether the actor edits the plan. */
export async function timelineView(ctx: Ctx, id: number) {
  const agreement = await readable(ctx, id);
  const [phases, milestones, events, vocab] = await Promise.all([
    agreements.phasesOf(ctx.db, id),
    agreements.milestonesOf(ctx.db, id),
    agreements.statusEvents(ctx.db, id),
    agreements.allVocabulary(ctx.db),
  ]);
  const today = ctx.clock.today();
  return {
    agreement,
    phases,
    milestones,
    today,
    current: currentPhase(phases, today),
    history: events.map((e) => ({ date: e.changed_on, statusLabel: vocab.label('aftalestatus', e.status), note: e.note })),
    canEdit: mayEdit(ctx, agreement),
  };
}
export type TimelineView = Awaited<ReturnType<typeof timelineView>>;

/** Every member's decision, "N af M har godkendt", and for which members the actor may register one. */
export async function approvalView(ctx: Ctx, id: number) {
  const agreement = await readable(ctx, id);
  const [vocab, members, decisions] = await Promise.all([
    agreements.allVocabulary(ctx.db),
    agreements.agreementMembers(ctx.db, agreement),
    agreements.approvals(ctx.db, id),
  ]);
  const isOpen = isOpenForDecisions(agreement.status);
  return {
    agreement,
    summary: summaryOf(members, decisions, vocab),
    isOpen,
    rows: members.map((m) => {
      const d = decisions.find((x) => x.organisation_id === m.id);
      const code = d?.decision ?? 'afventer';
      return {
        member: m,
        label: vocab.label('beslutning', code),
        tone: vocab.tone('beslutning', code),
        decidedOn: d?.decided_on ?? null,
        reference: d?.reference ?? null,
        note: d?.note ?? null,
        mayRegister: isOpen && can(ctx, 'agreements.decide', memberTarget(agreement, members, m.id)),
      };
    }),
  };
}
export type ApprovalView = Awaited<ReturnType<typeof approvalView>>;

/** One member's decision for the form. */
export async function approvalForm(ctx: Ctx, id: number, organisationId: number) {
  const { agreement, members } = await withMembers(ctx, id);
  requireSignedIn(ctx, 'agreements.decide', memberTarget(agreement, members, organisationId));
  const member = members.find((x) => x.id === organisationId);
  if (!member) throw notFound('Organisationen er ikke medlem af aftalen.');
  const [kinds, current] = await Promise.all([agreements.vocabulary(ctx.db, 'beslutning'), repo.findApproval(ctx.db, id, organisationId)]);
  return { agreement, member, current: current ?? null, decisionOptions: kinds.map((k) => ({ value: k.code, label: k.label })) };
}
export type ApprovalForm = Awaited<ReturnType<typeof approvalForm>>;

// Writing ---------------------------------------------------------------------------------------------------

export async function savePhase(ctx: Ctx, agreementId: number, phaseId: number | null, input: unknown): Promise<number> {
  const { agreement } = await editable(ctx, agreementId);
  const v = parseInput(ZPhase, input);
  const errors: FieldErrors = {};
  if (v.endsOn < v.startsOn) errors.endsOn = ['Fasens slutdato skal ligge efter startdatoen.'];
  if (v.startsOn < agreement.preparation_start || v.startsOn > agreement.period_end)
    errors.startsOn = [`Fasen skal ligge inden for aftalens forløb (${lifetime(agreement)}).`];
  if (v.endsOn > agreement.period_end) errors.endsOn = [...(errors.endsOn ?? []), `Fasen skal slutte senest ${formatDate(agreement.period_end)}.`];
  if (Object.keys(errors).length) throw invalid(errors);
  return ctx.db.transaction().execute(async (trx) => {
    if (await isNumberTaken(trx, 'agreement_phase', agreementId, v.number, phaseId))
      throw invalid({ number: [`Nummer ${v.number} bruges allerede af en anden fase.`] });
    const values = { number: v.number, name: v.name, description: v.description, starts_on: v.startsOn, ends_on: v.endsOn };
    if (phaseId === null) {
      const row = await repo.insertPhase(trx, { agreement_id: agreementId, ...values });
      await audit(trx, ctx, { entity: 'agreement_phase', entityId: row.id, action: 'create', after: auditShape.phase(row) });
      return row.id;
    }
    const before = await repo.findPhase(trx, agreementId, phaseId);
    if (!before) throw notFound('Fasen findes ikke.');
    const after = await repo.updatePhase(trx, phaseId, values);
    await audit(trx, ctx, { entity: 'agreement_phase', entityId: phaseId, action: 'update', before: auditShape.phase(before), after: auditShape.phase(after) });
    return phaseId;
  });
}

export async function saveMilestone(ctx: Ctx, agreementId: number, milestoneId: number | null, input: unknown): Promise<number> {
  const { agreement } = await editable(ctx, agreementId);
  const v = parseInput(ZMilestone, input);
  const today = ctx.clock.today();
  const errors: FieldErrors = {};
  if (v.dueOn < agreement.preparation_start || v.dueOn > agreement.period_end)
    errors.dueOn = [`Milepælen ligger uden for aftalens forløb (${lifetime(agreement)}).`];
  const completedOn = v.status === 'gennemfoert' ? (v.completedOn ?? today) : null;
  if (completedOn && completedOn > today) errors.completedOn = ['En milepæl kan ikke være gennemført i fremtiden.'];
  if (Object.keys(errors).length) throw invalid(errors);
  return ctx.db.transaction().execute(async (trx) => {
    if (v.phaseId && !(await isPhaseOf(trx, agreementId, v.phaseId))) throw invalid({ phaseId: ['Fasen findes ikke i denne aftale.'] });
    const values = {
      phase_id: v.phaseId ?? null,
      due_on: v.dueOn,
      title: v.title,
      responsible: v.responsible,
      deliverable: v.deliverable,
      status: v.status,
      completed_on: completedOn,
      completes_on_status: v.completesOnStatus ?? null,
    };
    if (milestoneId === null) {
      const row = await repo.insertMilestone(trx, { agreement_id: agreementId, ...values });
      await audit(trx, ctx, { entity: 'agreement_milestone', entityId: row.id, action: 'create', after: auditShape.milestone(row) });
      return row.id;
    }
    const before = await repo.findMilestone(trx, agreementId, milestoneId, true);
    if (!before) throw notFound('Milepælen findes ikke.');
    const after = await repo.updateMilestone(trx, milestoneId, values);
    await audit(trx, ctx, {
      entity: 'agreement_milestone',
      entityId: milestoneId,
      action: 'update',
      before: auditShape.milestone(before),
      after: auditShape.milestone(after),
    });
    return milestoneId;
  });
}

/** Marks a milestone done today (the one-button action on the timeline); a done milestone stays as it is. */
export async function completeMilestone(ctx: Ctx, agreementId: number, milestoneId: number): Promise<void> {
  await editable(ctx, agreementId);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findMilestone(trx, agreementId, milestoneId, true);
    if (!before) throw notFound('Milepælen findes ikke.');
    if (before.status === 'gennemfoert') return;
    const after = await repo.updateMilestone(trx, milestoneId, { status: 'gennemfoert', completed_on: ctx.clock.today() });
    await audit(trx, ctx, {
      entity: 'agreement_milestone',
      entityId: milestoneId,
      action: 'update',
      before: auditShape.milestone(before),
      after: auditShape.milestone(after),
    });
  });
}

/**
 * A member's council decision, entered by the member or by the secretariat. When every member has approved,
 * the agreement becomes 'godkendt' in the same transaction (and goes back if an approval is withdrawn), along
 * `DECISION_TRANSITIONS`. The agreement row is locked first, so decisions on one agreement run one at a time:
 * the status is re-checked, a registration identical to the one already there is refused (409), and the
 * roll-up counts every committed decision.
 */
export async function setApproval(
  ctx: Ctx,
  agreementId: number,
  organisationId: number,
  input: unknown,
): Promise<{ status: string; approved: number; total: number }> {
  const { agreement, members } = await withMembers(ctx, agreementId);
  const actor = requireSignedIn(ctx, 'agreements.decide', memberTarget(agreement, members, organisationId));
  const member = members.find((m) => m.id === organisationId);
  if (!member) throw notFound('Organisationen er ikke medlem af aftalen.');
  const v = parseInput(ZApproval, input);
  const [vocab, kinds] = await Promise.all([agreements.allVocabulary(ctx.db), agreements.vocabulary(ctx.db, 'beslutning')]);
  const today = ctx.clock.today();
  const errors: FieldErrors = {};
  if (!kinds.some((k) => k.code === v.decision)) errors.decision = ['Ukendt beslutning. Vælg en af de tilladte.'];
  if (v.decision !== 'afventer' && !v.decidedOn) errors.decidedOn = ['Angiv datoen for beslutningen.'];
  if (v.decidedOn && v.decidedOn > today) errors.decidedOn = ['Beslutningsdatoen kan ikke ligge i fremtiden.'];
  if (v.decidedOn && v.decidedOn < agreement.preparation_start)
    errors.decidedOn = [`Beslutningsdatoen kan ikke ligge før arbejdet med aftalen startede (${formatDate(agreement.preparation_start)}).`];
  if (Object.keys(errors).length) throw invalid(errors);
  if (!isOpenForDecisions(agreement.status)) throw conflict(NOT_SENT);
  return ctx.db.transaction().execute(async (trx) => {
    const current = (await agreements.findAgreement(trx, agreementId, 'update'))!;
    if (!isOpenForDecisions(current.status)) throw conflict(NOT_SENT);
    const before = await repo.findApproval(trx, agreementId, organisationId);
    const next = { decision: v.decision, decided_on: v.decision === 'afventer' ? null : (v.decidedOn ?? null), reference: v.reference, note: v.note };
    const change = decisionChange(before, next);
    if (change === 'unchanged')
      throw conflict(`Beslutningen for ${member.name} er allerede registreret med de samme oplysninger. Genindlæs siden for at se den.`);
    await repo.upsertApproval(trx, agreementId, organisationId, next, actor.username, ctx.clock.now());
    await audit(trx, ctx, {
      entity: 'agreement_approval',
      entityId: `${agreementId}:${organisationId}`,
      action: change,
      before: before ? auditShape.approval(before) : null,
      after: auditShape.approval(next),
    });
    const summary = summaryOf(members, await agreements.approvals(trx, agreementId), vocab);
    const status = statusAfterDecisions(current.status, summary.isAllApproved);
    if (status !== current.status) {
      const after = await agreements.moveStatus(trx, agreementId, current.status, status, ctx.clock.now());
      if (!after) throw conflict('Aftalens status er netop ændret af en anden. Genindlæs siden og prøv igen.');
      const note =
        status === 'godkendt'
          ? `Alle ${summary.total} medlemmer har godkendt aftalen.`
          : `En godkendelse er ændret; ${summary.approved} af ${summary.total} har godkendt.`;
      await agreements.addStatusEvent(trx, { agreement_id: agreementId, status, changed_on: today, note, actor_username: actor.username });
      await completeMilestonesTiedTo(trx, ctx, agreementId, status);
      await audit(trx, ctx, {
        entity: 'agreement',
        entityId: agreementId,
        action: 'update',
        before: auditShape.agreement(current),
        after: auditShape.agreement(after),
      });
    }
    return { status, approved: summary.approved, total: summary.total };
  });
}
