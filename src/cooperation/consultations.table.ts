/**
 * @module Table types of the joint consultations: the case, the members' answers and the dated rule per area.
 */
import type { Generated } from 'kysely';

export const CONSULTATION_KINDS = ['lukning', 'omlaegning', 'enkeltmandstilbud', 'samdrift'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];
export const CONSULTATION_KIND_LABELS: Record<ConsultationKind, string> = {
  lukning: 'Lukning af tilbud',
  omlaegning: 'Omlægning af tilbud',
  enkeltmandstilbud: 'Forespørgsel før enkeltmandstilbud',
  samdrift: 'Forslag om fælles etablering',
};
/** The kinds about a new offering (no existing offering; the need is described without personal data). */
export const NEW_OFFERING_KINDS: readonly ConsultationKind[] = ['enkeltmandstilbud', 'samdrift'];
export const isAboutNewOffering = (kind: ConsultationKind): boolean => NEW_OFFERING_KINDS.includes(kind);

/** The form of a co-establishment proposal. */
export const PROPOSAL_TYPES = ['selskab_60', 'underskudsgaranti', 'andet'] as const;
export type ProposalType = (typeof PROPOSAL_TYPES)[number];
export const PROPOSAL_TYPE_LABELS: Record<ProposalType, string> = {
  selskab_60: 'Selskab efter § 60 i serviceloven',
  underskudsgaranti: 'Underskudsgaranti',
  andet: 'Anden form for fælles etablering',
};

/** The recorded result of an inquiry or a proposal: whether an offering was created (with a link to it). */
export const CONSULTATION_RESULTS = ['oprettet', 'ikke_oprettet'] as const;
export type ConsultationResult = (typeof CONSULTATION_RESULTS)[number];
export const CONSULTATION_RESULT_LABELS: Record<ConsultationResult, string> = {
  oprettet: 'Tilbuddet er oprettet',
  ikke_oprettet: 'Der er ikke oprettet et tilbud',
};

export const CONSULTATION_STATUSES = ['aaben', 'afsluttet'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, string> = { aaben: 'Åben', afsluttet: 'Afsluttet' };

export const OFFERING_ANSWERS = ['ingen_indvendinger', 'bekymring', 'overtage', 'dele_pladser'] as const;
export const SINGLE_ANSWERS = ['har_plads', 'vil_dele', 'nej'] as const;
export const PROPOSAL_ANSWERS = ['vil_deltage', 'deltager_ikke', 'maaske'] as const;
export const CONSULTATION_ANSWERS = [...OFFERING_ANSWERS, ...SINGLE_ANSWERS, ...PROPOSAL_ANSWERS] as const;
export type ConsultationAnswer = (typeof CONSULTATION_ANSWERS)[number];
export const CONSULTATION_ANSWER_LABELS: Record<ConsultationAnswer, string> = {
  ingen_indvendinger: 'Ingen indvendinger',
  bekymring: 'Bekymring',
  overtage: 'Ønsker at overtage tilbuddet',
  dele_pladser: 'Ønsker at dele pladser',
  har_plads: 'Har en plads',
  vil_dele: 'Vil gerne dele',
  nej: 'Nej',
  vil_deltage: 'Vil deltage',
  deltager_ikke: 'Deltager ikke',
  maaske: 'Måske, vil drøfte det',
};
/** The answers a member may give to a case of this kind. */
export const answersFor = (kind: ConsultationKind): readonly ConsultationAnswer[] =>
  kind === 'enkeltmandstilbud' ? SINGLE_ANSWERS : kind === 'samdrift' ? PROPOSAL_ANSWERS : OFFERING_ANSWERS;

export type CoopConsultationTable = {
  id: Generated<number>;
  area_id: number;
  kind: ConsultationKind;
  offering_id: number | null;
  opener_org_id: number;
  title: string;
  description: string;
  deadline: string;
  status: Generated<ConsultationStatus>;
  outcome: string | null;
  decision_text: string | null;
  decision_on: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string;
  closed_by: string | null;
  /** A co-establishment proposal's form (only kind 'samdrift'). */
  proposal_type: ProposalType | null;
  /** An inquiry's or a proposal's recorded result, set when it is closed. */
  result: ConsultationResult | null;
  /** The offering created after the inquiry or proposal (result 'oprettet'). */
  result_offering_id: number | null;
};

export type CoopConsultationAnswerTable = {
  id: Generated<number>;
  consultation_id: number;
  organisation_id: number;
  answer: ConsultationAnswer;
  note: string | null;
  version: Generated<number>;
  answered_by: string;
  updated_at: Generated<Date>;
};

/** Which offerings of an area need a consultation before closure or re-labelling, from a date. */
export type CoopConsultationRuleTable = {
  id: Generated<number>;
  area_id: number;
  /** Only offerings covered by the framework agreement (Sjælland: "tilbudstype B"); else every residential offering. */
  covered_only: boolean;
  note: string;
  valid_from: string;
  valid_to: string | null;
};

declare module '../core/db/types.js' {
  interface DB {
    coop_consultation: CoopConsultationTable;
    coop_consultation_answer: CoopConsultationAnswerTable;
    coop_consultation_rule: CoopConsultationRuleTable;
  }
}
