/**
 * @module Pure rules of the agreement cycle: which phase is current, when a milestone is overdue, the
 * principle matrix roll-up, the vote tally of a prioritisation round, the approval count, status changes,
 * indicator progress and the sections a version of the agreement text is generated from. No database here.
 * Shares and progress are exact decimals (decimal.js), never JavaScript floats.
 */
import { Decimal as DecimalBase } from 'decimal.js';
import { formatDate, formatUpTo } from '../core/format.js';

/** Exact decimals: 40 significant digits, ties away from zero, never in exponent notation. */
const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });

// Dates -----------------------------------------------------------------------------------------------

/** 'YYYY-MM-DD' strings compare correctly as strings. */
export const isBefore = (a: string, b: string) => a < b;
export const isWithin = (d: string, from: string, to: string) => d >= from && d <= to;

// Phases and milestones ---------------------------------------------------------------------------------

export type PhaseLike = { id: number; number: number; name: string; starts_on: string; ends_on: string };
export type PhaseState = 'kommende' | 'i_gang' | 'afsluttet';

export function phaseState(phase: Pick<PhaseLike, 'starts_on' | 'ends_on'>, today: string): PhaseState {
  if (today < phase.starts_on) return 'kommende';
  if (today > phase.ends_on) return 'afsluttet';
  return 'i_gang';
}

export type CurrentPhase<P> =
  | { state: 'i_gang'; phase: P }
  | { state: 'foer_start'; next: P }
  | { state: 'mellem_faser'; previous: P; next: P }
  | { state: 'afsluttet'; previous: P }
  | { state: 'ingen_faser' };

/** The current phase follows the dates; nobody switches it by hand. Overlaps: the latest-started wins. */
export function currentPhase<P extends Pick<PhaseLike, 'starts_on' | 'ends_on'>>(phases: readonly P[], today: string): CurrentPhase<P> {
  if (phases.length === 0) return { state: 'ingen_faser' };
  const sorted = [...phases].sort((a, b) => (a.starts_on < b.starts_on ? -1 : a.starts_on > b.starts_on ? 1 : a.ends_on < b.ends_on ? -1 : 1));
  const running = sorted.filter((p) => phaseState(p, today) === 'i_gang');
  if (running.length) return { state: 'i_gang', phase: running[running.length - 1]! };
  const next = sorted.find((p) => p.starts_on > today);
  const previous = [...sorted].reverse().find((p) => p.ends_on < today);
  if (next && previous) return { state: 'mellem_faser', previous, next };
  if (next) return { state: 'foer_start', next };
  return { state: 'afsluttet', previous: previous! };
}

export type MilestoneState = 'gennemfoert' | 'forsinket' | 'planlagt';

/** Overdue is computed: planned and its date has passed. */
export function milestoneState(m: { status: string; due_on: string }, today: string): MilestoneState {
  if (m.status === 'gennemfoert') return 'gennemfoert';
  return m.due_on < today ? 'forsinket' : 'planlagt';
}

// Principle matrix roll-up ------------------------------------------------------------------------------

export const NOT_SET = 'ikke_angivet';

/** `share` is implemented / relevant as an exact decimal string ("0.145"), or null when nothing is relevant. */
export type Tally = { counts: Record<string, number>; total: number; relevant: number; implemented: number; share: string | null };

function emptyTally(statusCodes: readonly string[]): Tally {
  return { counts: Object.fromEntries([...statusCodes, NOT_SET].map((c) => [c, 0])), total: 0, relevant: 0, implemented: 0, share: null };
}

function addTo(t: Tally, status: string) {
  t.counts[status] = (t.counts[status] ?? 0) + 1;
  t.total += 1;
  if (status !== 'ikke_relevant') t.relevant += 1;
  if (status === 'implementeret') t.implemented += 1;
}

function finish(t: Tally): Tally {
  return { ...t, share: t.relevant ? new Decimal(t.implemented).dividedBy(t.relevant).toString() : null };
}

export type Matrix = {
  cell: (commitmentId: number, organisationId: number) => string;
  rows: Map<number, Tally>;
  columns: Map<number, Tally>;
  overall: Tally;
};

/**
 * Commitments × members. A member without a status counts as 'ikke_angivet'. Implementation share = implemented
 * / (all − ikke relevant); null when nothing is relevant.
 */
