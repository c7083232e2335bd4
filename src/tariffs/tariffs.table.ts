/**
 * @module Table types for tariffs: the agreement's tariff rules per area and period, the yearly P/L index,
 * actual occupancy per offering and year, tariffs (offering × year) with their versions and levels, and the
 * publications of the tariff overview.
 */
import type { Generated, JSONColumnType } from 'kysely';
import type { CalcInput, CalcRules } from './calculation.js';

export const TARIFF_STATUSES = ['kladde', 'indsendt', 'returneret', 'godkendt', 'offentliggjort'] as const;
export type TariffStatus = (typeof TARIFF_STATUSES)[number];
export const STATUS_LABELS: Record<TariffStatus, string> = {
  kladde: 'Kladde',
  indsendt: 'Indsendt',
  returneret: 'Sendt retur',
  godkendt: 'Godkendt',
  offentliggjort: 'Offentliggjort',
};
/** Statuses of a version that is still being worked on (at most one per tariff). */
export const OPEN_STATUSES: readonly TariffStatus[] = ['kladde', 'indsendt', 'returneret', 'godkendt'];

export const INCREASE_BASES = ['nominal', 'real'] as const;
export type IncreaseBasis = (typeof INCREASE_BASES)[number];
export const INCREASE_BASIS_LABELS: Record<IncreaseBasis, string> = { nominal: 'nominel stigning', real: 'real stigning (ud over P/L)' };

export type TariffRuleTable = {
  id: Generated<number>;
  area_id: number;
  valid_from: string;
  valid_to: string | null;
  retain_limit_pct: string;
  occupancy_floor_pct: string;
  short_stay_floor_pct: string;
  occupancy_ceiling_pct: string;
  recommended_max_pct: string;
  overhead_cap_pct: string | null;
  increase_threshold_pct: string;
  increase_basis: IncreaseBasis;
  /** 'MM-DD' in the year before the tariff year. */
  submission_deadline_md: string;
  /** 'MM-DD' dates of the steering group's reviews in each calendar year. */
  review_dates_md: string[];
  source: string | null;
  created_at: Generated<Date>;
};

export type TariffPriceIndexTable = { year: number; pct: string; source: string };

export type TariffActualOccupancyTable = { offering_id: number; year: number; occupancy_pct: string; source: string };

export type TariffTable = { id: Generated<number>; offering_id: number; year: number; area_id: number; created_at: Generated<Date> };

/** The rules a version was calculated with, kept so the calculation can always be repeated. */
export type RulesSnapshot = CalcRules & { increaseThresholdPct: string; increaseBasis: IncreaseBasis; plPct: string | null; deadline: string };

export type TariffVersionTable = {
  id: Generated<number>;
  tariff_id: number;
  version: number;
  status: TariffStatus;
  unit: string;
  input: JSONColumnType<CalcInput, string, string>;
  rules: JSONColumnType<RulesSnapshot, string, string>;
  basis: string;
  overhead: string;
  overhead_pct: string | null;
  occupancy_pct_used: string | null;
  occupancy_source: string;
  capacity_units: string;
  average_tariff: string;
  warnings: JSONColumnType<string[], string, string>;
  prev_version_id: number | null;
  nominal_change_pct: string | null;
  real_change_pct: string | null;
  is_flagged: boolean;
  explanation: string | null;
  correction_reason: string | null;
  return_comment: string | null;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Raised by every change of the row (not the tariff's version number): its ETag, checked against If-Match (412). */
  revision: Generated<number>;
  submitted_at: Date | null;
  submitted_by: string | null;
  is_on_time: boolean | null;
  approved_at: Date | null;
  approved_by: string | null;
  published_at: Date | null;
  publication_id: number | null;
  superseded_at: Date | null;
};

export type TariffLevelTable = { version_id: number; sort: number; name: string; weight: string; share: string; tariff: string };

export type TariffIncreaseReportTable = {
  id: Generated<number>;
  area_id: number;
  period: string;
  status: Generated<'sendt'>;
  sent_on: string;
  sent_by: string;
  reference: string | null;
  version_ids: number[];
  recorded_by: string;
  recorded_at: Generated<Date>;
};

export type TariffPublicationTable = {
  id: Generated<number>;
  area_id: number;
  year: number;
  published_at: Generated<Date>;
  published_by: string;
  version_count: number;
};

declare module '../core/db/types.js' {
  interface DB {
    tariff_rule: TariffRuleTable;
    tariff_price_index: TariffPriceIndexTable;
    tariff_increase_report: TariffIncreaseReportTable;
    tariff_actual_occupancy: TariffActualOccupancyTable;
    tariff: TariffTable;
    tariff_version: TariffVersionTable;
    tariff_level: TariffLevelTable;
    tariff_publication: TariffPublicationTable;
  }
}
