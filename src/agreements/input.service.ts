/**
 * @module Input rounds (dialogue meetings, workshops, seminars) attached to a phase: a template of questions, per
 * focus area (mål / ønsket indhold / resultater) or free; participants answer as named groups; a round can also be
 * a prioritisation in which each group spreads a fixed number of votes over candidate actions.
 */
import { can, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import { formatDate } from '../core/format.js';
import type { Ctx } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';
import { badRequest, conflict, notFound, type FieldErrors } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { auditShape } from './agreements.audit.js';
import { editable, mayEdit, readable, targetOf, withMembers } from './agreements.guard.js';
import { agreementMembers, allVocabulary, phasesOf, vocabulary, type AgreementRow } from './agreements.repository.js';
import { ZAnswers, ZGroup, ZRound, ZVotes } from './agreements.schema.js';
import * as repo from './input.repository.js';
import { checkVotes, tallyVotes } from './logic.js';

const invalid = (errors: FieldErrors) => badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', errors);

async function roundOr404(db: Queryable, agreementId: number, roundId: number, lock?: 'share') {
  const r = await repo.findRound(db, agreementId, roundId, lock);
  if (!r) throw notFound('Inputrunden findes ikke.');
  return r;
}

// Reading ---------------------------------------------------------------------------------------------------

/** The agreement's rounds, and what the form to create one needs (secretariat). */
export async function roundsView(ctx: Ctx, id: number) {
  const agreement = await readable(ctx, id);
  const [rounds, phases, vocab] = await Promise.all([repo.roundsOf(ctx.db, id), phasesOf(ctx.db, id), allVocabulary(ctx.db)]);
  return {
    agreement,
    rounds: rounds.map((r) => ({ ...r, kindLabel: vocab.label('rundetype', r.kind), groups: Number(r.groups ?? 0), answers: Number(r.answers ?? 0) })),
    phases,
    kinds: vocab.list('rundetype').map((k) => ({ value: k.code, label: k.label })),
    canEdit: mayEdit(ctx, agreement),
  };
}
export type RoundsView = Awaited<ReturnType<typeof roundsView>>;

/** One round: questions, groups, the vote tally, and what the actor may do in it. */
export async function roundView(ctx: Ctx, id: number, roundId: number) {
  const agreement = await readable(ctx, id);
  const actor = ctx.actor;
  const members = await agreementMembers(ctx.db, agreement);
  const canJoin = can(ctx, 'agreements.input.join', { ...targetOf(agreement), memberIds: members.map((m) => m.id) });
  const round = await roundOr404(ctx.db, id, roundId);
  const [details, vocab] = await Promise.all([repo.roundDetails(ctx.db, roundId), allVocabulary(ctx.db)]);
  const canEdit = mayEdit(ctx, agreement);
  const hasOwnGroup = !!actor && details.groups.some((g) => g.organisation_id === actor.organisationId);
  return {
    agreement,
    round,
    details,
    canEdit,
    kindLabel: vocab.label('rundetype', round.kind),
    groupKindLabel: (code: string) => vocab.label('gruppetype', code),
    groupKinds: vocab.list('gruppetype').map((k) => ({ value: k.code, label: k.label })),
    tally: tallyVotes(details.candidates, details.votes),
    mayAnswer: (g: { organisation_id: number | null }) =>
      round.is_open && can(ctx, 'agreements.answer', { ...targetOf(agreement), groupOrganisationId: g.organisation_id }),
    /** The form to add a group: the secretariat names any group; a member joins once, as itself. */
    join: !round.is_open || !canJoin ? null : canEdit ? ('any' as const) : hasOwnGroup ? null : ('own' as const),
    organisationName: actor?.organisationName ?? '',
  };
}
export type RoundView = Awaited<ReturnType<typeof roundView>>;

/** One group's answers and votes for its form. */
export async function groupForm(ctx: Ctx, id: number, roundId: number, groupId: number) {
  const { agreement, round, group } = await groupForWriting(ctx, id, roundId, groupId, false);
  const details = await repo.roundDetails(ctx.db, roundId);
  return { agreement, round, group, details };
}
export type GroupForm = Awaited<ReturnType<typeof groupForm>>;

/** All groups' answers to one question, side by side. */
export async function questionView(ctx: Ctx, id: number, roundId: number, questionId: number) {
  const agreement = await readable(ctx, id);
  const round = await roundOr404(ctx.db, id, roundId);
  const details = await repo.roundDetails(ctx.db, roundId);
  const index = details.questions.findIndex((q) => q.id === questionId);
  if (index < 0) throw notFound('Spørgsmålet findes ikke i runden.');
  return {
    agreement,
    round,
    details,
    question: details.questions[index]!,
    previous: details.questions[index - 1] ?? null,
    next: details.questions[index + 1] ?? null,
  };
}
export type QuestionView = Awaited<ReturnType<typeof questionView>>;

/** Everything of a round for the Excel export. */
export async function roundExport(ctx: Ctx, id: number, roundId: number) {
  await readable(ctx, id);
  const round = await roundOr404(ctx.db, id, roundId);
  const details = await repo.roundDetails(ctx.db, roundId);
  return { round, details, tally: tallyVotes(details.candidates, details.votes) };
}
export type RoundExport = Awaited<ReturnType<typeof roundExport>>;

// Writing ---------------------------------------------------------------------------------------------------

export async function createRound(ctx: Ctx, agreementId: number, input: unknown): Promise<number> {
  const { agreement } = await editable(ctx, agreementId);
  const v = parseInput(ZRound, input);
  const kinds = await vocabulary(ctx.db, 'rundetype');
  const questions = v.questions ?? [];
  const candidates = v.candidates ?? [];
  const allowance = v.voteAllowance ?? null;
  const errors: FieldErrors = {};
  if (!kinds.some((k) => k.code === v.kind)) errors.kind = ['Ukendt type. Vælg en af de tilladte.'];
  if (v.template === 'frie' && questions.length === 0 && candidates.length === 0) errors.questions = ['Skriv mindst ét spørgsmål (ét pr. linje).'];
  if (candidates.length > 0 && allowance === null) errors.voteAllowance = ['Angiv hvor mange stemmer hver deltager har.'];
  if (allowance !== null && candidates.length < 2) errors.candidates = ['En prioritering kræver mindst to handlinger at stemme på (én pr. linje).'];
  if (v.heldOn < agreement.preparation_start || v.heldOn > agreement.period_end) {
    errors.heldOn = [`Datoen skal ligge inden for aftalens forløb (${formatDate(agreement.preparation_start)} – ${formatDate(agreement.period_end)}).`];
  }
  if (Object.keys(errors).length) throw invalid(errors);
  return ctx.db.transaction().execute(async (trx) => {
    if (v.phaseId && !(await repo.isPhaseOf(trx, agreementId, v.phaseId))) throw invalid({ phaseId: ['Fasen findes ikke i denne aftale.'] });
    const qs: repo.NewQuestion[] = [];
    if (v.template === 'fokusomraader') {
      const [fas, aspects] = await Promise.all([repo.focusAreaTitles(trx, agreementId), vocabulary(trx, 'aspekt')]);
      if (fas.length === 0) throw invalid({ template: ['Aftalen har ingen fokusområder endnu. Vælg frie spørgsmål, eller opret fokusområderne først.'] });
      qs.push(
        ...fas.flatMap((f) => aspects.map((asp) => ({ text: `Fokusområde ${f.number}: ${f.title} – ${asp.label}`, focus_area_id: f.id, aspect: asp.code }))),
      );
    }
    qs.push(...questions.map((text) => ({ text, focus_area_id: null, aspect: null })));
    const round = await repo.insertRound(
      trx,
      {
        agreement_id: agreementId,
        phase_id: v.phaseId ?? null,
        kind: v.kind,
        template: v.template,
        title: v.title,
        held_on: v.heldOn,
        description: v.description,
        vote_allowance: allowance,
      },
      qs,
      candidates,
    );
    await audit(trx, ctx, {
      entity: 'agreement_input_round',
      entityId: round.id,
      action: 'create',
      after: auditShape.round(
        round,
        qs.map((q) => q.text),
        candidates,
      ),
    });
    return round.id;
  });
}

export async function setRoundOpen(ctx: Ctx, agreementId: number, roundId: number, isOpen: boolean): Promise<void> {
  await editable(ctx, agreementId);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await roundOr404(trx, agreementId, roundId);
    const after = await repo.setRoundOpen(trx, roundId, isOpen);
    const d = await repo.roundDetails(trx, roundId);
    const [qs, cs] = [d.questions.map((q) => q.text), d.candidates.map((c) => c.title)];
    await audit(trx, ctx, {
      entity: 'agreement_input_round',
      entityId: roundId,
      action: 'update',
      before: auditShape.round(before, qs, cs),
      after: auditShape.round(after, qs, cs),
    });
  });
}

