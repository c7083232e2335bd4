/**
 * @module The numbers of an evaluation survey, exact: per question the answers, the mean on the 1–5 scale and the
 * share of each point (decimal strings, one decimal, half up), the share answering 4 or 5, and the response rate.
 */
import { Decimal } from 'decimal.js';

const D = Decimal.clone({ precision: 30, rounding: Decimal.ROUND_HALF_UP });

const pct = (part: number, whole: number): string | null => (whole > 0 ? new D(part).times(100).div(whole).toFixed(1) : null);

export function questionSummary(counts: readonly number[]) {
  const answers = counts.reduce((s, n) => s + n, 0);
  const weighted = counts.reduce((s, n, i) => s + n * (i + 1), 0);
  return {
    answers,
    mean: answers > 0 ? new D(weighted).div(answers).toFixed(1) : null,
    shares: counts.map((n) => pct(n, answers)),
    topShare: pct((counts[3] ?? 0) + (counts[4] ?? 0), answers),
  };
}

export const responseRate = (respondents: number, participants: number | null): string | null =>
  participants === null ? null : pct(respondents, participants);

/** The index of each question whose answers outnumber the respondents. */
export const overCounted = (respondents: number, questions: ReadonlyArray<{ counts: readonly number[] }>): number[] =>
  questions.flatMap((q, i) => (q.counts.reduce((s, n) => s + n, 0) > respondents ? [i] : []));

/** A stored survey as the API and pages show it (null: the activity has none). */
export function presentSurvey(
  s: { activity_id: number; respondents: number; version: number; questions: ReadonlyArray<{ position: number; text: string; counts: number[] }> } | null,
  participants: number | null,
) {
  if (!s) return null;
  return {
    activityId: s.activity_id,
    version: s.version,
    respondents: s.respondents,
    participants,
    responseRate: responseRate(s.respondents, participants),
    questions: s.questions.map((q) => ({ position: q.position, text: q.text, counts: q.counts, ...questionSummary(q.counts) })),
  };
}
export type PresentedSurvey = NonNullable<ReturnType<typeof presentSurvey>>;
