/**
 * @module The agreement itself: the list the actor may read, the overview, the whole agreement as the API and
 * the document see it, and the secretariat's writes (create, period, status, publication). Every function
 * starts with one access call; status changes re-check the status inside their transaction.
 */
import { can, requireAccess, requireSignedIn } from '../core/access/access.js';
import { scopeOf } from '../core/access/rules.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';
import { badRequest, conflict, type FieldErrors } from '../core/errors.js';
import { count, formatDate } from '../core/format.js';
import type { Trx } from '../core/db/types.js';
import { parseInput } from '../core/validation.js';
import { checkVersion, type ExpectedVersion } from '../core/version.js';
import { auditShape } from './agreements.audit.js';
import { editable, readable, mayEdit } from './agreements.guard.js';
import * as repo from './agreements.repository.js';
import { findVersion } from './hearing.repository.js';
import { milestonesTiedTo, updateMilestone } from './process.repository.js';
import type { AgreementRow, Member, Vocabulary } from './agreements.repository.js';
import { ZAgreement, ZPublish, ZStatusChange } from './agreements.schema.js';
import {
  MANUAL_TRANSITIONS,
  approvalSummary,
  canTransition,
  currentPhase,
  effectiveStatus,
  isStoredStatus,
  milestoneState,
  partsInOrder,
  rollupMatrix,
  type ApprovalSummary,
} from './logic.js';

const INVALID = 'Oplysningerne er ikke gyldige. Ret felterne nedenfor.';
const fail = (field: string, message: string): never => {
  throw badRequest(INVALID, { [field]: [message] });
};

function collect(checks: Array<[boolean, string, string]>): void {
  const errors: FieldErrors = {};
  for (const [bad, field, message] of checks) if (bad) (errors[field] ??= []).push(message);
  if (Object.keys(errors).length) throw badRequest(INVALID, errors);
}

const decisionCodes = (vocab: Vocabulary) => ({
  approval: vocab
    .list('beslutning')
    .filter((k) => k.counts_as_approval)
    .map((k) => k.code),
  rejection: vocab
    .list('beslutning')
    .filter((k) => k.counts_as_rejection)
    .map((k) => k.code),
});

export const summaryOf = (
  members: readonly Member[],
  decisions: ReadonlyArray<{ organisation_id: number; decision: string }>,
  vocab: Vocabulary,
): ApprovalSummary => {
  const codes = decisionCodes(vocab);
  return approvalSummary(
    members.map((m) => m.id),
    decisions,
    codes.approval,
    codes.rejection,
  );
};

// Reading ---------------------------------------------------------------------------------------------------

/** The agreements the actor may read (published; the own areas'; those in hearing when signed in), in one statement. */
async function readableAgreements(ctx: Ctx, order: 'area' | 'newest') {
  requireAccess(ctx, 'agreements.list', {});
  const scope = scopeOf(ctx.actor);
  return repo.listReadable(ctx.db, { isSignedIn: !!ctx.actor, areaIds: scope.areaIds }, order);
}

/** The API's list: newest first. */
export async function agreementList(ctx: Ctx) {
  const [rows, vocab] = await Promise.all([readableAgreements(ctx, 'newest'), repo.allVocabulary(ctx.db)]);
  const today = ctx.clock.today();
  return rows.map((a) => {
    const status = effectiveStatus(a.status, a.period_end, today);
    return { agreement: a, status, statusLabel: vocab.label('aftalestatus', status) };
  });
}

/** The list page: by area, with "N af M har godkendt" for each agreement. */
export async function agreementListPage(ctx: Ctx) {
  const [rows, vocab] = await Promise.all([readableAgreements(ctx, 'area'), repo.allVocabulary(ctx.db)]);
  const today = ctx.clock.today();
  const decisions = await repo.approvalsOf(
    ctx.db,
    rows.map((a) => a.id),
  );
  // Members depend on the area and the first day of the period; agreements share few such pairs.
  const membersBy = new Map<string, Promise<Member[]>>();
  const membersOf = (a: AgreementRow) => {
    const key = `${a.area_id}:${a.period_start}`;
    if (!membersBy.has(key)) membersBy.set(key, repo.agreementMembers(ctx.db, a));
    return membersBy.get(key)!;
  };
  const items = await Promise.all(
    rows.map(async (a) => {
      const status = effectiveStatus(a.status, a.period_end, today);
      const summary = summaryOf(
        await membersOf(a),
        decisions.filter((d) => d.agreement_id === a.id),
        vocab,
      );
      return {
        agreement: a,
        status,
        statusLabel: vocab.label('aftalestatus', status),
        tone: vocab.tone('aftalestatus', status),
        approved: summary.approved,
        total: summary.total,
      };
    }),
  );
  return { items, isSignedIn: !!ctx.actor, canCreate: can(ctx, 'agreements.create', { areaId: null }) };
}
/** Row types the pages render, re-exported so pages depend on the service, never on a repository. */
export type { AgreementRow, IndicatorWithLatest } from './agreements.repository.js';

