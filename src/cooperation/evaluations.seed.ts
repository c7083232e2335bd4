/**
 * @module Demo data of the activities' evaluation surveys, deterministic: most of the demo activities of 2022 and
 * 2023 with a participant count get a short survey (how satisfied, how relevant) answered by about half to three
 * quarters of the participants; every fourth (the second of four) has only the activity's evaluation note.
 */
import type { SeedContext } from '../core/capability.js';

const QUESTIONS = ['Hvor tilfreds var du med dagen?', 'Hvor relevant var indholdet for dit arbejde?'] as const;
/** Shapes of the answers on 1–5, one per activity in turn. */
const SHAPES: ReadonlyArray<readonly number[]> = [
  [1, 2, 6, 18, 13],
  [0, 1, 4, 14, 21],
  [2, 3, 9, 15, 7],
  [0, 2, 5, 20, 9],
  [1, 1, 3, 12, 19],
];
const RATES = [62, 55, 71, 48, 66, 59, 74] as const;

/** Splits `total` in proportion to `weights` by largest remainder (integers that sum to `total`). */
export function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  const missing = total - out.reduce((s, n) => s + n, 0);
  for (let k = 0; k < missing; k++) out[order[k]!.i]! += 1;
  return out;
}

export async function seedEvaluations({ db, log }: SeedContext): Promise<void> {
  const activities = await db
    .selectFrom('coop_activity')
    .select(['id', 'participants'])
    .where('participants', 'is not', null)
    .where('starts_on', '>=', '2022-01-01')
    .where('starts_on', '<=', '2023-12-31')
    .where('created_by', '=', 'system')
    .orderBy('area_id')
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
  let count = 0;
  for (const [i, a] of activities.entries()) {
    if (i % 4 === 1) continue;
    const respondents = Math.floor(((a.participants ?? 0) * RATES[i % RATES.length]!) / 100);
    if (respondents < 5) continue;
    await db.insertInto('coop_activity_survey').values({ activity_id: a.id, respondents, updated_by: 'system' }).execute();
    const satisfied = split(respondents, SHAPES[i % SHAPES.length]!);
    // A few skip the second question.
    const relevant = split(respondents - (i % 3), SHAPES[(i + 2) % SHAPES.length]!);
    await db
      .insertInto('coop_activity_survey_question')
      .values(
        [satisfied, relevant].map((c, q) => ({
          activity_id: a.id,
          position: q + 1,
          text: QUESTIONS[q]!,
          count_1: c[0]!,
          count_2: c[1]!,
          count_3: c[2]!,
          count_4: c[3]!,
          count_5: c[4]!,
        })),
      )
      .execute();
    count += 1;
  }
  log(`${count} evalueringer af aktiviteter`);
}
