/**
 * @module Request schemas for the agreement cycle, camelCase. The same schema serves the JSON API and the HTML
 * forms (whose fields carry the same names): forms send strings, so optional fields accept '' (→ null),
 * numbers accept a decimal comma, and lists accept one item per line. Unknown keys (a form's `_csrf`) are
 * dropped.
 */
import { z } from 'zod';
import { zDate, zOptText, zText } from '../core/validation.js';

const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
export const zOptDate = z.preprocess(blankToNull, zDate.nullable());
/** A measurement as an exact decimal string; '12,5' and 12.5 both become '12.5'. */
export const zDecimal = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().replace(/\s/g, '').replace(',', '.') : v),
  z.string().regex(/^-?\d{1,12}(\.\d{1,6})?$/, 'Skal være et tal, fx 12,5.'),
);
export const zOptDecimal = z.preprocess(blankToNull, zDecimal.nullable());
export const zInt = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), z.number().int('Skal være et heltal.').min(min).max(max));
export const zOptInt = (min: number, max: number) => z.preprocess(blankToNull, zInt(min, max).nullable());
/** A list of short texts: an array, or a text with one item per line. */
export const zLines = (maxItems: number, maxLength: number) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(/\r?\n/)
            .map((x) => x.trim())
            .filter(Boolean)
        : (v ?? []),
    z.array(z.string().trim().min(1).max(maxLength)).max(maxItems),
  );

const zFlag = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean());

export const ZAgreement = z.object({
  areaId: zInt(1, 1_000_000).optional(),
  title: zText(200),
  periodStart: zDate,
  periodEnd: zDate,
  preparationStart: zDate,
  summary: zOptText(4000),
});
export type TAgreement = z.infer<typeof ZAgreement>;

export const ZStatusChange = z.object({
  status: z.enum(['under_udarbejdelse', 'i_hoering', 'til_godkendelse']),
  note: zOptText(1000),
  hearingUntil: zOptDate.optional(),
  /** Confirms that a hearing whose deadline has not passed is closed early (no more responses). */
  closeHearingEarly: zFlag.optional(),
});
/** Publication is confirmed: the secretariat has seen who will see it and how far the approval has come. */
export const ZPublish = z.object({ isPublic: zFlag, isConfirmed: zFlag.optional() });

export const ZFocusArea = z.object({
  part: z.enum(['udvikling', 'styring']),
  number: zInt(1, 99),
  title: zText(300),
  goal: zOptText(4000),
  content: zOptText(10000),
  desiredResults: zLines(30, 1000),
  responsible: zOptText(300),
});

export const ZObjective = z.object({ number: zInt(1, 99), title: zText(500), description: zOptText(4000) });

export const ZIndicator = z.object({
  objectiveId: zOptInt(1, 2147483647).optional(),
  name: zText(300),
  definition: zOptText(4000),
  unit: zText(60),
  direction: z.enum(['higher', 'lower']),
  baselineValue: zOptDecimal.optional(),
  baselineDate: zOptDate.optional(),
  targetValue: zOptDecimal.optional(),
  targetDate: zOptDate.optional(),
  source: z.string().trim().min(1).max(100).default('manual'),
});

export const ZMeasurement = z.object({
  organisationId: zOptInt(1, 2147483647).optional(),
  measuredOn: zDate,
  value: zDecimal,
  source: zText(300),
  note: zOptText(2000),
});

export const ZPrinciple = z.object({ number: zInt(1, 99), title: zText(300), description: zOptText(4000) });

export const ZCommitment = z.object({
  number: zInt(1, 99),
  text: zText(1000),
  scopeNote: zOptText(500),
  appliesFrom: zDate,
  indicatorId: zOptInt(1, 2147483647).optional(),
});

export const ZCommitmentStatus = z.object({ status: z.string().trim().min(1).max(40), statusDate: zDate, evidence: zOptText(2000) });

/** A member's statuses for several commitments at once (the form on the matrix page). */
export const ZCommitmentStatuses = z.object({
  items: z.array(z.object({ commitmentId: zInt(1, 2147483647), status: z.string().trim().max(40), statusDate: zOptDate, evidence: zOptText(2000) })).max(200),
});

export const ZSection = z.object({ number: zInt(1, 99), title: zText(300), body: zText(20000) });

export const ZPhase = z.object({ number: zInt(1, 99), name: zText(200), description: zOptText(2000), startsOn: zDate, endsOn: zDate });

export const ZMilestone = z.object({
  phaseId: zOptInt(1, 2147483647).optional(),
  dueOn: zDate,
  title: zText(300),
  responsible: zOptText(300),
  deliverable: zOptText(1000),
  status: z.enum(['planlagt', 'gennemfoert']).default('planlagt'),
  completedOn: zOptDate.optional(),
  /** The agreement status whose change completes the milestone ('' or absent: completed by hand). */
  completesOnStatus: z.preprocess(blankToNull, z.enum(['i_hoering', 'til_godkendelse', 'godkendt']).nullable()).optional(),
});

export const ZApproval = z.object({
  decision: z.string().trim().min(1).max(60),
  decidedOn: zOptDate.optional(),
  reference: zOptText(300),
  note: zOptText(2000),
});

export const ZRound = z.object({
  kind: z.string().trim().min(1).max(40),
  template: z.enum(['fokusomraader', 'frie']),
  title: zText(300),
  heldOn: zDate,
  phaseId: zOptInt(1, 2147483647).optional(),
  description: zOptText(4000),
  /** Free questions, one per line (template 'frie'). */
  questions: zLines(40, 1000).optional(),
  /** Candidate actions for a prioritisation, one per line. */
  candidates: zLines(60, 500).optional(),
  voteAllowance: zOptInt(1, 1000).optional(),
});

export const ZGroup = z.object({ name: zText(200), kind: z.string().trim().min(1).max(40), organisationId: zOptInt(1, 2147483647).optional() });

/** Answers keyed by question id: `{ answers: { "12": "tekst" } }`; forms send `answer_12`. */
export const ZAnswers = z.object({ answers: z.record(z.string().regex(/^\d+$/), z.string().max(10000)) });
export const ZVotes = z.object({ votes: z.record(z.string().regex(/^\d+$/), zInt(0, 1000)) });

export const ZVersion = z.object({ changelog: zText(10000), addressedCommentIds: z.array(zInt(1, 2147483647)).max(500).default([]) });
export const ZComment = z.object({ sectionKey: z.string().trim().min(1).max(60), text: zText(10000) });
export const ZResponse = z.object({ response: z.enum(['taget_ind', 'delvist_taget_ind', 'ikke_taget_ind']), responseReason: zText(4000) });

/** Turns form fields `prefix_<id>` into `{ "<id>": value }`. */
export function pickPrefixed(body: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body ?? {})) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}
