/**
 * @module Reading and writing input rounds: the round with its questions and candidate actions, the groups
 * that answer, their answers and their votes.
 */
import type { Insertable } from 'kysely';
import type { Queryable, Trx } from '../core/db/types.js';
import type { InputGroupTable, InputRoundTable } from './agreements.table.js';

/** The agreement's rounds with their phase and the number of groups and answers, by date. */
export const roundsOf = (db: Queryable, agreementId: number) =>
  db
    .selectFrom('agreement_input_round as r')
    .leftJoin('agreement_phase as p', 'p.id', 'r.phase_id')
    .selectAll('r')
    .select('p.name as phase_name')
    .select((eb) => [
      eb
        .selectFrom('agreement_input_group as g')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('g.round_id', '=', 'r.id')
        .as('groups'),
      eb
        .selectFrom('agreement_input_answer as an')
        .innerJoin('agreement_input_group as g2', 'g2.id', 'an.group_id')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('g2.round_id', '=', 'r.id')
        .as('answers'),
    ])
    .where('r.agreement_id', '=', agreementId)
    .orderBy('r.held_on')
    .execute();

export const findRound = (db: Queryable, agreementId: number, roundId: number, lock?: 'share') => {
  const q = db.selectFrom('agreement_input_round').selectAll().where('id', '=', roundId).where('agreement_id', '=', agreementId);
  return (lock === 'share' ? q.forShare() : q).executeTakeFirst();
};

export async function isPhaseOf(db: Queryable, agreementId: number, phaseId: number): Promise<boolean> {
  return !!(await db.selectFrom('agreement_phase').select('id').where('id', '=', phaseId).where('agreement_id', '=', agreementId).executeTakeFirst());
}

export const focusAreaTitles = (db: Queryable, agreementId: number) =>
  db.selectFrom('agreement_focus_area').select(['id', 'number', 'title']).where('agreement_id', '=', agreementId).orderBy('number').execute();

export type NewQuestion = { text: string; focus_area_id: number | null; aspect: string | null };

export async function insertRound(trx: Trx, values: Insertable<InputRoundTable>, questions: readonly NewQuestion[], candidates: readonly string[]) {
  const round = await trx.insertInto('agreement_input_round').values(values).returningAll().executeTakeFirstOrThrow();
  if (questions.length)
    await trx
      .insertInto('agreement_input_question')
      .values(questions.map((q, i) => ({ round_id: round.id, number: i + 1, ...q })))
      .execute();
  if (candidates.length)
    await trx
      .insertInto('agreement_input_candidate')
      .values(candidates.map((title, i) => ({ round_id: round.id, number: i + 1, title, description: null })))
      .execute();
  return round;
}

export const setRoundOpen = (trx: Trx, roundId: number, isOpen: boolean) =>
  trx.updateTable('agreement_input_round').set({ is_open: isOpen }).where('id', '=', roundId).returningAll().executeTakeFirstOrThrow();

export async function isGroupNameTaken(db: Queryable, roundId: number, name: string): Promise<boolean> {
  return !!(await db.selectFrom('agreement_input_group').select('id').where('round_id', '=', roundId).where('name', '=', name).executeTakeFirst());
}
export const insertGroup = (trx: Trx, values: Insertable<InputGroupTable>) =>
  trx.insertInto('agreement_input_group').values(values).returningAll().executeTakeFirstOrThrow();
export const findGroup = (db: Queryable, roundId: number, groupId: number) =>
  db.selectFrom('agreement_input_group').selectAll().where('id', '=', groupId).where('round_id', '=', roundId).executeTakeFirst();

export async function questionIds(db: Queryable, roundId: number): Promise<Set<number>> {
  return new Set((await db.selectFrom('agreement_input_question').select('id').where('round_id', '=', roundId).execute()).map((q) => q.id));
}
export async function candidateIds(db: Queryable, roundId: number): Promise<number[]> {
  return (await db.selectFrom('agreement_input_candidate').select('id').where('round_id', '=', roundId).execute()).map((c) => c.id);
}

export const answersOfGroup = (db: Queryable, groupId: number) =>
  db.selectFrom('agreement_input_answer').selectAll().where('group_id', '=', groupId).orderBy('question_id').execute();

/** Saves one answer; an empty text removes it. */
export async function saveAnswer(trx: Trx, groupId: number, questionId: number, text: string, at: Date): Promise<void> {
  if (text === '') {
    await trx.deleteFrom('agreement_input_answer').where('group_id', '=', groupId).where('question_id', '=', questionId).execute();
    return;
  }
  await trx
    .insertInto('agreement_input_answer')
    .values({ group_id: groupId, question_id: questionId, text, updated_at: at })
    .onConflict((oc) => oc.columns(['group_id', 'question_id']).doUpdateSet({ text, updated_at: at }))
    .execute();
}

export const votesOfGroup = (db: Queryable, groupId: number) =>
  db.selectFrom('agreement_input_vote').selectAll().where('group_id', '=', groupId).orderBy('candidate_id').execute();

/** Replaces a group's votes. */
export async function replaceVotes(trx: Trx, groupId: number, votes: ReadonlyArray<{ candidate_id: number; votes: number }>): Promise<void> {
  await trx.deleteFrom('agreement_input_vote').where('group_id', '=', groupId).execute();
  if (votes.length)
    await trx
      .insertInto('agreement_input_vote')
      .values(votes.map((v) => ({ group_id: groupId, ...v })))
      .execute();
}

/** Everything of one round: questions, groups (with their organisation's name), answers, candidates and votes. */
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
export type RoundDetails = Awaited<ReturnType<typeof roundDetails>>;