/**
 * A named group answers. The secretariat registers any group (a table at the meeting, a disability council);
 * a member's own users register their organisation as a group.
 */
export async function createGroup(ctx: Ctx, agreementId: number, roundId: number, input: unknown): Promise<number> {
  const { agreement, members } = await withMembers(ctx, agreementId);
  const actor = requireSignedIn(ctx, 'agreements.input.join', { ...targetOf(agreement), memberIds: members.map((m) => m.id) });
  const v = parseInput(ZGroup, input);
  const bySecretariat = mayEdit(ctx, agreement);
  const organisationId = bySecretariat ? (v.organisationId ?? null) : actor.organisationId;
  const kind = bySecretariat ? v.kind : actor.organisationKind === 'region' ? 'region' : 'kommune';
  const kinds = await vocabulary(ctx.db, 'gruppetype');
  if (!kinds.some((k) => k.code === kind)) throw invalid({ kind: ['Ukendt gruppetype. Vælg en af de tilladte.'] });
  return ctx.db.transaction().execute(async (trx) => {
    const round = await roundOr404(trx, agreementId, roundId, 'share');
    if (!round.is_open) throw conflict('Inputrunden er lukket.');
    if (await repo.isGroupNameTaken(trx, roundId, v.name)) throw invalid({ name: ['Der findes allerede en gruppe med det navn i runden.'] });
    const row = await repo.insertGroup(trx, { round_id: roundId, name: v.name, kind, organisation_id: organisationId, created_by: actor.username });
    await audit(trx, ctx, { entity: 'agreement_input_group', entityId: row.id, action: 'create', after: auditShape.group(row) });
    return row.id;
  });
}