export function rollupMatrix(
  commitmentIds: readonly number[],
  organisationIds: readonly number[],
  statuses: ReadonlyArray<{ commitment_id: number; organisation_id: number; status: string }>,
  statusCodes: readonly string[],
): Matrix {
  const byKey = new Map(statuses.map((s) => [`${s.commitment_id}:${s.organisation_id}`, s.status]));
  const cell = (c: number, o: number) => byKey.get(`${c}:${o}`) ?? NOT_SET;
  const rows = new Map(commitmentIds.map((c) => [c, emptyTally(statusCodes)]));
  const columns = new Map(organisationIds.map((o) => [o, emptyTally(statusCodes)]));
  const overall = emptyTally(statusCodes);
  for (const c of commitmentIds) {
    for (const o of organisationIds) {
      const s = cell(c, o);
      addTo(rows.get(c)!, s);
      addTo(columns.get(o)!, s);
      addTo(overall, s);
    }
  }
  for (const [k, v] of rows) rows.set(k, finish(v));
  for (const [k, v] of columns) columns.set(k, finish(v));
  return { cell, rows, columns, overall: finish(overall) };
}

// Prioritisation ------------------------------------------------------------------------------------------

/** Returns Danish error messages; empty when the votes fit the allowance. */
export function checkVotes(votes: ReadonlyArray<{ candidateId: number; votes: number }>, allowance: number, candidateIds: readonly number[]): string[] {
  const errors: string[] = [];
  const known = new Set(candidateIds);
  for (const v of votes) {
    if (!known.has(v.candidateId)) errors.push('En stemme gælder en handling, der ikke findes i runden.');
    if (!Number.isInteger(v.votes) || v.votes < 0) errors.push('Stemmer skal være hele tal på 0 eller derover.');
  }
  const total = votes.reduce((s, v) => s + (Number.isFinite(v.votes) ? v.votes : 0), 0);
  if (total > allowance) errors.push(`I har fordelt ${total} stemmer, men hver deltager har kun ${allowance}.`);
  return [...new Set(errors)];
}

export type TallyRow<C> = C & { votes: number; groups: number; rank: number };

/** Sums the votes per candidate; highest first, ties share a rank (1, 2, 2, 4). */
export function tallyVotes<C extends { id: number; number: number }>(
  candidates: readonly C[],
  votes: ReadonlyArray<{ candidate_id: number; votes: number }>,
): TallyRow<C>[] {
  const sum = new Map<number, { votes: number; groups: number }>();
  for (const v of votes) {
    const s = sum.get(v.candidate_id) ?? { votes: 0, groups: 0 };
    s.votes += v.votes;
    if (v.votes > 0) s.groups += 1;
    sum.set(v.candidate_id, s);
  }
  const rows = candidates
    .map((c) => ({ ...c, votes: sum.get(c.id)?.votes ?? 0, groups: sum.get(c.id)?.groups ?? 0, rank: 0 }))
    .sort((a, b) => b.votes - a.votes || a.number - b.number);
  rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1]!.votes === r.votes ? rows[i - 1]!.rank : i + 1));
  return rows;
}

// Approval and status ---------------------------------------------------------------------------------------

export type ApprovalSummary = { approved: number; total: number; rejected: number; pending: number; isAllApproved: boolean };

/** "N af M har godkendt": a member without a decision is pending. `approvalCodes` are the decisions that count as approval. */
export function approvalSummary(
  memberIds: readonly number[],
  decisions: ReadonlyArray<{ organisation_id: number; decision: string }>,
  approvalCodes: readonly string[],
  rejectionCodes: readonly string[],
): ApprovalSummary {
  const byOrg = new Map(decisions.map((d) => [d.organisation_id, d.decision]));
  let approved = 0;
  let rejected = 0;
  for (const m of memberIds) {
    const d = byOrg.get(m);
    if (d && approvalCodes.includes(d)) approved += 1;
    else if (d && rejectionCodes.includes(d)) rejected += 1;
  }
  const total = memberIds.length;
  return { approved, total, rejected, pending: total - approved - rejected, isAllApproved: total > 0 && approved === total };
}

export const STORED_STATUSES = ['under_udarbejdelse', 'i_hoering', 'til_godkendelse', 'godkendt'] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];

export const isStoredStatus = (s: string): s is StoredStatus => (STORED_STATUSES as readonly string[]).includes(s);

