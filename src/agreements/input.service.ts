/**
 * @module Input rounds (dialogue meetings, workshops, seminars) attached to a phase: a template of questions, per
 * focus area (mål / ønsket indhold / resultater) or free; participants answer as named groups; a round can also be
 * a prioritisation in which each group spreads a fixed number of votes over candidate actions.
 */
import type { Actor } from '../core/auth/actor.js';
import { audit } from '../core/audit.js';
import type { Db, Queryable } from '../core/db/types.js';
import { badRequest, conflict, forbidden, notFound, unauthorized, type FieldErrors } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { canActForOrganisation, isSecretariatFor, requireRead, requireSecretariat } from './access.js';
import { agreementMembers, getAgreement, vocabulary, type AgreementRow } from './agreements.repo.js';
import { ZAnswers, ZGroup, ZRound, ZVotes } from './agreements.schema.js';
import { checkVotes } from './logic.js';

const invalid = (errors: FieldErrors) => badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', errors);

export async function createRound(db: Db, actor: Actor | null, agreementId: number, input: unknown): Promise<number> {
  const agreement = await getAgreement(db, agreementId);
  const a = requireSecretariat(actor, agreement);
  const v = parseInput(ZRound, input);
  const kinds = await vocabulary(db, 'rundetype');
  const questions = v.questions ?? [];
  const candidates = v.candidates ?? [];
  const allowance = v.vote_allowance ?? null;
  const errors: FieldErrors = {};
  if (!kinds.some((k) => k.code === v.kind)) errors.kind = ['Ukendt type. Vælg en af de tilladte.'];
  if (v.template === 'frie' && questions.length === 0 && candidates.length === 0) errors.questions = ['Skriv mindst ét spørgsmål (ét pr. linje).'];
  if (candidates.length > 0 && allowance === null) errors.vote_allowance = ['Angiv hvor mange stemmer hver deltager har.'];
  if (allowance !== null && candidates.length < 2) errors.candidates = ['En prioritering kræver mindst to handlinger at stemme på (én pr. linje).'];
  if (v.held_on < agreement.preparation_start || v.held_on > agreement.period_end) errors.held_on = [`Datoen skal ligge inden for aftalens forløb (${agreement.preparation_start} – ${agreement.period_end}).`];
  if (Object.keys(errors).length) throw invalid(errors);
  return db.transaction().execute(async (trx) => {
    if (v.phase_id) {
      const ph = await trx.selectFrom('agreement_phase').select('id').where('id', '=', v.phase_id).where('agreement_id', '=', agreementId).executeTakeFirst();
      if (!ph) throw invalid({ phase_id: ['Fasen findes ikke i denne aftale.'] });
    }
    const round = await trx
      .insertInto('agreement_input_round')
      .values({ agreement_id: agreementId, phase_id: v.phase_id ?? null, kind: v.kind, template: v.template, title: v.title, held_on: v.held_on, description: v.description, vote_allowance: allowance })
      .returningAll()
      .executeTakeFirstOrThrow();
    let qs: Array<{ text: string; focus_area_id: number | null; aspect: string | null }> = [];
    if (v.template === 'fokusomraader') {
      const [fas, aspects] = await Promise.all([
        trx.selectFrom('agreement_focus_area').select(['id', 'number', 'title']).where('agreement_id', '=', agreementId).orderBy('number').execute(),
        vocabulary(trx, 'aspekt'),
      ]);
      if (fas.length === 0) throw invalid({ template: ['Aftalen har ingen fokusområder endnu. Vælg frie spørgsmål, eller opret fokusområderne først.'] });
      qs = fas.flatMap((f) => aspects.map((asp) => ({ text: `Fokusområde ${f.number}: ${f.title} – ${asp.label}`, focus_area_id: f.id, aspect: asp.code })));
    }
    qs.push(...questions.map((text) => ({ text, focus_area_id: null, aspect: null })));
    if (qs.length) await trx.insertInto('agreement_input_question').values(qs.map((q, i) => ({ round_id: round.id, number: i + 1, ...q }))).execute();
    if (candidates.length) await trx.insertInto('agreement_input_candidate').values(candidates.map((title, i) => ({ round_id: round.id, number: i + 1, title, description: null }))).execute();
    await audit(trx, a, { entity: 'agreement_input_round', entityId: round.id, action: 'create', after: { ...round, questions: qs.length, candidates } });
    return round.id;
  });
}