export type AgreementListPage = Awaited<ReturnType<typeof agreementListPage>>;

/** The overview of one agreement: status, approvals, current phase, milestones, commitments, and what the actor may do. */
export async function agreementOverview(ctx: Ctx, id: number) {
  const a = await readable(ctx, id);
  const db = ctx.db;
  const today = ctx.clock.today();
  const [vocab, members, decisions, phases, milestones, content, statuses, hearingOpenUntil] = await Promise.all([
    repo.allVocabulary(db),
    repo.agreementMembers(db, a),
    repo.approvals(db, a.id),
    repo.phasesOf(db, a.id),
    repo.milestonesOf(db, a.id),
    repo.loadContent(db, a.id),
    repo.commitmentStatuses(db, a.id),
    openHearingUntil(db, a, today),
  ]);
  const status = effectiveStatus(a.status, a.period_end, today);
  const commitments = content.principles.flatMap((p) => p.commitments);
  const matrix = rollupMatrix(
    commitments.map((c) => c.id),
    members.map((m) => m.id),
    statuses,
    vocab.codes('tilsagnsstatus'),
  );
  return {
    agreement: a,
    status,
    statusLabel: vocab.label('aftalestatus', status),
    statusTone: vocab.tone('aftalestatus', status),
    approval: summaryOf(members, decisions, vocab),
    phase: currentPhase(phases, today),
    overdue: milestones.filter((m) => milestoneState(m, today) === 'forsinket'),
    next: milestones.find((m) => m.status === 'planlagt' && m.due_on >= today),
    focusAreaCount: content.focusAreas.length,
    commitmentCount: commitments.length,
    memberCount: members.length,
    implementedShare: matrix.overall.share,
    transitions: (isStoredStatus(a.status) ? MANUAL_TRANSITIONS[a.status] : []).map((t) => ({ value: t, label: vocab.label('aftalestatus', t) })),
    /** The deadline of the hearing still open today: changing the status closes it early. */
    hearingOpenUntil,
    isSignedIn: !!ctx.actor,
    canEdit: mayEdit(ctx, a),
  };
}
export type AgreementOverview = Awaited<ReturnType<typeof agreementOverview>>;

/** The agreement for the secretariat's edit form. */
export async function agreementForEditing(ctx: Ctx, id: number): Promise<AgreementRow> {
  return (await editable(ctx, id)).agreement;
}