/** Hand-made status changes the secretariat may make. 'godkendt' is never chosen: it follows the approvals. */
export const MANUAL_TRANSITIONS: Record<StoredStatus, readonly StoredStatus[]> = {
  under_udarbejdelse: ['i_hoering', 'til_godkendelse'],
  i_hoering: ['under_udarbejdelse', 'til_godkendelse'],
  til_godkendelse: ['under_udarbejdelse'],
  godkendt: [],
};

/**
 * The status changes council decisions make: when every member has approved, 'til_godkendelse' becomes
 * 'godkendt'; an approved agreement that loses an approval goes back. Decisions are registered only in the
 * statuses that have an entry here.
 */
export const DECISION_TRANSITIONS: Record<StoredStatus, readonly StoredStatus[]> = {
  under_udarbejdelse: [],
  i_hoering: [],
  til_godkendelse: ['godkendt'],
  godkendt: ['til_godkendelse'],
};

/**
 * New versions of the text are published while the agreement is drafted or in hearing; once it is sent for
 * approval the councils decide on the version they have, so no new one is published.
 */
export const isOpenForVersions = (status: string): boolean => status === 'under_udarbejdelse' || status === 'i_hoering';

export function canTransition(from: string, to: string): boolean {
  return isStoredStatus(from) && isStoredStatus(to) && MANUAL_TRANSITIONS[from].includes(to);
}

/** May council decisions be registered while the agreement has this status? */
export const isOpenForDecisions = (status: string): boolean => isStoredStatus(status) && DECISION_TRANSITIONS[status].length > 0;

/** After a decision changes: all approved → godkendt; an approved agreement that loses an approval goes back. */
export function statusAfterDecisions(current: string, isAllApproved: boolean): string {
  if (!isStoredStatus(current)) return current;
  const next: StoredStatus | undefined =
    current === 'til_godkendelse' && isAllApproved ? 'godkendt' : current === 'godkendt' && !isAllApproved ? 'til_godkendelse' : undefined;
  return next && DECISION_TRANSITIONS[current].includes(next) ? next : current;
}

/** A member's council decision as registered (none: pending). */
export type DecisionRecord = { decision: string; decided_on: string | null; reference: string | null; note: string | null };

/**
 * Registering a decision creates the member's record, corrects it (another decision, date, reference or
 * remark), or repeats it unchanged, which is refused: two identical registrations (a double click, two
 * browsers) must not both count as the one that was made.
 */
export function decisionChange(before: DecisionRecord | undefined, next: DecisionRecord): 'create' | 'update' | 'unchanged' {
  if (!before) return 'create';
  const same =
    before.decision === next.decision &&
    before.decided_on === next.decided_on &&
    (before.reference ?? null) === (next.reference ?? null) &&
    (before.note ?? null) === (next.note ?? null);
  return same ? 'unchanged' : 'update';
}

/** 'udloebet' is not stored: an approved agreement whose period has ended has expired. */
export function effectiveStatus(status: string, periodEnd: string, today: string): string {
  return status === 'godkendt' && periodEnd < today ? 'udloebet' : status;
}

// Indicators ---------------------------------------------------------------------------------------------

export type Progress = { state: 'ingen_maaling' | 'ingen_maal' | 'naaet' | 'paa_vej' | 'tilbage'; share: string | null };

/**
 * How far the latest value has come from the baseline toward the target, in the indicator's direction.
 * `share` is 0 at the baseline and 1 at the target (may leave [0, 1]), as an exact decimal string.
 */
export function indicatorProgress(direction: 'higher' | 'lower', baseline: string | null, target: string | null, latest: string | null): Progress {
  if (latest === null) return { state: 'ingen_maaling', share: null };
  if (target === null) return { state: 'ingen_maal', share: null };
  const l = new Decimal(latest);
  const t = new Decimal(target);
  const reached = direction === 'higher' ? l.greaterThanOrEqualTo(t) : l.lessThanOrEqualTo(t);
  if (reached) return { state: 'naaet', share: '1' };
  if (baseline === null) return { state: 'paa_vej', share: null };
  const b = new Decimal(baseline);
  if (t.equals(b)) return { state: 'paa_vej', share: null };
  const share = l.minus(b).dividedBy(t.minus(b));
  return { state: share.isNegative() ? 'tilbage' : 'paa_vej', share: share.toString() };
}