export async function getRound(db: Queryable, agreementId: number, roundId: number) {
  const r = await db.selectFrom('agreement_input_round').selectAll().where('id', '=', roundId).where('agreement_id', '=', agreementId).executeTakeFirst();
  if (!r) throw notFound('Inputrunden findes ikke.');
  return r;
}

export async function setRoundOpen(db: Db, actor: Actor | null, agreementId: number, roundId: number, isOpen: boolean): Promise<void> {
  const agreement = await getAgreement(db, agreementId);
  const a = requireSecretariat(actor, agreement);
  await db.transaction().execute(async (trx) => {
    const before = await getRound(trx, agreementId, roundId);
    await trx.updateTable('agreement_input_round').set({ is_open: isOpen }).where('id', '=', roundId).execute();
    await audit(trx, a, { entity: 'agreement_input_round', entityId: roundId, action: 'update', before: { is_open: before.is_open }, after: { is_open: isOpen } });
  });
}

/**
 * A named group answers. The secretariat registers any group (a table at the meeting, a disability council);
 * a member's own users register their organisation as a group.
 */
export async function createGroup(db: Db, actor: Actor | null, agreementId: number, roundId: number, input: unknown): Promise<number> {
  const agreement = await getAgreement(db, agreementId);
  if (!actor) throw unauthorized();
  requireRead(actor, agreement);
  const isSecretariat = isSecretariatFor(actor, agreement);
  if (!isSecretariat) {
    const members = await agreementMembers(db, agreement);
    if (!canActForOrganisation(actor) || !members.some((m) => m.id === actor.organisationId)) throw forbidden('Kun sekretariatet og aftalens medlemmer kan tilføje deltagergrupper.');
  }
  const v = parseInput(ZGroup, input);
  let organisationId = v.organisation_id ?? null;
  let kind = v.kind;
  if (!isSecretariat) {
    organisationId = actor.organisationId;
    kind = actor.organisationKind === 'region' ? 'region' : 'kommune';
  }
  const kinds = await vocabulary(db, 'gruppetype');
  if (!kinds.some((k) => k.code === kind)) throw invalid({ kind: ['Ukendt gruppetype. Vælg en af de tilladte.'] });
  return db.transaction().execute(async (trx) => {
    const round = await getRound(trx, agreementId, roundId);
    if (!round.is_open) throw conflict('Inputrunden er lukket.');
    const dup = await trx.selectFrom('agreement_input_group').select('id').where('round_id', '=', roundId).where('name', '=', v.name).executeTakeFirst();
    if (dup) throw invalid({ name: ['Der findes allerede en gruppe med det navn i runden.'] });
    const row = await trx
      .insertInto('agreement_input_group')
      .values({ round_id: roundId, name: v.name, kind, organisation_id: organisationId, created_by: actor.username })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, { entity: 'agreement_input_group', entityId: row.id, action: 'create', after: row });
    return row.id;
  });
}

async function groupForWriting(db: Queryable, actor: Actor | null, agreement: AgreementRow, roundId: number, groupId: number) {
  if (!actor) throw unauthorized();
  const round = await getRound(db, agreement.id, roundId);
  const group = await db.selectFrom('agreement_input_group').selectAll().where('id', '=', groupId).where('round_id', '=', roundId).executeTakeFirst();
  if (!group) throw notFound('Gruppen findes ikke i runden.');
  const mayWrite = isSecretariatFor(actor, agreement) || (canActForOrganisation(actor) && group.organisation_id === actor.organisationId);
  if (!mayWrite) throw forbidden('Du kan kun svare for din egen organisations gruppe.');
  if (!round.is_open) throw conflict('Inputrunden er lukket.');
  return { round, group, actor };
}

