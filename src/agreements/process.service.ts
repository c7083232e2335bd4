/**
 * @module The process plan and the approval: phases (the current one follows the dates), milestones (overdue is
 * computed), and each member's council decision, which moves the agreement to 'godkendt' when all have approved.
 */
import type { Actor } from '../core/auth/actor.js';
import { today } from '../core/auth/auth.service.js';
import { audit } from '../core/audit.js';
import type { Db } from '../core/db/types.js';
import { badRequest, conflict, notFound, type FieldErrors } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { requireMemberOrSecretariat, requireSecretariat } from './access.js';
import { agreementMembers, getAgreement, vocabulary, type AgreementRow } from './agreements.repo.js';
import { ZApproval, ZMilestone, ZPhase } from './agreements.schema.js';
import { approvalSummary, statusAfterDecisions } from './logic.js';

const invalid = (errors: FieldErrors) => badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', errors);
const window = (a: AgreementRow) => `${a.preparation_start} – ${a.period_end}`;

export async function savePhase(db: Db, actor: Actor | null, agreementId: number, phaseId: number | null, input: unknown): Promise<number> {
  const agreement = await getAgreement(db, agreementId);
  const a = requireSecretariat(actor, agreement);
  const v = parseInput(ZPhase, input);
  const errors: FieldErrors = {};
  if (v.ends_on < v.starts_on) errors.ends_on = ['Fasens slutdato skal ligge efter startdatoen.'];
  if (v.starts_on < agreement.preparation_start || v.starts_on > agreement.period_end) errors.starts_on = [`Fasen skal ligge inden for aftalens forløb (${window(agreement)}).`];
  if (v.ends_on > agreement.period_end) errors.ends_on = [...(errors.ends_on ?? []), `Fasen skal slutte senest ${agreement.period_end}.`];
  if (Object.keys(errors).length) throw invalid(errors);
  return db.transaction().execute(async (trx) => {
    let dup = trx.selectFrom('agreement_phase').select('id').where('agreement_id', '=', agreementId).where('number', '=', v.number);
    if (phaseId) dup = dup.where('id', '<>', phaseId);
    if (await dup.executeTakeFirst()) throw invalid({ number: [`Nummer ${v.number} bruges allerede af en anden fase.`] });
    const values = { number: v.number, name: v.name, description: v.description, starts_on: v.starts_on, ends_on: v.ends_on };
    if (phaseId === null) {
      const row = await trx.insertInto('agreement_phase').values({ agreement_id: agreementId, ...values }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, a, { entity: 'agreement_phase', entityId: row.id, action: 'create', after: row });
      return row.id;
    }
    const before = await trx.selectFrom('agreement_phase').selectAll().where('id', '=', phaseId).where('agreement_id', '=', agreementId).executeTakeFirst();
    if (!before) throw notFound('Fasen findes ikke.');
    const after = await trx.updateTable('agreement_phase').set(values).where('id', '=', phaseId).returningAll().executeTakeFirstOrThrow();
    await audit(trx, a, { entity: 'agreement_phase', entityId: phaseId, action: 'update', before, after });
    return phaseId;
  });
}

export async function saveMilestone(db: Db, actor: Actor | null, agreementId: number, milestoneId: number | null, input: unknown): Promise<number> {
  const agreement = await getAgreement(db, agreementId);
  const a = requireSecretariat(actor, agreement);
  const v = parseInput(ZMilestone, input);
  const errors: FieldErrors = {};
  if (v.due_on < agreement.preparation_start || v.due_on > agreement.period_end) errors.due_on = [`Milepælen ligger uden for aftalens forløb (${window(agreement)}).`];
  const completedOn = v.status === 'gennemfoert' ? (v.completed_on ?? today()) : null;
  if (completedOn && completedOn > today()) errors.completed_on = ['En milepæl kan ikke være gennemført i fremtiden.'];
  if (Object.keys(errors).length) throw invalid(errors);
  return db.transaction().execute(async (trx) => {
    if (v.phase_id) {
      const ph = await trx.selectFrom('agreement_phase').select('id').where('id', '=', v.phase_id).where('agreement_id', '=', agreementId).executeTakeFirst();
      if (!ph) throw invalid({ phase_id: ['Fasen findes ikke i denne aftale.'] });
    }
    const values = { phase_id: v.phase_id ?? null, due_on: v.due_on, title: v.title, responsible: v.responsible, deliverable: v.deliverable, status: v.status, completed_on: completedOn };
    if (milestoneId === null) {
      const row = await trx.insertInto('agreement_milestone').values({ agreement_id: agreementId, ...values }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, a, { entity: 'agreement_milestone', entityId: row.id, action: 'create', after: row });
      return row.id;
    }
    const before = await trx.selectFrom('agreement_milestone').selectAll().where('id', '=', milestoneId).where('agreement_id', '=', agreementId).executeTakeFirst();
    if (!before) throw notFound('Milepælen findes ikke.');
    const after = await trx.updateTable('agreement_milestone').set(values).where('id', '=', milestoneId).returningAll().executeTakeFirstOrThrow();
    await audit(trx, a, { entity: 'agreement_milestone', entityId: milestoneId, action: 'update', before, after });
    return milestoneId;
  });
}

