/**
 * @module Table types for settlement: the dated rules, the parties' invoice addresses, statements and lines.
 */
import type { Generated } from 'kysely';

export const STATEMENT_STATUSES = ['kladde', 'sendt', 'bestridt', 'besvaret', 'accepteret'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
export const STATEMENT_STATUS_LABELS: Record<StatementStatus, string> = {
  kladde: 'Kladde',
  sendt: 'Sendt',
  bestridt: 'Bestridt',
  besvaret: 'Besvaret',
  accepteret: 'Godkendt',
};

export const LINE_KINDS = ['contract', 'addon', 'adjustment'] as const;
export type LineKind = (typeof LINE_KINDS)[number];
export const ANSWERS = ['korrigeret', 'fastholdt'] as const;
export type Answer = (typeof ANSWERS)[number];
export const ANSWER_LABELS: Record<Answer, string> = { korrigeret: 'Rettes (korrektion næste måned)', fastholdt: 'Fastholdes' };

export type SettlementRuleTable = {
  id: Generated<number>;
  valid_from: string;
  valid_to: string | null;
  claim_limit_months: number;
  legal_references: string;
  payment_days: number;
  source: string | null;
};

export type SettlementPartyTable = { organisation_id: number; ean: string | null; updated_at: Generated<Date> };

export type SettlementStatementTable = {
  id: Generated<number>;
  month: string;
  seller_org_id: number;
  buyer_org_id: number;
  area_id: number | null;
  status: StatementStatus;
  total: Generated<string>;
  line_count: Generated<number>;
  problem_count: Generated<number>;
  generated_at: Date;
  sent_at: Date | null;
  sent_by: string | null;
  due_date: string | null;
  legal_references: string | null;
  accepted_at: Date | null;
  accepted_by: string | null;
};

export type SettlementLineTable = {
  id: Generated<number>;
  statement_id: number;
  sort: number;
  kind: LineKind;
  contract_id: number | null;
  offering_id: number | null;
  case_reference: string | null;
  period_from: string | null;
  period_to: string | null;
  days: number | null;
  unit: string | null;
  quantity: string | null;
  unit_price: string | null;
  amount: string | null;
  tariff_version_id: number | null;
  tariff_level: string | null;
  problem: string | null;
  text: string | null;
  corrects_line_id: number | null;
  is_old_claim: Generated<boolean>;
  dispute_reason: string | null;
  disputed_at: Date | null;
  disputed_by: string | null;
  answer: Answer | null;
  answer_text: string | null;
  corrected_amount: string | null;
  answered_at: Date | null;
  answered_by: string | null;
};

declare module '../core/db/types.js' {
  interface DB {
    settlement_rule: SettlementRuleTable;
    settlement_party: SettlementPartyTable;
    settlement_statement: SettlementStatementTable;
    settlement_line: SettlementLineTable;
  }
}

// Follow-up of contracts ----------------------------------------------------------------------------------------------

export const DECISIONS = ['fortsaet', 'niveau', 'nedtrapning', 'afslut'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
  fortsaet: 'Fortsæt indsatsen',
  niveau: 'Skift niveau (tillæg til kontrakten til det nye niveaus offentliggjorte takst)',
  nedtrapning: 'Nedtrap til et mindre indgribende tilbud (åbner en pladssøgning)',
  afslut: 'Afslut indsatsen (opsig kontrakten)',
};

export type FollowUpRuleTable = {
  id: Generated<number>;
  valid_from: string;
  valid_to: string | null;
  first_months: number;
  interval_months: number;
  due_soon_days: number;
  source: string;
  /** The fewest citizens an outcome figure is shown for. */
  outcome_min_citizens: Generated<number>;
};
export type ProgressionLevelTable = { scale: string; level: number; label: string; valid_from: string; valid_to: string | null };
export type FollowUpTable = {
  id: Generated<number>;
  contract_id: number;
  buyer_org_id: number;
  due_date: string;
  held_on: string;
  status_report: string;
  scale: string;
  level: number;
  note: string | null;
  decision: Decision;
  /** The new tariff level (decision 'niveau'), and the number of the contract amendment it made. */
  new_level: string | null;
  amendment_number: number | null;
  recorded_at: Date;
  recorded_by: string;
};

declare module '../core/db/types.js' {
  interface DB {
    followup_rule: FollowUpRuleTable;
    progression_level: ProgressionLevelTable;
    followup: FollowUpTable;
  }
}
