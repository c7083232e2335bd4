/**
 * @module Table types for placements: the dated placement rules per agreement area, the operators' vacancy
 * reports (free places now and expected), reservations, and the place searches case workers made.
 */
import type { Generated } from 'kysely';

export const RESERVATION_STATUSES = ['afventer', 'bekraeftet', 'afvist', 'annulleret'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** What a reservation is to a user: its stored status, and "udløbet" for a pending one past its expiry. */
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

export const CONTRACT_STATUSES = ['kladde', 'sendt', 'accepteret'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = { kladde: 'Kladde', sendt: 'Sendt til leverandør', accepteret: 'Accepteret' };

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
};

declare module '../core/db/types.js' {
  interface DB {
    contract_template: ContractTemplateTable;
    contract: ContractTable;
    public_first_reason: PublicFirstReasonTable;
    placement_rule: PlacementRuleTable;
    vacancy_report: VacancyReportTable;
    vacancy_expected: VacancyExpectedTable;
    reservation: ReservationTable;
    place_search: PlaceSearchTable;
    place_search_result: PlaceSearchResultTable;
  }
}