/** Everything about one agreement, as the API and the published document see it (access already checked). */
async function agreementDetails(db: Queryable, agreement: AgreementRow, today: string) {
  const [vocab, members, content, statuses, decisions, phases, milestones, events, versions] = await Promise.all([
    repo.allVocabulary(db),
    repo.agreementMembers(db, agreement),
    repo.loadContent(db, agreement.id),
    repo.commitmentStatuses(db, agreement.id),
    repo.approvals(db, agreement.id),
    repo.phasesOf(db, agreement.id),
    repo.milestonesOf(db, agreement.id),
    repo.statusEvents(db, agreement.id),
    repo.versionsOf(db, agreement.id),
  ]);
  const summary = summaryOf(members, decisions, vocab);
  const cur = currentPhase(phases, today);
  const status = effectiveStatus(agreement.status, agreement.period_end, today);
  return {
    id: agreement.id,
    title: agreement.title,
    area: { id: agreement.area_id, code: agreement.area_code, name: agreement.area_name },
    periodStart: agreement.period_start,
    periodEnd: agreement.period_end,
    preparationStart: agreement.preparation_start,
    version: agreement.version,
    status,
    statusLabel: vocab.label('aftalestatus', status),
    summary: agreement.summary,
    isPublic: agreement.is_public,
    publishedOn: agreement.published_on,
    approval: {
      approved: summary.approved,
      total: summary.total,
      rejected: summary.rejected,
      pending: summary.pending,
      text: `${summary.approved} af ${summary.total} har godkendt`,
    },
    currentPhase: cur.state === 'i_gang' ? { id: cur.phase.id, name: cur.phase.name } : null,
    members: members.map((m) => ({ id: m.id, name: m.name, kind: m.kind })),
    sections: content.sections.map((s) => ({ id: s.id, number: s.number, title: s.title, body: s.body, version: s.version })),
    focusAreas: partsInOrder(vocab.list('del'), content.focusAreas)
      .flatMap((p) => p.focusAreas)
      .map((f) => ({
        id: f.id,
        part: f.part,
        partLabel: vocab.label('del', f.part),
        number: f.number,
        title: f.title,
        goal: f.goal,
        content: f.content,
        desiredResults: f.desired_results,
        responsible: f.responsible,
        version: f.version,
        objectives: f.objectives.map((o) => ({
          id: o.id,
          number: o.number,
          title: o.title,
          description: o.description,
          indicators: o.indicators.map((i) => i.id),
          version: o.version,
        })),
      })),
    indicators: content.indicators.map((i) => ({
      id: i.id,
      objectiveId: i.objective_id,
      name: i.name,
      definition: i.definition,
      unit: i.unit,
      direction: i.direction,
      baseline: i.baseline_value === null ? null : { value: i.baseline_value, date: i.baseline_date },
      target: i.target_value === null ? null : { value: i.target_value, date: i.target_date },
      source: i.source,
      latest: i.latest ? { value: i.latest.value, measuredOn: i.latest.measured_on, source: i.latest.source } : null,
      version: i.version,
    })),
    principles: content.principles.map((p) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      description: p.description,
      version: p.version,
      commitments: p.commitments.map((c) => ({
        id: c.id,
        number: c.number,
        text: c.text,
        scopeNote: c.scope_note,
        appliesFrom: c.applies_from,
        indicatorId: c.indicator_id,
        version: c.version,
        statuses: statuses
          .filter((s) => s.commitment_id === c.id)
          .map((s) => ({
            organisationId: s.organisation_id,
            status: s.status,
            statusLabel: vocab.label('tilsagnsstatus', s.status),
            date: s.status_date,
            evidence: s.evidence,
          })),
      })),
    })),
    phases: phases.map((p) => ({
      id: p.id,
      number: p.number,
      name: p.name,
      description: p.description,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      isCurrent: cur.state === 'i_gang' && cur.phase.id === p.id,
    })),
    milestones: milestones.map((m) => ({
      id: m.id,
      phaseId: m.phase_id,
      dueOn: m.due_on,
      title: m.title,
      responsible: m.responsible,
      deliverable: m.deliverable,
      status: m.status,
      state: milestoneState(m, today),
      completedOn: m.completed_on,
    })),
    approvals: members.map((m) => {
      const a = decisions.find((x) => x.organisation_id === m.id);
      const decision = a?.decision ?? 'afventer';
      return {
        organisationId: m.id,
        organisation: m.name,
        decision,
        decisionLabel: vocab.label('beslutning', decision),
        decidedOn: a?.decided_on ?? null,
        reference: a?.reference ?? null,
        note: a?.note ?? null,
      };
    }),
    history: events.map((e) => ({ status: e.status, statusLabel: vocab.label('aftalestatus', e.status), date: e.changed_on, note: e.note })),
    versions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      createdOn: v.created_on,
      changelog: v.changelog,
      hearingUntil: v.hearing_until,
      sections: v.content.map((s) => s.key),
    })),
  };
}
export type AgreementDetails = Awaited<ReturnType<typeof agreementDetails>>;

/** One agreement with all its content, statuses, process and approvals. */
export async function agreementJson(ctx: Ctx, id: number): Promise<AgreementDetails> {
  const a = await readable(ctx, id);
  return agreementDetails(ctx.db, a, ctx.clock.today());
}

// Writing ---------------------------------------------------------------------------------------------------

/** Opening the form to create an agreement (the secretariat of an area). */
export function requireCreate(ctx: Ctx): void {
  requireSignedIn(ctx, 'agreements.create', { areaId: null });
}

