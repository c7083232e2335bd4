/**
 * @module The rows of the tariff overview and the states of a year's round, as the repository reads them and the
 * pages show them.
 */
import type { TariffStatus } from './tariffs.table.js';

export type OverviewRow = {
  version_id: number;
  version: number;
  status: TariffStatus;
  offering_id: number;
  offering_name: string;
  municipality_code: number;
  municipality_name: string;
  operator_name: string;
  operator_type: string;
  offering_type_name: string;
  is_residential: boolean;
  legal_basis: string;
  target_groups: string | null;
  socialtilsyn_name: string;
  unit: 'day' | 'month' | 'hour';
  basis: string;
  average_tariff: string;
  occupancy_pct_used: string | null;
  nominal_change_pct: string | null;
  real_change_pct: string | null;
  is_flagged: boolean;
  explanation: string | null;
  correction_reason: string | null;
  warning_count: number;
  published_at: Date | null;
  /** "name\tweight\tshare\ttariff" per level, joined by "\n". */
  levels: string;
};

export const parseLevels = (s: string | null) =>
  (s ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name = '', weight = '', share = '', tariff = ''] = line.split('\t');
      return { name, weight, share, tariff };
    });

export const ROUND_STATES = ['mangler', 'kladde', 'indsendt', 'returneret', 'godkendt', 'offentliggjort'] as const;
export type RoundState = (typeof ROUND_STATES)[number];