/** Marks a milestone done today (the one-button action on the timeline). */
export async function completeMilestone(db: Db, actor: Actor | null, agreementId: number, milestoneId: number): Promise<void> {
  const agreement = await getAgreement(db, agreementId);
  const a = requireSecretariat(actor, agreement);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('agreement_milestone').selectAll().where('id', '=', milestoneId).where('agreement_id', '=', agreementId).executeTakeFirst();
    if (!before) throw notFound('Milepælen findes ikke.');
    if (before.status === 'gennemfoert') return;
    const after = await trx.updateTable('agreement_milestone').set({ status: 'gennemfoert', completed_on: today() }).where('id', '=', milestoneId).returningAll().executeTakeFirstOrThrow();
    await audit(trx, a, { entity: 'agreement_milestone', entityId: milestoneId, action: 'update', before, after });
  });
}

/**
 * A member's council decision, entered by the member or by the secretariat. When every member has approved,
 * the agreement becomes 'godkendt' in the same transaction (and goes back if an approval is withdrawn).
 */
export async function setApproval(db: Db, actor: Actor | null, agreementId: number, organisationId: number, input: unknown): Promise<{ status: string; approved: number; total: number }> {
  const agreement = await getAgreement(db, agreementId);
  const members = await agreementMembers(db, agreement);
  if (!members.some((m) => m.id === organisationId)) throw notFound('Organisationen er ikke medlem af aftalen.');
  const a = requireMemberOrSecretariat(actor, agreement, members, organisationId, 'registrere godkendelse');
  const v = parseInput(ZApproval, input);
  const kinds = await vocabulary(db, 'beslutning');
  const errors: FieldErrors = {};
  if (!kinds.some((k) => k.code === v.decision)) errors.decision = ['Ukendt beslutning. Vælg en af de tilladte.'];
  if (v.decision !== 'afventer' && !v.decided_on) errors.decided_on = ['Angiv datoen for beslutningen.'];
  if (v.decided_on && v.decided_on > today()) errors.decided_on = ['Beslutningsdatoen kan ikke ligge i fremtiden.'];
  if (v.decided_on && v.decided_on < agreement.preparation_start) errors.decided_on = [`Beslutningsdatoen kan ikke ligge før arbejdet med aftalen startede (${agreement.preparation_start}).`];
  if (Object.keys(errors).length) throw invalid(errors);
  if (agreement.status !== 'til_godkendelse' && agreement.status !== 'godkendt') throw conflict('Aftalen er ikke sendt til godkendelse endnu. Sekretariatet sender den til godkendelse, når høringen er afsluttet.');
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('agreement_approval').selectAll().where('agreement_id', '=', agreementId).where('organisation_id', '=', organisationId).executeTakeFirst();
    const next = { decision: v.decision, decided_on: v.decision === 'afventer' ? null : (v.decided_on ?? null), reference: v.reference, note: v.note };
    await trx
      .insertInto('agreement_approval')
      .values({ agreement_id: agreementId, organisation_id: organisationId, ...next, updated_by: a.username })
      .onConflict((oc) => oc.columns(['agreement_id', 'organisation_id']).doUpdateSet({ ...next, updated_by: a.username, updated_at: new Date() }))
      .execute();
    await audit(trx, a, { entity: 'agreement_approval', entityId: `${agreementId}:${organisationId}`, action: before ? 'update' : 'create', before: before ?? null, after: next });
    const all = await trx.selectFrom('agreement_approval').select(['organisation_id', 'decision']).where('agreement_id', '=', agreementId).execute();
    const summary = approvalSummary(
      members.map((m) => m.id),
      all,
      kinds.filter((k) => k.counts_as_approval).map((k) => k.code),
      kinds.filter((k) => k.counts_as_rejection).map((k) => k.code),
    );
    const status = statusAfterDecisions(agreement.status, summary.isAllApproved);
    if (status !== agreement.status) {
      await trx.updateTable('agreement').set({ status, updated_at: new Date() }).where('id', '=', agreementId).execute();
      const note = status === 'godkendt' ? `Alle ${summary.total} medlemmer har godkendt aftalen.` : `En godkendelse er ændret; ${summary.approved} af ${summary.total} har godkendt.`;
      await trx.insertInto('agreement_status_event').values({ agreement_id: agreementId, status, changed_on: today(), note, actor_username: a.username }).execute();
      await audit(trx, a, { entity: 'agreement', entityId: agreementId, action: 'update', before: { status: agreement.status }, after: { status } });
    }
    return { status, approved: summary.approved, total: summary.total };
  });
}