function checkPeriod(v: { periodStart: string; periodEnd: string; preparationStart: string }) {
  collect([
    [v.periodEnd < v.periodStart, 'periodEnd', 'Periodens slutdato skal ligge efter startdatoen.'],
    [v.preparationStart > v.periodStart, 'preparationStart', 'Arbejdet med aftalen skal starte før aftaleperioden.'],
  ]);
}

/** The area an input asks for, read before validation so access is decided first (null: the secretariat's own). */
function requestedArea(input: unknown): number | null {
  const areaId = (input as { areaId?: unknown } | null)?.areaId;
  return typeof areaId === 'number' || (typeof areaId === 'string' && /^\d+$/.test(areaId)) ? Number(areaId) : null;
}

export async function createAgreement(ctx: Ctx, input: unknown): Promise<number> {
  const actor = requireSignedIn(ctx, 'agreements.create', { areaId: requestedArea(input) });
  const v = parseInput(ZAgreement, input);
  const areaId = v.areaId ?? actor.areaIds[0]!;
  checkPeriod(v);
  const today = ctx.clock.today();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertAgreement(trx, {
      area_id: areaId,
      title: v.title,
      period_start: v.periodStart,
      period_end: v.periodEnd,
      preparation_start: v.preparationStart,
      summary: v.summary,
      status: 'under_udarbejdelse',
    });
    await repo.addStatusEvent(trx, {
      agreement_id: row.id,
      status: 'under_udarbejdelse',
      changed_on: today,
      note: 'Aftalen er oprettet.',
      actor_username: actor.username,
    });
    await audit(trx, ctx, { entity: 'agreement', entityId: row.id, action: 'create', after: auditShape.agreement(row) });
    return row.id;
  });
}

/** The 412 of a stale version of the agreement's own fields. */
const AGREEMENT_STALE = 'En anden har ændret aftalen, siden du hentede den. Intet er gemt. Hent aftalen igen, og gentag dine ændringer.';

/** Changes the agreement's own fields; `expected` (If-Match / the form's version) → 412 when another change came first. The new version. */
export async function updateAgreement(ctx: Ctx, id: number, input: unknown, expected?: ExpectedVersion): Promise<number> {
  await editable(ctx, id);
  const v = parseInput(ZAgreement, input);
  checkPeriod(v);
  return ctx.db.transaction().execute(async (trx) => {
    const before = (await repo.findAgreement(trx, id, 'update'))!;
    checkVersion(before.version, expected, AGREEMENT_STALE);
    const outside = await repo.milestonesOutside(trx, id, v.preparationStart, v.periodEnd);
    if (outside.length) {
      fail(
        'preparationStart',
        `${count(outside.length, 'milepæl', 'milepæle')} ville ligge uden for aftalens forløb, fx "${outside[0]!.title}" (${formatDate(outside[0]!.due_on)}). Flyt dem først.`,
      );
    }
    const values = { title: v.title, period_start: v.periodStart, period_end: v.periodEnd, preparation_start: v.preparationStart, summary: v.summary };
    const after = await repo.updateAgreement(trx, id, values, ctx.clock.now());
    await audit(trx, ctx, { entity: 'agreement', entityId: id, action: 'update', before: auditShape.agreement(before), after: auditShape.agreement(after) });
    return after.version;
  });
}

/**
 * Completes, inside the status change's transaction, the planned milestones tied to the new status ("Udkast klar
 * til høring" when the agreement goes into hearing), each audited.
 */
export async function completeMilestonesTiedTo(trx: Trx, ctx: Ctx, agreementId: number, status: string): Promise<void> {
  for (const before of await milestonesTiedTo(trx, agreementId, status)) {
    const after = await updateMilestone(trx, before.id, { status: 'gennemfoert', completed_on: ctx.clock.today() });
    await audit(trx, ctx, {
      entity: 'agreement_milestone',
      entityId: before.id,
      action: 'update',
      before: auditShape.milestone(before),
      after: auditShape.milestone(after),
    });
  }
}

/** The deadline of the hearing still open on `today` (null when the agreement is not in an open hearing). */
async function openHearingUntil(db: Queryable, a: AgreementRow, today: string): Promise<string | null> {
  if (a.status !== 'i_hoering' || a.hearing_version_id === null) return null;
  const version = await findVersion(db, a.id, a.hearing_version_id);
  return version?.hearing_until && today <= version.hearing_until ? version.hearing_until : null;
}

