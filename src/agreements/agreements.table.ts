/**
 * @module Table types for the agreement cycle: agreements with their content (focus areas, objectives,
 * indicators, joint principles, commitments, member statuses), process (phases, milestones, input rounds,
 * versions and hearing comments, approvals) and the vocabulary rows the rules are made of.
 */
import type { Generated, JSONColumnType } from 'kysely';

export type AgreementVocabularyTable = {
  list: string;
  code: string;
  label: string;
  description: string | null;
  sort: number;
  /** 'ok' | 'warn' | 'bad' | 'neutral': a hint for colour; the label is always shown as text too. */
  tone: string;
  counts_as_approval: boolean;
  counts_as_rejection: boolean;
  valid_from: string;
  valid_to: string | null;
};

export type AgreementTable = {
  id: Generated<number>;
  area_id: number;
  title: string;
  period_start: string;
  period_end: string;
  /** Work on the agreement starts here; milestones lie between this date and the period's end. */
  preparation_start: string;
  status: string;
  summary: string | null;
  is_public: Generated<boolean>;
  published_on: string | null;
  hearing_version_id: number | null;
  /** Raised by every change of the agreement's own fields (If-Match / the form's version → 412 when stale). */
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type AgreementStatusEventTable = {
  id: Generated<number>;
  agreement_id: number;
  status: string;
  changed_on: string;
  note: string | null;
  actor_username: string;
  created_at: Generated<Date>;
};

export type FocusAreaTable = {
  id: Generated<number>;
  agreement_id: number;
  part: string;
  number: number;
  title: string;
  goal: string | null;
  content: string | null;
  desired_results: JSONColumnType<string[], string, string>;
  responsible: string | null;
  /** Raised by every change (If-Match / the form's version → 412 when stale). */
  version: Generated<number>;
};

export type ObjectiveTable = {
  id: Generated<number>;
  focus_area_id: number;
  number: number;
  title: string;
  description: string | null;
  /** Raised by every change (If-Match / the form's version → 412 when stale). */
  version: Generated<number>;
};

export type IndicatorTable = {
  id: Generated<number>;
  agreement_id: number;
  objective_id: number | null;
  name: string;
  definition: string | null;
  unit: string;
  direction: 'higher' | 'lower';
  baseline_value: string | null;
  baseline_date: string | null;
  target_value: string | null;
  target_date: string | null;
  /** 'manual' or the code of a computed indicator (see core/indicators.ts). */
  source: string;
  /** Raised by every change (If-Match / the form's version → 412 when stale). */
  version: Generated<number>;
};

export type MeasurementTable = {
  id: Generated<number>;
  indicator_id: number;
  /** null: the whole area. */
  organisation_id: number | null;
  measured_on: string;
  value: string;
  source: string;
  note: string | null;
  created_at: Generated<Date>;
};

export type PrincipleTable = {
  id: Generated<number>;
  agreement_id: number;
  number: number;
  title: string;
  description: string | null;
  /** Raised by every change (If-Match / the form's version → 412 when stale). */
  version: Generated<number>;
};

export type CommitmentTable = {
  id: Generated<number>;
  principle_id: number;
  number: number;
  text: string;
  scope_note: string | null;
  applies_from: string;
  indicator_id: number | null;
  /** Raised by every change (If-Match / the form's version → 412 when stale). */
  version: Generated<number>;
};

export type CommitmentStatusTable = {
  commitment_id: number;
  organisation_id: number;
  status: string;
  status_date: string;
  evidence: string | null;
  updated_by: string;
  updated_at: Generated<Date>;
};

export type PhaseTable = {
  id: Generated<number>;
  agreement_id: number;
  number: number;
  name: string;
  description: string | null;
  starts_on: string;
  ends_on: string;
};

export type MilestoneTable = {
  id: Generated<number>;
  agreement_id: number;
  phase_id: number | null;
  due_on: string;
  title: string;
  responsible: string | null;
  deliverable: string | null;
  status: 'planlagt' | 'gennemfoert';
  completed_on: string | null;
  /** The agreement status whose change completes the milestone (null: completed by hand). */
  completes_on_status: Generated<string | null>;
};

export type InputRoundTable = {
  id: Generated<number>;
  agreement_id: number;
  phase_id: number | null;
  kind: string;
  template: 'fokusomraader' | 'frie';
  title: string;
  held_on: string;
  description: string | null;
  /** Set for a prioritisation round: votes each participant spreads over the candidate actions. */
  vote_allowance: number | null;
  is_open: Generated<boolean>;
};

export type InputQuestionTable = { id: Generated<number>; round_id: number; number: number; text: string; focus_area_id: number | null; aspect: string | null };
export type InputGroupTable = { id: Generated<number>; round_id: number; name: string; kind: string; organisation_id: number | null; created_by: string };
export type InputAnswerTable = { group_id: number; question_id: number; text: string; updated_at: Generated<Date> };
export type InputCandidateTable = { id: Generated<number>; round_id: number; number: number; title: string; description: string | null };
export type InputVoteTable = { group_id: number; candidate_id: number; votes: number };

export type AgreementSectionTable = {
  id: Generated<number>;
  agreement_id: number;
  number: number;
  title: string;
  body: string;
  /** Raised by every change (If-Match / the form's version → 412 when stale). */
  version: Generated<number>;
};

export type VersionContent = Array<{ key: string; label: string; title: string; text: string }>;

export type AgreementVersionTable = {
  id: Generated<number>;
  agreement_id: number;
  number: number;
  created_on: string;
  changelog: string | null;
  content: JSONColumnType<VersionContent, string, string>;
  hearing_until: string | null;
  created_by: string;
  created_at: Generated<Date>;
};

export type HearingCommentTable = {
  id: Generated<number>;
  version_id: number;
  section_key: string;
  organisation_id: number;
  author_username: string;
  text: string;
  created_at: Generated<Date>;
  response: string | null;
  response_reason: string | null;
  responded_at: Date | null;
  responded_by: string | null;
  addressed_in_version_id: number | null;
};

export type ApprovalTable = {
  agreement_id: number;
  organisation_id: number;
  decision: string;
  decided_on: string | null;
  reference: string | null;
  note: string | null;
  updated_by: string;
  updated_at: Generated<Date>;
};

declare module '../core/db/types.js' {
  interface DB {
    agreement_vocabulary: AgreementVocabularyTable;
    agreement: AgreementTable;
    agreement_status_event: AgreementStatusEventTable;
    agreement_focus_area: FocusAreaTable;
    agreement_objective: ObjectiveTable;
    agreement_indicator: IndicatorTable;
    agreement_measurement: MeasurementTable;
    agreement_principle: PrincipleTable;
    agreement_commitment: CommitmentTable;
    agreement_commitment_status: CommitmentStatusTable;
    agreement_phase: PhaseTable;
    agreement_milestone: MilestoneTable;
    agreement_input_round: InputRoundTable;
    agreement_input_question: InputQuestionTable;
    agreement_input_group: InputGroupTable;
    agreement_input_answer: InputAnswerTable;
    agreement_input_candidate: InputCandidateTable;
    agreement_input_vote: InputVoteTable;
    agreement_section: AgreementSectionTable;
    agreement_version: AgreementVersionTable;
    agreement_hearing_comment: HearingCommentTable;
    agreement_approval: ApprovalTable;
  }
}
