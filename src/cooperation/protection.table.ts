/**
 * @module Table types of the protected offerings' watch: the dated trigger rules and procedures per area, the seller's
 * notices, and the mandatory joint dialogue cases with their steps and the members' answers.
 */
import type { Generated } from 'kysely';

export const TRIGGER_KINDS = ['belaegning', 'underskud', 'varsel'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];
export const TRIGGER_KIND_LABELS: Record<TriggerKind, string> = {
  belaegning: 'Belægning under en andel i et antal måneder i træk',
  underskud: 'Underskud i takstgrundlaget over et beløb',
  varsel: 'Sælgers varsel om lukning eller færre pladser',
};

export const NOTICE_KINDS = ['lukning', 'faerre_pladser'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = { lukning: 'Lukning', faerre_pladser: 'Færre pladser' };

export const DIALOGUE_STATUSES = ['aaben', 'afsluttet'] as const;
export type DialogueStatus = (typeof DIALOGUE_STATUSES)[number];
export const DIALOGUE_STATUS_LABELS: Record<DialogueStatus, string> = { aaben: 'Åben', afsluttet: 'Afsluttet' };

export const DIALOGUE_ANSWERS = ['bevar', 'bruger_pladser', 'ingen_behov', 'bekymring'] as const;
export type DialogueAnswer = (typeof DIALOGUE_ANSWERS)[number];
export const DIALOGUE_ANSWER_LABELS: Record<DialogueAnswer, string> = {
  bevar: 'Tilbuddet bør bevares',
  bruger_pladser: 'Vi vil bruge pladser',
  ingen_behov: 'Vi har ikke behov for tilbuddet',
  bekymring: 'Bekymring',
};

export type CoopProtectionTriggerTable = {
  id: Generated<number>;
  area_id: number;
  kind: TriggerKind;
  share_pct: string | null;
  months: number | null;
  amount: string | null;
  /** Days from opening to the members' answer deadline. */
  deadline_days: number;
  note: string | null;
  valid_from: string;
  valid_to: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
};

export type CoopProtectionProcedureTable = {
  id: Generated<number>;
  area_id: number;
  name: string;
  steps: string[];
  valid_from: string;
  valid_to: string | null;
};

export type CoopProtectionNoticeTable = {
  id: Generated<number>;
  offering_id: number;
  kind: NoticeKind;
  places_after: number | null;
  given_on: string;
  effective_on: string;
  text: string;
  recorded_by: string;
  created_at: Generated<Date>;
};

export type CoopDialogueCaseTable = {
  id: Generated<number>;
  area_id: number;
  offering_id: number;
  trigger_id: number;
  procedure_name: string;
  reason: string;
  deadline: string;
  status: Generated<DialogueStatus>;
  outcome: string | null;
  closed_on: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string;
  closed_by: string | null;
};

export type CoopDialogueStepTable = {
  case_id: number;
  sort: number;
  label: string;
  done_on: string | null;
  note: string | null;
  done_by: string | null;
  done_at: Date | null;
};

export type CoopDialogueAnswerTable = {
  id: Generated<number>;
  case_id: number;
  organisation_id: number;
  answer: DialogueAnswer;
  note: string | null;
  version: Generated<number>;
  answered_by: string;
  updated_at: Generated<Date>;
};

declare module '../core/db/types.js' {
  interface DB {
    coop_protection_trigger: CoopProtectionTriggerTable;
    coop_protection_procedure: CoopProtectionProcedureTable;
    coop_protection_notice: CoopProtectionNoticeTable;
    coop_dialogue_case: CoopDialogueCaseTable;
    coop_dialogue_step: CoopDialogueStepTable;
    coop_dialogue_answer: CoopDialogueAnswerTable;
  }
}