/**
 * Hand-made status changes (to hearing, to approval, back to drafting); 'godkendt' follows the approvals. The
 * allowed changes are `MANUAL_TRANSITIONS`; the status is re-read under a row lock inside the transaction and
 * written only if it is still the one the change starts from, so of two concurrent changes one gets 409.
 */
export async function changeStatus(ctx: Ctx, id: number, input: unknown): Promise<void> {
  const { actor } = await editable(ctx, id);
  const v = parseInput(ZStatusChange, input);
  const labels = await repo.vocabulary(ctx.db, 'aftalestatus');
  const label = (c: string) => labels.find((l) => l.code === c)?.label ?? c;
  const today = ctx.clock.today();
  await ctx.db.transaction().execute(async (trx) => {
    const current = (await repo.findAgreement(trx, id, 'update'))!;
    if (!canTransition(current.status, v.status)) throw conflict(`Aftalen kan ikke gå fra "${label(current.status)}" til "${label(v.status)}".`);
    const until = await openHearingUntil(trx, current, today);
    if (until && !v.closeHearingEarly)
      fail(
        'closeHearingEarly',
        `Høringsfristen er ${formatDate(until)}. Bekræft, at høringen lukkes før fristen: derefter kan organisationerne ikke længere afgive høringssvar.`,
      );
    let hearingVersionId: number | null = null;
    if (v.status === 'i_hoering') {
      const latest = await repo.latestVersion(trx, id);
      if (!latest) throw conflict('Udgiv en version af aftaleteksten, før aftalen sendes i høring.');
      const until = v.hearingUntil ?? fail('hearingUntil', 'Angiv en høringsfrist.');
      if (until < today) fail('hearingUntil', 'Høringsfristen kan ikke ligge før i dag.');
      await repo.setHearingDeadline(trx, latest.id, until);
      hearingVersionId = latest.id;
    }
    const after = await repo.moveStatus(trx, id, current.status, v.status, ctx.clock.now(), hearingVersionId);
    if (!after) throw conflict('Aftalens status er netop ændret af en anden. Genindlæs siden og prøv igen.');
    await repo.addStatusEvent(trx, { agreement_id: id, status: v.status, changed_on: today, note: v.note, actor_username: actor.username });
    await completeMilestonesTiedTo(trx, ctx, id, v.status);
    await audit(trx, ctx, { entity: 'agreement', entityId: id, action: 'update', before: auditShape.agreement(current), after: auditShape.agreement(after) });
  });
}

/** The confirmation page before publishing: who will see it and how far the approval has come. */
export async function publicationView(ctx: Ctx, id: number) {
  const { agreement } = await editable(ctx, id);
  const [vocab, members, decisions] = await Promise.all([repo.allVocabulary(ctx.db), repo.agreementMembers(ctx.db, agreement), repo.approvals(ctx.db, id)]);
  const status = effectiveStatus(agreement.status, agreement.period_end, ctx.clock.today());
  return { agreement, statusLabel: vocab.label('aftalestatus', status), approval: summaryOf(members, decisions, vocab) };
}
export type PublicationView = Awaited<ReturnType<typeof publicationView>>;

/**
 * Publishes the agreement to everyone (also visitors who are not signed in) or withdraws it. Publishing must be
 * confirmed (`isConfirmed`), since the agreement may not be approved yet; withdrawing needs no confirmation.
 */
export async function setPublished(ctx: Ctx, id: number, input: unknown): Promise<{ isPublic: boolean }> {
  await editable(ctx, id);
  const v = parseInput(ZPublish, input);
  if (v.isPublic && !v.isConfirmed)
    fail('isConfirmed', 'Bekræft, at aftalen skal kunne ses af alle, også uden login, selv om den ikke er godkendt af alle medlemmer.');
  return ctx.db.transaction().execute(async (trx) => {
    const before = (await repo.findAgreement(trx, id, 'update'))!;
    if (before.is_public === v.isPublic) return { isPublic: v.isPublic };
    const publishedOn = v.isPublic ? (before.published_on ?? ctx.clock.today()) : null;
    const after = await repo.setPublication(trx, id, v.isPublic, publishedOn, ctx.clock.now());
    await audit(trx, ctx, { entity: 'agreement', entityId: id, action: 'update', before: auditShape.agreement(before), after: auditShape.agreement(after) });
    return { isPublic: v.isPublic };
  });
}