/** Saves a group's answers; an empty answer removes it. Unknown questions are refused. */
export async function saveAnswers(db: Db, actor: Actor | null, agreementId: number, roundId: number, groupId: number, input: unknown): Promise<void> {
  const agreement = await getAgreement(db, agreementId);
  const { group, actor: a } = await groupForWriting(db, actor, agreement, roundId, groupId);
  const v = parseInput(ZAnswers, input);
  await db.transaction().execute(async (trx) => {
    const qs = await trx.selectFrom('agreement_input_question').select('id').where('round_id', '=', roundId).execute();
    const known = new Set(qs.map((q) => q.id));
    const entries = Object.entries(v.answers).map(([k, text]) => ({ questionId: Number(k), text: text.trim() }));
    const unknown = entries.filter((e) => !known.has(e.questionId));
    if (unknown.length) throw invalid({ answers: [`Spørgsmål ${unknown.map((u) => u.questionId).join(', ')} findes ikke i runden.`] });
    const before = await trx.selectFrom('agreement_input_answer').selectAll().where('group_id', '=', groupId).execute();
    for (const e of entries) {
      if (e.text === '') await trx.deleteFrom('agreement_input_answer').where('group_id', '=', groupId).where('question_id', '=', e.questionId).execute();
      else
        await trx
          .insertInto('agreement_input_answer')
          .values({ group_id: groupId, question_id: e.questionId, text: e.text })
          .onConflict((oc) => oc.columns(['group_id', 'question_id']).doUpdateSet({ text: e.text, updated_at: new Date() }))
          .execute();
    }
    await audit(trx, a, { entity: 'agreement_input_answer', entityId: group.id, action: 'update', before: before.map((b) => ({ question_id: b.question_id, text: b.text })), after: entries });
  });
}

/** Replaces a group's votes; the total may not exceed the round's allowance. */
export async function saveVotes(db: Db, actor: Actor | null, agreementId: number, roundId: number, groupId: number, input: unknown): Promise<void> {
  const agreement = await getAgreement(db, agreementId);
  const { round, group, actor: a } = await groupForWriting(db, actor, agreement, roundId, groupId);
  if (round.vote_allowance === null) throw conflict('Runden er ikke en prioritering.');
  const v = parseInput(ZVotes, input);
  await db.transaction().execute(async (trx) => {
    const cands = await trx.selectFrom('agreement_input_candidate').select('id').where('round_id', '=', roundId).execute();
    const votes = Object.entries(v.votes).map(([k, n]) => ({ candidateId: Number(k), votes: n }));
    const problems = checkVotes(votes, round.vote_allowance!, cands.map((c) => c.id));
    if (problems.length) throw invalid({ votes: problems });
    const before = await trx.selectFrom('agreement_input_vote').selectAll().where('group_id', '=', groupId).execute();
    await trx.deleteFrom('agreement_input_vote').where('group_id', '=', groupId).execute();
    const rows = votes.filter((x) => x.votes > 0).map((x) => ({ group_id: groupId, candidate_id: x.candidateId, votes: x.votes }));
    if (rows.length) await trx.insertInto('agreement_input_vote').values(rows).execute();
    await audit(trx, a, { entity: 'agreement_input_vote', entityId: group.id, action: 'update', before, after: rows });
  });
}

export async function roundDetails(db: Queryable, roundId: number) {
  const [questions, groups, answers, candidates, votes] = await Promise.all([
    db.selectFrom('agreement_input_question').selectAll().where('round_id', '=', roundId).orderBy('number').execute(),
    db
      .selectFrom('agreement_input_group as g')
      .leftJoin('organisation as o', 'o.id', 'g.organisation_id')
      .selectAll('g')
      .select('o.name as organisation_name')
      .where('g.round_id', '=', roundId)
      .orderBy('g.id')
      .execute(),
    db
      .selectFrom('agreement_input_answer as a')
      .innerJoin('agreement_input_group as g', 'g.id', 'a.group_id')
      .selectAll('a')
      .where('g.round_id', '=', roundId)
      .execute(),
    db.selectFrom('agreement_input_candidate').selectAll().where('round_id', '=', roundId).orderBy('number').execute(),
    db
      .selectFrom('agreement_input_vote as v')
      .innerJoin('agreement_input_group as g', 'g.id', 'v.group_id')
      .selectAll('v')
      .where('g.round_id', '=', roundId)
      .execute(),
  ]);
  return { questions, groups, answers, candidates, votes };
}
