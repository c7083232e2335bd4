/**
 * @module Table types for placements: the dated placement rules per agreement area, the operators' vacancy
 * reports (free places now and expected), reservations, and the place searches case workers made.
 */
import type { ColumnType, Generated } from 'kysely';

export const RESERVATION_STATUSES = ['afventer', 'bekraeftet', 'afvist', 'annulleret'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** What a reservation is to a user: its stored status, and "udløbet" for a pending one, or a confirmed one without a contract, past its expiry. */
export type ReservationState = ReservationStatus | 'udloebet';
export const RESERVATION_STATE_LABELS: Record<ReservationState, string> = {
  afventer: 'Afventer leverandøren',
  bekraeftet: 'Bekræftet',
  afvist: 'Afvist',
  annulleret: 'Annulleret',
  udloebet: 'Udløbet',
};

export type PlacementRuleTable = {
  id: Generated<number>;
  area_id: number;
  valid_from: string;
  valid_to: string | null;
  stale_after_days: number;
  reservation_hours: number;
  is_public_first: boolean;
  public_first_search_days: number;
  source: string | null;
  /** How many days a confirmed reservation holds its place for the contract to be drafted. */
  confirmed_hold_days: Generated<number>;
};

export type VacancyReportTable = {
  offering_id: number;
  free_now: number;
  waiting_count: number;
  /** Places taken by citizens whose contracts are not in Ramme (the operator's figure). */
  taken_outside: number;
  note: string | null;
  /** When the figures were last set: reservations made since then count against `free_now`. */
  reported_at: Date;
  reported_by: string;
  /** When the operator last confirmed the report (set with every report and every "no change"). */
  confirmed_at: Date;
  confirmed_by: string;
  version: Generated<number>;
};

export type VacancyExpectedTable = { offering_id: number; expected_date: string; places: number };

export type ReservationTable = {
  id: Generated<number>;
  offering_id: number;
  buyer_org_id: number;
  case_reference: string;
  start_date: string;
  status: ReservationStatus;
  created_at: Generated<Date>;
  created_by: string;
  /** Pending: the answer is due by then. Confirmed: the contract must be drafted by then (the area's hold days). */
  expires_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  decline_reason: string | null;
  search_id: number | null;
};

export type PlaceSearchTable = {
  id: Generated<number>;
  organisation_id: number;
  username: string;
  made_at: Date;
  criteria: unknown;
  is_public_first: boolean;
  public_with_place_count: number;
  result_count: number;
};

export type PlaceSearchResultTable = {
  search_id: number;
  sort: number;
  offering_id: number;
  free_places: number;
  is_public: boolean;
  report_confirmed_at: Date | null;
};

export type PublicFirstReasonTable = { code: string; label: string; sort: number; valid_from: string; valid_to: string | null };

export const CONTRACT_STATUSES = ['kladde', 'sendt', 'accepteret', 'opsagt'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** What a contract is to a user: the stored status, "aktiv" from the start date and "ophoert" after the end (computed). */
export const CONTRACT_STATES = ['kladde', 'sendt', 'accepteret', 'aktiv', 'opsagt', 'ophoert'] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];
export const CONTRACT_STATE_LABELS: Record<ContractState, string> = {
  kladde: 'Kladde',
  sendt: 'Sendt til leverandør',
  accepteret: 'Accepteret',
  aktiv: 'Aktiv',
  opsagt: 'Opsagt',
  ophoert: 'Ophørt',
};
export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = CONTRACT_STATE_LABELS;

export const ADDON_UNITS = ['dag', 'uge', 'maaned', 'time', 'engang'] as const;
export type AddonUnit = (typeof ADDON_UNITS)[number];
export const ADDON_UNIT_LABELS: Record<AddonUnit, string> = { dag: 'pr. dag', uge: 'pr. uge', maaned: 'pr. måned', time: 'pr. time', engang: 'engangsbeløb' };

export const NOTICE_PARTIES = ['koeber', 'leverandoer'] as const;
export type NoticeParty = (typeof NOTICE_PARTIES)[number];
export const NOTICE_PARTY_LABELS: Record<NoticeParty, string> = { koeber: 'Køber (handlekommunen)', leverandoer: 'Leverandøren' };

export const PAYMENT_TIMINGS = ['forud', 'bagud'] as const;
export type PaymentTiming = (typeof PAYMENT_TIMINGS)[number];
export const PAYMENT_TIMING_LABELS: Record<PaymentTiming, string> = { forud: 'Forud', bagud: 'Bagud' };

export type Indexation = 'naeste_takst' | 'pl';
export const INDEXATION_LABELS: Record<Indexation, string> = {
  naeste_takst: 'Prisen reguleres til næste års offentliggjorte takst.',
  pl: 'Prisen reguleres med P/L-satsen fra den seneste økonomiaftale.',
};

export type ContractRuleTable = {
  id: Generated<number>;
  area_id: number;
  valid_from: string;
  valid_to: string | null;
  standard_from: string | null;
  time_limited_from: string | null;
  first_follow_up_months: number;
  is_placeholder: boolean;
  source: string;
};

export type ContractNoticeRuleTable = {
  id: Generated<number>;
  area_id: number;
  offering_type: string | null;
  valid_from: string;
  valid_to: string | null;
  buyer_notice_days: number;
  provider_notice_days: number;
  is_placeholder: boolean;
  source: string;
};

export type ContractAddonTable = {
  contract_id: number;
  sort: number;
  text: string;
  price: string;
  unit: AddonUnit;
  period_from: string;
  period_to: string | null;
};

export type ContractAmendmentTable = {
  id: Generated<number>;
  contract_id: number;
  number: number;
  effective_date: string;
  description: string;
  changes: unknown;
  created_at: Date;
  created_by: string;
};

export type ContractTemplateTable = {
  id: Generated<number>;
  code: string;
  version: number;
  title: string;
  body: string;
  valid_from: string;
  valid_to: string | null;
};

export type ContractTable = {
  id: Generated<number>;
  reservation_id: number | null;
  offering_id: number;
  buyer_org_id: number;
  template_id: number | null;
  is_standard: Generated<boolean>;
  case_reference: string;
  start_date: string;
  end_date: string | null;
  status: ContractStatus;
  tariff_version_id: number | null;
  tariff_level: string | null;
  tariff_price: string | null;
  tariff_unit: string | null;
  search_id: number | null;
  public_first_reason: string | null;
  public_first_text: string | null;
  created_at: Date;
  created_by: string;
  sent_at: Date | null;
  sent_by: string | null;
  accepted_at: Date | null;
  accepted_by: string | null;
  version: Generated<number>;
  buyer_department: string | null;
  buyer_ean: string | null;
  paying_org_id: number | null;
  paying_department: string | null;
  paying_ean: string | null;
  provider_ean: string | null;
  provider_cvr: string | null;
  buyer_contact_name: string | null;
  buyer_contact_phone: string | null;
  buyer_contact_email: string | null;
  provider_contact_name: string | null;
  provider_contact_phone: string | null;
  provider_contact_email: string | null;
  indexation: Indexation | null;
  expected_duration_months: number | null;
  buyer_notice_days: number | null;
  provider_notice_days: number | null;
  notice_rule_id: number | null;
  goals: string | null;
  /** Follow-up dates (yyyy-mm-dd), in order. */
  follow_up_dates: ColumnType<string[], string | undefined, string>;
  payment_timing: PaymentTiming | null;
  payment_days: number | null;
  notice_party: NoticeParty | null;
  notice_given_on: string | null;
  notice_given_at: Date | null;
  notice_given_by: string | null;
  notice_end_date: string | null;
  is_imported: Generated<boolean>;
  /** The end date in force after the latest amendment (derived, kept in the amendment's transaction); `end_date` stays the original. */
  current_end_date: string | null;
};

declare module '../core/db/types.js' {
  interface DB {
    contract_template: ContractTemplateTable;
    contract: ContractTable;
    contract_rule: ContractRuleTable;
    contract_notice_rule: ContractNoticeRuleTable;
    contract_addon: ContractAddonTable;
    contract_amendment: ContractAmendmentTable;
    public_first_reason: PublicFirstReasonTable;
    placement_rule: PlacementRuleTable;
    vacancy_report: VacancyReportTable;
    vacancy_expected: VacancyExpectedTable;
    reservation: ReservationTable;
    place_search: PlaceSearchTable;
    place_search_result: PlaceSearchResultTable;
  }
}