/** The group, if the actor may write for it (the secretariat for any group, an organisation for its own) and the round is open. */
async function groupForWriting(
  ctx: Ctx,
  agreementId: number,
  roundId: number,
  groupId: number,
  mustBeOpen: boolean,
): Promise<{ agreement: AgreementRow; round: Awaited<ReturnType<typeof roundOr404>>; group: NonNullable<Awaited<ReturnType<typeof repo.findGroup>>> }> {
  const { agreement } = await withMembers(ctx, agreementId);
  const round = await repo.findRound(ctx.db, agreementId, roundId);
  const group = round ? await repo.findGroup(ctx.db, roundId, groupId) : undefined;
  requireSignedIn(ctx, 'agreements.answer', { ...targetOf(agreement), groupOrganisationId: group?.organisation_id ?? null });
  if (!round) throw notFound('Inputrunden findes ikke.');
  if (!group) throw notFound('Gruppen findes ikke i runden.');
  if (mustBeOpen && !round.is_open) throw conflict('Inputrunden er lukket.');
  return { agreement, round, group };
}

/** Saves a group's answers; an empty answer removes it. Unknown questions are refused. */
export async function saveAnswers(ctx: Ctx, agreementId: number, roundId: number, groupId: number, input: unknown): Promise<void> {
  const { group } = await groupForWriting(ctx, agreementId, roundId, groupId, true);
  const v = parseInput(ZAnswers, input);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await roundOr404(trx, agreementId, roundId, 'share')).is_open) throw conflict('Inputrunden er lukket.');
    const known = await repo.questionIds(trx, roundId);
    const entries = Object.entries(v.answers).map(([k, text]) => ({ questionId: Number(k), text: text.trim() }));
    const unknown = entries.filter((e) => !known.has(e.questionId));
    if (unknown.length) throw invalid({ answers: [`Spørgsmål ${unknown.map((u) => u.questionId).join(', ')} findes ikke i runden.`] });
    const before = await repo.answersOfGroup(trx, groupId);
    for (const e of entries) await repo.saveAnswer(trx, groupId, e.questionId, e.text, ctx.clock.now());
    const after = await repo.answersOfGroup(trx, groupId);
    await audit(trx, ctx, {
      entity: 'agreement_input_answer',
      entityId: group.id,
      action: 'update',
      before: auditShape.answers(before),
      after: auditShape.answers(after),
    });
  });
}

/** Replaces a group's votes; the total may not exceed the round's allowance. */
export async function saveVotes(ctx: Ctx, agreementId: number, roundId: number, groupId: number, input: unknown): Promise<void> {
  const { round, group } = await groupForWriting(ctx, agreementId, roundId, groupId, true);
  if (round.vote_allowance === null) throw conflict('Runden er ikke en prioritering.');
  const allowance = round.vote_allowance;
  const v = parseInput(ZVotes, input);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await roundOr404(trx, agreementId, roundId, 'share')).is_open) throw conflict('Inputrunden er lukket.');
    const votes = Object.entries(v.votes).map(([k, n]) => ({ candidateId: Number(k), votes: n }));
    const problems = checkVotes(votes, allowance, await repo.candidateIds(trx, roundId));
    if (problems.length) throw invalid({ votes: problems });
    const before = await repo.votesOfGroup(trx, groupId);
    await repo.replaceVotes(
      trx,
      groupId,
      votes.filter((x) => x.votes > 0).map((x) => ({ candidate_id: x.candidateId, votes: x.votes })),
    );
    const after = await repo.votesOfGroup(trx, groupId);
    await audit(trx, ctx, {
      entity: 'agreement_input_vote',
      entityId: group.id,
      action: 'update',
      before: auditShape.votes(before),
      after: auditShape.votes(after),
    });
  });
}