/** A share (0.145) as percent points with a fixed number of decimals, rounded half up once: "14.5", "15". */
export function sharePercent(share: string | null, decimals: number): string | null {
  return share === null ? null : new Decimal(share).times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
}

// Parts and focus areas ------------------------------------------------------------------------------------

/**
 * The agreement's parts in reading order, each with its focus areas by number. Focus areas are numbered across the
 * whole agreement, so the part holding the lowest number comes first (focus area 1 before 2 and 3, whichever part
 * it is in); parts without focus areas follow in their vocabulary order.
 */
export function partsInOrder<P extends { code: string }, F extends { part: string; number: number }>(
  parts: readonly P[],
  focusAreas: readonly F[],
): Array<{ part: P; focusAreas: F[] }> {
  const grouped = parts.map((part, index) => ({ part, index, focusAreas: focusAreas.filter((f) => f.part === part.code).sort((a, b) => a.number - b.number) }));
  const first = (g: (typeof grouped)[number]) => g.focusAreas[0]?.number ?? Number.MAX_SAFE_INTEGER;
  return grouped.sort((a, b) => first(a) - first(b) || a.index - b.index).map(({ part, focusAreas: fas }) => ({ part, focusAreas: fas }));
}

// Versions of the agreement text ---------------------------------------------------------------------------

export type VersionSection = { key: string; label: string; title: string; text: string };

export type StructuredContent = {
  freeSections: ReadonlyArray<{ number: number; title: string; body: string }>;
  parts: ReadonlyArray<{ code: string; label: string }>;
  focusAreas: ReadonlyArray<{
    number: number;
    part: string;
    title: string;
    goal: string | null;
    content: string | null;
    desired_results: readonly string[];
    responsible: string | null;
    objectives: ReadonlyArray<{
      number: number;
      title: string;
      description: string | null;
      indicators: ReadonlyArray<{ name: string; unit: string; target_value: string | null; target_date: string | null }>;
    }>;
  }>;
  principles: ReadonlyArray<{
    number: number;
    title: string;
    description: string | null;
    commitments: ReadonlyArray<{ number: number; text: string; scope_note: string | null; applies_from: string }>;
  }>;
};

const lines = (...parts: Array<string | null | undefined | false>) => parts.filter((p): p is string => !!p).join('\n');

/**
 * The sections of one version: free sections first (in number order), then the focus areas part by part, then the
 * joint principles. Keys are stable across versions (`afsnit-2`, `fokus-3`, `princip-1`), so a comment names the
 * section it is about and a later version can still be compared with it.
 */
export function buildVersionSections(c: StructuredContent): VersionSection[] {
  const out: VersionSection[] = [];
  for (const s of [...c.freeSections].sort((a, b) => a.number - b.number))
    out.push({ key: `afsnit-${s.number}`, label: `Afsnit ${s.number}`, title: s.title, text: s.body });
  for (const { part, focusAreas } of partsInOrder(c.parts, c.focusAreas)) {
    for (const f of focusAreas) {
      out.push({
        key: `fokus-${f.number}`,
        label: `${part.label}, fokusområde ${f.number}`,
        title: f.title,
        text: lines(
          f.goal && `Mål: ${f.goal}`,
          f.content && `Indhold: ${f.content}`,
          f.desired_results.length > 0 && `Ønskede resultater:\n${f.desired_results.map((r) => `– ${r}`).join('\n')}`,
          f.responsible && `Ansvarlig: ${f.responsible}`,
          ...f.objectives.map((o) =>
            lines(
              `Målsætning ${f.number}.${o.number}: ${o.title}`,
              o.description,
              ...o.indicators.map(
                (i) =>
                  `Indikator: ${i.name}${i.target_value !== null ? ` (mål: ${formatUpTo(i.target_value, 2)} ${i.unit}${i.target_date ? ` senest ${formatDate(i.target_date)}` : ''})` : ''}`,
              ),
            ),
          ),
        ),
      });
    }
  }
  for (const p of [...c.principles].sort((a, b) => a.number - b.number)) {
    out.push({
      key: `princip-${p.number}`,
      label: `Fælleskommunalt princip ${p.number}`,
      title: p.title,
      text: lines(
        p.description,
        ...p.commitments.map((k) => `${p.number}.${k.number} ${k.text}${k.scope_note ? ` (${k.scope_note})` : ''} – gælder fra ${formatDate(k.applies_from)}`),
      ),
    });
  }
  return out;
}
